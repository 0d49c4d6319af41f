//! Folders over a real SQLite file and a real directory tree.

use berth_core::Berth;
use berth_core::projects::Project;
use berth_core::storage::{FolderOptions, FolderStatus, FolderType, Permission, UsageMode};
use rusqlite::params;

struct Fixture {
    _tmp: tempfile::TempDir,
    berth: Berth,
    default: Project,
}

fn fixture() -> Fixture {
    let tmp = tempfile::tempdir().unwrap();
    let berth = Berth::open(&tmp.path().join("data")).unwrap();
    let default = berth.current_project().unwrap();
    Fixture {
        _tmp: tmp,
        berth,
        default,
    }
}

fn project_folder() -> FolderOptions {
    FolderOptions {
        folder_type: FolderType::Project,
        ..FolderOptions::default()
    }
}

/// Records a session in `status` that mounts `folder`, as the sessions
/// module will.
fn mount_in_session(berth_dir: &std::path::Path, folder_id: &str, status: &str) {
    let conn = rusqlite::Connection::open(berth_dir.join("berth.db")).unwrap();
    let project: String = conn
        .query_row("SELECT id FROM projects WHERE name = 'default'", [], |r| {
            r.get(0)
        })
        .unwrap();
    let session = format!("s-{status}");
    conn.execute(
        "INSERT INTO sessions (id, name, project_id, type, image, spec_json, status)
         VALUES (?1, ?1, ?2, 'interactive', 'busybox', '{}', ?3)",
        params![session, project, status],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO session_mounts (session_id, folder_id, folder_name, target, read_only)
         VALUES (?1, ?2, 'x', '/home/work/x', 0)",
        params![session, folder_id],
    )
    .unwrap();
}

#[test]
fn create_with_defaults_makes_the_data_directory() {
    let f = fixture();
    let folder = f
        .berth
        .create_folder(&f.default, "user1-ml-test", &FolderOptions::default())
        .unwrap();
    assert_eq!(folder.name, "user1-ml-test");
    assert_eq!(folder.host, "local");
    assert_eq!(folder.usage_mode, UsageMode::General);
    assert_eq!(folder.permission, Permission::Rw);
    assert_eq!(folder.folder_type, FolderType::User);
    assert_eq!(folder.status, FolderStatus::Ready);
    assert_eq!(folder.project, None);
    assert!(!folder.automount);
    let root = f.berth.folder_root(&folder).unwrap();
    assert!(root.is_dir());
    assert!(root.ends_with(&folder.id));

    let json = serde_json::to_value(&folder).unwrap();
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
        assert!(json.get(key).is_some(), "folder JSON lacks {key}: {json}");
    }
}

#[test]
fn bad_and_reserved_names_are_refused_and_nothing_is_created() {
    let f = fixture();
    for (name, code) in [
        ("a b", "invalid_name"),
        ("", "invalid_name"),
        ("../x", "invalid_name"),
        (".ssh", "reserved_name"),
        (".bashrc", "reserved_name"),
    ] {
        let err = f
            .berth
            .create_folder(&f.default, name, &FolderOptions::default())
            .unwrap_err();
        assert_eq!(err.code(), code, "{name:?}");
    }
    let local = f.berth.host_root("local").unwrap();
    assert_eq!(std::fs::read_dir(local).unwrap().count(), 0);
}

#[test]
fn names_are_unique_in_what_a_project_sees() {
    let f = fixture();
    let ml = f.berth.create_project("ml").unwrap();
    let options = FolderOptions::default();
    f.berth.create_folder(&f.default, "data", &options).unwrap();
    // A user folder is seen from every project.
    for project in [&f.default, &ml] {
        let err = f
            .berth
            .create_folder(project, "data", &project_folder())
            .unwrap_err();
        assert_eq!(err.code(), "name_taken");
    }
    // Project folders of different projects may share a name.
    f.berth
        .create_folder(&f.default, "runs", &project_folder())
        .unwrap();
    f.berth
        .create_folder(&ml, "runs", &project_folder())
        .unwrap();
    // …but then no user folder can take it.
    let err = f.berth.create_folder(&ml, "runs", &options).unwrap_err();
    assert_eq!(err.code(), "name_taken");
}

#[test]
fn check_folder_name_reports_what_create_would() {
    let f = fixture();
    f.berth.check_folder_name(&f.default, "fresh").unwrap();
    f.berth
        .create_folder(&f.default, "fresh", &FolderOptions::default())
        .unwrap();
    for (name, code) in [
        ("fresh", "name_taken"),
        ("a b", "invalid_name"),
        (".ssh", "reserved_name"),
    ] {
        let err = f.berth.check_folder_name(&f.default, name).unwrap_err();
        assert_eq!(err.code(), code, "{name}");
    }
}

