//! The folder explorer on real directories: each operation, the errors it
//! gives, and (with generated paths and hostile symbolic links) that nothing
//! outside the folder is ever read or changed.

use berth_core::Error;
use berth_core::storage::explorer::{EntryKind, Explorer, ListQuery, SortKey, TEXT_LIMIT};
use berth_core::storage::transfer::{self, Conflict, TransferOptions};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

struct Fixture {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    outside: PathBuf,
    explorer: Explorer,
}

/// A folder root inside a temporary directory that also holds `outside/`
/// with a sentinel file and directory.
fn fixture() -> Fixture {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("root");
    let outside = tmp.path().join("outside");
    fs::create_dir_all(&root).unwrap();
    fs::create_dir_all(outside.join("sentinel_dir")).unwrap();
    fs::write(outside.join("sentinel.txt"), "keep me").unwrap();
    // A name no generated path uses, so seeing it in a listing means the
    // listing went outside.
    fs::write(outside.join("sentinel_dir/only-outside.txt"), "keep me too").unwrap();
    let explorer = Explorer::open(&root).unwrap();
    Fixture {
        _tmp: tmp,
        root,
        outside,
        explorer,
    }
}

fn set_mtime(path: &Path, seconds: u64) {
    let file = fs::File::open(path).unwrap();
    file.set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(seconds))
        .unwrap();
}

fn names(page: &berth_core::storage::explorer::Page) -> Vec<&str> {
    page.entries.iter().map(|e| e.name.as_str()).collect()
}

fn query(sort: SortKey, descending: bool, offset: u64, limit: u64) -> ListQuery {
    ListQuery {
        sort,
        descending,
        offset,
        limit,
    }
}

#[test]
fn lists_directories_first_then_by_the_key() {
    let f = fixture();
    fs::create_dir(f.root.join("zdir")).unwrap();
    fs::create_dir(f.root.join("Adir")).unwrap();
    fs::write(f.root.join("b.txt"), "12345").unwrap();
    fs::write(f.root.join("a.txt"), "1").unwrap();
    fs::write(f.root.join("C.txt"), "123").unwrap();
    symlink("a.txt", f.root.join("link")).unwrap();
    set_mtime(&f.root.join("a.txt"), 3_000);
    set_mtime(&f.root.join("b.txt"), 1_000);
    set_mtime(&f.root.join("C.txt"), 2_000);
    set_mtime(&f.root.join("Adir"), 5_000);
    set_mtime(&f.root.join("zdir"), 4_000);

    let page = f.explorer.list("", &ListQuery::default()).unwrap();
    assert_eq!(page.total, 6);
    assert_eq!(
        names(&page),
        ["Adir", "zdir", "a.txt", "b.txt", "C.txt", "link"]
    );
    let by_size = f
        .explorer
        .list("/", &query(SortKey::Size, false, 0, 100))
        .unwrap();
    // The link's size is its target's length (5), tied with b.txt.
    assert_eq!(
        names(&by_size),
        ["Adir", "zdir", "a.txt", "C.txt", "b.txt", "link"]
    );
    let by_time = f
        .explorer
        .list(".", &query(SortKey::Modified, true, 0, 100))
        .unwrap();
    assert_eq!(
        names(&by_time),
        ["Adir", "zdir", "link", "a.txt", "C.txt", "b.txt"]
    );
    let oldest_first = f
        .explorer
        .list(".", &query(SortKey::Modified, false, 0, 100))
        .unwrap();
    assert_eq!(
        names(&oldest_first),
        ["zdir", "Adir", "b.txt", "C.txt", "a.txt", "link"]
    );
    let reversed = f
        .explorer
        .list(".", &query(SortKey::Name, true, 1, 3))
        .unwrap();
    assert_eq!(names(&reversed), ["Adir", "link", "C.txt"]);

    let a = page.entries.iter().find(|e| e.name == "a.txt").unwrap();
    assert_eq!(
        (a.kind, a.size, a.modified.as_str()),
        (EntryKind::File, 1, "1970-01-01T00:50:00Z")
    );
    let link = page.entries.iter().find(|e| e.name == "link").unwrap();
    assert_eq!((link.kind, link.size), (EntryKind::Symlink, 5));
    let dir = page.entries.iter().find(|e| e.name == "Adir").unwrap();
    assert_eq!((dir.kind, dir.size), (EntryKind::Dir, 0));
    let json = serde_json::to_value(a).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"name": "a.txt", "kind": "file", "size": 1, "modified": "1970-01-01T00:50:00Z"})
    );
}

