//! Terminals in sessions: open, attach (output streamed as raw bytes over a
//! channel), write, resize, close. The core keeps each terminal and its
//! screen, so a window that closes and reopens attaches again.

use super::{CommandResult, core};
use crate::state::AppState;
use berth_core::engine::Engine;
use berth_core::terminal::{self, TerminalEvent, TerminalExit, TerminalInfo, TerminalSize};
use tauri::State;
use tauri::ipc::{Channel, InvokeResponseBody};

async fn engine() -> CommandResult<Engine> {
    core(Engine::from_env().await)
}

/// Starts a shell with a TTY in the session.
#[tauri::command]
pub async fn open_terminal(
    state: State<'_, AppState>,
    session_id: String,
    size: TerminalSize,
) -> CommandResult<TerminalInfo> {
    let session = state.session(&session_id)?;
    core(terminal::open_terminal(&engine().await?, &session, None, size).await)
}

/// Sends the terminal's saved screen, then its output as it comes, as raw
/// binary messages. Resolves with the exit when the shell ends, or with
/// `null` when this view was replaced by another or its window went away.
#[tauri::command]
pub async fn attach_terminal(
    terminal_id: String,
    on_output: Channel<InvokeResponseBody>,
) -> CommandResult<Option<TerminalExit>> {
    let mut attached = core(terminal::attach(&terminal_id))?;
    let send = |bytes: Vec<u8>| on_output.send(InvokeResponseBody::Raw(bytes)).is_ok();
    if !attached.scrollback.is_empty() && !send(std::mem::take(&mut attached.scrollback)) {
        return Ok(None);
    }
    while let Some(event) = attached.events.recv().await {
        match event {
            TerminalEvent::Output(bytes) => {
                if !send(bytes) {
                    return Ok(None);
                }
            }
            TerminalEvent::Exit(exit) => return Ok(Some(exit)),
        }
    }
    Ok(None)
}

#[tauri::command]
pub async fn write_terminal(terminal_id: String, data: String) -> CommandResult<()> {
    core(terminal::write_terminal(&terminal_id, data.as_bytes()).await)
}

#[tauri::command]
pub async fn resize_terminal(terminal_id: String, size: TerminalSize) -> CommandResult<()> {
    core(terminal::resize_terminal(&engine().await?, &terminal_id, size).await)
}

#[tauri::command]
pub async fn close_terminal(terminal_id: String) -> CommandResult<()> {
    core(terminal::close_terminal(&engine().await?, &terminal_id).await)
}

/// The session's terminals this app still holds, live or ended.
#[tauri::command]
pub async fn session_terminals(session_id: String) -> CommandResult<Vec<TerminalInfo>> {
    Ok(terminal::session_terminals(&session_id))
}