#[test]
fn project_folders_are_invisible_to_other_projects() {
    let f = fixture();
    let ml = f.berth.create_project("ml").unwrap();
    f.berth
        .create_folder(&ml, "secret", &project_folder())
        .unwrap();
    f.berth
        .create_folder(&ml, "shared", &FolderOptions::default())
        .unwrap();
    let names = |p: &Project| -> Vec<String> {
        f.berth
            .list_folders(p, FolderStatus::Ready)
            .unwrap()
            .into_iter()
            .map(|f| f.name)
            .collect()
    };
    assert_eq!(names(&ml), ["secret", "shared"]);
    assert_eq!(names(&f.default), ["shared"]);
    assert_eq!(
        f.berth.folder(&f.default, "secret").unwrap_err().code(),
        "not_found"
    );
    let secret = f.berth.folder(&ml, "secret").unwrap();
    assert_eq!(secret.project.as_deref(), Some("ml"));
}

#[test]
fn rename_changes_metadata_only() {
    let f = fixture();
    let folder = f
        .berth
        .create_folder(&f.default, "old", &FolderOptions::default())
        .unwrap();
    let root = f.berth.folder_root(&folder).unwrap();
    std::fs::write(root.join("keep.txt"), "kept").unwrap();
    let renamed = f.berth.rename_folder(&f.default, "old", "new").unwrap();
    assert_eq!(renamed.id, folder.id);
    assert_eq!(f.berth.folder_root(&renamed).unwrap(), root);
    assert_eq!(
        std::fs::read_to_string(root.join("keep.txt")).unwrap(),
        "kept"
    );
    f.berth
        .create_folder(&f.default, "other", &FolderOptions::default())
        .unwrap();
    let err = f
        .berth
        .rename_folder(&f.default, "new", "other")
        .unwrap_err();
    assert_eq!(err.code(), "name_taken");
    let err = f
        .berth
        .rename_folder(&f.default, "new", ".ssh")
        .unwrap_err();
    assert_eq!(err.code(), "reserved_name");
}

#[test]
fn trash_restore_purge() {
    let f = fixture();
    let folder = f
        .berth
        .create_folder(&f.default, "tmp-data", &FolderOptions::default())
        .unwrap();
    let root = f.berth.folder_root(&folder).unwrap();
    std::fs::create_dir(root.join("sub")).unwrap();
    std::fs::write(root.join("sub/f"), "x").unwrap();

    let trashed = f.berth.trash_folder(&f.default, "tmp-data").unwrap();
    assert_eq!(trashed.status, FolderStatus::Trashed);
    assert!(trashed.trashed_at.is_some());
    assert!(root.join("sub/f").is_file(), "trash keeps the data");
    assert!(
        f.berth
            .list_folders(&f.default, FolderStatus::Ready)
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        f.berth
            .list_folders(&f.default, FolderStatus::Trashed)
            .unwrap()
            .len(),
        1
    );
    // The name stays taken while in the trash, so a restore cannot collide.
    let err = f
        .berth
        .create_folder(&f.default, "tmp-data", &FolderOptions::default())
        .unwrap_err();
    assert_eq!(err.code(), "name_taken");

    let restored = f.berth.restore_folder(&f.default, "tmp-data").unwrap();
    assert_eq!(restored.status, FolderStatus::Ready);
    assert_eq!(restored.trashed_at, None);

    let err = f
        .berth
        .purge_folder(&f.default, "tmp-data", "tmp-dat")
        .unwrap_err();
    assert_eq!(err.code(), "confirmation_mismatch");
    assert!(
        root.join("sub/f").is_file(),
        "a refused purge keeps the data"
    );

    f.berth
        .purge_folder(&f.default, "tmp-data", "tmp-data")
        .unwrap();
    assert!(!root.exists());
    assert_eq!(
        f.berth.folder(&f.default, "tmp-data").unwrap_err().code(),
        "not_found"
    );
}

