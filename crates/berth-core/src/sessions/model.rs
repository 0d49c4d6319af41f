//! What a session is once it exists: its status, mounts, ports and history,
//! as stored in the database and shown to the UI and `--json`.

use super::spec::{SessionSpec, SessionType};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use ts_rs::TS;

/// Where a session is in its life (DESIGN §4 "Sessions").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "UPPERCASE")]
pub enum SessionStatus {
    /// Recorded, nothing asked of the engine yet.
    Pending,
    /// The image is being pulled.
    Pulling,
    /// Scratch directory and container are being made.
    Preparing,
    Running,
    /// Being stopped and removed.
    Terminating,
    /// Ended: terminated, or a batch command that exited.
    Terminated,
    /// Ended by a failure; the reason says which.
    Error,
}

impl SessionStatus {
    pub const ALL: [SessionStatus; 7] = [
        SessionStatus::Pending,
        SessionStatus::Pulling,
        SessionStatus::Preparing,
        SessionStatus::Running,
        SessionStatus::Terminating,
        SessionStatus::Terminated,
        SessionStatus::Error,
    ];

    /// The text stored in the database and shown to users.
    pub fn as_str(self) -> &'static str {
        match self {
            SessionStatus::Pending => "PENDING",
            SessionStatus::Pulling => "PULLING",
            SessionStatus::Preparing => "PREPARING",
            SessionStatus::Running => "RUNNING",
            SessionStatus::Terminating => "TERMINATING",
            SessionStatus::Terminated => "TERMINATED",
            SessionStatus::Error => "ERROR",
        }
    }

    /// Whether the session is over; an ended session never changes status.
    pub fn is_ended(self) -> bool {
        matches!(self, SessionStatus::Terminated | SessionStatus::Error)
    }

    /// Whether the session is on its way somewhere (the UI shows a spinner).
    pub fn is_transitional(self) -> bool {
        !self.is_ended() && self != SessionStatus::Running
    }
}

impl fmt::Display for SessionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for SessionStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        SessionStatus::ALL
            .into_iter()
            .find(|status| status.as_str() == s)
            .ok_or_else(|| format!("unknown session status {s:?}"))
    }
}

/// One folder mounted into a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SessionMount {
    pub folder_id: String,
    /// The folder's name when the session was created.
    pub folder: String,
    /// Absolute path inside the container.
    pub target: String,
    pub read_only: bool,
}

/// A container port and the host port the engine published it on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PublishedPort {
    pub container_port: u16,
    pub host_ip: String,
    pub host_port: u16,
}

/// One entry of a session's status history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StatusChange {
    pub status: SessionStatus,
    pub reason: Option<String>,
    pub at: String,
}

/// A session as stored.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Session {
    pub id: String,
    pub name: String,
    /// The owning project's name.
    pub project: String,
    #[serde(rename = "type")]
    #[ts(rename = "type")]
    pub session_type: SessionType,
    pub image: String,
    pub status: SessionStatus,
    /// Why the session is in `ERROR`, or how it ended.
    pub status_reason: Option<String>,
    /// A batch command's exit code, or the code an interactive container
    /// died with.
    pub exit_code: Option<i64>,
    pub container_id: Option<String>,
    pub created_at: String,
    pub ended_at: Option<String>,
    /// What was asked for: resources, command, environment, ports.
    pub spec: SessionSpec,
    pub mounts: Vec<SessionMount>,
    pub published_ports: Vec<PublishedPort>,
    /// Every status the session went through, oldest first.
    pub history: Vec<StatusChange>,
}

impl Session {
    /// The container of a running session, for operations that need one.
    pub fn running_container(&self) -> crate::Result<&str> {
        match (&self.container_id, self.status) {
            (Some(container), SessionStatus::Running) => Ok(container),
            _ => Err(crate::Error::SessionNotRunning {
                name: self.name.clone(),
                status: self.status.to_string(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_text_round_trips_and_matches_serde() {
        for status in SessionStatus::ALL {
            assert_eq!(status.as_str().parse::<SessionStatus>(), Ok(status));
            assert_eq!(
                serde_json::to_value(status).unwrap(),
                serde_json::Value::String(status.as_str().to_owned())
            );
        }
        assert!("running".parse::<SessionStatus>().is_err());
    }

    #[test]
    fn only_terminated_and_error_are_ended() {
        let ended: Vec<_> = SessionStatus::ALL
            .into_iter()
            .filter(|s| s.is_ended())
            .collect();
        assert_eq!(ended, [SessionStatus::Terminated, SessionStatus::Error]);
        assert!(!SessionStatus::Running.is_transitional());
        assert!(SessionStatus::Pulling.is_transitional());
        assert!(!SessionStatus::Error.is_transitional());
    }
}
