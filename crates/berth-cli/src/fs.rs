//! `berth fs ls | mkdir | mv | rm | cat | upload | download`: the folder
//! explorer and transfers. Paths are written `FOLDER:PATH`, relative to the
//! folder; the core refuses any path that would leave it.

use crate::Outcome;
use crate::output::{Output, Table, human_bytes};
use berth_core::projects::Project;
use berth_core::storage::download_to::download_to;
use berth_core::storage::explorer::{Explorer, ListQuery, SortKey};
use berth_core::storage::transfer::{
    self, CancelToken, Conflict, Progress, TransferOptions, TransferReport,
};
use berth_core::{Berth, Error, Result};
use clap::Subcommand;
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum FsCommand {
    /// List a directory (directories first).
    Ls {
        /// FOLDER or FOLDER:PATH.
        target: String,
        /// name, size or modified.
        #[arg(long, default_value = "name", value_parser = choice::<SortKey>)]
        sort: SortKey,
        /// Reverse the order (directories stay first).
        #[arg(long)]
        reverse: bool,
        /// Skip this many entries.
        #[arg(long, default_value_t = 0)]
        offset: u64,
        /// Show at most this many entries.
        #[arg(long)]
        limit: Option<u64>,
    },
    /// Make a directory, with its parents.
    Mkdir {
        /// FOLDER:PATH.
        target: String,
    },
    /// Rename or move an entry within its folder.
    Mv {
        /// FOLDER:FROM.
        source: String,
        /// The new path in the same folder.
        to: String,
    },
    /// Remove an entry.
    Rm {
        /// Remove directories and their contents.
        #[arg(short = 'r', long)]
        recursive: bool,
        /// FOLDER:PATH.
        target: String,
    },
    /// Print a text file (up to 1 MiB).
    Cat {
        /// FOLDER:PATH.
        target: String,
    },
    /// Copy host files and directories into a folder.
    Upload {
        /// FOLDER or FOLDER:DIR.
        target: String,
        /// Host files and directories.
        #[arg(required = true)]
        sources: Vec<PathBuf>,
        /// What to do when a name exists: overwrite, skip or rename.
        #[arg(long, default_value = "skip", value_parser = choice::<Conflict>)]
        on_conflict: Conflict,
    },
    /// Copy a folder file or directory to the host.
    Download {
        /// FOLDER:PATH.
        source: String,
        /// A host directory to copy into, or a new path.
        dest: PathBuf,
        /// What to do when a name exists: overwrite, skip or rename.
        #[arg(long, default_value = "skip", value_parser = choice::<Conflict>)]
        on_conflict: Conflict,
    },
}

/// Parses a choice by its JSON name (`"name"`, `"overwrite"`…), so the CLI
/// accepts exactly what the JSON output and the app use.
fn choice<T: serde::de::DeserializeOwned>(text: &str) -> std::result::Result<T, String> {
    serde_json::from_value(serde_json::Value::String(text.to_owned())).map_err(|e| e.to_string())
}

/// `FOLDER[:PATH]` split at the first `:` (folder names have none).
fn split_target(target: &str) -> (&str, &str) {
    target.split_once(':').unwrap_or((target, ""))
}

fn require_path(target: &str) -> Result<(&str, &str)> {
    match split_target(target) {
        (folder, path) if !path.is_empty() => Ok((folder, path)),
        _ => Err(Error::InvalidPath {
            path: target.to_owned(),
            reason: "expected FOLDER:PATH".to_owned(),
        }),
    }
}

/// Opens a folder for the explorer; `write` refuses read-only folders.
fn open(berth: &Berth, project: &Project, name: &str, write: bool) -> Result<Explorer> {
    let folder = berth.folder(project, name)?;
    if write {
        berth.check_writable(&folder)?;
    }
    Explorer::open(&berth.folder_root(&folder)?)
}

