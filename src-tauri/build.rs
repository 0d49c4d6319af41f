// Declaring the app's commands makes Tauri generate one permission per
// command (`allow-<name>`), so capabilities/ can grant exactly these.
const COMMANDS: &[&str] = &[
    "app_info",
    "engine_status",
    "list_projects",
    "current_project",
    "set_current_project",
    "list_storage_hosts",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri build step");
}
