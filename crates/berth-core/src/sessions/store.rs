//! Sessions in the database: rows, mounts, status history, and lookup by id
//! or name. Status changes are guarded so that an ended session never
//! changes again, whichever process (app or CLI) sees the end first.

use super::model::{PublishedPort, Session, SessionMount, SessionStatus, StatusChange};
use super::mount_plan::PlannedMount;
use super::spec::{SessionSpec, ValidSpec, check_session_name};
use crate::projects::Project;
use crate::{Berth, Error, Result};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use std::path::PathBuf;

const SELECT_SESSION: &str = "
    SELECT s.id, s.name, p.name, s.image, s.spec_json, s.status, s.status_reason, s.exit_code,
           s.container_id, s.created_at, s.ended_at, s.published_ports_json
    FROM sessions s JOIN projects p ON p.id = s.project_id";

const LIVE: &str = "s.status NOT IN ('TERMINATED', 'ERROR')";

fn session_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Session> {
    fn json<T: serde::de::DeserializeOwned>(
        row: &rusqlite::Row<'_>,
        i: usize,
    ) -> rusqlite::Result<T> {
        let text: String = row.get(i)?;
        serde_json::from_str(&text).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
        })
    }
    let spec: SessionSpec = json(row, 4)?;
    let status: String = row.get(5)?;
    Ok(Session {
        id: row.get(0)?,
        name: row.get(1)?,
        project: row.get(2)?,
        session_type: spec.session_type,
        image: row.get(3)?,
        status: status.parse().map_err(|e: String| {
            rusqlite::Error::FromSqlConversionFailure(5, rusqlite::types::Type::Text, e.into())
        })?,
        status_reason: row.get(6)?,
        exit_code: row.get(7)?,
        container_id: row.get(8)?,
        created_at: row.get(9)?,
        ended_at: row.get(10)?,
        spec,
        mounts: Vec::new(),
        published_ports: json(row, 11)?,
        history: Vec::new(),
    })
}