#[test]
fn delete_and_purge_refused_while_a_live_session_mounts_the_folder() {
    let f = fixture();
    let folder = f
        .berth
        .create_folder(&f.default, "busy", &FolderOptions::default())
        .unwrap();
    let data_dir = f.berth.data_dir().to_path_buf();
    mount_in_session(&data_dir, &folder.id, "TERMINATED");
    assert!(f.berth.sessions_mounting(&folder).unwrap().is_empty());
    mount_in_session(&data_dir, &folder.id, "RUNNING");

    let err = f.berth.trash_folder(&f.default, "busy").unwrap_err();
    assert_eq!(err.code(), "folder_in_use");
    assert!(err.to_string().contains("s-RUNNING"), "{err}");
    let err = f
        .berth
        .purge_folder(&f.default, "busy", "busy")
        .unwrap_err();
    assert_eq!(err.code(), "folder_in_use");
    assert!(f.berth.folder_root(&folder).unwrap().is_dir());
}

#[test]
fn read_only_folders_refuse_writes() {
    let f = fixture();
    let options = FolderOptions {
        permission: Permission::Ro,
        usage_mode: UsageMode::Model,
        ..FolderOptions::default()
    };
    let ro = f
        .berth
        .create_folder(&f.default, "weights", &options)
        .unwrap();
    assert_eq!(f.berth.check_writable(&ro).unwrap_err().code(), "read_only");
    let rw = f
        .berth
        .create_folder(&f.default, "scratch", &FolderOptions::default())
        .unwrap();
    f.berth.check_writable(&rw).unwrap();
}

#[test]
fn automount_folders_are_marked() {
    let f = fixture();
    let local = f
        .berth
        .create_folder(&f.default, ".local", &FolderOptions::default())
        .unwrap();
    assert!(local.automount);
}

#[test]
fn missing_host_directory_is_host_unavailable() {
    let f = fixture();
    let disk = f.berth.data_dir().join("../disk");
    std::fs::create_dir(&disk).unwrap();
    f.berth.add_storage_host("usb", &disk).unwrap();
    let options = FolderOptions {
        host: Some("usb".into()),
        ..FolderOptions::default()
    };
    let folder = f
        .berth
        .create_folder(&f.default, "photos", &options)
        .unwrap();
    assert_eq!(
        f.berth.remove_storage_host("usb").unwrap_err().code(),
        "host_in_use"
    );
    std::fs::remove_dir_all(&disk).unwrap();
    assert_eq!(
        f.berth.folder_root(&folder).unwrap_err().code(),
        "host_unavailable"
    );
    let err = f
        .berth
        .create_folder(&f.default, "more", &options)
        .unwrap_err();
    assert_eq!(err.code(), "host_unavailable");
    let err = f
        .berth
        .create_folder(
            &f.default,
            "nowhere",
            &FolderOptions {
                host: Some("nas".into()),
                ..FolderOptions::default()
            },
        )
        .unwrap_err();
    assert_eq!(err.code(), "not_found");
}

#[test]
fn size_is_computed_and_cached() {
    let f = fixture();
    let folder = f
        .berth
        .create_folder(&f.default, "sized", &FolderOptions::default())
        .unwrap();
    assert_eq!(folder.size_bytes, None);
    let root = f.berth.folder_root(&folder).unwrap();
    std::fs::create_dir(root.join("d")).unwrap();
    std::fs::write(root.join("d/a"), vec![0u8; 1000]).unwrap();
    std::fs::write(root.join("b"), vec![0u8; 24]).unwrap();
    assert_eq!(f.berth.refresh_folder_size(&folder).unwrap(), 1024);
    let cached = f.berth.folder(&f.default, "sized").unwrap();
    assert_eq!(cached.size_bytes, Some(1024));

    std::fs::write(root.join("c"), vec![0u8; 976]).unwrap();
    assert_eq!(f.berth.refresh_all_folder_sizes().unwrap(), 1);
    let cached = f.berth.folder(&f.default, "sized").unwrap();
    assert_eq!(cached.size_bytes, Some(2000));
}

#[test]
fn leftovers_of_dead_writers_are_cleaned_in_every_folder() {
    let f = fixture();
    let folder = f
        .berth
        .create_folder(&f.default, "uploads", &FolderOptions::default())
        .unwrap();
    let root = f.berth.folder_root(&folder).unwrap();
    std::fs::create_dir(root.join("sub")).unwrap();
    // A partial file whose writer (pid 999999999) no longer runs, and the
    // complete file it was meant to replace.
    let partial = root.join("sub/.berth-part-999999999-00000001-big.bin");
    std::fs::write(&partial, "half").unwrap();
    std::fs::write(root.join("sub/big.bin"), "complete").unwrap();
    assert_eq!(f.berth.clean_transfer_leftovers().unwrap(), 1);
    assert!(!partial.exists());
    assert_eq!(
        std::fs::read_to_string(root.join("sub/big.bin")).unwrap(),
        "complete"
    );
}
