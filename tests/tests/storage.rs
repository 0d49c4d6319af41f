//! The Storage page and the folder explorer, end to end: folders are made,
//! filled, read back and removed through the real window, and every effect
//! is checked on disk.

use berth_e2e::{App, Launch, testid};
use std::path::{Path, PathBuf};

fn launch() -> (App, tempfile::TempDir) {
    let tmp = tempfile::tempdir().unwrap();
    let app = App::launch(&Launch {
        data_dir: tmp.path().join("berth"),
        docker_host: None,
        test_hooks: true,
    });
    (app, tmp)
}

/// The folder's data directory, read from the app's database as a second
/// process (the CLI) would.
fn folder_path(data_dir: &Path, name: &str) -> PathBuf {
    let berth = berth_core::Berth::open(data_dir).unwrap();
    let project = berth.current_project().unwrap();
    let folder = berth.folder(&project, name).unwrap();
    berth.folder_root(&folder).unwrap()
}

#[test]
fn create_fill_download_rename_trash_restore_purge() {
    let (app, tmp) = launch();
    let data_dir = tmp.path().join("berth");
    app.click(&testid("nav-storage"));
    app.wait_for(&testid("page-storage"));

    // Create, with the validation message for a bad name first.
    app.click(&testid("create-folder"));
    app.type_into(&testid("folder-name-input"), "bad name");
    app.wait_for_text(&testid("folder-name-error"), "not allowed");
    app.screenshot("storage-01-create-invalid");
    app.type_into(&testid("folder-name-input"), "user2-vfolder");
    app.wait_gone(&testid("folder-name-error"));
    app.click(&testid("folder-create-submit"));
    app.wait_for(&testid("folder-row-user2-vfolder"));
    app.screenshot("storage-02-folder-created");
    let root = folder_path(&data_dir, "user2-vfolder");
    assert!(root.is_dir());

    // Explorer: a directory, an upload through the picker, a drop.
    app.click(&testid("folder-open-user2-vfolder"));
    app.wait_for(&testid("explorer"));
    app.click(&testid("explorer-mkdir"));
    app.type_into(&testid("mkdir-input"), "results");
    app.click(&testid("mkdir-submit"));
    app.wait_for(&testid("explorer-row-results"));
    assert!(root.join("results").is_dir());

    let host = tmp.path().join("host");
    std::fs::create_dir(&host).unwrap();
    let upload = host.join("test_file");
    let content = "file inside user2-vfolder\n".repeat(40_000);
    std::fs::write(&upload, &content).unwrap();
    app.invoke(
        "test_queue_pick",
        serde_json::json!({ "paths": [upload.display().to_string()] }),
    );
    app.click(&testid("explorer-upload-files"));
    app.wait_for(&testid("explorer-row-test_file"));
    // A finished transfer folds the panel away; unfold it to see it.
    app.click(&testid("transfer-toggle"));
    app.wait_for("[data-testid^=\"transfer-t\"][data-state=\"done\"]");
    app.screenshot("storage-03-uploaded");
    assert_eq!(
        std::fs::read_to_string(root.join("test_file")).unwrap(),
        content
    );

    let dropped = host.join("dropped.txt");
    std::fs::write(&dropped, "dropped from the desktop").unwrap();
    app.invoke(
        "test_drop_files",
        serde_json::json!({ "paths": [dropped.display().to_string()] }),
    );
    app.wait_for(&testid("explorer-row-dropped.txt"));
    assert_eq!(
        std::fs::read_to_string(root.join("dropped.txt")).unwrap(),
        "dropped from the desktop"
    );

    // Download through the save picker and compare the bytes.
    let downloaded = host.join("downloaded");
    app.download_from_explorer("test_file", &downloaded, &content);
    app.screenshot("storage-04-downloaded");
    // Finished transfers are cleared, so the panel leaves the table free.
    app.click(&testid("transfer-clear"));
    app.wait_gone(&testid("transfer-panel"));

    // Rename within the folder.
    app.click(&testid("explorer-rename"));
    app.type_into(&testid("rename-input"), "renamed_file");
    app.click(&testid("rename-submit"));
    app.wait_for(&testid("explorer-row-renamed_file"));
    assert!(root.join("renamed_file").is_file());
    assert!(!root.join("test_file").exists());
    app.click(&testid("explorer-close"));

    // Trash, restore, trash again, purge.
    app.click(&testid("folder-trash-user2-vfolder"));
    app.click(&testid("confirm-ok"));
    app.wait_gone(&testid("folder-row-user2-vfolder"));
    app.click(&testid("storage-tab-trash"));
    app.wait_for(&testid("folder-row-user2-vfolder"));
    app.screenshot("storage-05-trash");
    app.click(&testid("folder-restore-user2-vfolder"));
    app.wait_gone(&testid("folder-row-user2-vfolder"));
    app.click(&testid("storage-tab-general"));
    app.wait_for(&testid("folder-row-user2-vfolder"));
    assert!(root.join("renamed_file").is_file(), "trash keeps the data");

    app.click(&testid("folder-trash-user2-vfolder"));
    app.click(&testid("confirm-ok"));
    app.wait_gone(&testid("folder-row-user2-vfolder"));
    app.click(&testid("storage-tab-trash"));
    app.click(&testid("folder-purge-user2-vfolder"));
    app.type_into(&testid("purge-confirm-input"), "user2-vfolder");
    app.screenshot("storage-06-purge-confirm");
    app.click(&testid("purge-submit"));
    app.wait_gone(&testid("folder-row-user2-vfolder"));
    assert!(!root.exists(), "purge removes the data");
}
