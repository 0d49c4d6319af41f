//! `berth project|host|folder` as scripts use them: exact forms, JSON
//! shapes, error codes and exit codes.

mod support;

use std::path::Path;
use support::{Berth, names};

#[test]
fn folder_lifecycle_through_the_cli() {
    let b = Berth::new();
    let created = b.ok(&["folder", "create", "user1-ml-test"]);
    for key in [
        "id",
        "name",
        "host",
        "usage_mode",
        "permission",
        "type",
        "project",
        "status",
        "created_at",
    ] {
        assert!(created.get(key).is_some(), "missing {key}: {created}");
    }
    assert_eq!(created["usage_mode"], "general");
    assert_eq!(created["permission"], "rw");
    assert_eq!(created["type"], "user");
    assert_eq!(created["status"], "ready");

    let model = b.ok(&[
        "folder",
        "create",
        "weights",
        "--usage",
        "model",
        "--permission",
        "ro",
    ]);
    assert_eq!(model["usage_mode"], "model");
    assert_eq!(model["permission"], "ro");

    assert_eq!(b.error_code(&["folder", "create", "weights"]), "name_taken");
    assert_eq!(b.error_code(&["folder", "create", "a b"]), "invalid_name");
    assert_eq!(
        b.error_code(&["folder", "create", ".bashrc"]),
        "reserved_name"
    );
    assert_eq!(
        b.error_code(&["folder", "create", "x", "--host", "nas"]),
        "not_found"
    );

    assert_eq!(
        names(&b.ok(&["folder", "list"])),
        ["user1-ml-test", "weights"]
    );
    let info = b.ok(&["folder", "info", "user1-ml-test"]);
    let path = info["path"].as_str().unwrap();
    assert!(Path::new(path).is_dir());
    std::fs::write(Path::new(path).join("f"), "12345").unwrap();
    assert_eq!(b.ok(&["folder", "info", "user1-ml-test"])["size_bytes"], 5);

    let renamed = b.ok(&["folder", "rename", "weights", "llm-weights"]);
    assert_eq!(renamed["id"], model["id"]);

    let trashed = b.ok(&["folder", "delete", "llm-weights"]);
    assert_eq!(trashed["status"], "trashed");
    assert_eq!(
        names(&b.ok(&["folder", "list", "--trash"])),
        ["llm-weights"]
    );
    b.ok(&["folder", "restore", "llm-weights"]);
    assert!(
        b.ok(&["folder", "list", "--trash"])
            .as_array()
            .unwrap()
            .is_empty()
    );

    assert_eq!(
        b.error_code(&["folder", "purge", "user1-ml-test", "--confirm", "user1"]),
        "confirmation_mismatch"
    );
    assert!(Path::new(path).join("f").is_file());
    b.ok(&[
        "folder",
        "purge",
        "user1-ml-test",
        "--confirm",
        "user1-ml-test",
    ]);
    assert!(!Path::new(path).exists());
    assert_eq!(
        b.error_code(&["folder", "info", "user1-ml-test"]),
        "not_found"
    );
}

#[test]
fn purge_without_confirm_is_bad_usage() {
    let b = Berth::new();
    b.ok(&["folder", "create", "keep"]);
    let output = b.run(&["folder", "purge", "keep"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(names(&b.ok(&["folder", "list"])), ["keep"]);
}

#[test]
fn projects_scope_project_folders() {
    let b = Berth::new();
    b.ok(&["project", "create", "ml"]);
    b.ok(&[
        "--project",
        "ml",
        "folder",
        "create",
        "runs",
        "--type",
        "project",
    ]);
    b.ok(&["folder", "create", "shared"]);
    assert_eq!(names(&b.ok(&["folder", "list"])), ["shared"]);
    assert_eq!(
        names(&b.ok(&["--project", "ml", "folder", "list"])),
        ["runs", "shared"]
    );

    b.ok(&["project", "use", "ml"]);
    let projects = b.ok(&["project", "list"]);
    let current: Vec<_> = projects
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["current"] == true)
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(current, ["ml"]);
    let runs = b.ok(&["folder", "info", "runs"]);
    assert_eq!(runs["project"], "ml");
    assert_eq!(runs["type"], "project");

    assert_eq!(b.error_code(&["project", "delete", "ml"]), "project_in_use");
    assert_eq!(b.error_code(&["project", "delete", "default"]), "protected");
    b.ok(&["project", "rename", "ml", "vision"]);
    assert_eq!(
        b.error_code(&["--project", "ml", "folder", "list"]),
        "not_found"
    );
    b.ok(&["project", "create", "empty"]);
    b.ok(&["project", "delete", "empty"]);
}

#[test]
fn hosts_add_list_remove() {
    let b = Berth::new();
    let disk = b.dir.path().join("disk");
    std::fs::create_dir(&disk).unwrap();
    let added = b.ok(&["host", "add", "usb", disk.to_str().unwrap()]);
    assert_eq!(added["name"], "usb");
    assert!(added["usage"]["total_bytes"].as_u64().unwrap() > 0);
    assert_eq!(names(&b.ok(&["host", "list"])), ["local", "usb"]);
    assert_eq!(
        b.error_code(&["host", "add", "gone", "/nonexistent/dir"]),
        "host_unavailable"
    );

    b.ok(&["folder", "create", "photos", "--host", "usb"]);
    assert_eq!(b.error_code(&["host", "remove", "usb"]), "host_in_use");
    assert_eq!(b.error_code(&["host", "remove", "local"]), "protected");
    b.ok(&["folder", "delete", "photos"]);
    b.ok(&["folder", "purge", "photos", "--confirm", "photos"]);
    b.ok(&["host", "remove", "usb"]);
    assert_eq!(names(&b.ok(&["host", "list"])), ["local"]);
}
