//! Tauri commands, one file per domain. Each command is a line or two of
//! core call; errors leave as `{code, message}`. They are `async` so Tauri
//! runs them off the main (UI) thread.

pub mod clipboard;
pub mod explorer;
pub mod folders;
pub mod notices;
pub mod pickers;
pub mod sessions;
pub mod shell;
pub mod terminals;
pub mod test_hooks;
pub mod transfers;
pub mod windows;

use berth_core::ErrorPayload;

/// What every command returns.
pub type CommandResult<T> = Result<T, ErrorPayload>;

/// Maps a core result to a command result.
pub fn core<T>(result: berth_core::Result<T>) -> CommandResult<T> {
    result.map_err(|e| e.payload())
}
