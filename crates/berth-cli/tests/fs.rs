//! `berth fs` as scripts use it, including the promise that a transfer
//! killed with SIGKILL leaves no partial file under the final name and the
//! replaced file intact.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Berth {
    dir: tempfile::TempDir,
}

impl Berth {
    fn new() -> Berth {
        let berth = Berth {
            dir: tempfile::tempdir().unwrap(),
        };
        berth.ok(&["folder", "create", "data"]);
        berth
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_berth"));
        command
            .arg("--data-dir")
            .arg(self.dir.path().join("state"))
            .arg("--json")
            .args(args);
        command
    }

    fn run(&self, args: &[&str]) -> (i32, Value) {
        let output = self.command(args).output().unwrap();
        let value = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
        (output.status.code().unwrap(), value)
    }

    fn ok(&self, args: &[&str]) -> Value {
        let (code, value) = self.run(args);
        assert_eq!(code, 0, "{args:?}: {value}");
        value
    }

    fn error_code(&self, args: &[&str]) -> String {
        let (code, value) = self.run(args);
        assert_eq!(code, 1, "{args:?} should fail: {value}");
        value["error"]["code"].as_str().unwrap().to_owned()
    }

    fn folder_root(&self) -> PathBuf {
        PathBuf::from(
            self.ok(&["folder", "info", "data"])["path"]
                .as_str()
                .unwrap(),
        )
    }

    fn host(&self, name: &str) -> PathBuf {
        let path = self.dir.path().join("host").join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        path
    }
}

fn names(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect()
}

#[test]
fn browse_and_edit_a_folder() {
    let b = Berth::new();
    b.ok(&["fs", "mkdir", "data:results/run1"]);
    let src = b.host("notes.txt");
    std::fs::write(&src, "file inside user2-vfolder").unwrap();
    let report = b.ok(&["fs", "upload", "data:results", src.to_str().unwrap()]);
    assert_eq!(report["files"], 1);

    let listing = b.ok(&["fs", "ls", "data:results"]);
    assert_eq!(names(&listing), ["run1", "notes.txt"], "directories first");
    let entry = &listing[1];
    assert_eq!(entry["kind"], "file");
    assert_eq!(entry["size"], 25);
    assert!(entry["modified"].as_str().unwrap().ends_with('Z'));

    let cat = b.ok(&["fs", "cat", "data:results/notes.txt"]);
    assert_eq!(cat["content"], "file inside user2-vfolder");
    b.ok(&["fs", "mv", "data:results/notes.txt", "notes.txt"]);
    assert_eq!(
        names(&b.ok(&["fs", "ls", "data"])),
        ["results", "notes.txt"]
    );

    assert_eq!(
        b.error_code(&["fs", "rm", "data:results"]),
        "directory_not_empty"
    );
    b.ok(&["fs", "rm", "-r", "data:results"]);
    assert_eq!(names(&b.ok(&["fs", "ls", "data"])), ["notes.txt"]);
}

#[test]
fn paths_cannot_leave_the_folder() {
    let b = Berth::new();
    let root = b.folder_root();
    let outside = b.host("secret");
    std::fs::write(&outside, "outside").unwrap();
    std::os::unix::fs::symlink(&outside, root.join("link-out")).unwrap();
    std::os::unix::fs::symlink("../../../../../../..", root.join("up")).unwrap();

    assert_eq!(b.error_code(&["fs", "ls", "data:../.."]), "invalid_path");
    assert_eq!(
        b.error_code(&["fs", "cat", "data:a/../../x"]),
        "invalid_path"
    );
    assert_eq!(
        b.error_code(&["fs", "mkdir", "data:../evil"]),
        "invalid_path"
    );
    let cat = b.run(&["fs", "cat", "data:link-out"]);
    assert_eq!(cat.0, 1, "following a link out must fail: {}", cat.1);
    let listed = b.run(&["fs", "ls", "data:up"]);
    assert_eq!(
        listed.0, 1,
        "listing through a link out must fail: {}",
        listed.1
    );
    let wrote = b.run(&["fs", "mkdir", "data:up/escaped"]);
    assert_eq!(wrote.0, 1, "{}", wrote.1);
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "outside");
}

#[test]
fn read_only_folders_refuse_writes() {
    let b = Berth::new();
    b.ok(&["folder", "create", "weights", "--permission", "ro"]);
    let src = b.host("w.bin");
    std::fs::write(&src, "w").unwrap();
    for args in [
        vec!["fs", "mkdir", "weights:x"],
        vec!["fs", "upload", "weights", src.to_str().unwrap()],
    ] {
        assert_eq!(b.error_code(&args), "read_only", "{args:?}");
    }
    b.ok(&["fs", "ls", "weights"]);
}