pub async fn run(
    berth: &Berth,
    project: &Project,
    command: &FsCommand,
    out: &Output,
) -> Result<Outcome> {
    match command {
        FsCommand::Ls {
            target,
            sort,
            reverse,
            offset,
            limit,
        } => {
            let (folder, path) = split_target(target);
            let query = ListQuery {
                sort: *sort,
                descending: *reverse,
                offset: *offset,
                limit: limit.unwrap_or(u64::MAX),
            };
            let page = open(berth, project, folder, false)?.list(path, &query)?;
            if out.json {
                out.json(&page.entries);
            } else {
                let mut table = Table::new(["KIND", "SIZE", "MODIFIED", "NAME"]);
                for entry in &page.entries {
                    let kind = serde_json::to_value(entry.kind).expect("serialisable kind");
                    let size = human_bytes(entry.size);
                    table.row([
                        kind.as_str().unwrap_or(""),
                        &size,
                        &entry.modified,
                        &entry.name,
                    ]);
                }
                table.print();
            }
        }
        FsCommand::Mkdir { target } => {
            let (folder, path) = require_path(target)?;
            open(berth, project, folder, true)?.mkdir(path, true)?;
            out.value(&json!({ "created": path }), || format!("created {target}"));
        }
        FsCommand::Mv { source, to } => {
            let (folder, from) = require_path(source)?;
            open(berth, project, folder, true)?.rename(from, to, false)?;
            out.value(&json!({ "from": from, "to": to }), || {
                format!("moved {from} to {to} in {folder}")
            });
        }
        FsCommand::Rm { recursive, target } => {
            let (folder, path) = require_path(target)?;
            open(berth, project, folder, true)?.remove(path, *recursive)?;
            out.value(&json!({ "removed": path }), || format!("removed {target}"));
        }
        FsCommand::Cat { target } => {
            let (folder, path) = require_path(target)?;
            let content = open(berth, project, folder, false)?.read_text(path)?;
            if out.json {
                out.json(&json!({ "path": path, "content": content }));
            } else {
                print!("{content}");
            }
        }
        FsCommand::Upload {
            target,
            sources,
            on_conflict,
        } => {
            let (folder, dir) = split_target(target);
            let explorer = open(berth, project, folder, true)?;
            transfer::clean_leftovers(&explorer)?;
            let (sources, dir) = (sources.clone(), dir.to_owned());
            let report = with_progress(out, *on_conflict, move |options, progress| {
                transfer::upload(&explorer, &sources, &dir, options, progress)
            })
            .await?;
            print_report(out, &report, "uploaded");
        }
        FsCommand::Download {
            source,
            dest,
            on_conflict,
        } => {
            let (folder, path) = require_path(source)?;
            let explorer = open(berth, project, folder, false)?;
            let (path, dest) = (path.to_owned(), dest.clone());
            let report = with_progress(out, *on_conflict, move |options, progress| {
                download_to(&explorer, &path, &dest, options, progress)
            })
            .await?;
            print_report(out, &report, "downloaded");
        }
    }
    Ok(Outcome::SUCCESS)
}

/// Runs a transfer on a blocking thread with a progress bar on stderr (a
/// terminal only, never under `--json`), cancelled by Ctrl-C.
async fn with_progress(
    out: &Output,
    conflict: Conflict,
    work: impl FnOnce(&TransferOptions, &mut dyn FnMut(&Progress)) -> Result<TransferReport>
    + Send
    + 'static,
) -> Result<TransferReport> {
    let cancel = CancelToken::new();
    let options = TransferOptions {
        conflict,
        cancel: cancel.clone(),
        ..TransferOptions::default()
    };
    let bar = (!out.json && std::io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template(
                "{bar:30} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} {msg}",
            )
            .expect("valid template"),
        );
        bar
    });
    let task_bar = bar.clone();
    let task = tokio::task::spawn_blocking(move || {
        work(&options, &mut |p| {
            if let Some(bar) = &task_bar {
                bar.set_length(p.bytes_total);
                bar.set_position(p.bytes_done);
                bar.set_message(format!(
                    "{}/{} files {}",
                    p.files_done, p.files_total, p.current_file
                ));
            }
        })
    });
    tokio::pin!(task);
    let result = tokio::select! {
        result = &mut task => result,
        _ = tokio::signal::ctrl_c() => {
            cancel.cancel();
            task.await
        }
    };
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    result.map_err(|e| Error::Io {
        path: "transfer".to_owned(),
        reason: e.to_string(),
    })?
}

fn print_report(out: &Output, report: &TransferReport, verb: &str) {
    out.value(report, || {
        format!(
            "{verb} {} file(s), {}",
            report.files,
            human_bytes(report.bytes)
        )
    });
    if !out.json {
        for skipped in &report.skipped {
            eprintln!("skipped {}: {}", skipped.path, skipped.reason);
        }
    }
}
