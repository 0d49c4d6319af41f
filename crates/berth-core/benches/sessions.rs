//! Session benchmarks against the Docker CLI on the same engine, in the same
//! run, printed as ratios (below 1.0: Berth is faster):
//!
//! - launch to `RUNNING` of a session mounting 5 folders plus 2 automount
//!   folders, against `docker run -d` with the same bind mounts, limits,
//!   user, init process and command;
//! - terminate to gone (container and scratch directory removed), against
//!   `docker rm -f`.
//!
//! Runs alternate between the two so that drift of the machine hits both.
//! Needs a running engine and the local test image; run it with
//! `scripts/bench-sessions.sh`, which provides both.

#[path = "../tests/support/mod.rs"]
mod support;

use berth_core::sessions::{self, SessionType};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use support::{Fixture, IMAGE, request};

const RUNS: usize = 9;
const KEEP_ALIVE: &str = "trap 'exit 0' TERM INT; while :; do sleep 86400 & wait $!; done";
const FOLDERS: [&str; 5] = ["data", "models", "code", "results", "scratchpad"];
const AUTOMOUNT: [&str; 2] = [".local", ".linuxbrew"];

fn main() {
    let runtime = tokio::runtime::Runtime::new().expect("async runtime");
    runtime.block_on(run());
}

async fn run() {
    let f = Fixture::new().await;
    let (berth, engine, project, dir) = (&f.berth, &f.engine, &f.project, &f.dir);
    let mut roots = Vec::new();
    for name in FOLDERS.iter().chain(&AUTOMOUNT) {
        roots.push((name.to_string(), f.folder(name)));
    }
    let mounts: Vec<_> = FOLDERS.iter().map(|f| (*f, "", false)).collect();
    let mut request = request(SessionType::Interactive, None, &mounts);
    request.spec.cpus = 1.0;
    request.spec.memory_bytes = 256 << 20;

    println!(
        "session benchmarks: {} folders + {} automount folders, median of {RUNS} runs",
        FOLDERS.len(),
        AUTOMOUNT.len()
    );
    let (mut berth_up, mut berth_down, mut docker_up, mut docker_down) =
        (vec![], vec![], vec![], vec![]);
    // One untimed round each warms the engine's caches.
    for run in 0..=RUNS {
        let started = Instant::now();
        let session = sessions::start_session(berth, engine, project, &request)
            .await
            .unwrap();
        let up = started.elapsed();
        assert_eq!(
            session.status,
            sessions::SessionStatus::Running,
            "{:?}",
            session.status_reason
        );
        let started = Instant::now();
        sessions::terminate_session(berth, engine, &session.id)
            .await
            .unwrap();
        let down = started.elapsed();

        let scratch = dir.path().join(format!("docker-scratch-{run}"));
        let name = format!("berth-bench-{}-{run}", std::process::id());
        let started = Instant::now();
        docker_run(&name, &scratch, &roots);
        let reference_up = started.elapsed();
        let started = Instant::now();
        docker(&["rm", "-f", &name]);
        std::fs::remove_dir_all(&scratch).unwrap();
        let reference_down = started.elapsed();

        if run > 0 {
            berth_up.push(up);
            berth_down.push(down);
            docker_up.push(reference_up);
            docker_down.push(reference_down);
        }
    }
    report(
        "launch to RUNNING",
        &mut berth_up,
        "docker run -d",
        &mut docker_up,
    );
    report(
        "terminate to gone",
        &mut berth_down,
        "docker rm -f",
        &mut docker_down,
    );
}

/// `docker run -d` with what Berth asks of the engine for the same session.
fn docker_run(name: &str, scratch: &Path, roots: &[(String, PathBuf)]) {
    std::fs::create_dir_all(scratch).unwrap();
    let uid = rustix::process::getuid().as_raw();
    let gid = rustix::process::getgid().as_raw();
    let mut args: Vec<String> = [
        "run",
        "-d",
        "--init",
        "--name",
        name,
        "--cpus",
        "1",
        "--memory",
        "256m",
        "--shm-size",
        "64m",
        "-w",
        "/home/work",
        "-e",
        "HOME=/home/work",
        "--entrypoint",
        "",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.extend(["--user".to_owned(), format!("{uid}:{gid}")]);
    let mut bind = |source: &Path, target: &str| {
        args.push("--mount".to_owned());
        args.push(format!(
            "type=bind,source={},target={target}",
            source.display()
        ));
    };
    bind(scratch, "/home/work");
    for (name, root) in roots {
        let target = if name == ".linuxbrew" {
            "/home/linuxbrew/.linuxbrew".to_owned()
        } else {
            format!("/home/work/{name}")
        };
        bind(root, &target);
    }
    args.extend([IMAGE, "/bin/sh", "-c", KEEP_ALIVE].map(str::to_owned));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    docker(&refs);
}

fn docker(args: &[&str]) {
    let output = Command::new("docker")
        .args(args)
        .output()
        .expect("the docker CLI");
    assert!(
        output.status.success(),
        "docker {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn median(samples: &mut [Duration]) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn report(what: &str, ours: &mut [Duration], reference: &str, theirs: &mut [Duration]) {
    let (ours, theirs) = (median(ours), median(theirs));
    println!(
        "{what:<20} Berth {:>8.1} ms   {reference:<14} {:>8.1} ms   ratio {:.2}",
        ours.as_secs_f64() * 1e3,
        theirs.as_secs_f64() * 1e3,
        ours.as_secs_f64() / theirs.as_secs_f64()
    );
}
