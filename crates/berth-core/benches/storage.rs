//! Storage benchmarks, each measured against the usual command on the same
//! disk in the same run, printed as ratios (below 1.0: Berth is faster):
//!
//! - uploading one 1 GiB file and 10,000 files of 4 KiB, against `cp -r`
//!   (and against `cp -r` followed by `sync`, since an upload returns only
//!   once its data is on disk and `cp` does not wait for that);
//! - listing the first 200 entries, by name, of a 100,000-entry directory,
//!   against `ls -1 | head -200`;
//! - the peak memory (`VmHWM`) of a process doing the 1 GiB upload.
//!
//! Run it with `scripts/bench-storage.sh`. The data goes under
//! `$BERTH_BENCH_DIR` (default: the system's temporary directory) and is
//! removed at the end.

use berth_core::storage::explorer::{Explorer, ListQuery, SortKey};
use berth_core::storage::transfer::{self, Conflict, TransferOptions};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const RUNS: usize = 3;
const LIST_RUNS: usize = 7;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child-upload") {
        child_upload(Path::new(&args[i + 1]), Path::new(&args[i + 2]));
        return;
    }
    let base = std::env::var_os("BERTH_BENCH_DIR").map_or_else(std::env::temp_dir, PathBuf::from);
    fs::create_dir_all(&base).expect("bench directory");
    let work = tempfile::tempdir_in(&base).expect("bench directory");
    let work = work.path();
    println!(
        "storage benchmarks in {} (median of {RUNS} runs)",
        work.display()
    );

    let data = work.join("data");
    fs::create_dir(&data).unwrap();
    let big = data.join("big.bin");
    write_big_file(&big, 1024);
    let small = data.join("small");
    write_small_files(&small, 100, 100, 4096);
    let wide = data.join("wide");
    write_wide_dir(&wide, 100_000);
    sync();

    let folder = work.join("folder");
    fs::create_dir(&folder).unwrap();
    let explorer = Explorer::open(&folder).unwrap();

    compare_upload("upload of one 1 GiB file", &explorer, &folder, &big, work);
    compare_upload(
        "upload of 10,000 files of 4 KiB",
        &explorer,
        &folder,
        &small,
        work,
    );
    compare_listing(&wide);
    peak_memory(&big, work);
}

/// Times `cp -r`, `cp -r` + `sync`, and Berth's upload of `source`. Each
/// run copies to fresh names, and copies of a tree are removed only at the
/// end: ext4 makes file creation slow for a while after many deletions (it
/// avoids reusing recently freed inodes), which would blur the comparison.
fn compare_upload(title: &str, explorer: &Explorer, folder: &Path, source: &Path, work: &Path) {
    let targets = work.join("cp-targets");
    fs::create_dir_all(&targets).unwrap();
    let mut cp = Vec::new();
    let mut cp_sync = Vec::new();
    let mut berth = Vec::new();
    let options = TransferOptions {
        conflict: Conflict::Overwrite,
        ..bench_options()
    };
    for run in 0..RUNS {
        let dest = format!("run{run}");
        explorer.mkdir(&dest, false).unwrap();
        sync();
        berth.push(timed(|| {
            transfer::upload(explorer, &[source], &dest, &options, &mut |_| {}).unwrap();
        }));
        sync();
        let target = targets.join(format!("cp{run}"));
        cp.push(timed(|| {
            run_command(Command::new("cp").arg("-r").arg(source).arg(&target))
        }));
        sync();
        let target = targets.join(format!("cp-sync{run}"));
        cp_sync.push(timed(|| {
            run_command(Command::new("cp").arg("-r").arg(source).arg(&target));
            sync();
        }));
        // A few large files can go at once (freeing inodes is what slows
        // creation down later, not freeing blocks): it saves disk space.
        if source.is_file() {
            remove(&folder.join(&dest));
            remove(&targets);
            fs::create_dir(&targets).unwrap();
        }
    }
    remove(&targets);
    for run in 0..RUNS {
        remove(&folder.join(format!("run{run}")));
    }
    let (cp, cp_sync, berth) = (median(cp), median(cp_sync), median(berth));
    println!("{title}:");
    println!("  berth upload        {:>9.3} s", berth.as_secs_f64());
    println!(
        "  cp -r               {:>9.3} s   ratio {:.2}",
        cp.as_secs_f64(),
        ratio(berth, cp)
    );
    println!(
        "  cp -r && sync       {:>9.3} s   ratio {:.2}",
        cp_sync.as_secs_f64(),
        ratio(berth, cp_sync)
    );
}

