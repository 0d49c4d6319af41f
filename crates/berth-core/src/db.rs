//! The SQLite database at `<data-dir>/berth.db`: opening, pragmas and
//! versioned migrations.
//!
//! The CLI and the app open the same file at the same time, so the database
//! runs in WAL mode with a busy timeout, and migrations run inside an
//! `IMMEDIATE` transaction that re-reads the version after taking the lock:
//! two processes opening a fresh file cannot both apply a step.

use crate::{Error, Result};
use rusqlite::{Connection, TransactionBehavior};
use std::path::Path;
use std::time::{Duration, Instant};

/// File name of the database inside the data directory.
pub const FILE_NAME: &str = "berth.db";

/// Migrations in order; the schema version is the number applied
/// (`PRAGMA user_version`). Append only: never edit a released step.
const MIGRATIONS: &[&str] = &[include_str!("db/v1.sql"), include_str!("db/v2.sql")];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// How long a statement waits for another process's write lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Opens (creating if needed) the database and brings its schema up to date.
///
/// When several processes open a new file at once, SQLite may answer one of
/// them "database is locked" without waiting through the busy timeout
/// (switching a new file to WAL, or a WAL being set up by another
/// connection, are not waited for). Opening is then tried again until
/// [`BUSY_TIMEOUT`] has passed.
pub fn open(path: &Path) -> Result<Connection> {
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        match open_once(path) {
            Err(Opening::Sqlite(e)) if is_busy(&e) && Instant::now() < deadline => {
                std::thread::sleep(BUSY_RETRY);
            }
            Err(Opening::Sqlite(e)) => return Err(e.into()),
            Err(Opening::Refused(e)) => return Err(e),
            Ok(conn) => return Ok(conn),
        }
    }
}

/// Wait between attempts to open a database another process is setting up.
const BUSY_RETRY: Duration = Duration::from_millis(20);

/// Why one attempt to open failed: SQLite said no (maybe only for now), or
/// the file cannot be used by this build.
enum Opening {
    Sqlite(rusqlite::Error),
    Refused(Error),
}

impl From<rusqlite::Error> for Opening {
    fn from(e: rusqlite::Error) -> Self {
        Opening::Sqlite(e)
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

fn open_once(path: &Path) -> std::result::Result<Connection, Opening> {
    let mut conn = Connection::open(path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    migrate(&mut conn)?;
    Ok(conn)
}

/// The schema version recorded in the file.
pub fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(version(conn)?)
}

fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

fn migrate(conn: &mut Connection) -> std::result::Result<(), Opening> {
    if version(conn)? == SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found = version(&tx)?;
    if found > SCHEMA_VERSION {
        return Err(Opening::Refused(Error::SchemaTooNew {
            found,
            supported: SCHEMA_VERSION,
        }));
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table_names(conn: &Connection) -> Vec<String> {
        let mut stmt = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap();
        stmt.query_map([], |row| row.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn fresh_file_gets_every_table_in_wal_mode() {
        let tmp = tempfile::tempdir().unwrap();
        let conn = open(&tmp.path().join(FILE_NAME)).unwrap();
        assert_eq!(schema_version(&conn).unwrap(), SCHEMA_VERSION);
        let mode: String = conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        for table in [
            "folders",
            "projects",
            "session_mounts",
            "session_status_history",
            "sessions",
            "settings",
            "storage_hosts",
        ] {
            assert!(
                table_names(&conn).iter().any(|t| t == table),
                "missing {table}"
            );
        }
    }

    #[test]
    fn reopening_is_idempotent() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(FILE_NAME);
        drop(open(&path).unwrap());
        let conn = open(&path).unwrap();
        assert_eq!(schema_version(&conn).unwrap(), SCHEMA_VERSION);
    }

    #[test]
    fn newer_schema_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(FILE_NAME);
        let conn = open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        drop(conn);
        let err = open(&path).unwrap_err();
        assert_eq!(err.code(), "schema_too_new");
    }

    #[test]
    fn concurrent_openers_migrate_once() {
        // Many rounds, since the collision it guards against is a race.
        for _ in 0..25 {
            let tmp = tempfile::tempdir().unwrap();
            let path = tmp.path().join(FILE_NAME);
            let start = std::sync::Arc::new(std::sync::Barrier::new(4));
            let handles: Vec<_> = (0..4)
                .map(|_| {
                    let (path, start) = (path.clone(), start.clone());
                    std::thread::spawn(move || {
                        start.wait();
                        open(&path).map(|c| schema_version(&c).unwrap())
                    })
                })
                .collect();
            for handle in handles {
                assert_eq!(handle.join().unwrap().unwrap(), SCHEMA_VERSION);
            }
        }
    }

    #[test]
    fn folder_checks_reject_unknown_values() {
        let tmp = tempfile::tempdir().unwrap();
        let conn = open(&tmp.path().join(FILE_NAME)).unwrap();
        let err = conn
            .execute(
                "INSERT INTO folders (id, name, host, usage_mode, permission, type, status)
                 VALUES ('f1', 'x', 'local', 'general', 'rwx', 'user', 'ready')",
                [],
            )
            .unwrap_err();
        assert!(err.to_string().contains("CHECK"), "{err}");
    }
}