#[test]
fn pages_agree_with_a_full_sort() {
    let f = fixture();
    fs::create_dir(f.root.join("big")).unwrap();
    for i in 0..1500_u64 {
        let name = format!(
            "{}{:04}",
            if i % 3 == 0 { "F" } else { "f" },
            (i * 7919) % 1500
        );
        if i % 10 == 0 {
            fs::create_dir(f.root.join("big").join(&name)).unwrap();
        } else {
            let path = f.root.join("big").join(&name);
            fs::write(&path, vec![b'x'; (i % 97) as usize]).unwrap();
            set_mtime(&path, 1_000_000 + (i * 31) % 500);
        }
    }
    for sort in [SortKey::Name, SortKey::Size, SortKey::Modified] {
        for descending in [false, true] {
            let all = f
                .explorer
                .list("big", &query(sort, descending, 0, u64::MAX))
                .unwrap();
            assert_eq!(all.total, 1500);
            assert_eq!(all.entries.len(), 1500);
            let dirs = all
                .entries
                .iter()
                .take_while(|e| e.kind == EntryKind::Dir)
                .count();
            assert_eq!(dirs, 150);
            let mut pieced = Vec::new();
            for offset in (0..1600).step_by(200) {
                let page = f
                    .explorer
                    .list("big", &query(sort, descending, offset, 200))
                    .unwrap();
                assert_eq!(page.total, 1500);
                pieced.extend(page.entries);
            }
            assert_eq!(pieced, all.entries, "{sort:?} descending={descending}");
        }
    }
    let empty = f
        .explorer
        .list("big", &query(SortKey::Name, false, 5000, 10))
        .unwrap();
    assert!(empty.entries.is_empty());
    let none = f
        .explorer
        .list("big", &query(SortKey::Name, false, 0, 0))
        .unwrap();
    assert_eq!((none.entries.len(), none.total), (0, 1500));
}

#[test]
fn listing_errors() {
    let f = fixture();
    fs::write(f.root.join("file"), "x").unwrap();
    let code = |path: &str| {
        f.explorer
            .list(path, &ListQuery::default())
            .unwrap_err()
            .code()
    };
    assert_eq!(code("missing"), "not_found");
    assert_eq!(code("file"), "not_a_directory");
    assert_eq!(code("../outside"), "invalid_path");
    assert_eq!(code("a\0b"), "invalid_path");
}

#[test]
fn partial_files_are_hidden_and_cleaned() {
    let f = fixture();
    fs::create_dir(f.root.join("d")).unwrap();
    // One from a process that is gone, one from this (live) process.
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    fs::write(
        f.root.join(format!("d/.berth-part-{dead}-0-a.bin")),
        "partial",
    )
    .unwrap();
    let live = format!(".berth-part-{}-0-b.bin", std::process::id());
    fs::write(f.root.join(&live), "partial").unwrap();
    fs::write(f.root.join("d/kept.txt"), "x").unwrap();
    assert_eq!(
        f.explorer.list("d", &ListQuery::default()).unwrap().total,
        1
    );
    assert_eq!(f.explorer.list("", &ListQuery::default()).unwrap().total, 1);
    assert_eq!(transfer::clean_leftovers(&f.explorer).unwrap(), 1);
    assert!(f.root.join(&live).exists());
    assert!(f.root.join("d/kept.txt").exists());
    assert_eq!(fs::read_dir(f.root.join("d")).unwrap().count(), 1);
}

