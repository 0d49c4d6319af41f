//! Sessions of the current project: launch, watch, terminate, rename, logs,
//! and what the launcher needs (images, engine limits, live checks).

use super::{CommandResult, core};
use crate::state::AppState;
use berth_core::Berth;
use berth_core::engine::Engine;
use berth_core::engine::images::ImageInfo;
use berth_core::sessions::{self, EngineLimits, LaunchCheck, LaunchRequest, Session, SessionUsage};
use futures_util::StreamExt;
use std::sync::Arc;
use std::time::Duration;
use tauri::{AppHandle, State};

/// The most of a session's output `session_logs` returns: the tail, so a
/// chatty session cannot flood the window.
const LOG_TAIL_BYTES: usize = 1024 * 1024;

/// How long the engine watcher waits before trying again after the engine
/// went away or could not be reached.
const WATCH_RETRY: Duration = Duration::from_secs(5);

async fn engine() -> CommandResult<Engine> {
    core(Engine::from_env().await)
}

#[tauri::command]
pub async fn list_sessions(state: State<'_, AppState>, all: bool) -> CommandResult<Vec<Session>> {
    let berth = state.berth()?;
    core(berth.list_sessions(&core(berth.current_project())?, all))
}

#[tauri::command]
pub async fn session_info(state: State<'_, AppState>, id: String) -> CommandResult<Session> {
    state.session(&id)
}

#[tauri::command]
pub async fn engine_limits() -> CommandResult<EngineLimits> {
    core(sessions::engine_limits(&engine().await?).await)
}

#[tauri::command]
pub async fn list_images() -> CommandResult<Vec<ImageInfo>> {
    core(engine().await?.list_images().await)
}

#[tauri::command]
pub async fn check_launch(
    state: State<'_, AppState>,
    request: LaunchRequest,
) -> CommandResult<LaunchCheck> {
    let berth = state.berth()?;
    let limits = core(sessions::engine_limits(&engine().await?).await)?;
    core(berth.check_launch(&core(berth.current_project())?, &request, &limits))
}

/// Records the session and returns it `PENDING` at once; the launch goes on
/// in the background, the session list shows its progress, and a notice
/// says when it is ready or failed.
#[tauri::command]
pub async fn start_session(
    app: AppHandle,
    state: State<'_, AppState>,
    request: LaunchRequest,
) -> CommandResult<Session> {
    let berth = Arc::clone(state.berth()?);
    let engine = engine().await?;
    let project = core(berth.current_project())?;
    let session = core(sessions::create_session(&berth, &engine, &project, &request).await)?;
    let id = session.id.clone();
    tauri::async_runtime::spawn(async move {
        match sessions::launch_session(&berth, &engine, &id).await {
            Ok(session) => crate::notices::session_changed(&app, &session),
            Err(e) => {
                tracing::error!(code = e.code(), session = %id, "cannot record the launch: {e}");
            }
        }
    });
    Ok(session)
}

#[tauri::command]
pub async fn terminate_session(state: State<'_, AppState>, id: String) -> CommandResult<Session> {
    let berth = state.berth()?;
    let session = state.session(&id)?;
    core(sessions::terminate_session(berth, &engine().await?, &session.id).await)
}

/// One sample of the session's CPU, memory, network and block I/O.
#[tauri::command]
pub async fn session_usage(state: State<'_, AppState>, id: String) -> CommandResult<SessionUsage> {
    let session = state.session(&id)?;
    core(sessions::session_usage(&engine().await?, &session).await)
}

#[tauri::command]
pub async fn rename_session(
    state: State<'_, AppState>,
    id: String,
    name: String,
) -> CommandResult<Session> {
    let berth = state.berth()?;
    core(berth.rename_session(&core(berth.current_project())?, &id, &name))
}

/// The session's output so far, as text (invalid UTF-8 replaced), at most
/// its last [`LOG_TAIL_BYTES`].
#[tauri::command]
pub async fn session_logs(state: State<'_, AppState>, id: String) -> CommandResult<String> {
    let berth = state.berth()?;
    let session = state.session(&id)?;
    let engine = engine().await?;
    let mut stream = core(sessions::session_logs(berth, &engine, &session, false).await)?;
    let mut bytes = Vec::new();
    while let Some(chunk) = stream.next().await {
        let (_, chunk) = core(chunk)?;
        bytes.extend_from_slice(&chunk);
        if bytes.len() > 2 * LOG_TAIL_BYTES {
            bytes.drain(..bytes.len() - LOG_TAIL_BYTES);
        }
    }
    Ok(log_tail(&bytes, LOG_TAIL_BYTES))
}

/// The last `limit` bytes of `bytes` as text, starting at a character
/// boundary when the cut falls inside one.
fn log_tail(bytes: &[u8], limit: usize) -> String {
    let mut start = bytes.len().saturating_sub(limit);
    // UTF-8 continuation bytes are 0b10xx_xxxx; skip a partial character.
    while start < bytes.len() && start > 0 && bytes[start] & 0xC0 == 0x80 {
        start += 1;
    }
    String::from_utf8_lossy(&bytes[start..]).into_owned()
}

/// Brings the database in line with the engine, then records sessions'
/// ends as the engine reports them. When the engine is unreachable or goes
/// away, tries again after [`WATCH_RETRY`], reconciling first since events
/// may have been missed meanwhile. Never returns.
pub async fn watch_engine(app: AppHandle, berth: Arc<Berth>) {
    loop {
        match Engine::from_env().await {
            Ok(engine) => {
                match sessions::reconcile(&berth, &engine).await {
                    Ok(report) => tracing::info!(?report, "sessions reconciled"),
                    Err(e) => tracing::warn!(code = e.code(), "cannot reconcile sessions: {e}"),
                }
                let watched = sessions::watch_sessions(&berth, &engine, |session| {
                    tracing::info!(session = %session.name, status = %session.status, "session ended");
                    crate::notices::session_changed(&app, session);
                })
                .await;
                if let Err(e) = watched {
                    tracing::warn!(code = e.code(), "stopped watching sessions: {e}");
                }
            }
            Err(e) => tracing::debug!(code = e.code(), "engine unavailable: {e}"),
        }
        tokio::time::sleep(WATCH_RETRY).await;
    }
}

#[cfg(test)]
mod tests {
    use super::log_tail;

    #[test]
    fn log_tail_keeps_the_end_and_whole_characters() {
        assert_eq!(log_tail(b"hello", 10), "hello");
        assert_eq!(log_tail(b"hello", 3), "llo");
        // "é" is two bytes; a cut between them drops the half character.
        let text = "aé b".as_bytes();
        assert_eq!(log_tail(text, 3), " b");
        assert_eq!(log_tail(b"", 3), "");
        assert_eq!(log_tail(&[0xff, b'x'], 5), "\u{fffd}x");
    }
}
