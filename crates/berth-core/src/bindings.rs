//! The TypeScript view of the types the UI receives, generated with `ts-rs`
//! into `ui/src/api/bindings.ts`. A test compares the committed file with
//! what the Rust types say now; run it with `BERTH_UPDATE_BINDINGS=1` to
//! rewrite the file after changing a type.

use crate::engine::images::{ImageInfo, PullProgress};
use crate::engine::{EngineInfo, EngineStatus};
use crate::projects::Project;
use crate::sessions::mount_plan::{
    Access, MountError, MountErrorCode, MountErrorFolder, Mountability, PlannedMount,
};
use crate::sessions::spec::{EngineLimits, SessionSpec, SessionType, SpecError, SpecErrorCode};
use crate::sessions::{
    LaunchCheck, LaunchRequest, MountRequest, NoticeKind, PublishedPort, Session, SessionMount,
    SessionNotice, SessionStatus, SessionUsage, StatusChange,
};
use crate::settings::{TerminalTheme, UiSettings};
use crate::storage::explorer::{Entry, EntryKind, Page, SortKey};
use crate::storage::transfer::{Conflict, Progress, Skipped, TransferReport};
use crate::storage::transfer_status::{Direction, TransferState, TransferUpdate};
use crate::storage::{
    Folder, FolderOptions, FolderStatus, FolderType, HostUsage, Permission, StorageHost, UsageMode,
};
use crate::terminal::{TerminalExit, TerminalInfo, TerminalSize};
use crate::{AppInfo, ErrorPayload, Problem};
use ts_rs::{Config, TS};

/// The generated file's text.
pub fn typescript() -> String {
    let config = Config::default();
    let declarations = [
        ErrorPayload::decl(&config),
        EngineInfo::decl(&config),
        EngineStatus::decl(&config),
        Project::decl(&config),
        HostUsage::decl(&config),
        StorageHost::decl(&config),
        UsageMode::decl(&config),
        Permission::decl(&config),
        FolderType::decl(&config),
        FolderStatus::decl(&config),
        Folder::decl(&config),
        FolderOptions::decl(&config),
        EntryKind::decl(&config),
        Entry::decl(&config),
        Page::decl(&config),
        SortKey::decl(&config),
        Conflict::decl(&config),
        Skipped::decl(&config),
        Progress::decl(&config),
        TransferReport::decl(&config),
        Direction::decl(&config),
        TransferState::decl(&config),
        TransferUpdate::decl(&config),
        SessionType::decl(&config),
        SessionSpec::decl(&config),
        SpecErrorCode::decl(&config),
        SpecError::decl(&config),
        Access::decl(&config),
        Mountability::decl(&config),
        PlannedMount::decl(&config),
        MountErrorCode::decl(&config),
        MountErrorFolder::decl(&config),
        MountError::decl(&config),
        EngineLimits::decl(&config),
        Problem::decl(&config),
        MountRequest::decl(&config),
        LaunchRequest::decl(&config),
        LaunchCheck::decl(&config),
        SessionStatus::decl(&config),
        SessionMount::decl(&config),
        PublishedPort::decl(&config),
        StatusChange::decl(&config),
        Session::decl(&config),
        SessionUsage::decl(&config),
        ImageInfo::decl(&config),
        PullProgress::decl(&config),
        TerminalSize::decl(&config),
        TerminalExit::decl(&config),
        TerminalInfo::decl(&config),
        TerminalTheme::decl(&config),
        UiSettings::decl(&config),
        NoticeKind::decl(&config),
        SessionNotice::decl(&config),
        AppInfo::decl(&config),
    ];
    let mut out = String::from(
        "// This file is generated from the Rust types by `cargo test -p berth-core`; do not edit.\n",
    );
    for declaration in declarations {
        out.push_str("export ");
        out.push_str(&declaration);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn committed_bindings_are_current() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/api/bindings.ts");
        let expected = super::typescript();
        if std::env::var_os("BERTH_UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &expected).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == expected,
            "{} is stale; rerun with BERTH_UPDATE_BINDINGS=1.\n--- expected ---\n{expected}",
            path.display()
        );
    }
}