#[test]
fn mkdir_with_and_without_parents() {
    let f = fixture();
    f.explorer.mkdir("a", false).unwrap();
    assert_eq!(
        f.explorer.mkdir("a", false).unwrap_err().code(),
        "already_exists"
    );
    assert_eq!(
        f.explorer.mkdir("x/y", false).unwrap_err().code(),
        "not_found"
    );
    f.explorer.mkdir("x/y/z", true).unwrap();
    f.explorer.mkdir("x/y/z", true).unwrap();
    f.explorer.mkdir("/", true).unwrap();
    assert_eq!(
        f.explorer.mkdir("/", false).unwrap_err().code(),
        "already_exists"
    );
    assert!(f.root.join("x/y/z").is_dir());
    fs::write(f.root.join("file"), "").unwrap();
    let e = f.explorer.mkdir("file/sub", true).unwrap_err();
    assert!(
        matches!(e.code(), "not_a_directory" | "already_exists"),
        "{e:?}"
    );
}

#[test]
fn rename_moves_and_refuses_overwrite_unless_asked() {
    let f = fixture();
    fs::write(f.root.join("a"), "A").unwrap();
    fs::write(f.root.join("b"), "B").unwrap();
    fs::create_dir_all(f.root.join("dir/sub")).unwrap();
    let e = f.explorer.rename("a", "b", false).unwrap_err();
    assert_eq!(e.code(), "already_exists");
    assert_eq!(e.to_string(), "\"/b\" already exists");
    assert_eq!(fs::read_to_string(f.root.join("b")).unwrap(), "B");
    f.explorer.rename("a", "b", true).unwrap();
    assert_eq!(fs::read_to_string(f.root.join("b")).unwrap(), "A");
    assert!(!f.root.join("a").exists());
    f.explorer.rename("b", "dir/sub/c", false).unwrap();
    assert_eq!(fs::read_to_string(f.root.join("dir/sub/c")).unwrap(), "A");
    assert_eq!(
        f.explorer
            .rename("dir", "dir/sub/inner", false)
            .unwrap_err()
            .code(),
        "invalid_path"
    );
    assert_eq!(
        f.explorer.rename("", "x", false).unwrap_err().code(),
        "invalid_path"
    );
    assert_eq!(
        f.explorer.rename("dir", "/", false).unwrap_err().code(),
        "invalid_path"
    );
    assert_eq!(
        f.explorer.rename("missing", "x", false).unwrap_err().code(),
        "not_found"
    );
    assert_eq!(
        f.explorer
            .rename("dir", "nowhere/x", false)
            .unwrap_err()
            .code(),
        "not_found"
    );
    f.explorer.rename("dir", "dir", false).unwrap();
    assert_eq!(
        f.explorer.rename("gone", "gone", false).unwrap_err().code(),
        "not_found"
    );
    fs::write(f.root.join("f"), "").unwrap();
    assert_eq!(
        f.explorer.rename("f", "dir", true).unwrap_err().code(),
        "is_a_directory"
    );
    // A link is moved itself, not its target.
    symlink(&f.outside, f.root.join("out")).unwrap();
    f.explorer.rename("out", "dir/out", false).unwrap();
    assert_eq!(fs::read_link(f.root.join("dir/out")).unwrap(), f.outside);
    assert!(f.outside.join("sentinel.txt").exists());
}

