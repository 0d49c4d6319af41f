//! `berth session shell`: an interactive terminal in a session through the
//! core's terminal code — the local terminal in raw mode, its size changes
//! forwarded, the shell's exit code passed back.

use crate::Outcome;
use berth_core::engine::Engine;
use berth_core::sessions::Session;
use berth_core::terminal::{self, TerminalEvent, TerminalSize};
use berth_core::{Error, Result};
use rustix::termios::{self, OptionalActions, Termios};
use std::io::{IsTerminal, Read, Write};
use std::os::fd::{AsFd, BorrowedFd};
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::mpsc;

/// Ctrl-D: what a terminal sends for end of input.
const END_OF_INPUT: u8 = 0x04;

/// Puts the local terminal in raw mode and restores it when dropped.
struct RawMode {
    saved: Termios,
}

impl RawMode {
    fn enter(fd: BorrowedFd<'_>) -> Option<RawMode> {
        let saved = termios::tcgetattr(fd).ok()?;
        let mut raw = saved.clone();
        raw.make_raw();
        termios::tcsetattr(fd, OptionalActions::Now, &raw).ok()?;
        Some(RawMode { saved })
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let stdin = std::io::stdin();
        let _ = termios::tcsetattr(stdin.as_fd(), OptionalActions::Now, &self.saved);
    }
}

fn local_size() -> TerminalSize {
    let stdout = std::io::stdout();
    match termios::tcgetwinsize(stdout.as_fd()) {
        Ok(size) if size.ws_col > 0 && size.ws_row > 0 => TerminalSize {
            cols: size.ws_col,
            rows: size.ws_row,
        },
        _ => TerminalSize::default(),
    }
}

pub async fn run(engine: &Engine, session: &Session, command: &[String]) -> Result<Outcome> {
    let command = (!command.is_empty()).then(|| command.to_vec());
    let info = terminal::open_terminal(engine, session, command, local_size()).await?;
    let mut attached = terminal::attach(&info.id)?;

    let stdin = std::io::stdin();
    let raw = stdin
        .is_terminal()
        .then(|| RawMode::enter(stdin.as_fd()))
        .flatten();

    // Reading stdin blocks, so it runs on its own thread; the thread ends
    // with the process.
    let (keys, mut typed) = mpsc::channel::<Vec<u8>>(16);
    std::thread::spawn(move || {
        let mut stdin = std::io::stdin().lock();
        let mut buf = [0u8; 4096];
        loop {
            match stdin.read(&mut buf) {
                Ok(0) | Err(_) => {
                    let _ = keys.blocking_send(vec![END_OF_INPUT]);
                    return;
                }
                Ok(n) => {
                    if keys.blocking_send(buf[..n].to_vec()).is_err() {
                        return;
                    }
                }
            }
        }
    });
    let mut resized = signal(SignalKind::window_change()).map_err(|e| Error::Io {
        path: "SIGWINCH".to_owned(),
        reason: e.to_string(),
    })?;

    let mut stdout = std::io::stdout().lock();
    let show = |stdout: &mut std::io::StdoutLock<'_>, bytes: &[u8]| {
        // A closed stdout only hides output; the shell still ends normally.
        let _ = stdout.write_all(bytes).and_then(|()| stdout.flush());
    };
    show(&mut stdout, &attached.scrollback);
    let mut input_open = true;
    let exit = loop {
        tokio::select! {
            event = attached.events.recv() => match event {
                Some(TerminalEvent::Output(bytes)) => show(&mut stdout, &bytes),
                Some(TerminalEvent::Exit(exit)) => break Some(exit),
                None => break None,
            },
            bytes = typed.recv(), if input_open => match bytes {
                Some(bytes) => terminal::write_terminal(&info.id, &bytes).await?,
                None => input_open = false,
            },
            _ = resized.recv() => {
                terminal::resize_terminal(engine, &info.id, local_size()).await?;
            }
        }
    };
    drop(raw);
    terminal::close_terminal(engine, &info.id).await?;
    let code = match exit {
        Some(exit) => {
            if let Some(reason) = &exit.reason {
                eprintln!("\r\nberth: {reason}");
            }
            exit.code.map_or(1, |code| (code & 0xff) as u8)
        }
        None => 1,
    };
    Ok(Outcome { code })
}
