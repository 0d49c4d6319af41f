//! Terminal benchmarks on the real engine, in one run:
//!
//! - 64 MiB printed inside the container through the core's terminal
//!   stream into a sink, against `docker exec CONTAINER sh -c 'head -c
//!   67108864 /dev/zero' > /dev/null`, and against the same with `-t` (a
//!   TTY, as Berth's terminal has); prints the time ratios (below 1.0:
//!   Berth is faster);
//! - keystroke echo round trip through the core (write one byte, read its
//!   echo from the TTY): p50 and p99 over 2,000 keystrokes;
//! - the peak memory (`VmHWM`) growth of this process while the 64 MiB
//!   pass.
//!
//! Needs a running engine and the local test image; run it with
//! `scripts/bench-terminal.sh`, which provides both.

#[path = "../tests/support/mod.rs"]
mod support;

use berth_core::engine::Engine;
use berth_core::sessions::{self, SessionType};
use berth_core::terminal::{self, TerminalEvent, TerminalSize};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::{Fixture, request};

const FLOOD: u64 = 64 << 20;
const RUNS: usize = 5;
const KEYSTROKES: usize = 2_000;

fn main() {
    let runtime = tokio::runtime::Runtime::new().expect("async runtime");
    runtime.block_on(run());
}

async fn run() {
    let f = Fixture::new().await;
    let mut request = request(SessionType::Interactive, None, &[]);
    request.spec.cpus = 1.0;
    request.spec.memory_bytes = 512 << 20;
    let session = f.start(request).await;
    let engine = &f.engine;
    let container = session.container_id.clone().unwrap();
    println!("terminal benchmarks (median of {RUNS} runs)");

    let before = peak_rss();
    let (mut ours, mut theirs, mut theirs_tty) = (vec![], vec![], vec![]);
    for run in 0..=RUNS {
        let started = Instant::now();
        let received = flood(engine, &session).await;
        let elapsed = started.elapsed();
        assert_eq!(received, FLOOD);

        let reference = docker_exec(&container, &[]);
        let reference_tty = docker_exec(&container, &["-t"]);
        if run > 0 {
            ours.push(elapsed);
            theirs.push(reference);
            theirs_tty.push(reference_tty);
        }
    }
    let growth = peak_rss().saturating_sub(before);
    let ours = median(&mut ours);
    for (reference, samples) in [
        ("docker exec", &mut theirs),
        ("docker exec -t", &mut theirs_tty),
    ] {
        let theirs = median(samples);
        println!(
            "64 MiB of output     Berth {:>8.1} ms   {reference:<14} {:>8.1} ms   ratio {:.2}",
            ms(ours),
            ms(theirs),
            ours.as_secs_f64() / theirs.as_secs_f64()
        );
    }
    println!(
        "peak memory growth while 64 MiB passed: {:.1} MiB",
        growth as f64 / f64::from(1 << 20)
    );

    let mut rounds = echo_round_trips(engine, &session).await;
    rounds.sort();
    let pct = |p: usize| rounds[(rounds.len() * p / 100).min(rounds.len() - 1)];
    println!(
        "keystroke echo       p50 {:.2} ms   p99 {:.2} ms   ({KEYSTROKES} keystrokes)",
        ms(pct(50)),
        ms(pct(99))
    );

    f.terminate(&session).await;
}

/// Times the flood through the Docker CLI, its output discarded.
fn docker_exec(container: &str, flags: &[&str]) -> Duration {
    let started = Instant::now();
    let status = Command::new("docker")
        .arg("exec")
        .args(flags)
        .args([container, "sh", "-c"])
        .arg(format!("head -c {FLOOD} /dev/zero"))
        .stdout(Stdio::null())
        .status()
        .expect("the docker CLI");
    assert!(status.success());
    started.elapsed()
}

/// Runs the flood in a terminal and counts what reaches the sink.
async fn flood(engine: &Engine, session: &sessions::Session) -> u64 {
    let command = vec![
        "sh".to_owned(),
        "-c".to_owned(),
        format!("head -c {FLOOD} /dev/zero"),
    ];
    let info = terminal::open_terminal(engine, session, Some(command), TerminalSize::default())
        .await
        .unwrap();
    let mut attached = terminal::attach(&info.id).unwrap();
    let mut received = attached.scrollback.len() as u64;
    while let Some(event) = attached.events.recv().await {
        match event {
            TerminalEvent::Output(bytes) => received += bytes.len() as u64,
            TerminalEvent::Exit(_) => break,
        }
    }
    terminal::close_terminal(engine, &info.id).await.unwrap();
    received
}

/// Types one byte at a time on the TTY (echo on, no line buffering, the
/// input discarded) and times each echo.
async fn echo_round_trips(engine: &Engine, session: &sessions::Session) -> Vec<Duration> {
    let command = vec![
        "sh".to_owned(),
        "-c".to_owned(),
        "stty -icanon && echo ready && exec cat >/dev/null".to_owned(),
    ];
    let info = terminal::open_terminal(engine, session, Some(command), TerminalSize::default())
        .await
        .unwrap();
    let mut attached = terminal::attach(&info.id).unwrap();
    let mut seen = attached.scrollback.clone();
    while !String::from_utf8_lossy(&seen).contains("ready") {
        match attached.events.recv().await {
            Some(TerminalEvent::Output(bytes)) => seen.extend_from_slice(&bytes),
            other => panic!("the terminal did not start: {other:?}"),
        }
    }
    let mut rounds = Vec::with_capacity(KEYSTROKES);
    for i in 0..KEYSTROKES + 100 {
        let key = b'a' + (i % 26) as u8;
        let started = Instant::now();
        terminal::write_terminal(&info.id, &[key]).await.unwrap();
        loop {
            match attached.events.recv().await {
                Some(TerminalEvent::Output(bytes)) if bytes.contains(&key) => break,
                Some(TerminalEvent::Output(_)) => {}
                other => panic!("the echo did not come: {other:?}"),
            }
        }
        // The first keystrokes warm up the connection.
        if i >= 100 {
            rounds.push(started.elapsed());
        }
    }
    terminal::close_terminal(engine, &info.id).await.unwrap();
    rounds
}

fn peak_rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    let kib: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kib * 1024
}

fn median(samples: &mut [Duration]) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