#[test]
fn remove_needs_recursion_for_full_directories_and_spares_link_targets() {
    let f = fixture();
    fs::create_dir_all(f.root.join("full/sub")).unwrap();
    fs::write(f.root.join("full/sub/x"), "x").unwrap();
    fs::create_dir(f.root.join("empty")).unwrap();
    fs::write(f.root.join("file"), "x").unwrap();
    let e = f.explorer.remove("full", false).unwrap_err();
    assert_eq!(e.code(), "directory_not_empty");
    f.explorer.remove("empty", false).unwrap();
    f.explorer.remove("file", false).unwrap();
    // Links to directories outside and inside, and one inside the tree
    // being removed: only links go.
    symlink(&f.outside, f.root.join("full/sub/out")).unwrap();
    symlink(&f.outside, f.root.join("out")).unwrap();
    fs::create_dir(f.root.join("kept")).unwrap();
    fs::write(f.root.join("kept/k"), "k").unwrap();
    symlink("kept", f.root.join("in")).unwrap();
    f.explorer.remove("out", false).unwrap();
    f.explorer.remove("in", true).unwrap();
    f.explorer.remove("full", true).unwrap();
    assert!(!f.root.join("full").exists());
    assert!(f.root.join("kept/k").exists());
    assert!(f.outside.join("sentinel.txt").exists());
    assert!(f.outside.join("sentinel_dir/only-outside.txt").exists());
    assert_eq!(
        f.explorer.remove("", true).unwrap_err().code(),
        "invalid_path"
    );
    assert_eq!(
        f.explorer.remove("missing", true).unwrap_err().code(),
        "not_found"
    );
}

#[test]
fn read_text_limits() {
    let f = fixture();
    fs::write(f.root.join("hello.txt"), "héllo\n").unwrap();
    assert_eq!(f.explorer.read_text("hello.txt").unwrap(), "héllo\n");
    fs::write(f.root.join("limit.txt"), vec![b'a'; TEXT_LIMIT as usize]).unwrap();
    assert_eq!(
        f.explorer.read_text("limit.txt").unwrap().len(),
        TEXT_LIMIT as usize
    );
    fs::write(f.root.join("big.txt"), vec![b'a'; TEXT_LIMIT as usize + 1]).unwrap();
    assert_eq!(
        f.explorer.read_text("big.txt").unwrap_err().code(),
        "file_too_large"
    );
    fs::write(f.root.join("nul.bin"), b"ab\0cd").unwrap();
    assert_eq!(
        f.explorer.read_text("nul.bin").unwrap_err().code(),
        "binary_file"
    );
    fs::write(f.root.join("latin1.txt"), b"caf\xe9").unwrap();
    assert_eq!(
        f.explorer.read_text("latin1.txt").unwrap_err().code(),
        "binary_file"
    );
    fs::create_dir(f.root.join("dir")).unwrap();
    assert_eq!(
        f.explorer.read_text("dir").unwrap_err().code(),
        "is_a_directory"
    );
    assert_eq!(
        f.explorer.read_text("").unwrap_err().code(),
        "is_a_directory"
    );
    assert_eq!(
        f.explorer.read_text("missing").unwrap_err().code(),
        "not_found"
    );
    // A FIFO neither hangs nor reads as text.
    rustix::fs::mkfifoat(
        rustix::fs::CWD,
        f.root.join("fifo"),
        rustix::fs::Mode::from_raw_mode(0o644),
    )
    .unwrap();
    assert_eq!(
        f.explorer.read_text("fifo").unwrap_err().code(),
        "binary_file"
    );
    // A link inside the folder is followed.
    symlink("hello.txt", f.root.join("link")).unwrap();
    assert_eq!(f.explorer.read_text("link").unwrap(), "héllo\n");
}

