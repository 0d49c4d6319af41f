//! Storage folders of the current project.

use super::{CommandResult, core};
use crate::state::AppState;
use berth_core::storage::{Folder, FolderOptions, FolderStatus};
use tauri::State;

#[tauri::command]
pub async fn list_folders(state: State<'_, AppState>, trash: bool) -> CommandResult<Vec<Folder>> {
    let berth = state.berth()?;
    let status = if trash {
        FolderStatus::Trashed
    } else {
        FolderStatus::Ready
    };
    core(berth.list_folders(&core(berth.current_project())?, status))
}

#[tauri::command]
pub async fn check_folder_name(state: State<'_, AppState>, name: String) -> CommandResult<()> {
    let berth = state.berth()?;
    core(berth.check_folder_name(&core(berth.current_project())?, &name))
}

#[tauri::command]
pub async fn create_folder(
    state: State<'_, AppState>,
    name: String,
    options: FolderOptions,
) -> CommandResult<Folder> {
    let berth = state.berth()?;
    core(berth.create_folder(&core(berth.current_project())?, &name, &options))
}

#[tauri::command]
pub async fn rename_folder(
    state: State<'_, AppState>,
    name: String,
    new_name: String,
) -> CommandResult<Folder> {
    let berth = state.berth()?;
    core(berth.rename_folder(&core(berth.current_project())?, &name, &new_name))
}

#[tauri::command]
pub async fn trash_folder(state: State<'_, AppState>, name: String) -> CommandResult<Folder> {
    let berth = state.berth()?;
    core(berth.trash_folder(&core(berth.current_project())?, &name))
}

#[tauri::command]
pub async fn restore_folder(state: State<'_, AppState>, name: String) -> CommandResult<Folder> {
    let berth = state.berth()?;
    core(berth.restore_folder(&core(berth.current_project())?, &name))
}

#[tauri::command]
pub async fn purge_folder(
    state: State<'_, AppState>,
    name: String,
    confirm: String,
) -> CommandResult<()> {
    let berth = state.berth()?;
    core(berth.purge_folder(&core(berth.current_project())?, &name, &confirm))
}

#[tauri::command]
pub async fn refresh_folder_size(state: State<'_, AppState>, name: String) -> CommandResult<u64> {
    let berth = state.berth()?;
    let folder = core(berth.folder(&core(berth.current_project())?, &name))?;
    core(berth.refresh_folder_size(&folder))
}

#[tauri::command]
pub async fn open_folder_on_host(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    name: String,
) -> CommandResult<()> {
    use tauri_plugin_shell::ShellExt;
    let berth = state.berth()?;
    let folder = core(berth.folder(&core(berth.current_project())?, &name))?;
    let root = core(berth.folder_root(&folder))?;
    #[allow(deprecated)] // the opener plugin is the successor; DESIGN picks the shell plugin
    app.shell()
        .open(root.display().to_string(), None)
        .map_err(|e| berth_core::ErrorPayload {
            code: "open_failed".to_owned(),
            message: format!("cannot open {}: {e}", root.display()),
        })
}
