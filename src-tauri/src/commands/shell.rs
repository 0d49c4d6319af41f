//! The app shell: about, engine status, projects, storage hosts.

use super::{CommandResult, core};
use crate::state::AppState;
use berth_core::AppInfo;
use berth_core::engine::{self, EngineStatus};
use berth_core::projects::Project;
use berth_core::storage::StorageHost;
use tauri::State;

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> CommandResult<AppInfo> {
    core(state.berth()?.info())
}

#[tauri::command]
pub async fn engine_status() -> CommandResult<EngineStatus> {
    Ok(engine::status_from_env().await)
}

#[tauri::command]
pub async fn list_projects(state: State<'_, AppState>) -> CommandResult<Vec<Project>> {
    core(state.berth()?.list_projects())
}

#[tauri::command]
pub async fn current_project(state: State<'_, AppState>) -> CommandResult<Project> {
    core(state.berth()?.current_project())
}

#[tauri::command]
pub async fn set_current_project(
    state: State<'_, AppState>,
    name: String,
) -> CommandResult<Project> {
    core(state.berth()?.set_current_project(&name))
}

#[tauri::command]
pub async fn list_storage_hosts(state: State<'_, AppState>) -> CommandResult<Vec<StorageHost>> {
    core(state.berth()?.list_storage_hosts())
}
