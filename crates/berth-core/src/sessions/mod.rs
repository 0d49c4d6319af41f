//! Sessions: containers on the engine with storage folders bind-mounted into
//! them (DESIGN §4 "Mount planning", "Sessions").
//!
//! - [`spec`] — what a session is asked to be, and its validation.
//! - [`mount_plan`] — from selected and automount folders to bind mounts.
//!
//! - [`launch`] — a launch request checked against both, with every
//!   problem at once.
//! - [`model`] and [`store`] — sessions as recorded in the database.
//! - [`container`] — the engine's create request for a session (pure).
//! - [`lifecycle`] — launch, end, terminate, reconcile, logs and exec
//!   through the engine.
//! - [`usage`] — live CPU, memory, network and block I/O of a session.
//! - [`notice`] — which status changes the user is told about.

pub mod container;
pub mod launch;
pub mod lifecycle;
pub mod model;
pub mod mount_plan;
pub mod notice;
pub mod spec;
pub mod store;
pub mod usage;

pub use launch::{LaunchCheck, LaunchRequest, MountRequest};
pub use lifecycle::{
    OutputStream, Reconciled, create_session, engine_limits, exec_in_session, finish_session,
    launch_session, launch_session_reporting, reconcile, session_logs, start_session,
    terminate_session, wait_until_ended, watch_sessions,
};
pub use model::{PublishedPort, Session, SessionMount, SessionStatus, StatusChange};
pub use notice::{NoticeKind, SessionNotice};
pub use usage::{SessionUsage, session_usage};

pub use mount_plan::{
    Access, AutomountFolder, MountError, MountErrorCode, MountErrorFolder, Mountability,
    PlannedMount, SelectedFolder, plan_mounts,
};
pub use spec::{
    EngineLimits, ParseSizeError, SessionSpec, SessionType, SpecError, SpecErrorCode, ValidSpec,
    parse_size, validate,
};
