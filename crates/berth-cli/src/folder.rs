//! `berth folder create | list | info | rename | delete | restore | purge`.

use crate::Outcome;
use crate::output::{Output, Table, human_bytes};
use berth_core::projects::Project;
use berth_core::storage::{Folder, FolderOptions, FolderStatus, FolderType, Permission, UsageMode};
use berth_core::{Berth, Result};
use clap::Subcommand;
use serde_json::json;

#[derive(Subcommand)]
pub enum FolderCommand {
    /// Create a folder (a leading '.' makes it an automount folder).
    Create {
        name: String,
        /// Storage host (default: local).
        #[arg(long)]
        host: Option<String>,
        /// general, model or data.
        #[arg(long = "usage", default_value = "general")]
        usage_mode: UsageMode,
        /// rw or ro.
        #[arg(long, default_value = "rw")]
        permission: Permission,
        /// user (every project) or project (the current one only).
        #[arg(long = "type", default_value = "user")]
        folder_type: FolderType,
    },
    /// List the folders the project sees.
    List {
        /// List the trash instead.
        #[arg(long)]
        trash: bool,
    },
    /// Show one folder, with its size computed now.
    Info { name: String },
    /// Rename a folder (its data does not move).
    Rename { name: String, new_name: String },
    /// Move a folder to the trash.
    Delete { name: String },
    /// Bring a folder back from the trash.
    Restore { name: String },
    /// Delete a folder and its data for good.
    Purge {
        name: String,
        /// The folder's name again.
        #[arg(long, value_name = "NAME", required = true)]
        confirm: String,
    },
}

pub fn run(
    berth: &Berth,
    project: &Project,
    command: &FolderCommand,
    out: &Output,
) -> Result<Outcome> {
    match command {
        FolderCommand::Create {
            name,
            host,
            usage_mode,
            permission,
            folder_type,
        } => {
            let options = FolderOptions {
                host: host.clone(),
                usage_mode: *usage_mode,
                permission: *permission,
                folder_type: *folder_type,
            };
            let folder = berth.create_folder(project, name, &options)?;
            out.value(&folder, || {
                let automount = if folder.automount {
                    " (automount: mounted into every session)"
                } else {
                    ""
                };
                format!("created folder {}{automount}", folder.name)
            });
        }
        FolderCommand::List { trash } => {
            let status = if *trash {
                FolderStatus::Trashed
            } else {
                FolderStatus::Ready
            };
            let folders = berth.list_folders(project, status)?;
            if out.json {
                out.json(&folders);
            } else {
                print_folders(&folders);
            }
        }
        FolderCommand::Info { name } => {
            let mut folder = berth.folder(project, name)?;
            folder.size_bytes = Some(berth.refresh_folder_size(&folder)?);
            let root = berth.folder_root(&folder)?;
            let sessions = berth.sessions_mounting(&folder)?;
            if out.json {
                let mut value = serde_json::to_value(&folder).expect("serialisable folder");
                value["path"] = json!(root);
                value["mounted_by"] = json!(sessions);
                out.json(&value);
            } else {
                print_folders(std::slice::from_ref(&folder));
                println!("id      {}", folder.id);
                println!("path    {}", root.display());
                if !sessions.is_empty() {
                    println!("mounted by {}", sessions.join(", "));
                }
            }
        }
        FolderCommand::Rename { name, new_name } => {
            let folder = berth.rename_folder(project, name, new_name)?;
            out.value(&folder, || {
                format!("renamed folder {name} to {}", folder.name)
            });
        }
        FolderCommand::Delete { name } => {
            let folder = berth.trash_folder(project, name)?;
            out.value(&folder, || format!("moved folder {name} to the trash"));
        }
        FolderCommand::Restore { name } => {
            let folder = berth.restore_folder(project, name)?;
            out.value(&folder, || format!("restored folder {name}"));
        }
        FolderCommand::Purge { name, confirm } => {
            berth.purge_folder(project, name, confirm)?;
            out.value(&json!({ "purged": name }), || {
                format!("purged folder {name} and its data")
            });
        }
    }
    Ok(Outcome::SUCCESS)
}

fn print_folders(folders: &[Folder]) {
    let mut table = Table::new([
        "NAME", "USAGE", "HOST", "PERM", "TYPE", "STATUS", "SIZE", "CREATED",
    ]);
    for f in folders {
        let size = f.size_bytes.map(human_bytes).unwrap_or_else(|| "-".into());
        table.row([
            &f.name,
            f.usage_mode.as_str(),
            &f.host,
            f.permission.as_str(),
            f.folder_type.as_str(),
            f.status.as_str(),
            &size,
            &f.created_at,
        ]);
    }
    table.print();
}