#[test]
fn write_text_replaces_atomically_and_keeps_permissions() {
    let f = fixture();
    f.explorer.write_text("new.txt", "one").unwrap();
    assert_eq!(fs::read_to_string(f.root.join("new.txt")).unwrap(), "one");
    fs::set_permissions(f.root.join("new.txt"), fs::Permissions::from_mode(0o640)).unwrap();
    f.explorer.write_text("/new.txt", "two").unwrap();
    assert_eq!(fs::read_to_string(f.root.join("new.txt")).unwrap(), "two");
    let mode = fs::metadata(f.root.join("new.txt"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o640);
    // Through a link, the target is replaced and the link stays.
    fs::create_dir(f.root.join("d")).unwrap();
    symlink("../new.txt", f.root.join("d/link")).unwrap();
    f.explorer.write_text("d/link", "three").unwrap();
    assert!(
        fs::symlink_metadata(f.root.join("d/link"))
            .unwrap()
            .is_symlink()
    );
    assert_eq!(fs::read_to_string(f.root.join("new.txt")).unwrap(), "three");
    assert_eq!(
        f.explorer.write_text("d", "x").unwrap_err().code(),
        "is_a_directory"
    );
    assert_eq!(
        f.explorer.write_text("", "x").unwrap_err().code(),
        "is_a_directory"
    );
    assert_eq!(
        f.explorer.write_text("nowhere/x", "x").unwrap_err().code(),
        "not_found"
    );
    let big = "a".repeat(TEXT_LIMIT as usize + 1);
    assert_eq!(
        f.explorer.write_text("big", &big).unwrap_err().code(),
        "file_too_large"
    );
    // No partial file is left anywhere.
    let leftovers: Vec<_> = walk(&f.root)
        .into_keys()
        .filter(|p| p.to_string_lossy().contains(".berth-part-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn stat_describes_an_entry_without_following_it() {
    let f = fixture();
    fs::write(f.root.join("f"), "abc").unwrap();
    symlink(&f.outside, f.root.join("out")).unwrap();
    let entry = f.explorer.stat("f").unwrap();
    assert_eq!(
        (entry.name.as_str(), entry.kind, entry.size),
        ("f", EntryKind::File, 3)
    );
    assert_eq!(f.explorer.stat("out").unwrap().kind, EntryKind::Symlink);
    let root = f.explorer.stat("/").unwrap();
    assert_eq!((root.name.as_str(), root.kind), ("", EntryKind::Dir));
    assert_eq!(f.explorer.stat("nope").unwrap_err().code(), "not_found");
}

#[test]
fn links_leading_out_of_the_folder_are_refused() {
    let f = fixture();
    symlink(&f.outside, f.root.join("abs")).unwrap();
    symlink("../outside", f.root.join("rel")).unwrap();
    fs::create_dir(f.root.join("sub")).unwrap();
    symlink("../../outside/sentinel.txt", f.root.join("sub/deeper")).unwrap();
    let root_text = f.root.display().to_string();
    let checks: Vec<Error> = vec![
        f.explorer.list("abs", &ListQuery::default()).unwrap_err(),
        f.explorer
            .list("rel/sentinel_dir", &ListQuery::default())
            .unwrap_err(),
        f.explorer.read_text("abs/sentinel.txt").unwrap_err(),
        f.explorer.read_text("sub/deeper").unwrap_err(),
        f.explorer.write_text("sub/deeper", "pwned").unwrap_err(),
        f.explorer
            .write_text("rel/sentinel.txt", "pwned")
            .unwrap_err(),
        f.explorer.write_text("rel/new.txt", "pwned").unwrap_err(),
        f.explorer.mkdir("abs/newdir", false).unwrap_err(),
        f.explorer.mkdir("rel/a/b", true).unwrap_err(),
        f.explorer.remove("rel/sentinel.txt", false).unwrap_err(),
        f.explorer.remove("abs/sentinel_dir", true).unwrap_err(),
        f.explorer
            .rename("rel/sentinel.txt", "stolen", false)
            .unwrap_err(),
        f.explorer.rename("sub", "abs/moved", false).unwrap_err(),
        f.explorer.stat("rel/sentinel.txt").unwrap_err(),
    ];
    for e in checks {
        assert_eq!(e.code(), "invalid_path", "{e}");
        assert!(!e.to_string().contains(&root_text), "{e}");
    }
    assert_eq!(
        fs::read_to_string(f.outside.join("sentinel.txt")).unwrap(),
        "keep me"
    );
    assert!(f.outside.join("sentinel_dir/only-outside.txt").exists());
}

#[test]
fn swapping_a_directory_for_a_link_cannot_lead_out() {
    let f = fixture();
    let swap = f.root.join("swap");
    let parked = f.root.join("parked");
    fs::create_dir(&swap).unwrap();
    fs::write(swap.join("sentinel.txt"), "inside").unwrap();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let swapper = {
        let (stop, swap, parked, outside) = (
            stop.clone(),
            swap.clone(),
            parked.clone(),
            f.outside.clone(),
        );
        std::thread::spawn(move || {
            let link = swap.with_extension("link");
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                // Swap the directory and a link to the outside, atomically.
                let _ = fs::rename(&swap, &parked);
                let _ = symlink(&outside, &link);
                let _ = fs::rename(&link, &swap);
                let _ = fs::remove_file(&swap);
                let _ = fs::rename(&parked, &swap);
            }
        })
    };
    let deadline = std::time::Instant::now() + Duration::from_millis(700);
    while std::time::Instant::now() < deadline {
        let _ = f.explorer.write_text("swap/sentinel.txt", "pwned");
        let _ = f.explorer.remove("swap/sentinel_dir", true);
        let _ = f.explorer.mkdir("swap/made", true);
        let _ = f
            .explorer
            .rename("swap/sentinel.txt", "swap/moved.txt", true);
        let _ = f
            .explorer
            .rename("swap/moved.txt", "swap/sentinel.txt", true);
        if let Ok(text) = f.explorer.read_text("swap/sentinel.txt") {
            assert_ne!(text, "keep me");
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    swapper.join().unwrap();
    assert_eq!(
        fs::read_to_string(f.outside.join("sentinel.txt")).unwrap(),
        "keep me"
    );
    assert!(f.outside.join("sentinel_dir/only-outside.txt").exists());
    assert!(!f.outside.join("made").exists());
    assert!(!f.outside.join("moved.txt").exists());
}

/// Every path under `dir` (links not followed) with a summary of what it is.
fn walk(dir: &Path) -> BTreeMap<PathBuf, String> {
    let mut out = BTreeMap::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(d) = pending.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let meta = fs::symlink_metadata(&path).unwrap();
            let summary = if meta.is_symlink() {
                format!("link {}", fs::read_link(&path).unwrap().display())
            } else if meta.is_dir() {
                pending.push(path.clone());
                "dir".to_owned()
            } else {
                let content = fs::read(&path).unwrap();
                format!(
                    "file {:?} {:?}",
                    blake3::hash(&content),
                    meta.modified().unwrap()
                )
            };
            out.insert(path.strip_prefix(dir).unwrap().to_owned(), summary);
        }
    }
    out
}

/// Names that matter in the fixture, plus hostile and odd ones.
fn component() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("..".to_owned()),
        Just(".".to_owned()),
        Just(String::new()),
        Just("abs".to_owned()),
        Just("rel".to_owned()),
        Just("sub".to_owned()),
        Just("deeper".to_owned()),
        Just("inside".to_owned()),
        Just("file.txt".to_owned()),
        Just("sentinel.txt".to_owned()),
        Just("sentinel_dir".to_owned()),
        Just("outside".to_owned()),
        Just("new".to_owned()),
        Just("データ".to_owned()),
        Just("a\0b".to_owned()),
        Just("x".repeat(256)),
        "[a-z.]{1,3}",
    ]
}