#[test]
fn upload_and_download_round_trip_with_conflict_policies() {
    let b = Berth::new();
    let tree = b.host("tree");
    std::fs::create_dir_all(tree.join("deep/er")).unwrap();
    std::fs::write(tree.join("deep/er/leaf.bin"), vec![7u8; 300_000]).unwrap();
    std::fs::write(tree.join("empty"), "").unwrap();
    b.ok(&["fs", "upload", "data", tree.to_str().unwrap()]);

    let back = b.host("back");
    std::fs::create_dir(&back).unwrap();
    b.ok(&["fs", "download", "data:tree", back.to_str().unwrap()]);
    assert_eq!(
        std::fs::read(back.join("tree/deep/er/leaf.bin")).unwrap(),
        vec![7u8; 300_000]
    );
    assert_eq!(std::fs::read(back.join("tree/empty")).unwrap(), b"");

    // A download to a new name; by default an existing file is kept.
    let copy = b.host("leaf-copy.bin");
    b.ok(&[
        "fs",
        "download",
        "data:tree/deep/er/leaf.bin",
        copy.to_str().unwrap(),
    ]);
    assert_eq!(std::fs::read(&copy).unwrap().len(), 300_000);
    let kept = b.ok(&["fs", "download", "data:tree/empty", copy.to_str().unwrap()]);
    assert_eq!(kept["skipped"].as_array().unwrap().len(), 1, "{kept}");
    assert_eq!(std::fs::read(&copy).unwrap().len(), 300_000);

    let src = b.host("a.txt");
    std::fs::write(&src, "one").unwrap();
    b.ok(&["fs", "upload", "data", src.to_str().unwrap()]);
    std::fs::write(&src, "two").unwrap();
    let skipped = b.ok(&["fs", "upload", "data", src.to_str().unwrap()]);
    assert_eq!(skipped["skipped"].as_array().unwrap().len(), 1);
    b.ok(&[
        "fs",
        "upload",
        "data",
        src.to_str().unwrap(),
        "--on-conflict",
        "rename",
    ]);
    let root = b.folder_root();
    assert_eq!(std::fs::read_to_string(root.join("a.txt")).unwrap(), "one");
    assert_eq!(
        std::fs::read_to_string(root.join("a (1).txt")).unwrap(),
        "two"
    );
    b.ok(&[
        "fs",
        "upload",
        "data",
        src.to_str().unwrap(),
        "--on-conflict",
        "overwrite",
    ]);
    assert_eq!(std::fs::read_to_string(root.join("a.txt")).unwrap(), "two");

    let mut bad = b.command(&["fs", "upload", "data", "x", "--on-conflict", "merge"]);
    assert_eq!(bad.output().unwrap().status.code(), Some(2));
}

/// Looks for a partial file in `dir`.
fn partial_in(dir: &Path) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".berth-part-")
        })
}

#[test]
fn sigkill_mid_upload_leaves_the_replaced_file_intact() {
    let b = Berth::new();
    let root = b.folder_root();
    std::fs::write(root.join("big.bin"), "previous version").unwrap();

    // Large enough that the copy is still running when the test sees its
    // partial file; a repeating block keeps it quick to write.
    let src = b.host("big.bin");
    {
        use std::io::Write;
        let block: Vec<u8> = (0..1 << 20).map(|i| (i * 31 % 251) as u8).collect();
        let mut file = std::fs::File::create(&src).unwrap();
        for _ in 0..1024 {
            file.write_all(&block).unwrap();
        }
    }

    let mut child = b
        .command(&[
            "fs",
            "upload",
            "data",
            src.to_str().unwrap(),
            "--on-conflict",
            "overwrite",
        ])
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    let partial = loop {
        if let Some(partial) = partial_in(&root) {
            break partial;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the upload ended ({status}) before a partial file was seen");
        }
        assert!(Instant::now() < deadline, "no partial file appeared");
        std::thread::sleep(Duration::from_micros(200));
    };
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    assert_eq!(
        std::fs::read_to_string(root.join("big.bin")).unwrap(),
        "previous version",
        "the file being replaced must be intact"
    );
    assert!(partial.exists(), "the killed writer's partial file remains");
    // Listings never show partial files.
    assert_eq!(names(&b.ok(&["fs", "ls", "data"])), ["big.bin"]);

    // The next transfer into the folder cleans the leftover first.
    let small = b.host("small.txt");
    std::fs::write(&small, "s").unwrap();
    b.ok(&["fs", "upload", "data", small.to_str().unwrap()]);
    assert!(!partial.exists(), "leftovers are cleaned at the next start");
    assert_eq!(
        std::fs::read_to_string(root.join("big.bin")).unwrap(),
        "previous version"
    );
}
