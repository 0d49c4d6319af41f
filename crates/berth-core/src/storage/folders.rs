//! Storage folders: named, persistent directories on a storage host, mounted
//! into sessions. The data of folder `id` lives at `<host root>/<id>/`; the
//! name is metadata only, so renaming never moves data.
//!
//! Visibility: `user` folders are seen from every project, `project` folders
//! only from their own. A name is unique among the folders one project can
//! see, trashed ones included, so a restore never collides.

use super::names::{is_automount, validate_folder_name};
use crate::projects::Project;
use crate::{Berth, Error, Result};
use rusqlite::{OptionalExtension, Row, TransactionBehavior, params};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// What a folder is for; shown and filtered on, no behaviour attached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum UsageMode {
    #[default]
    General,
    Model,
    Data,
}

/// Whether sessions and the explorer may write into the folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Permission {
    #[default]
    Rw,
    Ro,
}

/// Who sees the folder: the user in every project, or one project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum FolderType {
    #[default]
    User,
    Project,
}

/// Ready to use, or in the trash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum FolderStatus {
    Ready,
    Trashed,
}

/// Text forms stored in the database, identical to the JSON ones.
macro_rules! sql_text {
    ($ty:ty { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $ty {
            /// The stored and serialised text.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }
        }
        impl std::str::FromStr for $ty {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($text => Ok(Self::$variant),)+
                    other => Err(format!(
                        "{other:?} is not one of: {}",
                        [$($text),+].join(", ")
                    )),
                }
            }
        }
    };
}
sql_text!(UsageMode { General => "general", Model => "model", Data => "data" });
sql_text!(Permission { Rw => "rw", Ro => "ro" });
sql_text!(FolderType { User => "user", Project => "project" });
sql_text!(FolderStatus { Ready => "ready", Trashed => "trashed" });

/// A storage folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Folder {
    pub id: String,
    pub name: String,
    pub host: String,
    pub usage_mode: UsageMode,
    pub permission: Permission,
    #[serde(rename = "type")]
    #[ts(rename = "type")]
    pub folder_type: FolderType,
    /// The owning project's name, for `project` folders.
    pub project: Option<String>,
    pub status: FolderStatus,
    /// Mounted into every session (the name starts with `.`).
    pub automount: bool,
    pub created_at: String,
    pub trashed_at: Option<String>,
    /// Bytes used, as last computed; `None` until computed.
    #[ts(type = "number | null")]
    pub size_bytes: Option<u64>,
}

/// Choices when creating a folder; the defaults are a general, read-write
/// user folder on the `local` host.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct FolderOptions {
    pub host: Option<String>,
    #[serde(default)]
    pub usage_mode: UsageMode,
    #[serde(default)]
    pub permission: Permission,
    #[serde(default)]
    #[serde(rename = "type")]
    #[ts(rename = "type")]
    pub folder_type: FolderType,
}

const SELECT_FOLDER: &str = "
    SELECT f.id, f.name, f.host, f.usage_mode, f.permission, f.type, p.name, f.status,
           f.created_at, f.trashed_at, f.size_bytes
    FROM folders f LEFT JOIN projects p ON p.id = f.project_id";

/// Folders visible from project `?1`.
const VISIBLE: &str = "(f.type = 'user' OR f.project_id = ?1)";

fn folder_from_row(row: &Row<'_>) -> rusqlite::Result<Folder> {
    fn parse<T: std::str::FromStr<Err = String>>(row: &Row<'_>, i: usize) -> rusqlite::Result<T> {
        let text: String = row.get(i)?;
        text.parse().map_err(|e: String| {
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
        })
    }
    let name: String = row.get(1)?;
    Ok(Folder {
        id: row.get(0)?,
        automount: is_automount(&name),
        name,
        host: row.get(2)?,
        usage_mode: parse(row, 3)?,
        permission: parse(row, 4)?,
        folder_type: parse(row, 5)?,
        project: row.get(6)?,
        status: parse(row, 7)?,
        created_at: row.get(8)?,
        trashed_at: row.get(9)?,
        size_bytes: row.get::<_, Option<i64>>(10)?.map(|n| n as u64),
    })
}

