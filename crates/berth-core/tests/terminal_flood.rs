//! 64 MiB of terminal output through a consumer that falls behind: every
//! byte arrives and the process's memory stays bounded. Alone in its test
//! binary so that no other test's allocations count against the bound.

mod support;

use berth_core::sessions::{SessionStatus, SessionType};
use berth_core::terminal::{self, TerminalEvent, TerminalSize};
use std::time::Duration;
use support::{Fixture, request};

const FLOOD: u64 = 64 << 20;

/// Peak resident memory of this process (`VmHWM`), in bytes.
fn peak_rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    let kib: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kib * 1024
}

#[tokio::test(flavor = "multi_thread")]
async fn sixty_four_mib_pass_a_slow_consumer_with_bounded_memory() {
    let f = Fixture::new().await;
    let session = f.start(request(SessionType::Interactive, None, &[])).await;
    assert_eq!(session.status, SessionStatus::Running);
    let engine = &f.engine;

    let before = peak_rss();
    let command = vec![
        "sh".to_owned(),
        "-c".to_owned(),
        format!("head -c {FLOOD} /dev/zero | tr '\\0' x"),
    ];
    let info = terminal::open_terminal(engine, &session, Some(command), TerminalSize::default())
        .await
        .unwrap();
    let mut attached = terminal::attach(&info.id).unwrap();
    let mut received = attached.scrollback.len() as u64;
    let mut batches = 0u64;
    let exit = tokio::time::timeout(Duration::from_secs(300), async {
        while let Some(event) = attached.events.recv().await {
            match event {
                TerminalEvent::Output(bytes) => {
                    assert!(
                        bytes.iter().all(|b| *b == b'x'),
                        "only the flood arrives, at {received}: {:?}",
                        String::from_utf8_lossy(
                            &bytes[bytes.iter().position(|b| *b != b'x').unwrap_or(0)..]
                                [..20.min(bytes.len())]
                        )
                    );
                    received += bytes.len() as u64;
                    batches += 1;
                    // Fall behind for a while: the reader must wait, not
                    // buffer.
                    if batches < 200 {
                        tokio::time::sleep(Duration::from_millis(2)).await;
                    }
                }
                TerminalEvent::Exit(exit) => return exit,
            }
        }
        panic!("the events ended without an exit");
    })
    .await
    .expect("the flood ends");
    assert_eq!(exit.code, Some(0));
    assert_eq!(received, FLOOD, "every byte arrives, none twice");
    let growth = peak_rss().saturating_sub(before);
    assert!(
        growth < 24 << 20,
        "peak memory grew by {} MiB while 64 MiB passed",
        growth >> 20
    );

    terminal::close_terminal(engine, &info.id).await.unwrap();
    f.terminate(&session).await;
}
