//! `berth host list | add | remove`.

use crate::Outcome;
use crate::output::{Output, Table, human_bytes};
use berth_core::{Berth, Result};
use clap::Subcommand;
use serde_json::json;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum HostCommand {
    /// List storage hosts with the space on each.
    List,
    /// Add a storage host over an existing directory.
    Add { name: String, path: PathBuf },
    /// Remove a storage host that holds no folders.
    Remove { name: String },
}

pub fn run(berth: &Berth, command: &HostCommand, out: &Output) -> Result<Outcome> {
    match command {
        HostCommand::List => {
            let hosts = berth.list_storage_hosts()?;
            if out.json {
                out.json(&hosts);
            } else {
                let mut table = Table::new(["NAME", "PATH", "USED", "FREE", "TOTAL"]);
                for host in &hosts {
                    let (used, free, total) = match host.usage {
                        Some(u) => (
                            human_bytes(u.used_bytes),
                            human_bytes(u.free_bytes),
                            human_bytes(u.total_bytes),
                        ),
                        None => ("unavailable".into(), "-".into(), "-".into()),
                    };
                    table.row([&host.name, &host.path, &used, &free, &total]);
                }
                table.print();
            }
        }
        HostCommand::Add { name, path } => {
            let host = berth.add_storage_host(name, path)?;
            out.value(&host, || {
                format!("added storage host {} at {}", host.name, host.path)
            });
        }
        HostCommand::Remove { name } => {
            berth.remove_storage_host(name)?;
            out.value(&json!({ "removed": name }), || {
                format!("removed storage host {name}")
            });
        }
    }
    Ok(Outcome::SUCCESS)
}