fn user_path() -> impl Strategy<Value = String> {
    (any::<bool>(), prop::collection::vec(component(), 0..5)).prop_map(|(absolute, parts)| {
        let joined = parts.join("/");
        if absolute {
            format!("/{joined}")
        } else {
            joined
        }
    })
}

#[derive(Debug, Clone)]
enum Op {
    List(String),
    Stat(String),
    Mkdir(String, bool),
    Rename(String, String, bool),
    Remove(String, bool),
    Read(String),
    Write(String),
    Upload(String),
    Download(String),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        user_path().prop_map(Op::List),
        user_path().prop_map(Op::Stat),
        (user_path(), any::<bool>()).prop_map(|(p, b)| Op::Mkdir(p, b)),
        (user_path(), user_path(), any::<bool>()).prop_map(|(a, b, o)| Op::Rename(a, b, o)),
        (user_path(), any::<bool>()).prop_map(|(p, r)| Op::Remove(p, r)),
        user_path().prop_map(Op::Read),
        user_path().prop_map(Op::Write),
        user_path().prop_map(Op::Upload),
        user_path().prop_map(Op::Download),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 384,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Whatever paths are given, nothing outside the folder root is read
    /// (no sentinel content comes back) or changed, and nothing appears
    /// beside it; downloads only write into the chosen host directory.
    #[test]
    fn no_operation_reaches_outside_the_folder(ops in prop::collection::vec(op(), 1..8)) {
        let f = fixture();
        let top = f.root.parent().unwrap().to_owned();
        let host_in = top.join("host-in");
        let host_out = top.join("host-out");
        fs::create_dir_all(host_in.join("tree")).unwrap();
        fs::write(host_in.join("tree/up.txt"), "uploaded").unwrap();
        fs::create_dir(&host_out).unwrap();
        fs::create_dir(f.root.join("sub")).unwrap();
        fs::write(f.root.join("file.txt"), "inside").unwrap();
        symlink(&f.outside, f.root.join("abs")).unwrap();
        symlink("../outside", f.root.join("rel")).unwrap();
        symlink("../../outside/sentinel.txt", f.root.join("sub/deeper")).unwrap();
        symlink("../outside/sentinel_dir", f.root.join("sub/inside")).unwrap();
        symlink(&f.outside, host_in.join("tree/out")).unwrap();
        let outside_before = walk(&f.outside);
        let host_in_before = walk(&host_in);

        let options = TransferOptions { conflict: Conflict::Overwrite, ..TransferOptions::default() };
        for op in &ops {
            match op {
                Op::List(p) => {
                    if let Ok(page) = f.explorer.list(p, &ListQuery::default()) {
                        prop_assert!(page.entries.iter().all(|e| e.name != "only-outside.txt"));
                    }
                }
                Op::Stat(p) => { let _ = f.explorer.stat(p); }
                Op::Mkdir(p, parents) => { let _ = f.explorer.mkdir(p, *parents); }
                Op::Rename(a, b, overwrite) => { let _ = f.explorer.rename(a, b, *overwrite); }
                Op::Remove(p, recursive) => { let _ = f.explorer.remove(p, *recursive); }
                Op::Read(p) => {
                    if let Ok(text) = f.explorer.read_text(p) {
                        prop_assert!(!text.contains("keep me"));
                    }
                }
                Op::Write(p) => { let _ = f.explorer.write_text(p, "written"); }
                Op::Upload(p) => {
                    let _ = transfer::upload(&f.explorer, &[host_in.join("tree")], p, &options, &mut |_| {});
                }
                Op::Download(p) => {
                    let _ = transfer::download(&f.explorer, &[p.as_str()], &host_out, &options, &mut |_| {});
                    for (path, summary) in walk(&host_out) {
                        prop_assert!(!summary.starts_with("file") || fs::read_to_string(host_out.join(&path)).map_or(true, |t| !t.contains("keep me")), "{path:?}");
                    }
                }
            }
        }

        prop_assert_eq!(walk(&f.outside), outside_before);
        prop_assert_eq!(walk(&host_in), host_in_before);
        let mut beside: Vec<_> = fs::read_dir(&top).unwrap().map(|e| e.unwrap().file_name()).collect();
        beside.sort();
        prop_assert_eq!(beside, ["host-in", "host-out", "outside", "root"]);
    }
}
