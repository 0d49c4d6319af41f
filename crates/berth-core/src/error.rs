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

    /// A name breaks the naming rules.
    #[error("invalid name {name:?}: {reason}")]
    InvalidName { name: String, reason: String },

    /// A name is kept for files the home directory needs.
    #[error("the name {name:?} is reserved")]
    ReservedName { name: String },

    /// Another thing of the same kind already has the name.
    #[error("a {kind} named {name:?} already exists")]
    NameTaken { kind: &'static str, name: String },

    /// A live session mounts the folder.
    #[error("folder {name:?} is mounted by running session(s): {}", sessions.join(", "))]
    FolderInUse { name: String, sessions: Vec<String> },

    /// Writing into a read-only folder.
    #[error("folder {name:?} is read-only")]
    ReadOnly { name: String },

    /// A storage host's root is missing or unusable.
    #[error("storage host {name:?} is unavailable: {reason}")]
    HostUnavailable { name: String, reason: String },

    /// Removing a storage host that still holds folders.
    #[error("storage host {name:?} still holds {folders} folder(s)")]
    HostInUse { name: String, folders: usize },

    /// Deleting a project that still owns folders or sessions.
    #[error("project {name:?} cannot be deleted: {reason}")]
    ProjectInUse { name: String, reason: String },

    /// Something Berth needs is protected from removal.
    #[error("{what} cannot be removed")]
    Protected { what: String },

    /// A destructive action was not confirmed with the exact name.
    #[error("type the name {expected:?} to confirm")]
    ConfirmationMismatch { expected: String },

    /// A path inside a folder is malformed or would leave the folder.
    #[error("invalid path {path:?}: {reason}")]
    InvalidPath { path: String, reason: String },

    /// Something already exists at the path.
    #[error("{path:?} already exists")]
    AlreadyExists { path: String },

    /// A directory was expected.
    #[error("{path:?} is not a directory")]
    NotADirectory { path: String },

    /// A file was expected.
    #[error("{path:?} is a directory")]
    IsADirectory { path: String },

    /// Removing a non-empty directory without asking for recursion.
    #[error("{path:?} is not empty")]
    DirectoryNotEmpty { path: String },

    /// Reading a binary file as text.
    #[error("{path:?} is not a text file")]
    BinaryFile { path: String },

    /// A file is larger than the operation allows.
    #[error("{path:?} is larger than {limit} bytes")]
    FileTooLarge { path: String, limit: u64 },

    /// The user cancelled the operation.
    #[error("cancelled")]
    Cancelled,

    /// A file-system operation failed.
    #[error("{path}: {reason}")]
    Io { path: String, reason: String },

    /// A session cannot be launched as asked; every problem found is listed
    /// and the code is the first problem's.
    #[error("{}", problems.iter().map(|p| p.message.as_str()).collect::<Vec<_>>().join("; "))]
    SessionRejected { problems: Vec<Problem> },

    /// The operation needs a running session.
    #[error("session {name:?} is {status}, not RUNNING")]
    SessionNotRunning { name: String, status: String },

    /// A preference has a value the app cannot use.
    #[error("invalid setting {name}: {reason}")]
    InvalidSetting { name: &'static str, reason: String },
}

/// One reason a request is refused, with its stable code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Problem {
    #[ts(type = "string")]
    pub code: &'static str,
    pub message: String,
    /// Names of the folders involved, if any.
    pub folders: Vec<String>,
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
            Error::InvalidName { .. } => "invalid_name",
            Error::ReservedName { .. } => "reserved_name",
            Error::NameTaken { .. } => "name_taken",
            Error::FolderInUse { .. } => "folder_in_use",
            Error::ReadOnly { .. } => "read_only",
            Error::HostUnavailable { .. } => "host_unavailable",
            Error::HostInUse { .. } => "host_in_use",
            Error::ProjectInUse { .. } => "project_in_use",
            Error::Protected { .. } => "protected",
            Error::ConfirmationMismatch { .. } => "confirmation_mismatch",
            Error::InvalidPath { .. } => "invalid_path",
            Error::AlreadyExists { .. } => "already_exists",
            Error::NotADirectory { .. } => "not_a_directory",
            Error::IsADirectory { .. } => "is_a_directory",
            Error::DirectoryNotEmpty { .. } => "directory_not_empty",
            Error::BinaryFile { .. } => "binary_file",
            Error::FileTooLarge { .. } => "file_too_large",
            Error::Cancelled => "cancelled",
            Error::Io { .. } => "io_error",
            Error::SessionRejected { problems } => {
                problems.first().map_or("invalid_session", |p| p.code)
            }
            Error::SessionNotRunning { .. } => "session_not_running",
            Error::InvalidSetting { .. } => "invalid_setting",
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
            (
                Error::InvalidName {
                    name: "a b".into(),
                    reason: "space".into(),
                },
                "invalid_name",
            ),
            (
                Error::ReservedName {
                    name: ".ssh".into(),
                },
                "reserved_name",
            ),
            (
                Error::NameTaken {
                    kind: "folder",
                    name: "x".into(),
                },
                "name_taken",
            ),
            (
                Error::FolderInUse {
                    name: "x".into(),
                    sessions: vec!["s1".into()],
                },
                "folder_in_use",
            ),
            (Error::ReadOnly { name: "x".into() }, "read_only"),
            (
                Error::HostUnavailable {
                    name: "nas".into(),
                    reason: "gone".into(),
                },
                "host_unavailable",
            ),
            (
                Error::HostInUse {
                    name: "nas".into(),
                    folders: 2,
                },
                "host_in_use",
            ),
            (
                Error::ProjectInUse {
                    name: "p".into(),
                    reason: "owns folders".into(),
                },
                "project_in_use",
            ),
            (
                Error::Protected {
                    what: "the default project".into(),
                },
                "protected",
            ),
            (
                Error::ConfirmationMismatch {
                    expected: "x".into(),
                },
                "confirmation_mismatch",
            ),
            (
                Error::InvalidPath {
                    path: "../x".into(),
                    reason: "leaves the folder".into(),
                },
                "invalid_path",
            ),
            (Error::AlreadyExists { path: "a".into() }, "already_exists"),
            (Error::NotADirectory { path: "a".into() }, "not_a_directory"),
            (Error::IsADirectory { path: "a".into() }, "is_a_directory"),
            (
                Error::DirectoryNotEmpty { path: "a".into() },
                "directory_not_empty",
            ),
            (Error::BinaryFile { path: "a".into() }, "binary_file"),
            (
                Error::FileTooLarge {
                    path: "a".into(),
                    limit: 1,
                },
                "file_too_large",
            ),
            (Error::Cancelled, "cancelled"),
            (
                Error::Io {
                    path: "a".into(),
                    reason: "disk full".into(),
                },
                "io_error",
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
