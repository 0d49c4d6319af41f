//! Hooks for the end-to-end tests, live only when the app starts with
//! `BERTH_TEST_HOOKS=1`: queue the result of the next native picker, emit
//! the window's own drag-and-drop event as if files were dropped, and close
//! a window as its title bar's close button does.

use super::CommandResult;
use crate::state::AppState;
use berth_core::ErrorPayload;
use std::collections::VecDeque;
use std::sync::Mutex;
use tauri::{Emitter, Manager, State};

/// Picker results queued by the tests; empty and unused outside tests.
#[derive(Default)]
pub struct TestHooks {
    enabled: bool,
    picks: Mutex<VecDeque<Vec<String>>>,
}

impl TestHooks {
    /// Reads `BERTH_TEST_HOOKS`.
    pub fn from_env() -> Self {
        TestHooks {
            enabled: std::env::var("BERTH_TEST_HOOKS").is_ok_and(|v| v == "1"),
            picks: Mutex::default(),
        }
    }

    /// The next queued picker result, if the tests queued one.
    pub fn take_pick(&self) -> Option<Vec<String>> {
        if !self.enabled {
            return None;
        }
        self.picks.lock().ok()?.pop_front()
    }

    fn check_enabled(&self) -> CommandResult<()> {
        if self.enabled {
            Ok(())
        } else {
            Err(ErrorPayload {
                code: "test_hooks_disabled".to_owned(),
                message: "start Berth with BERTH_TEST_HOOKS=1 to use test hooks".to_owned(),
            })
        }
    }
}

#[tauri::command]
pub async fn test_queue_pick(state: State<'_, AppState>, paths: Vec<String>) -> CommandResult<()> {
    state.test_hooks.check_enabled()?;
    if let Ok(mut picks) = state.test_hooks.picks.lock() {
        picks.push_back(paths);
    }
    Ok(())
}

#[tauri::command]
pub async fn test_drop_files(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    paths: Vec<String>,
) -> CommandResult<()> {
    state.test_hooks.check_enabled()?;
    // The payload the webview's own drop event carries.
    let payload = serde_json::json!({ "paths": paths, "position": { "x": 400, "y": 300 } });
    for event in ["tauri://drag-enter", "tauri://drag-drop"] {
        app.emit_to("main", event, payload.clone())
            .map_err(|e| ErrorPayload {
                code: "emit_failed".to_owned(),
                message: e.to_string(),
            })?;
    }
    Ok(())
}

/// Closes the window `label` as the window manager's close button does.
/// WebDriver's own close only destroys the page and leaves an empty window
/// behind, which is not what a user can do.
#[tauri::command]
pub async fn test_close_window(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    label: String,
) -> CommandResult<()> {
    state.test_hooks.check_enabled()?;
    let window = app.get_webview_window(&label).ok_or_else(|| ErrorPayload {
        code: "not_found".to_owned(),
        message: format!("no window {label:?}"),
    })?;
    window.close().map_err(|e| ErrorPayload {
        code: "window_failed".to_owned(),
        message: format!("cannot close {label:?}: {e}"),
    })
}
