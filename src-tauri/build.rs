// Declaring the app's commands makes Tauri generate one permission per
// command (`allow-<name>`), so capabilities/ can grant exactly these.
const COMMANDS: &[&str] = &[
    "app_info",
    "engine_status",
    "list_projects",
    "current_project",
    "set_current_project",
    "list_storage_hosts",
    "list_folders",
    "check_folder_name",
    "create_folder",
    "rename_folder",
    "trash_folder",
    "restore_folder",
    "purge_folder",
    "refresh_folder_size",
    "open_folder_on_host",
    "fs_list",
    "fs_stat",
    "fs_mkdir",
    "fs_rename",
    "fs_remove",
    "fs_read_text",
    "fs_write_text",
    "upload_conflicts",
    "start_upload",
    "start_download",
    "cancel_transfer",
    "list_sessions",
    "session_info",
    "engine_limits",
    "list_images",
    "check_launch",
    "start_session",
    "terminate_session",
    "rename_session",
    "session_logs",
    "pick_files",
    "pick_directory",
    "pick_save_path",
    "test_queue_pick",
    "test_drop_files",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri build step");
}