/// Fills in the mounts and history of sessions read by [`SELECT_SESSION`].
fn complete(conn: &Connection, mut session: Session) -> Result<Session> {
    let mut mounts = conn.prepare_cached(
        "SELECT folder_id, folder_name, target, read_only FROM session_mounts
         WHERE session_id = ?1 ORDER BY target",
    )?;
    session.mounts = mounts
        .query_map([&session.id], |row| {
            Ok(SessionMount {
                folder_id: row.get(0)?,
                folder: row.get(1)?,
                target: row.get(2)?,
                read_only: row.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut history = conn.prepare_cached(
        "SELECT status, reason, at FROM session_status_history
         WHERE session_id = ?1 ORDER BY at, rowid",
    )?;
    session.history = history
        .query_map([&session.id], |row| {
            let status: String = row.get(0)?;
            Ok(StatusChange {
                status: status.parse().unwrap_or(SessionStatus::Error),
                reason: row.get(1)?,
                at: row.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(session)
}

fn not_found(id_or_name: &str) -> Error {
    Error::NotFound {
        kind: "session",
        name: id_or_name.to_owned(),
    }
}

impl Berth {
    /// Where sessions' scratch directories (their `/home/work`) live.
    pub fn scratch_root(&self) -> PathBuf {
        self.data_dir().join("scratch")
    }

    /// Where the logs of ended sessions are kept.
    pub fn session_logs_root(&self) -> PathBuf {
        self.data_dir().join("logs")
    }

    /// Records a new `PENDING` session with its planned mounts. The name must
    /// not be used by another live session of the project.
    pub(crate) fn insert_session(
        &self,
        project: &Project,
        spec: &ValidSpec,
        mounts: &[PlannedMount],
    ) -> Result<Session> {
        let id = uuid::Uuid::new_v4().to_string();
        let spec_json = serde_json::to_string(spec.spec()).expect("a spec serialises");
        {
            let mut conn = self.conn();
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            check_name_free(&tx, &project.id, spec.name(), None)?;
            tx.execute(
                "INSERT INTO sessions (id, name, project_id, type, image, spec_json, status)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'PENDING')",
                params![
                    id,
                    spec.name(),
                    project.id,
                    match spec.spec().session_type {
                        super::SessionType::Interactive => "interactive",
                        super::SessionType::Batch => "batch",
                    },
                    spec.spec().image,
                    spec_json,
                ],
            )?;
            tx.execute(
                "INSERT INTO session_status_history (session_id, status) VALUES (?1, 'PENDING')",
                [&id],
            )?;
            for mount in mounts {
                tx.execute(
                    "INSERT INTO session_mounts (session_id, folder_id, folder_name, target, read_only)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![
                        id,
                        mount.folder_id,
                        mount.folder_name,
                        mount.target,
                        mount.read_only
                    ],
                )?;
            }
            tx.commit()?;
        }
        self.session_by_id(&id)
    }

    /// The session with exactly this id, in any project.
    pub fn session_by_id(&self, id: &str) -> Result<Session> {
        let conn = self.conn();
        let session = conn
            .query_row(
                &format!("{SELECT_SESSION} WHERE s.id = ?1"),
                [id],
                session_from_row,
            )
            .optional()?
            .ok_or_else(|| not_found(id))?;
        complete(&conn, session)
    }

    /// Finds a session of `project` by id, unique id prefix (at least 4
    /// characters) or name; a live session wins over ended ones of the same
    /// name, and among ended ones the newest.
    pub fn session(&self, project: &Project, id_or_name: &str) -> Result<Session> {
        let conn = self.conn();
        let by_name = conn
            .query_row(
                &format!(
                    "{SELECT_SESSION} WHERE s.project_id = ?1 AND s.name = ?2
                     ORDER BY {LIVE} DESC, s.created_at DESC LIMIT 1"
                ),
                params![project.id, id_or_name],
                session_from_row,
            )
            .optional()?;
        if let Some(session) = by_name {
            return complete(&conn, session);
        }
        if id_or_name.len() >= 4
            && id_or_name
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b'-')
        {
            let mut stmt = conn.prepare(&format!(
                "{SELECT_SESSION} WHERE s.project_id = ?1 AND s.id LIKE ?2 || '%' LIMIT 2"
            ))?;
            let mut found: Vec<Session> = stmt
                .query_map(params![project.id, id_or_name], session_from_row)?
                .collect::<rusqlite::Result<_>>()?;
            if found.len() == 1 {
                return complete(&conn, found.remove(0));
            }
        }
        Err(not_found(id_or_name))
    }

    /// Sessions of `project`, newest first; ended ones only when `all`.
    pub fn list_sessions(&self, project: &Project, all: bool) -> Result<Vec<Session>> {
        let conn = self.conn();
        let filter = if all { "1" } else { LIVE };
        let mut stmt = conn.prepare(&format!(
            "{SELECT_SESSION} WHERE s.project_id = ?1 AND {filter} ORDER BY s.created_at DESC, s.id"
        ))?;
        let sessions: Vec<Session> = stmt
            .query_map([&project.id], session_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        sessions.into_iter().map(|s| complete(&conn, s)).collect()
    }

    /// Live sessions of every project, for reconciliation.
    pub(crate) fn live_sessions(&self) -> Result<Vec<Session>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(&format!(
            "{SELECT_SESSION} WHERE {LIVE} ORDER BY s.created_at"
        ))?;
        let sessions: Vec<Session> = stmt
            .query_map([], session_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        sessions.into_iter().map(|s| complete(&conn, s)).collect()
    }

    /// Ids of every session that has ended.
    pub(crate) fn ended_session_ids(&self) -> Result<Vec<String>> {
        let conn = self.conn();
        let mut stmt =
            conn.prepare("SELECT id FROM sessions WHERE status IN ('TERMINATED', 'ERROR')")?;
        let ids = stmt
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }

    /// Renames a session; the name must be free among live sessions.
    pub fn rename_session(
        &self,
        project: &Project,
        id_or_name: &str,
        new_name: &str,
    ) -> Result<Session> {
        check_session_name(new_name).map_err(|reason| Error::InvalidName {
            name: new_name.to_owned(),
            reason,
        })?;
        let session = self.session(project, id_or_name)?;
        {
            let mut conn = self.conn();
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            check_name_free(&tx, &project.id, new_name, Some(&session.id))?;
            tx.execute(
                "UPDATE sessions SET name = ?2 WHERE id = ?1",
                params![session.id, new_name],
            )?;
            tx.commit()?;
        }
        self.session_by_id(&session.id)
    }

    /// Moves a live session to `status`, recording the change, if it is in
    /// one of the statuses `from` (any live status when empty). Returns
    /// `false` (and changes nothing) otherwise: an ended session never
    /// changes, so the first process to see an end decides it.
    pub(crate) fn set_session_status(
        &self,
        id: &str,
        from: &[SessionStatus],
        status: SessionStatus,
        reason: Option<&str>,
        exit_code: Option<i64>,
    ) -> Result<bool> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let from: Vec<&str> = from.iter().map(|s| s.as_str()).collect();
        let changed = tx.execute(
            &format!(
                "UPDATE sessions AS s SET status = ?2, status_reason = ?3,
                        exit_code = COALESCE(?4, exit_code),
                        ended_at = CASE WHEN ?5 THEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now') END
                 WHERE s.id = ?1 AND {LIVE}
                   AND (?6 = '' OR instr(',' || ?6 || ',', ',' || s.status || ',') > 0)"
            ),
            params![
                id,
                status.as_str(),
                reason,
                exit_code,
                status.is_ended(),
                from.join(",")
            ],
        )?;
        if changed == 1 {
            tx.execute(
                "INSERT INTO session_status_history (session_id, status, reason) VALUES (?1, ?2, ?3)",
                params![id, status.as_str(), reason],
            )?;
        }
        tx.commit()?;
        Ok(changed == 1)
    }

    /// Records the container and scratch directory made for a session.
    pub(crate) fn set_session_container(
        &self,
        id: &str,
        container_id: &str,
        scratch: &std::path::Path,
    ) -> Result<()> {
        self.conn().execute(
            "UPDATE sessions SET container_id = ?2, scratch_dir = ?3 WHERE id = ?1",
            params![id, container_id, scratch.to_string_lossy()],
        )?;
        Ok(())
    }

    /// Records where the engine published a session's ports.
    pub(crate) fn set_published_ports(&self, id: &str, ports: &[PublishedPort]) -> Result<()> {
        self.conn().execute(
            "UPDATE sessions SET published_ports_json = ?2 WHERE id = ?1",
            params![id, serde_json::to_string(ports).expect("ports serialise")],
        )?;
        Ok(())
    }

    /// Seconds from the database time `at` until now.
    pub(crate) fn seconds_since(&self, at: &str) -> Result<Option<f64>> {
        Ok(self.conn().query_row(
            "SELECT (julianday('now') - julianday(?1)) * 86400.0",
            [at],
            |row| row.get(0),
        )?)
    }

    /// When the session last changed status.
    pub(crate) fn last_status_change(&self, id: &str) -> Result<Option<String>> {
        Ok(self.conn().query_row(
            "SELECT MAX(at) FROM session_status_history WHERE session_id = ?1",
            [id],
            |row| row.get(0),
        )?)
    }
}

/// Whether `name` is free among the live sessions of a project.
fn check_name_free(
    conn: &Connection,
    project_id: &str,
    name: &str,
    except: Option<&str>,
) -> Result<()> {
    let taken = conn
        .query_row(
            &format!(
                "SELECT 1 FROM sessions s WHERE s.project_id = ?1 AND s.name = ?2 AND s.id != ?3 AND {LIVE}"
            ),
            params![project_id, name, except.unwrap_or("")],
            |_| Ok(()),
        )
        .optional()?
        .is_some();
    if taken {
        return Err(Error::NameTaken {
            kind: "session",
            name: name.to_owned(),
        });
    }
    Ok(())
}
