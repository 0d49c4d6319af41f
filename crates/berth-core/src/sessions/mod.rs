//! Sessions: containers on the engine with storage folders bind-mounted into
//! them (DESIGN §4 "Mount planning", "Sessions").
//!
//! - [`spec`] — what a session is asked to be, and its validation.
//! - [`mount_plan`] — from selected and automount folders to bind mounts.
//!
//! Both are pure; the lifecycle that talks to the engine builds on them.

pub mod mount_plan;
pub mod spec;

pub use mount_plan::{
    Access, AutomountFolder, MountError, MountErrorCode, MountErrorFolder, Mountability,
    PlannedMount, SelectedFolder, plan_mounts,
};
pub use spec::{
    EngineLimits, ParseSizeError, SessionSpec, SessionType, SpecError, SpecErrorCode, ValidSpec,
    parse_size, validate,
};
