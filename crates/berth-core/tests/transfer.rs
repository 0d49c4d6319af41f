//! Uploads and downloads on real directories: byte-exact round trips,
//! conflicts, links and special files, times, progress, cancellation, and a
//! writer killed in the middle of a file.

use berth_core::storage::explorer::Explorer;
use berth_core::storage::transfer::{
    self, CancelToken, Conflict, Progress, Skipped, TransferOptions, TransferReport,
};
use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

struct Fixture {
    tmp: tempfile::TempDir,
    root: PathBuf,
    explorer: Explorer,
}

impl Fixture {
    fn new() -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("folder");
        fs::create_dir(&root).unwrap();
        let explorer = Explorer::open(&root).unwrap();
        Fixture {
            tmp,
            root,
            explorer,
        }
    }

    fn host(&self, name: &str) -> PathBuf {
        let path = self.tmp.path().join(name);
        fs::create_dir_all(&path).unwrap();
        path
    }

    fn upload<P: AsRef<Path>>(
        &self,
        sources: &[P],
        dest: &str,
        conflict: Conflict,
    ) -> TransferReport {
        transfer::upload(
            &self.explorer,
            sources,
            dest,
            &options(conflict),
            &mut |_| {},
        )
        .unwrap()
    }

    fn download(&self, sources: &[&str], dest: &Path, conflict: Conflict) -> TransferReport {
        transfer::download(
            &self.explorer,
            sources,
            dest,
            &options(conflict),
            &mut |_| {},
        )
        .unwrap()
    }
}

fn options(conflict: Conflict) -> TransferOptions {
    TransferOptions {
        conflict,
        ..TransferOptions::default()
    }
}

fn set_mtime(path: &Path, seconds: u64) {
    fs::File::open(path)
        .unwrap()
        .set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(seconds))
        .unwrap();
}

/// Every entry under `dir`, links not followed: kind, content hash, mode
/// and modification time.
fn tree(dir: &Path) -> BTreeMap<PathBuf, String> {
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
                format!("dir {:?}", meta.modified().unwrap())
            } else {
                format!(
                    "file {} {:o} {:?}",
                    hash_file(&path),
                    meta.permissions().mode() & 0o777,
                    meta.modified().unwrap()
                )
            };
            out.insert(path.strip_prefix(dir).unwrap().to_owned(), summary);
        }
    }
    out
}

fn hash_file(path: &Path) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update_reader(fs::File::open(path).unwrap()).unwrap();
    hasher.finalize().to_hex().to_string()
}

/// A pseudo-random block (xorshift), so the data cannot be compressed or
/// deduplicated by accident.
fn random_block(seed: u64, len: usize) -> Vec<u8> {
    let mut state = seed | 1;
    let mut block = Vec::with_capacity(len + 8);
    while block.len() < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        block.extend_from_slice(&state.to_le_bytes());
    }
    block.truncate(len);
    block
}

/// Writes `mib` MiB of data: one random MiB, with each copy stamped with
/// its index so that misplaced blocks change the hash.
fn write_big_file(path: &Path, mib: u64) {
    let block = random_block(42, 1 << 20);
    let mut file = std::io::BufWriter::with_capacity(1 << 20, fs::File::create(path).unwrap());
    let mut stamped = block.clone();
    for i in 0..mib {
        stamped[..8].copy_from_slice(&i.to_le_bytes());
        file.write_all(&stamped).unwrap();
    }
    file.flush().unwrap();
}

fn no_partial_files(dir: &Path) {
    let partial: Vec<_> = tree(dir)
        .into_keys()
        .filter(|p| p.to_string_lossy().contains(".berth-part-"))
        .collect();
    assert!(partial.is_empty(), "{partial:?}");
}

