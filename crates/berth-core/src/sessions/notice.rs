//! Notices: the session events worth telling the user about, as the app's
//! notification centre and desktop notifications show them. Pure: a
//! session's state in, at most one notice out.

use super::model::{Session, SessionStatus};
use super::spec::SessionType;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What happened to the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// It is `RUNNING`: a terminal can be opened.
    Ready,
    /// A batch session's command ended; `exit_code` says how.
    Ended,
    /// It is in `ERROR`; `reason` says why.
    Failed,
}

/// One event of one session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SessionNotice {
    /// Unique per notice, so the UI can key and deduplicate them.
    pub id: String,
    pub kind: NoticeKind,
    pub session_id: String,
    pub session_name: String,
    #[ts(type = "number | null")]
    pub exit_code: Option<i64>,
    pub reason: Option<String>,
    /// When the session reached the status (RFC 3339).
    pub at: String,
}

impl SessionNotice {
    /// The notice a session's current status calls for, if any. An
    /// interactive session the user terminated calls for none: they asked
    /// for it.
    pub fn for_session(session: &Session) -> Option<SessionNotice> {
        let kind = match (session.status, session.session_type) {
            (SessionStatus::Running, _) => NoticeKind::Ready,
            (SessionStatus::Error, _) => NoticeKind::Failed,
            (SessionStatus::Terminated, SessionType::Batch) => NoticeKind::Ended,
            _ => return None,
        };
        let at = session
            .history
            .iter()
            .rev()
            .find(|change| change.status == session.status)
            .map_or_else(|| session.created_at.clone(), |change| change.at.clone());
        Some(SessionNotice {
            id: uuid::Uuid::new_v4().to_string(),
            kind,
            session_id: session.id.clone(),
            session_name: session.name.clone(),
            exit_code: session.exit_code,
            reason: session.status_reason.clone(),
            at,
        })
    }

    /// The one-line summary a desktop notification shows.
    pub fn summary(&self) -> String {
        let name = &self.session_name;
        match self.kind {
            NoticeKind::Ready => format!("Session {name} is ready"),
            NoticeKind::Ended => format!("Session {name} finished"),
            NoticeKind::Failed => format!("Session {name} failed"),
        }
    }

    /// The details under the summary.
    pub fn body(&self) -> String {
        match self.kind {
            NoticeKind::Ready => "Click to open a terminal in it.".to_owned(),
            NoticeKind::Ended => match self.exit_code {
                Some(code) => format!("The command exited with code {code}."),
                None => "The command ended.".to_owned(),
            },
            NoticeKind::Failed => self
                .reason
                .clone()
                .unwrap_or_else(|| "No reason was recorded.".to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sessions::model::StatusChange;
    use crate::sessions::spec::SessionSpec;

    fn session(status: SessionStatus, session_type: SessionType) -> Session {
        Session {
            id: "id-1".into(),
            name: "train".into(),
            project: "default".into(),
            session_type,
            image: "img".into(),
            status,
            status_reason: None,
            exit_code: None,
            container_id: None,
            created_at: "2026-01-01T00:00:00Z".into(),
            ended_at: None,
            spec: SessionSpec {
                name: None,
                session_type,
                image: "img".into(),
                command: None,
                cpus: 1.0,
                memory_bytes: 1 << 30,
                shm_bytes: 64 << 20,
                env: Vec::new(),
                ports: Vec::new(),
                gpus: 0,
            },
            mounts: Vec::new(),
            published_ports: Vec::new(),
            history: vec![
                StatusChange {
                    status: SessionStatus::Pending,
                    reason: None,
                    at: "2026-01-01T00:00:00Z".into(),
                },
                StatusChange {
                    status,
                    reason: None,
                    at: "2026-01-01T00:00:05Z".into(),
                },
            ],
        }
    }

    #[test]
    fn running_is_ready_with_the_time_it_got_there() {
        let notice =
            SessionNotice::for_session(&session(SessionStatus::Running, SessionType::Interactive))
                .unwrap();
        assert_eq!(notice.kind, NoticeKind::Ready);
        assert_eq!(notice.at, "2026-01-01T00:00:05Z");
        assert_eq!(notice.summary(), "Session train is ready");
    }

    #[test]
    fn a_batch_end_carries_its_exit_code() {
        let mut ended = session(SessionStatus::Terminated, SessionType::Batch);
        ended.exit_code = Some(3);
        let notice = SessionNotice::for_session(&ended).unwrap();
        assert_eq!(notice.kind, NoticeKind::Ended);
        assert_eq!(notice.exit_code, Some(3));
        assert!(notice.body().contains("code 3"), "{}", notice.body());
    }

    #[test]
    fn a_failure_carries_its_reason() {
        let mut failed = session(SessionStatus::Error, SessionType::Interactive);
        failed.status_reason = Some("image not found".into());
        let notice = SessionNotice::for_session(&failed).unwrap();
        assert_eq!(notice.kind, NoticeKind::Failed);
        assert_eq!(notice.body(), "image not found");
    }

    #[test]
    fn transitions_and_a_terminated_interactive_session_say_nothing() {
        for status in [
            SessionStatus::Pending,
            SessionStatus::Pulling,
            SessionStatus::Preparing,
            SessionStatus::Terminating,
            SessionStatus::Terminated,
        ] {
            let quiet = session(status, SessionType::Interactive);
            assert_eq!(SessionNotice::for_session(&quiet), None, "{status:?}");
        }
    }
}
