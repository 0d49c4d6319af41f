//! [`Berth`]: the handle on local state — the data directory and its
//! database. Domain modules add their operations to it (`projects.rs`,
//! `storage/`), so callers hold one value.

use crate::{Result, data_dir, db};
use rusqlite::Connection;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use ts_rs::TS;

/// Local state of one data directory.
pub struct Berth {
    data_dir: PathBuf,
    // One connection per process is plenty for a desktop app; other
    // processes (the CLI) coordinate through SQLite's own locking.
    conn: Mutex<Connection>,
}

/// What the app shows about itself.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub database_path: String,
    pub schema_version: i32,
}

impl Berth {
    /// Opens the data directory, creating it (`0700`), its database and the
    /// default project and storage host on first use.
    pub fn open(data_dir: &Path) -> Result<Self> {
        data_dir::ensure(data_dir)?;
        let conn = db::open(&data_dir.join(db::FILE_NAME))?;
        let berth = Berth {
            data_dir: data_dir.to_path_buf(),
            conn: Mutex::new(conn),
        };
        berth.ensure_default_project()?;
        berth.ensure_local_host()?;
        Ok(berth)
    }

    /// The data directory this handle works in.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Path of the SQLite file.
    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join(db::FILE_NAME)
    }

    /// Version, locations and schema version.
    pub fn info(&self) -> Result<AppInfo> {
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            data_dir: self.data_dir.display().to_string(),
            database_path: self.database_path().display().to_string(),
            schema_version: db::schema_version(&self.conn())? as i32,
        })
    }

    /// The connection; a panic while it was held does not leave SQLite in a
    /// bad state (statements are atomic), so a poisoned lock is still usable.
    pub(crate) fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
