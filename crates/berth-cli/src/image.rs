//! `berth image list | pull | rm`.

use crate::Outcome;
use crate::output::{Output, Table, human_bytes};
use berth_core::Result;
use berth_core::engine::Engine;
use berth_core::engine::images::{PullProgress, with_default_tag};
use clap::Subcommand;
use serde_json::json;
use std::io::IsTerminal;

#[derive(Subcommand)]
pub enum ImageCommand {
    /// List the engine's local images.
    List,
    /// Pull an image (":latest" when no tag is given).
    Pull {
        #[arg(value_name = "REF")]
        reference: String,
    },
    /// Remove a local image.
    Rm {
        #[arg(value_name = "REF")]
        reference: String,
    },
}

pub async fn run(command: &ImageCommand, out: &Output) -> Result<Outcome> {
    let engine = Engine::from_env().await?;
    match command {
        ImageCommand::List => {
            let images = engine.list_images().await?;
            if out.json {
                out.json(&images);
            } else {
                let mut table = Table::new(["IMAGE", "ID", "SIZE"]);
                for image in &images {
                    let id = image.id.trim_start_matches("sha256:");
                    let size = human_bytes(image.size_bytes);
                    let names = if image.tags.is_empty() {
                        vec!["<none>".to_owned()]
                    } else {
                        image.tags.clone()
                    };
                    for name in &names {
                        table.row([name, &id[..id.len().min(12)], &size]);
                    }
                }
                table.print();
            }
        }
        ImageCommand::Pull { reference } => {
            let reference = with_default_tag(reference);
            let show = std::io::stderr().is_terminal() && !out.json;
            engine
                .pull_image(&reference, |progress| {
                    if show {
                        print_pull_progress(progress);
                    }
                })
                .await?;
            out.value(&json!({ "reference": reference, "pulled": true }), || {
                format!("pulled {reference}")
            });
        }
        ImageCommand::Rm { reference } => {
            engine.remove_image(reference).await?;
            out.value(&json!({ "reference": reference, "removed": true }), || {
                format!("removed {reference}")
            });
        }
    }
    Ok(Outcome::SUCCESS)
}

/// One line on stderr per progress message of a pull.
pub fn print_pull_progress(progress: &PullProgress) {
    let layer = progress.layer.as_deref().unwrap_or("");
    match (progress.current, progress.total) {
        (Some(done), Some(total)) if total > 0 => eprintln!(
            "{layer} {}: {} / {}",
            progress.status,
            human_bytes(done),
            human_bytes(total)
        ),
        _ => eprintln!("{layer} {}", progress.status),
    }
}
