//! Session notices: kept for the in-app notification centre, sent to every
//! window as `berth://notice`, and raised as desktop notifications when the
//! user wants them (see `desktop_notifications.rs`).

use crate::desktop_notifications;
use crate::state::AppState;
use berth_core::sessions::{NoticeKind, Session, SessionNotice};
use serde::Serialize;
use std::collections::{HashSet, VecDeque};
use std::sync::Mutex;
use tauri::{AppHandle, Emitter, Manager};

/// Notices the centre keeps; older ones fall off.
const KEPT: usize = 100;

/// The event every window receives for a new notice.
pub const NOTICE_EVENT: &str = "berth://notice";
/// The event that asks the main window to open a session's drawer.
pub const OPEN_SESSION_EVENT: &str = "berth://open-session";

/// What `berth://open-session` carries.
#[derive(Debug, Clone, Serialize)]
pub struct OpenSession {
    pub session_id: String,
    /// `overview` or `logs`.
    pub tab: &'static str,
}

/// The notices of this run of the app, newest last.
#[derive(Default)]
pub struct Notices {
    state: Mutex<NoticeState>,
}

#[derive(Default)]
struct NoticeState {
    kept: VecDeque<SessionNotice>,
    // A session's end can be seen twice (the launch and the engine's
    // events both report it); each event is told once.
    told: HashSet<(String, NoticeKind)>,
}

impl Notices {
    /// Newest first, as the centre lists them.
    pub fn list(&self) -> Vec<SessionNotice> {
        let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.kept.iter().rev().cloned().collect()
    }

    pub fn clear(&self) {
        self.state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .kept
            .clear();
    }

    /// Keeps the notice unless the same event of the same session was kept
    /// before; says whether it is new.
    fn keep(&self, notice: &SessionNotice) -> bool {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if !state.told.insert((notice.session_id.clone(), notice.kind)) {
            return false;
        }
        if state.kept.len() == KEPT {
            state.kept.pop_front();
        }
        state.kept.push_back(notice.clone());
        true
    }
}

/// Tells the user about the session's new status, if it calls for it.
pub fn session_changed(app: &AppHandle, session: &Session) {
    let Some(notice) = SessionNotice::for_session(session) else {
        return;
    };
    if !app.state::<Notices>().keep(&notice) {
        return;
    }
    if let Err(error) = app.emit(NOTICE_EVENT, &notice) {
        tracing::warn!(%error, "cannot send the notice to the windows");
    }
    let wanted = app
        .state::<AppState>()
        .berth()
        .ok()
        .and_then(|berth| berth.ui_settings().ok())
        .is_none_or(|settings| settings.desktop_notifications);
    if wanted {
        desktop_notifications::show(app.clone(), notice);
    }
}

/// What clicking a notice does: a ready session opens its terminal; an
/// ended or failed one opens its drawer in the main window.
pub fn act_on(app: &AppHandle, notice: &SessionNotice) {
    if let Some(main) = app.get_webview_window("main") {
        let _ = main.unminimize();
        let _ = main.show();
        let _ = main.set_focus();
    }
    let tab = match notice.kind {
        NoticeKind::Ready => {
            let session = app
                .state::<AppState>()
                .berth()
                .map_err(|e| e.message)
                .and_then(|berth| {
                    berth
                        .session_by_id(&notice.session_id)
                        .map_err(|e| e.to_string())
                });
            match session {
                Ok(session) if session.running_container().is_ok() => {
                    if let Err(error) =
                        crate::commands::windows::show_terminal_window(app, &session)
                    {
                        tracing::warn!(message = %error.message, "cannot open the terminal");
                    }
                    return;
                }
                // No longer running: show what became of it instead.
                Ok(_) => "overview",
                Err(error) => return tracing::warn!(%error, "cannot find the notice's session"),
            }
        }
        NoticeKind::Ended => "logs",
        NoticeKind::Failed => "overview",
    };
    let open = OpenSession {
        session_id: notice.session_id.clone(),
        tab,
    };
    if let Err(error) = app.emit_to("main", OPEN_SESSION_EVENT, open) {
        tracing::warn!(%error, "cannot ask the main window to open the session");
    }
}
