//! Storage hosts: named root directories that hold folder data. The `local`
//! host lives at `<data-dir>/storage/local`; its path is stored relative to
//! the data directory so it follows the directory if it moves.

use super::names::validate_plain_name;
use crate::{Berth, Error, Result};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// Name of the host every data directory starts with.
pub const LOCAL_HOST: &str = "local";

const LOCAL_HOST_RELATIVE_PATH: &str = "storage/local";

/// A storage host, with its root resolved to an absolute path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StorageHost {
    pub name: String,
    pub path: String,
    pub created_at: String,
    /// Space on the file system holding the root; `None` when the root is
    /// missing or unreadable (an unplugged disk, say).
    pub usage: Option<HostUsage>,
}

/// Space on a host's file system, as `df` shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct HostUsage {
    #[ts(type = "number")]
    pub total_bytes: u64,
    #[ts(type = "number")]
    pub used_bytes: u64,
    /// Available to an unprivileged user.
    #[ts(type = "number")]
    pub free_bytes: u64,
}

fn resolve_root(data_dir: &Path, stored: &str) -> PathBuf {
    // `join` keeps an absolute `stored` as it is.
    data_dir.join(stored)
}

/// The space on the file system holding `path`.
pub fn file_system_usage(path: &Path) -> std::io::Result<HostUsage> {
    use std::os::unix::ffi::OsStrExt;
    let c_path = std::ffi::CString::new(path.as_os_str().as_bytes())?;
    let mut stat = std::mem::MaybeUninit::<libc::statvfs>::uninit();
    // SAFETY: c_path is a valid NUL-terminated string and stat points to
    // writable memory of the right type; statvfs initialises it on success.
    let rc = unsafe { libc::statvfs(c_path.as_ptr(), stat.as_mut_ptr()) };
    if rc != 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: statvfs returned 0, so it filled the struct.
    let stat = unsafe { stat.assume_init() };
    let block = stat.f_frsize;
    let total = stat.f_blocks * block;
    let free_total = stat.f_bfree * block;
    Ok(HostUsage {
        total_bytes: total,
        used_bytes: total.saturating_sub(free_total),
        free_bytes: stat.f_bavail * block,
    })
}

impl Berth {
    pub(crate) fn ensure_local_host(&self) -> Result<()> {
        let root = resolve_root(self.data_dir(), LOCAL_HOST_RELATIVE_PATH);
        std::fs::create_dir_all(&root).map_err(|e| Error::DataDir {
            path: root.clone(),
            reason: e.to_string(),
        })?;
        self.conn().execute(
            "INSERT OR IGNORE INTO storage_hosts (name, path) VALUES (?1, ?2)",
            params![LOCAL_HOST, LOCAL_HOST_RELATIVE_PATH],
        )?;
        Ok(())
    }