/// Whether `name` is free for a folder of `folder_type` in `project`,
/// ignoring the folder `except` (for renames).
fn check_name_free(
    conn: &rusqlite::Connection,
    project: &Project,
    folder_type: FolderType,
    name: &str,
    except: Option<&str>,
) -> Result<()> {
    // A user folder is seen from every project, so its name must be free
    // everywhere; a project folder's name must be free among what its
    // project sees.
    let except = except.unwrap_or("");
    let found = match folder_type {
        FolderType::User => conn.query_row(
            "SELECT 1 FROM folders WHERE name = ?1 AND id != ?2",
            params![name, except],
            |_| Ok(()),
        ),
        FolderType::Project => conn.query_row(
            "SELECT 1 FROM folders f WHERE f.name = ?2 AND f.id != ?3 AND (f.type = 'user' OR f.project_id = ?1)",
            params![project.id, name, except],
            |_| Ok(()),
        ),
    };
    let taken = found.optional()?.is_some();
    if taken {
        return Err(Error::NameTaken {
            kind: "folder",
            name: name.to_owned(),
        });
    }
    Ok(())
}

impl Berth {
    /// Creates a folder and its data directory.
    pub fn create_folder(
        &self,
        project: &Project,
        name: &str,
        options: &FolderOptions,
    ) -> Result<Folder> {
        validate_folder_name(name)?;
        let host = options.host.as_deref().unwrap_or(super::hosts::LOCAL_HOST);
        let host_root = self.host_root(host)?;
        let id = uuid::Uuid::new_v4().to_string();
        let project_id = (options.folder_type == FolderType::Project).then_some(&project.id);
        {
            let mut conn = self.conn();
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            check_name_free(&tx, project, options.folder_type, name, None)?;
            tx.execute(
                "INSERT INTO folders (id, name, host, usage_mode, permission, type, project_id, status)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'ready')",
                params![
                    id,
                    name,
                    host,
                    options.usage_mode.as_str(),
                    options.permission.as_str(),
                    options.folder_type.as_str(),
                    project_id,
                ],
            )?;
            // The directory is made inside the transaction: if it fails,
            // no row points at missing data.
            let data = host_root.join(&id);
            std::fs::create_dir(&data).map_err(|e| Error::HostUnavailable {
                name: host.to_owned(),
                reason: format!("cannot create {}: {e}", data.display()),
            })?;
            tx.commit()?;
        }
        self.folder_by_id(&id)
    }

    /// Whether `name` could be given to a new folder seen from `project`:
    /// the naming rules, and no folder it sees (trash included) has it.
    pub fn check_folder_name(&self, project: &Project, name: &str) -> Result<()> {
        validate_folder_name(name)?;
        check_name_free(&self.conn(), project, FolderType::Project, name, None)
    }

    /// Folders visible from `project` with the given status, automount
    /// folders included (see [`Folder::automount`]), by name.
    pub fn list_folders(&self, project: &Project, status: FolderStatus) -> Result<Vec<Folder>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(&format!(
            "{SELECT_FOLDER} WHERE {VISIBLE} AND f.status = ?2 ORDER BY f.name"
        ))?;
        let folders = stmt
            .query_map(params![project.id, status.as_str()], folder_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(folders)
    }

    /// A folder visible from `project`, in the trash or not.
    pub fn folder(&self, project: &Project, name: &str) -> Result<Folder> {
        self.conn()
            .query_row(
                &format!("{SELECT_FOLDER} WHERE {VISIBLE} AND f.name = ?2"),
                params![project.id, name],
                folder_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound {
                kind: "folder",
                name: name.to_owned(),
            })
    }

    pub(crate) fn folder_by_id(&self, id: &str) -> Result<Folder> {
        self.conn()
            .query_row(
                &format!("{SELECT_FOLDER} WHERE f.id = ?1"),
                [id],
                folder_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound {
                kind: "folder",
                name: id.to_owned(),
            })
    }

    /// Where the folder's data lives on the host.
    pub fn folder_root(&self, folder: &Folder) -> Result<PathBuf> {
        let root = self.host_root(&folder.host)?.join(&folder.id);
        if !root.is_dir() {
            return Err(Error::HostUnavailable {
                name: folder.host.clone(),
                reason: format!("the data of folder {:?} is missing", folder.name),
            });
        }
        Ok(root)
    }

    /// Renames a folder; its data does not move.
    pub fn rename_folder(&self, project: &Project, name: &str, new_name: &str) -> Result<Folder> {
        validate_folder_name(new_name)?;
        let folder = self.folder(project, name)?;
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        check_name_free(&tx, project, folder.folder_type, new_name, Some(&folder.id))?;
        tx.execute(
            "UPDATE folders SET name = ?2 WHERE id = ?1",
            params![folder.id, new_name],
        )?;
        tx.commit()?;
        drop(conn);
        self.folder_by_id(&folder.id)
    }

    /// Moves a folder to the trash; refused while a live session mounts it.
    /// Trashing a trashed folder changes nothing.
    pub fn trash_folder(&self, project: &Project, name: &str) -> Result<Folder> {
        let folder = self.folder(project, name)?;
        self.check_not_mounted(&folder)?;
        self.conn().execute(
            "UPDATE folders SET status = 'trashed',
                 trashed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             WHERE id = ?1 AND status = 'ready'",
            [&folder.id],
        )?;
        self.folder_by_id(&folder.id)
    }