#[test]
fn a_one_gib_file_round_trips_byte_for_byte() {
    let f = Fixture::new();
    let host = f.host("host");
    let source = host.join("big.bin");
    write_big_file(&source, 1024);
    set_mtime(&source, 1_600_000_000);
    let expected = hash_file(&source);

    let mut reports = Vec::new();
    let report = transfer::upload(
        &f.explorer,
        &[&source],
        "/",
        &options(Conflict::Skip),
        &mut |p: &Progress| reports.push(p.clone()),
    )
    .unwrap();
    assert_eq!((report.files, report.bytes), (1, 1 << 30));
    assert!(report.skipped.is_empty());
    let last = reports.last().unwrap();
    assert_eq!((last.bytes_done, last.bytes_total), (1 << 30, 1 << 30));
    assert_eq!((last.files_done, last.files_total), (1, 1));
    assert_eq!(reports[0].bytes_total, 1 << 30);
    assert_eq!(hash_file(&f.root.join("big.bin")), expected);

    let back = f.host("back");
    let report = f.download(&["big.bin"], &back, Conflict::Skip);
    assert_eq!((report.files, report.bytes), (1, 1 << 30));
    assert_eq!(hash_file(&back.join("big.bin")), expected);
    let mtime = fs::metadata(back.join("big.bin"))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(
        mtime,
        SystemTime::UNIX_EPOCH + Duration::from_secs(1_600_000_000)
    );
    no_partial_files(&f.root);
    no_partial_files(&back);
}

#[test]
fn a_tree_of_ten_thousand_files_round_trips_with_times_and_modes() {
    let f = Fixture::new();
    let source = f.host("host/data");
    for d in 0..100 {
        let dir = source.join(format!("d{d:02}"));
        fs::create_dir(&dir).unwrap();
        for i in 0..100 {
            let n = d * 100 + i;
            // Every 10th file is empty.
            let len = if n % 10 == 0 { 0 } else { (n * 37) % 9000 };
            let mut file = fs::File::create(dir.join(format!("f{i:02}.bin"))).unwrap();
            file.write_all(&random_block(n as u64, len)).unwrap();
            if n % 7 == 0 {
                file.set_permissions(fs::Permissions::from_mode(0o755))
                    .unwrap();
            }
            file.set_modified(
                SystemTime::UNIX_EPOCH + Duration::from_secs(1_500_000_000 + n as u64),
            )
            .unwrap();
        }
        set_mtime(&dir, 1_400_000_000 + d as u64);
    }
    // Fifty levels deep.
    let mut deep = source.join("deep");
    for level in 0..50 {
        deep = deep.join(format!("level{level}"));
    }
    fs::create_dir_all(&deep).unwrap();
    fs::write(deep.join("bottom.txt"), "bottom").unwrap();
    fs::write(source.join("empty"), "").unwrap();
    let expected = tree(&source);

    let report = f.upload(&[&source], "", Conflict::Skip);
    assert_eq!(report.files, 10_002);
    assert!(report.skipped.is_empty());
    assert_eq!(tree(&f.root.join("data")), expected);

    let back = f.host("back");
    let report = f.download(&["data"], &back, Conflict::Skip);
    assert_eq!(report.files, 10_002);
    assert_eq!(tree(&back.join("data")), expected);
    no_partial_files(&f.root);
}

