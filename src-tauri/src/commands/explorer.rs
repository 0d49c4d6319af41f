//! The folder explorer: listing and small edits inside a folder of the
//! current project. Paths are folder-relative; the core refuses any that
//! would leave the folder.

use super::{CommandResult, core};
use crate::state::AppState;
use berth_core::Berth;
use berth_core::storage::Folder;
use berth_core::storage::explorer::{Entry, Explorer, ListQuery, Page, SortKey};
use tauri::State;

/// Opens a folder of the current project for the explorer; `write` refuses
/// read-only folders.
pub fn open_folder(berth: &Berth, name: &str, write: bool) -> CommandResult<(Folder, Explorer)> {
    let folder = core(berth.folder(&core(berth.current_project())?, name))?;
    if write {
        core(berth.check_writable(&folder))?;
    }
    let explorer = core(Explorer::open(&core(berth.folder_root(&folder))?))?;
    Ok((folder, explorer))
}

#[tauri::command]
pub async fn fs_list(
    state: State<'_, AppState>,
    folder: String,
    path: String,
    sort: SortKey,
    descending: bool,
    offset: u64,
    limit: u64,
) -> CommandResult<Page> {
    let (_, explorer) = open_folder(state.berth()?, &folder, false)?;
    let query = ListQuery {
        sort,
        descending,
        offset,
        limit,
    };
    core(explorer.list(&path, &query))
}

#[tauri::command]
pub async fn fs_stat(
    state: State<'_, AppState>,
    folder: String,
    path: String,
) -> CommandResult<Entry> {
    let (_, explorer) = open_folder(state.berth()?, &folder, false)?;
    core(explorer.stat(&path))
}

#[tauri::command]
pub async fn fs_mkdir(
    state: State<'_, AppState>,
    folder: String,
    path: String,
) -> CommandResult<()> {
    let (_, explorer) = open_folder(state.berth()?, &folder, true)?;
    core(explorer.mkdir(&path, true))
}

#[tauri::command]
pub async fn fs_rename(
    state: State<'_, AppState>,
    folder: String,
    from: String,
    to: String,
) -> CommandResult<()> {
    let (_, explorer) = open_folder(state.berth()?, &folder, true)?;
    core(explorer.rename(&from, &to, false))
}

#[tauri::command]
pub async fn fs_remove(
    state: State<'_, AppState>,
    folder: String,
    paths: Vec<String>,
) -> CommandResult<()> {
    let (_, explorer) = open_folder(state.berth()?, &folder, true)?;
    paths
        .iter()
        .try_for_each(|path| core(explorer.remove(path, true)))
}

#[tauri::command]
pub async fn fs_read_text(
    state: State<'_, AppState>,
    folder: String,
    path: String,
) -> CommandResult<String> {
    let (_, explorer) = open_folder(state.berth()?, &folder, false)?;
    core(explorer.read_text(&path))
}

#[tauri::command]
pub async fn fs_write_text(
    state: State<'_, AppState>,
    folder: String,
    path: String,
    content: String,
) -> CommandResult<()> {
    let (_, explorer) = open_folder(state.berth()?, &folder, true)?;
    core(explorer.write_text(&path, &content))
}
