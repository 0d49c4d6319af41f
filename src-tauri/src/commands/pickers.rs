//! Native file pickers. They run here rather than in the webview so the
//! end-to-end tests can queue their results (see `test_hooks`), since
//! WebDriver cannot drive a native dialog.

use super::CommandResult;
use crate::state::AppState;
use tauri::State;
use tauri_plugin_dialog::DialogExt;

fn paths(files: Option<Vec<tauri_plugin_dialog::FilePath>>) -> Vec<String> {
    files
        .unwrap_or_default()
        .into_iter()
        .filter_map(|f| f.into_path().ok())
        .map(|p| p.display().to_string())
        .collect()
}

#[tauri::command]
pub async fn pick_files(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> CommandResult<Vec<String>> {
    if let Some(queued) = state.test_hooks.take_pick() {
        return Ok(queued);
    }
    Ok(paths(app.dialog().file().blocking_pick_files()))
}

#[tauri::command]
pub async fn pick_directory(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> CommandResult<Option<String>> {
    if let Some(queued) = state.test_hooks.take_pick() {
        return Ok(queued.into_iter().next());
    }
    let picked = app.dialog().file().blocking_pick_folder();
    Ok(paths(picked.map(|p| vec![p])).into_iter().next())
}

#[tauri::command]
pub async fn pick_save_path(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    suggested_name: String,
) -> CommandResult<Option<String>> {
    if let Some(queued) = state.test_hooks.take_pick() {
        return Ok(queued.into_iter().next());
    }
    let picked = app
        .dialog()
        .file()
        .set_file_name(suggested_name)
        .blocking_save_file();
    Ok(paths(picked.map(|p| vec![p])).into_iter().next())
}
