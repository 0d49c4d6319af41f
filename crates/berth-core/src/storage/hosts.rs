//! Storage hosts: named root directories that hold folder data. The `local`
//! host lives at `<data-dir>/storage/local`; its path is stored relative to
//! the data directory so it follows the directory if it moves.

use crate::{Berth, Error, Result};
use rusqlite::params;
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
}

fn resolve_root(data_dir: &Path, stored: &str) -> PathBuf {
    // `join` keeps an absolute `stored` as it is.
    data_dir.join(stored)
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

    /// All storage hosts, by name.
    pub fn list_storage_hosts(&self) -> Result<Vec<StorageHost>> {
        let conn = self.conn();
        let mut stmt =
            conn.prepare("SELECT name, path, created_at FROM storage_hosts ORDER BY name")?;
        let hosts = stmt
            .query_map([], |row| {
                let stored: String = row.get(1)?;
                Ok(StorageHost {
                    name: row.get(0)?,
                    path: resolve_root(self.data_dir(), &stored).display().to_string(),
                    created_at: row.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(hosts)
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
}