    /// All storage hosts, by name, with the space on each.
    pub fn list_storage_hosts(&self) -> Result<Vec<StorageHost>> {
        let conn = self.conn();
        let mut stmt =
            conn.prepare("SELECT name, path, created_at FROM storage_hosts ORDER BY name")?;
        let hosts = stmt
            .query_map([], |row| {
                let stored: String = row.get(1)?;
                let path = resolve_root(self.data_dir(), &stored);
                Ok(StorageHost {
                    name: row.get(0)?,
                    usage: file_system_usage(&path).ok(),
                    path: path.display().to_string(),
                    created_at: row.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(hosts)
    }

    /// The root directory of a host; `host_unavailable` when it is gone.
    pub fn host_root(&self, name: &str) -> Result<PathBuf> {
        let stored: String = self
            .conn()
            .query_row(
                "SELECT path FROM storage_hosts WHERE name = ?1",
                [name],
                |row| row.get(0),
            )
            .optional()?
            .ok_or_else(|| Error::NotFound {
                kind: "storage host",
                name: name.to_owned(),
            })?;
        let root = resolve_root(self.data_dir(), &stored);
        if !root.is_dir() {
            return Err(Error::HostUnavailable {
                name: name.to_owned(),
                reason: format!("{} is not a directory", root.display()),
            });
        }
        Ok(root)
    }

    /// Adds a host over an existing directory.
    pub fn add_storage_host(&self, name: &str, path: &Path) -> Result<StorageHost> {
        validate_plain_name(name)?;
        let unavailable = |reason: String| Error::HostUnavailable {
            name: name.to_owned(),
            reason,
        };
        let root = std::fs::canonicalize(path)
            .map_err(|e| unavailable(format!("{}: {e}", path.display())))?;
        if !root.is_dir() {
            return Err(unavailable(format!(
                "{} is not a directory",
                root.display()
            )));
        }
        let inserted = self.conn().execute(
            "INSERT OR IGNORE INTO storage_hosts (name, path) VALUES (?1, ?2)",
            params![name, root.display().to_string()],
        )?;
        if inserted == 0 {
            return Err(Error::NameTaken {
                kind: "storage host",
                name: name.to_owned(),
            });
        }
        self.list_storage_hosts()?
            .into_iter()
            .find(|h| h.name == name)
            .ok_or_else(|| Error::NotFound {
                kind: "storage host",
                name: name.to_owned(),
            })
    }

    /// Removes a host; refused while it holds folders (trashed ones too).
    pub fn remove_storage_host(&self, name: &str) -> Result<()> {
        if name == LOCAL_HOST {
            return Err(Error::Protected {
                what: "the local storage host".to_owned(),
            });
        }
        self.host_root(name).or_else(|e| match e {
            Error::HostUnavailable { .. } => Ok(PathBuf::new()),
            other => Err(other),
        })?;
        let conn = self.conn();
        let folders: i64 = conn.query_row(
            "SELECT count(*) FROM folders WHERE host = ?1",
            [name],
            |r| r.get(0),
        )?;
        if folders > 0 {
            return Err(Error::HostInUse {
                name: name.to_owned(),
                folders: folders as usize,
            });
        }
        conn.execute("DELETE FROM storage_hosts WHERE name = ?1", [name])?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_host_is_created_under_the_data_dir() {
        let tmp = tempfile::tempdir().unwrap();
        let berth = Berth::open(tmp.path()).unwrap();
        let hosts = berth.list_storage_hosts().unwrap();
        assert_eq!(hosts.len(), 1);
        assert_eq!(hosts[0].name, LOCAL_HOST);
        let root = tmp.path().join("storage/local");
        assert_eq!(hosts[0].path, root.display().to_string());
        assert!(root.is_dir());
        let usage = hosts[0].usage.unwrap();
        assert!(usage.total_bytes >= usage.used_bytes);
        assert!(usage.total_bytes > 0);
    }

    #[test]
    fn local_host_follows_a_moved_data_dir() {
        let tmp = tempfile::tempdir().unwrap();
        let old = tmp.path().join("old");
        drop(Berth::open(&old).unwrap());
        let new = tmp.path().join("new");
        std::fs::rename(&old, &new).unwrap();
        let berth = Berth::open(&new).unwrap();
        let root = new.join("storage/local").display().to_string();
        assert_eq!(berth.list_storage_hosts().unwrap()[0].path, root);
    }

    #[test]
    fn add_and_remove_hosts() {
        let tmp = tempfile::tempdir().unwrap();
        let berth = Berth::open(&tmp.path().join("data")).unwrap();
        let disk = tmp.path().join("disk");
        std::fs::create_dir(&disk).unwrap();

        let host = berth.add_storage_host("nas", &disk).unwrap();
        assert_eq!(
            host.path,
            disk.canonicalize().unwrap().display().to_string()
        );
        let again = berth.add_storage_host("nas", &disk).unwrap_err();
        assert_eq!(again.code(), "name_taken");
        let missing = berth
            .add_storage_host("usb", &tmp.path().join("nope"))
            .unwrap_err();
        assert_eq!(missing.code(), "host_unavailable");
        let bad = berth.add_storage_host(".x", &disk).unwrap_err();
        assert_eq!(bad.code(), "invalid_name");

        assert_eq!(
            berth.remove_storage_host("local").unwrap_err().code(),
            "protected"
        );
        berth.remove_storage_host("nas").unwrap();
        assert_eq!(
            berth.remove_storage_host("nas").unwrap_err().code(),
            "not_found"
        );
    }
}