/// Times the first page of 200 by name against `ls -1 | head -200`.
fn compare_listing(wide: &Path) {
    let parent = wide.parent().unwrap();
    let name = wide.file_name().unwrap().to_str().unwrap();
    let query = ListQuery {
        sort: SortKey::Name,
        descending: false,
        offset: 0,
        limit: 200,
    };
    let mut ls = Vec::new();
    let mut berth = Vec::new();
    let mut entries = 0;
    for _ in 0..LIST_RUNS {
        ls.push(timed(|| {
            let out = Command::new("sh")
                .arg("-c")
                .arg("ls -1 \"$0\" | head -200 > /dev/null")
                .arg(wide)
                .env("LC_ALL", "C")
                .status()
                .unwrap();
            assert!(out.success());
        }));
        berth.push(timed(|| {
            let explorer = Explorer::open(parent).unwrap();
            entries = explorer.list(name, &query).unwrap().entries.len();
        }));
    }
    assert_eq!(entries, 200);
    let (ls, berth) = (median(ls), median(berth));
    println!("first 200 entries, by name, of a 100,000-entry directory:");
    println!(
        "  berth list          {:>9.1} ms",
        berth.as_secs_f64() * 1e3
    );
    println!(
        "  ls -1 | head -200   {:>9.1} ms   ratio {:.2}",
        ls.as_secs_f64() * 1e3,
        ratio(berth, ls)
    );
}

/// Runs the 1 GiB upload in a child process and reads its peak resident
/// memory.
fn peak_memory(big: &Path, work: &Path) {
    let folder = work.join("memory-folder");
    fs::create_dir(&folder).unwrap();
    let out = Command::new(std::env::current_exe().unwrap())
        .arg("--child-upload")
        .arg(big)
        .arg(&folder)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let kib: u64 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
    println!("peak memory of the 1 GiB upload (VmHWM of the process):");
    println!("  {:.1} MiB   (aim: at most 64 MiB)", kib as f64 / 1024.0);
    remove(&folder);
}

/// The default options, with `BERTH_BENCH_WORKERS` copying threads if set.
fn bench_options() -> TransferOptions {
    let default = TransferOptions::default();
    TransferOptions {
        workers: std::env::var("BERTH_BENCH_WORKERS")
            .ok()
            .and_then(|w| w.parse().ok())
            .unwrap_or(default.workers),
        ..default
    }
}

fn child_upload(source: &Path, folder: &Path) {
    let explorer = Explorer::open(folder).unwrap();
    transfer::upload(&explorer, &[source], "", &bench_options(), &mut |_| {}).unwrap();
    let status = fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    let kib = line.split_whitespace().nth(1).unwrap();
    println!("{kib}");
}

fn write_big_file(path: &Path, mib: u64) {
    let mut block = random_block(7, 1 << 20);
    let mut file = fs::File::create(path).unwrap();
    for i in 0..mib {
        block[..8].copy_from_slice(&i.to_le_bytes());
        file.write_all(&block).unwrap();
    }
}

fn write_small_files(dir: &Path, dirs: usize, per_dir: usize, size: usize) {
    for d in 0..dirs {
        let sub = dir.join(format!("d{d:03}"));
        fs::create_dir_all(&sub).unwrap();
        for i in 0..per_dir {
            fs::write(
                sub.join(format!("f{i:03}.bin")),
                random_block((d * per_dir + i) as u64, size),
            )
            .unwrap();
        }
    }
}

fn write_wide_dir(dir: &Path, entries: usize) {
    fs::create_dir(dir).unwrap();
    for i in 0..entries {
        // Scrambled names, so that creation order is not name order.
        let n = (i as u64).wrapping_mul(2_654_435_761) % 1_000_000_007;
        fs::File::create(dir.join(format!("entry-{n:010}"))).unwrap();
    }
}

fn random_block(seed: u64, len: usize) -> Vec<u8> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
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

fn timed(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ratio(ours: Duration, theirs: Duration) -> f64 {
    ours.as_secs_f64() / theirs.as_secs_f64()
}

fn run_command(command: &mut Command) {
    let status = command.status().unwrap();
    assert!(status.success(), "{command:?} failed");
}

/// Removes a file or tree and flushes, so the next run starts clean.
fn remove(path: &Path) {
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => fs::remove_dir_all(path).unwrap(),
        Ok(_) => fs::remove_file(path).unwrap(),
        Err(_) => {}
    }
    sync();
}

fn sync() {
    rustix::fs::sync();
}