#[test]
fn conflicts_for_files() {
    let f = Fixture::new();
    let host = f.host("host");
    fs::write(host.join("a.txt"), "new").unwrap();
    fs::write(f.root.join("a.txt"), "old").unwrap();
    let src = [host.join("a.txt")];

    let report = f.upload(&src, "", Conflict::Skip);
    assert_eq!(report.files, 0);
    assert_eq!(
        report.skipped,
        [Skipped {
            path: "a.txt".into(),
            reason: "already exists".into()
        }]
    );
    assert_eq!(fs::read_to_string(f.root.join("a.txt")).unwrap(), "old");

    assert_eq!(f.upload(&src, "", Conflict::Rename).files, 1);
    assert_eq!(f.upload(&src, "", Conflict::Rename).files, 1);
    assert_eq!(fs::read_to_string(f.root.join("a (1).txt")).unwrap(), "new");
    assert_eq!(fs::read_to_string(f.root.join("a (2).txt")).unwrap(), "new");
    assert_eq!(fs::read_to_string(f.root.join("a.txt")).unwrap(), "old");

    assert_eq!(f.upload(&src, "", Conflict::Overwrite).files, 1);
    assert_eq!(fs::read_to_string(f.root.join("a.txt")).unwrap(), "new");

    // A directory is never replaced by a file.
    fs::create_dir(f.root.join("sub")).unwrap();
    fs::create_dir(f.root.join("sub/a.txt")).unwrap();
    let report = f.upload(&src, "sub", Conflict::Overwrite);
    assert_eq!(report.skipped[0].reason, "a directory is in the way");
    assert!(f.root.join("sub/a.txt").is_dir());

    // Downloads follow the same rules on the host side.
    let back = f.host("back");
    fs::write(back.join("a.txt"), "host").unwrap();
    assert_eq!(f.download(&["a.txt"], &back, Conflict::Skip).files, 0);
    assert_eq!(fs::read_to_string(back.join("a.txt")).unwrap(), "host");
    assert_eq!(f.download(&["a.txt"], &back, Conflict::Rename).files, 1);
    assert_eq!(fs::read_to_string(back.join("a (1).txt")).unwrap(), "new");
    assert_eq!(f.download(&["a.txt"], &back, Conflict::Overwrite).files, 1);
    assert_eq!(fs::read_to_string(back.join("a.txt")).unwrap(), "new");
    no_partial_files(&f.root);
    no_partial_files(&back);
}

#[test]
fn download_as_names_the_copy_and_upload_conflicts_lists_taken_names() {
    let f = Fixture::new();
    fs::create_dir(f.root.join("dir")).unwrap();
    fs::write(f.root.join("dir/a.txt"), "a").unwrap();
    let back = f.host("back");
    let download_as = |source: &str, dest: &Path| {
        transfer::download_as(
            &f.explorer,
            source,
            dest,
            &options(Conflict::Skip),
            &mut |_| {},
        )
    };
    assert_eq!(
        download_as("dir/a.txt", &back.join("renamed.txt"))
            .unwrap()
            .files,
        1
    );
    assert_eq!(fs::read_to_string(back.join("renamed.txt")).unwrap(), "a");
    assert_eq!(download_as("/dir", &back.join("copy")).unwrap().files, 1);
    assert_eq!(fs::read_to_string(back.join("copy/a.txt")).unwrap(), "a");
    assert_eq!(
        download_as("", &back.join("x")).unwrap_err().code(),
        "invalid_path"
    );
    assert_eq!(
        download_as("dir", Path::new("/")).unwrap_err().code(),
        "invalid_path"
    );

    let host = f.host("host");
    fs::write(host.join("a.txt"), "new").unwrap();
    fs::write(host.join("b.txt"), "new").unwrap();
    let taken = transfer::upload_conflicts(
        &f.explorer,
        &[host.join("b.txt"), host.join("a.txt")],
        "dir",
    )
    .unwrap();
    assert_eq!(taken, ["a.txt"]);
    let e = transfer::upload_conflicts(&f.explorer, &[host.join("a.txt")], "nope").unwrap_err();
    assert_eq!(e.code(), "not_found");
}

