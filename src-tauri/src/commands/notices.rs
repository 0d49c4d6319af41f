//! The notification centre and the preferences.

use super::{CommandResult, core};
use crate::notices::Notices;
use crate::state::AppState;
use berth_core::sessions::SessionNotice;
use berth_core::settings::UiSettings;
use tauri::{AppHandle, Emitter, State};

/// The event every window receives after the preferences changed.
pub const SETTINGS_EVENT: &str = "berth://settings";

#[tauri::command]
pub async fn list_notices(notices: State<'_, Notices>) -> CommandResult<Vec<SessionNotice>> {
    Ok(notices.list())
}

#[tauri::command]
pub async fn clear_notices(notices: State<'_, Notices>) -> CommandResult<()> {
    notices.clear();
    Ok(())
}

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> CommandResult<UiSettings> {
    core(state.berth()?.ui_settings())
}

/// Saves the preferences and tells every window, so open terminals follow.
#[tauri::command]
pub async fn set_settings(
    app: AppHandle,
    state: State<'_, AppState>,
    settings: UiSettings,
) -> CommandResult<UiSettings> {
    let saved = core(state.berth()?.set_ui_settings(&settings))?;
    if let Err(error) = app.emit(SETTINGS_EVENT, &saved) {
        tracing::warn!(%error, "cannot send the new settings to the windows");
    }
    Ok(saved)
}
