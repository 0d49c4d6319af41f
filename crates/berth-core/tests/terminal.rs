//! Terminals against a real Docker engine and the local test image (the
//! test command provides both). These tests fail, never skip, when no engine
//! answers.

mod support;

use berth_core::sessions::{self, SessionType};
use berth_core::terminal::{self, TerminalEvent, TerminalExit, TerminalSize};
use std::time::Duration;
use support::{Fixture, request};
use tokio::sync::mpsc::Receiver;

/// Reads output until `needle` appears; returns everything read.
async fn read_until(events: &mut Receiver<TerminalEvent>, needle: &str) -> String {
    let mut seen = Vec::new();
    let found = tokio::time::timeout(Duration::from_secs(20), async {
        while let Some(event) = events.recv().await {
            match event {
                TerminalEvent::Output(bytes) => seen.extend_from_slice(&bytes),
                TerminalEvent::Exit(exit) => panic!("the shell ended early: {exit:?}"),
            }
            if String::from_utf8_lossy(&seen).contains(needle) {
                return true;
            }
        }
        false
    })
    .await;
    let text = String::from_utf8_lossy(&seen).into_owned();
    assert!(found == Ok(true), "{needle:?} never came; got {text:?}");
    text
}

async fn exit_of(events: &mut Receiver<TerminalEvent>) -> TerminalExit {
    tokio::time::timeout(Duration::from_secs(20), async {
        while let Some(event) = events.recv().await {
            if let TerminalEvent::Exit(exit) = event {
                return exit;
            }
        }
        panic!("the events ended without an exit");
    })
    .await
    .expect("the shell ends")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_shell_echoes_resizes_and_reports_its_exit_code() {
    let f = Fixture::new().await;
    let session = f.start(request(SessionType::Interactive, None, &[])).await;
    let size = TerminalSize {
        cols: 120,
        rows: 30,
    };
    let info = terminal::open_terminal(&f.engine, &session, None, size)
        .await
        .unwrap();
    let mut attached = terminal::attach(&info.id).unwrap();

    terminal::write_terminal(&info.id, b"echo h''i; echo $TERM; pwd; id -u\n")
        .await
        .unwrap();
    let uid = rustix::process::getuid().as_raw();
    let text = read_until(&mut attached.events, &format!("/home/work\r\n{uid}\r\n")).await;
    assert!(text.contains("hi\r\nxterm-256color\r\n"), "{text:?}");

    terminal::write_terminal(&info.id, b"stty size\n")
        .await
        .unwrap();
    read_until(&mut attached.events, "30 120\r\n").await;
    terminal::resize_terminal(
        &f.engine,
        &info.id,
        TerminalSize {
            cols: 100,
            rows: 40,
        },
    )
    .await
    .unwrap();
    terminal::write_terminal(&info.id, b"stty size\n")
        .await
        .unwrap();
    read_until(&mut attached.events, "40 100\r\n").await;

    // A view that reattaches gets the screen so far.
    let mut again = terminal::attach(&info.id).unwrap();
    let screen = String::from_utf8_lossy(&again.scrollback).into_owned();
    assert!(
        screen.contains("xterm-256color") && screen.contains("40 100"),
        "{screen:?}"
    );
    // The first consumer was detached: after what was already queued for
    // it, its events end.
    tokio::time::timeout(Duration::from_secs(5), async {
        while attached.events.recv().await.is_some() {}
    })
    .await
    .expect("the detached consumer's events end");

    terminal::write_terminal(&info.id, b"exit 3\n")
        .await
        .unwrap();
    let exit = exit_of(&mut again.events).await;
    assert_eq!(
        exit,
        TerminalExit {
            code: Some(3),
            reason: None
        }
    );
    assert_eq!(terminal::session_terminals(&session.id)[0].exit, Some(exit));
    terminal::close_terminal(&f.engine, &info.id).await.unwrap();
    assert!(terminal::session_terminals(&session.id).is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn multibyte_characters_arrive_intact_across_batches() {
    let f = Fixture::new().await;
    let session = f.start(request(SessionType::Interactive, None, &[])).await;
    // 300,000 three-byte characters: far more than one batch, so batch
    // boundaries fall inside characters.
    let command = vec![
        "sh".to_owned(),
        "-c".to_owned(),
        "i=0; s=あいう; while [ $i -lt 12 ]; do s=$s$s; i=$((i+1)); done; \
         j=0; while [ $j -lt 25 ]; do printf %s \"$s\"; j=$((j+1)); done; echo; echo END"
            .to_owned(),
    ];
    let info = terminal::open_terminal(&f.engine, &session, Some(command), TerminalSize::default())
        .await
        .unwrap();
    let mut attached = terminal::attach(&info.id).unwrap();
    let mut bytes = attached.scrollback.clone();
    let mut batches = 0;
    while let Some(event) = attached.events.recv().await {
        match event {
            TerminalEvent::Output(chunk) => {
                batches += 1;
                bytes.extend_from_slice(&chunk);
            }
            TerminalEvent::Exit(exit) => {
                assert_eq!(exit.code, Some(0));
                break;
            }
        }
    }
    assert!(batches > 1);
    let text = String::from_utf8(bytes).expect("the bytes are valid UTF-8 once joined");
    let expected = "あいう".repeat(4096 * 25);
    assert!(text.contains(&expected), "{} chars", text.chars().count());
    assert!(text.ends_with("\r\nEND\r\n"));
    terminal::close_terminal(&f.engine, &info.id).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn closing_ends_the_process_and_terminating_ends_terminals_with_a_reason() {
    let f = Fixture::new().await;
    let session = f.start(request(SessionType::Interactive, None, &[])).await;
    let sleeper = vec!["sleep".to_owned(), "4242".to_owned()];
    let info = terminal::open_terminal(&f.engine, &session, Some(sleeper), TerminalSize::default())
        .await
        .unwrap();
    let processes = || async {
        let mut out = Vec::new();
        sessions::exec_in_session(&f.engine, &session, vec!["ps".into()], |_, b| {
            out.extend_from_slice(b)
        })
        .await
        .unwrap();
        String::from_utf8(out).unwrap()
    };
    assert!(processes().await.contains("sleep 4242"));
    terminal::close_terminal(&f.engine, &info.id).await.unwrap();
    let mut gone = false;
    for _ in 0..50 {
        if !processes().await.contains("sleep 4242") {
            gone = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(gone, "closing the terminal ends its process");
    assert!(matches!(
        terminal::attach(&info.id),
        Err(berth_core::Error::NotFound { .. })
    ));

    let shell = terminal::open_terminal(&f.engine, &session, None, TerminalSize::default())
        .await
        .unwrap();
    let mut attached = terminal::attach(&shell.id).unwrap();
    terminal::write_terminal(&shell.id, b"echo ready\n")
        .await
        .unwrap();
    read_until(&mut attached.events, "ready\r\n").await;
    sessions::terminate_session(&f.berth, &f.engine, &session.id)
        .await
        .unwrap();
    let exit = exit_of(&mut attached.events).await;
    assert_eq!(exit.reason.as_deref(), Some("the session was terminated"));
    terminal::close_terminal(&f.engine, &shell.id)
        .await
        .unwrap();

    let ended = f.berth.session_by_id(&session.id).unwrap();
    let refused = terminal::open_terminal(&f.engine, &ended, None, TerminalSize::default())
        .await
        .unwrap_err();
    assert_eq!(refused.code(), "session_not_running");
}
