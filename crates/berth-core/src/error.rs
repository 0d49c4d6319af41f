//! The one error type of the core. Every variant has a stable snake_case
//! [`Error::code`] that the UI and scripts branch on, and a message written
//! for a person.

use serde::{Serialize, Serializer};
use std::path::PathBuf;
use ts_rs::TS;

/// Result alias used across the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything the core can refuse or fail at.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No container engine answered at the endpoint (socket missing, refused,
    /// timed out, or not speaking the Docker API).
    #[error("cannot reach the container engine at {endpoint}: {reason}")]
    EngineUnreachable { endpoint: String, reason: String },

    /// `DOCKER_HOST` (or another endpoint setting) cannot be understood.
    #[error("invalid engine endpoint {endpoint:?}: {reason}")]
    InvalidEndpoint { endpoint: String, reason: String },

    /// The engine answered, but with an error.
    #[error("the container engine refused the request: {0}")]
    Engine(String),

    /// The data directory cannot be found, created or used.
    #[error("cannot use the data directory {path}: {reason}")]
    DataDir { path: PathBuf, reason: String },

    /// SQLite failed (locked past the busy timeout, corrupt file, full disk…).
    #[error("database error: {0}")]
    Database(String),

    /// The database was written by a newer Berth than this one.
    #[error(
        "the database has schema version {found}, but this Berth understands up to {supported}; \
         update Berth or use another data directory"
    )]
    SchemaTooNew { found: i64, supported: i64 },

    /// A named thing does not exist.
    #[error("{kind} {name:?} not found")]
    NotFound { kind: &'static str, name: String },
}

impl Error {
    /// The stable, machine-readable code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            Error::EngineUnreachable { .. } => "engine_unreachable",
            Error::InvalidEndpoint { .. } => "invalid_endpoint",
            Error::Engine(_) => "engine_error",
            Error::DataDir { .. } => "data_dir_unavailable",
            Error::Database(_) => "database_error",
            Error::SchemaTooNew { .. } => "schema_too_new",
            Error::NotFound { .. } => "not_found",
        }
    }

    /// The `{code, message}` form sent to the UI and printed under `--json`.
    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            code: self.code().to_owned(),
            message: self.to_string(),
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Database(e.to_string())
    }
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.payload().serialize(serializer)
    }
}

/// An error as the UI and `--json` output see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable_snake_case() {
        let cases = [
            (
                Error::EngineUnreachable {
                    endpoint: "unix:///x.sock".into(),
                    reason: "no such file".into(),
                },
                "engine_unreachable",
            ),
            (
                Error::InvalidEndpoint {
                    endpoint: "ftp://x".into(),
                    reason: "unsupported scheme".into(),
                },
                "invalid_endpoint",
            ),
            (Error::Engine("boom".into()), "engine_error"),
            (
                Error::DataDir {
                    path: "/nope".into(),
                    reason: "denied".into(),
                },
                "data_dir_unavailable",
            ),
            (Error::Database("locked".into()), "database_error"),
            (
                Error::SchemaTooNew {
                    found: 9,
                    supported: 1,
                },
                "schema_too_new",
            ),
            (
                Error::NotFound {
                    kind: "project",
                    name: "x".into(),
                },
                "not_found",
            ),
        ];
        for (error, code) in cases {
            assert_eq!(error.code(), code);
            assert!(!error.to_string().is_empty());
        }
    }

    #[test]
    fn serialises_as_code_and_message() {
        let error = Error::NotFound {
            kind: "project",
            name: "ml".into(),
        };
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "not_found", "message": "project \"ml\" not found"})
        );
    }
}
