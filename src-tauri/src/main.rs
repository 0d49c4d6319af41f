//! The Berth desktop app. Commands live in `commands.rs` and only call
//! berth-core; this file wires them to the window.

// No console window for release builds on Windows.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod state;

fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_env("BERTH_LOG"))
        .init();
    tauri::Builder::default()
        .manage(state::AppState::open())
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::engine_status,
            commands::list_projects,
            commands::current_project,
            commands::set_current_project,
            commands::list_storage_hosts,
        ])
        .run(tauri::generate_context!())
        .expect("Berth could not start its window");
}