    /// Brings a folder back from the trash.
    pub fn restore_folder(&self, project: &Project, name: &str) -> Result<Folder> {
        let folder = self.folder(project, name)?;
        self.conn().execute(
            "UPDATE folders SET status = 'ready', trashed_at = NULL WHERE id = ?1",
            [&folder.id],
        )?;
        self.folder_by_id(&folder.id)
    }

    /// Deletes a folder and its data for good. `confirm` must repeat the
    /// folder's name; refused while a live session mounts it.
    pub fn purge_folder(&self, project: &Project, name: &str, confirm: &str) -> Result<()> {
        let folder = self.folder(project, name)?;
        if confirm != folder.name {
            return Err(Error::ConfirmationMismatch {
                expected: folder.name,
            });
        }
        self.check_not_mounted(&folder)?;
        // Data first: if removal fails half-way, the row stays and the purge
        // can be retried; the reverse would orphan data nobody can see.
        let data = self.host_root(&folder.host)?.join(&folder.id);
        match std::fs::remove_dir_all(&data) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(Error::Io {
                    path: folder.name,
                    reason: e.to_string(),
                });
            }
        }
        self.conn()
            .execute("DELETE FROM folders WHERE id = ?1", [&folder.id])?;
        Ok(())
    }

    /// Computes the folder's size now, caches it, and returns it.
    pub fn refresh_folder_size(&self, folder: &Folder) -> Result<u64> {
        let root = self.folder_root(folder)?;
        let size = directory_size(&root);
        self.conn().execute(
            "UPDATE folders SET size_bytes = ?2, size_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             WHERE id = ?1",
            params![folder.id, size as i64],
        )?;
        Ok(size)
    }

    /// Removes the partial files that interrupted transfers left in every
    /// folder (see [`super::transfer::clean_leftovers`]); returns how many.
    /// Folders whose host is unavailable are passed over.
    pub fn clean_transfer_leftovers(&self) -> Result<usize> {
        let folders: Vec<(String, String)> = {
            let conn = self.conn();
            let mut stmt = conn.prepare("SELECT id, host FROM folders")?;
            stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        let mut removed = 0;
        for (id, host) in folders {
            let Ok(root) = self.host_root(&host).map(|r| r.join(id)) else {
                continue;
            };
            if let Ok(explorer) = super::explorer::Explorer::open(&root) {
                removed += super::transfer::clean_leftovers(&explorer)?;
            }
        }
        Ok(removed)
    }

    /// Recomputes and caches the size of every folder whose data is
    /// reachable; returns how many were measured.
    pub fn refresh_all_folder_sizes(&self) -> Result<usize> {
        let folders: Vec<Folder> = {
            let conn = self.conn();
            let mut stmt = conn.prepare(SELECT_FOLDER)?;
            stmt.query_map([], folder_from_row)?
                .collect::<rusqlite::Result<_>>()?
        };
        let mut measured = 0;
        for folder in &folders {
            // A folder on an unplugged host keeps its last known size.
            if self.refresh_folder_size(folder).is_ok() {
                measured += 1;
            }
        }
        Ok(measured)
    }

    /// Names of live sessions (not ended) that mount the folder.
    pub fn sessions_mounting(&self, folder: &Folder) -> Result<Vec<String>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT DISTINCT s.name FROM session_mounts m JOIN sessions s ON s.id = m.session_id
             WHERE m.folder_id = ?1 AND s.status NOT IN ('TERMINATED', 'ERROR')
             ORDER BY s.name",
        )?;
        let names = stmt
            .query_map([&folder.id], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(names)
    }

    fn check_not_mounted(&self, folder: &Folder) -> Result<()> {
        let sessions = self.sessions_mounting(folder)?;
        if sessions.is_empty() {
            Ok(())
        } else {
            Err(Error::FolderInUse {
                name: folder.name.clone(),
                sessions,
            })
        }
    }

    /// Refuses writes into a read-only folder.
    pub fn check_writable(&self, folder: &Folder) -> Result<()> {
        match folder.permission {
            Permission::Rw => Ok(()),
            Permission::Ro => Err(Error::ReadOnly {
                name: folder.name.clone(),
            }),
        }
    }
}

/// Bytes in regular files under `dir`, symlinks not followed; unreadable
/// parts are counted as empty rather than failing the whole sum.
fn directory_size(dir: &Path) -> u64 {
    let mut total = 0;
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                pending.push(entry.path());
            } else if meta.is_file() {
                total += meta.len();
            }
        }
    }
    total
}
