//! The Berth desktop app. Commands live in `commands/` and only call
//! berth-core; this file wires them and the plugins to the window.

// No console window for release builds on Windows.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod desktop_notifications;
mod notices;
mod state;

use commands::{
    clipboard, explorer, folders, notices as notice_commands, pickers, sessions, shell, terminals,
    test_hooks, transfers, windows,
};
use tauri::Manager;

fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_env("BERTH_LOG"))
        .init();
    tauri::Builder::default()
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_shell::init())
        .manage(state::AppState::open())
        .manage(transfers::Transfers::default())
        .manage(notices::Notices::default())
        .setup(|app| {
            let state = app.state::<state::AppState>();
            tidy_folders_in_background(state.inner());
            if let Ok(berth) = state.berth() {
                let watcher = sessions::watch_engine(app.handle().clone(), berth.clone());
                tauri::async_runtime::spawn(watcher);
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            shell::app_info,
            shell::engine_status,
            shell::list_projects,
            shell::current_project,
            shell::set_current_project,
            shell::list_storage_hosts,
            folders::list_folders,
            folders::check_folder_name,
            folders::create_folder,
            folders::rename_folder,
            folders::trash_folder,
            folders::restore_folder,
            folders::purge_folder,
            folders::refresh_folder_size,
            folders::open_folder_on_host,
            explorer::fs_list,
            explorer::fs_stat,
            explorer::fs_mkdir,
            explorer::fs_rename,
            explorer::fs_remove,
            explorer::fs_read_text,
            explorer::fs_write_text,
            transfers::upload_conflicts,
            transfers::start_upload,
            transfers::start_download,
            transfers::cancel_transfer,
            sessions::list_sessions,
            sessions::session_info,
            sessions::engine_limits,
            sessions::list_images,
            sessions::check_launch,
            sessions::start_session,
            sessions::terminate_session,
            sessions::rename_session,
            sessions::session_logs,
            sessions::session_usage,
            terminals::open_terminal,
            terminals::attach_terminal,
            terminals::write_terminal,
            terminals::resize_terminal,
            terminals::close_terminal,
            terminals::session_terminals,
            windows::open_terminal_window,
            windows::system_terminal_available,
            windows::open_system_terminal,
            windows::open_url,
            clipboard::read_clipboard,
            clipboard::write_clipboard,
            notice_commands::list_notices,
            notice_commands::clear_notices,
            notice_commands::get_settings,
            notice_commands::set_settings,
            pickers::pick_files,
            pickers::pick_directory,
            pickers::pick_save_path,
            test_hooks::test_queue_pick,
            test_hooks::test_drop_files,
            test_hooks::test_close_window,
        ])
        .run(tauri::generate_context!())
        .expect("Berth could not start its window");
}

/// Removes what interrupted transfers left in the folders and refreshes the
/// cached folder sizes, off the main thread: the window should not wait for
/// a walk of every folder.
fn tidy_folders_in_background(state: &state::AppState) {
    let Ok(berth) = state.berth() else { return };
    let data_dir = berth.data_dir().to_path_buf();
    std::thread::spawn(move || {
        let berth = match berth_core::Berth::open(&data_dir) {
            Ok(berth) => berth,
            Err(e) => return tracing::warn!(code = e.code(), "cannot tidy folders: {e}"),
        };
        match berth.clean_transfer_leftovers() {
            Ok(0) => {}
            Ok(n) => tracing::info!("removed {n} partial file(s) of interrupted transfers"),
            Err(e) => tracing::warn!(code = e.code(), "cannot clean partial files: {e}"),
        }
        if let Err(e) = berth.refresh_all_folder_sizes() {
            tracing::warn!(code = e.code(), "cannot measure folders: {e}");
        }
    });
}