#[test]
fn conflicts_for_directories() {
    let f = Fixture::new();
    let source = f.host("host/d");
    fs::write(source.join("same.txt"), "new").unwrap();
    fs::write(source.join("added.txt"), "added").unwrap();
    fs::create_dir(f.root.join("d")).unwrap();
    fs::write(f.root.join("d/same.txt"), "old").unwrap();
    fs::write(f.root.join("d/mine.txt"), "mine").unwrap();
    let src = [&source];

    // Skip merges, keeping existing files.
    let report = f.upload(&src, "", Conflict::Skip);
    assert_eq!(report.files, 1);
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(report.skipped[0].path, "d/same.txt");
    assert_eq!(
        fs::read_to_string(f.root.join("d/same.txt")).unwrap(),
        "old"
    );
    assert_eq!(
        fs::read_to_string(f.root.join("d/added.txt")).unwrap(),
        "added"
    );

    // Overwrite merges, replacing existing files, keeping others.
    assert_eq!(f.upload(&src, "", Conflict::Overwrite).files, 2);
    assert_eq!(
        fs::read_to_string(f.root.join("d/same.txt")).unwrap(),
        "new"
    );
    assert_eq!(
        fs::read_to_string(f.root.join("d/mine.txt")).unwrap(),
        "mine"
    );

    // Rename makes a new directory.
    assert_eq!(f.upload(&src, "", Conflict::Rename).files, 2);
    let mut names: Vec<_> = fs::read_dir(f.root.join("d (1)"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["added.txt", "same.txt"]);

    // A file in the way of a directory skips the whole subtree.
    fs::write(f.root.join("blocked"), "file").unwrap();
    let blocked = f.host("host2/blocked");
    fs::write(blocked.join("x"), "x").unwrap();
    let report = f.upload(&[blocked], "", Conflict::Overwrite);
    assert_eq!(report.files, 0);
    assert_eq!(
        report.skipped,
        [Skipped {
            path: "blocked".into(),
            reason: "a file is in the way".into()
        }]
    );
    assert_eq!(fs::read_to_string(f.root.join("blocked")).unwrap(), "file");
}

#[test]
fn links_fifos_and_sockets() {
    let f = Fixture::new();
    let host = f.host("host");
    let source = f.host("host/tree");
    fs::create_dir(source.join("sub")).unwrap();
    fs::write(source.join("target.txt"), "t").unwrap();
    symlink("target.txt", source.join("inside")).unwrap();
    symlink("../target.txt", source.join("sub/up")).unwrap();
    symlink("sub", source.join("dirlink")).unwrap();
    symlink("../tree/target.txt", source.join("climbs")).unwrap();
    symlink(&host, source.join("absolute")).unwrap();
    symlink("../../../etc/passwd", source.join("sub/far")).unwrap();
    rustix::fs::mkfifoat(
        rustix::fs::CWD,
        source.join("fifo"),
        rustix::fs::Mode::from_raw_mode(0o644),
    )
    .unwrap();
    let _socket = std::os::unix::net::UnixListener::bind(source.join("socket")).unwrap();
    fs::write(host.join("outside.txt"), "outside").unwrap();
    // A named source that is a link is followed.
    symlink("outside.txt", host.join("named-link")).unwrap();

    let report = f.upload(
        &[source.clone(), host.join("named-link")],
        "",
        Conflict::Skip,
    );
    assert_eq!(report.files, 5);
    let skipped: Vec<_> = report
        .skipped
        .iter()
        .map(|s| (s.path.as_str(), s.reason.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            (
                "tree/absolute",
                "a symbolic link pointing outside the transferred tree"
            ),
            (
                "tree/climbs",
                "a symbolic link pointing outside the transferred tree"
            ),
            ("tree/fifo", "a named pipe (FIFO)"),
            ("tree/socket", "a socket"),
            (
                "tree/sub/far",
                "a symbolic link pointing outside the transferred tree"
            ),
        ]
    );
    let dest = f.root.join("tree");
    assert_eq!(
        fs::read_link(dest.join("inside")).unwrap(),
        Path::new("target.txt")
    );
    assert_eq!(
        fs::read_link(dest.join("sub/up")).unwrap(),
        Path::new("../target.txt")
    );
    assert_eq!(
        fs::read_link(dest.join("dirlink")).unwrap(),
        Path::new("sub")
    );
    assert!(
        fs::symlink_metadata(f.root.join("named-link"))
            .unwrap()
            .is_file()
    );
    assert_eq!(
        fs::read_to_string(f.root.join("named-link")).unwrap(),
        "outside"
    );
    assert!(!dest.join("fifo").exists() && !dest.join("socket").exists());

    // Downloading the folder root takes every entry, links as links.
    symlink("tree/target.txt", f.root.join("top-link")).unwrap();
    symlink("../escape", f.root.join("bad-link")).unwrap();
    let back = f.host("back");
    let report = f.download(&["/"], &back, Conflict::Skip);
    assert_eq!(report.files, 6);
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(report.skipped[0].path, "bad-link");
    assert_eq!(
        fs::read_link(back.join("top-link")).unwrap(),
        Path::new("tree/target.txt")
    );
    assert_eq!(
        fs::read_link(back.join("tree/inside")).unwrap(),
        Path::new("target.txt")
    );
    no_partial_files(&f.root);
    no_partial_files(&back);
}

#[test]
fn link_times_are_kept() {
    let f = Fixture::new();
    let source = f.host("host/tree");
    symlink("nowhere-yet", source.join("link")).unwrap();
    let times = rustix::fs::Timestamps {
        last_access: rustix::fs::Timespec {
            tv_sec: 1_000_000,
            tv_nsec: 0,
        },
        last_modification: rustix::fs::Timespec {
            tv_sec: 2_000_000,
            tv_nsec: 5,
        },
    };
    rustix::fs::utimensat(
        rustix::fs::CWD,
        source.join("link"),
        &times,
        rustix::fs::AtFlags::SYMLINK_NOFOLLOW,
    )
    .unwrap();
    assert_eq!(f.upload(&[source], "", Conflict::Skip).files, 1);
    let copied = fs::symlink_metadata(f.root.join("tree/link")).unwrap();
    assert_eq!(
        copied.modified().unwrap(),
        SystemTime::UNIX_EPOCH + Duration::new(2_000_000, 5)
    );
}

#[test]
fn progress_is_throttled_and_ends_complete() {
    let f = Fixture::new();
    let source = f.host("host/many");
    for i in 0..2000 {
        fs::write(source.join(format!("{i}")), random_block(i, 2048)).unwrap();
    }
    let mut reports: Vec<(Instant, Progress)> = Vec::new();
    let started = Instant::now();
    let report = transfer::upload(
        &f.explorer,
        &[&source],
        "",
        &TransferOptions {
            workers: 2,
            ..options(Conflict::Skip)
        },
        &mut |p: &Progress| reports.push((Instant::now(), p.clone())),
    )
    .unwrap();
    let elapsed = started.elapsed();
    assert_eq!(report.files, 2000);
    assert!(reports.len() >= 2);
    let bound = (elapsed.as_millis() / 250) as usize + 3;
    assert!(
        reports.len() <= bound,
        "{} reports in {elapsed:?}",
        reports.len()
    );
    for pair in reports[..reports.len() - 1].windows(2) {
        assert!(pair[1].0 - pair[0].0 >= Duration::from_millis(240));
    }
    let (_, last) = reports.last().unwrap();
    assert_eq!((last.files_done, last.files_total), (2000, 2000));
    assert_eq!(
        (last.bytes_done, last.bytes_total),
        (2000 * 2048, 2000 * 2048)
    );
    assert!(last.bytes_per_second > 0);
    assert_eq!(reports[0].1.files_total, 2000);
}

#[test]
fn cancelling_midway_leaves_no_partial_file_and_the_old_file_intact() {
    let f = Fixture::new();
    let host = f.host("host");
    write_big_file(&host.join("big.bin"), 512);
    fs::write(f.root.join("big.bin"), "the old version").unwrap();

    let cancel = CancelToken::new();
    let watcher = {
        let (cancel, root) = (cancel.clone(), f.root.clone());
        std::thread::spawn(move || {
            let deadline = Instant::now() + Duration::from_secs(30);
            while Instant::now() < deadline {
                let partial = fs::read_dir(&root).unwrap().any(|e| {
                    let e = e.unwrap();
                    e.file_name().to_string_lossy().starts_with(".berth-part-")
                        && e.metadata().unwrap().len() > 0
                });
                if partial {
                    cancel.cancel();
                    return true;
                }
                std::thread::sleep(Duration::from_micros(200));
            }
            false
        })
    };
    let result = transfer::upload(
        &f.explorer,
        &[host.join("big.bin")],
        "",
        &TransferOptions {
            conflict: Conflict::Overwrite,
            cancel: cancel.clone(),
            ..TransferOptions::default()
        },
        &mut |_| {},
    );
    assert!(watcher.join().unwrap(), "the partial file never showed up");
    assert_eq!(result.unwrap_err().code(), "cancelled");
    assert_eq!(
        fs::read_to_string(f.root.join("big.bin")).unwrap(),
        "the old version"
    );
    no_partial_files(&f.root);

    // A token cancelled before the start writes nothing.
    let result = transfer::upload(
        &f.explorer,
        &[host.join("big.bin")],
        "",
        &TransferOptions {
            cancel,
            ..TransferOptions::default()
        },
        &mut |_| {},
    );
    assert_eq!(result.unwrap_err().code(), "cancelled");
    assert_eq!(fs::read_dir(&f.root).unwrap().count(), 1);
}

#[test]
fn errors_name_what_the_caller_gave() {
    let f = Fixture::new();
    let host = f.host("host");
    fs::write(host.join("a"), "a").unwrap();
    fs::write(f.root.join("file"), "x").unwrap();
    let upload = |sources: &[PathBuf], dest: &str| {
        transfer::upload(
            &f.explorer,
            sources,
            dest,
            &TransferOptions::default(),
            &mut |_| {},
        )
        .unwrap_err()
    };
    let e = upload(&[host.join("a")], "missing");
    assert_eq!(e.code(), "not_found");
    assert_eq!(e.to_string(), "path \"/missing\" not found");
    assert_eq!(upload(&[host.join("a")], "file").code(), "not_a_directory");
    assert_eq!(upload(&[host.join("a")], "../x").code(), "invalid_path");
    assert_eq!(upload(&[host.join("nope")], "").code(), "not_found");
    assert_eq!(upload(&[PathBuf::from("/")], "").code(), "invalid_path");
    let download = |sources: &[&str], dest: &Path| {
        transfer::download(
            &f.explorer,
            sources,
            dest,
            &TransferOptions::default(),
            &mut |_| {},
        )
        .unwrap_err()
    };
    let e = download(&["nope"], &host);
    assert_eq!(e.to_string(), "path \"/nope\" not found");
    assert_eq!(
        download(&["file"], &host.join("missing")).code(),
        "not_found"
    );
    symlink("../..", f.root.join("escape")).unwrap();
    assert_eq!(download(&["escape"], &host).code(), "invalid_path");
    for e in [
        download(&["nope"], &host),
        upload(&[host.join("a")], "missing"),
    ] {
        assert!(!e.to_string().contains(&f.root.display().to_string()));
    }
}

/// The writer is killed with SIGKILL in the middle of a file: the final
/// name never shows partial data, the file it was replacing is intact, and
/// the partial file left behind is cleaned once its writer is gone.
#[test]
fn a_writer_killed_mid_file_leaves_only_a_partial_file() {
    const CHILD: &str = "BERTH_TEST_KILLED_WRITER";
    if let Some(dirs) = std::env::var_os(CHILD) {
        // The child: upload slowly (one worker) until killed.
        let dirs = PathBuf::from(dirs);
        let explorer = Explorer::open(&dirs.join("folder")).unwrap();
        let _ = transfer::upload(
            &explorer,
            &[dirs.join("host/big.bin")],
            "",
            &TransferOptions {
                conflict: Conflict::Overwrite,
                workers: 1,
                ..TransferOptions::default()
            },
            &mut |_| {},
        );
        std::process::exit(0);
    }
    let f = Fixture::new();
    let host = f.host("host");
    write_big_file(&host.join("big.bin"), 512);
    fs::write(f.root.join("big.bin"), "the old version").unwrap();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "a_writer_killed_mid_file_leaves_only_a_partial_file",
            "--nocapture",
        ])
        .env(CHILD, f.tmp.path())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut seen = false;
    while Instant::now() < deadline && !seen {
        seen = fs::read_dir(&f.root).unwrap().any(|e| {
            let e = e.unwrap();
            e.file_name().to_string_lossy().starts_with(".berth-part-")
                && e.metadata().is_ok_and(|m| m.len() > 0)
        });
        std::thread::sleep(Duration::from_micros(200));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(seen, "the partial file never showed up");
    assert_eq!(
        fs::read_to_string(f.root.join("big.bin")).unwrap(),
        "the old version"
    );
    assert_eq!(transfer::clean_leftovers(&f.explorer).unwrap(), 1);
    assert_eq!(fs::read_dir(&f.root).unwrap().count(), 1);
}
