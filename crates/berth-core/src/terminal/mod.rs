//! Terminals: shells with a real TTY inside running sessions.
//!
//! A terminal is a TTY exec in the session's container (`bash` when the
//! image has it, else `sh`), as the session's user, in `/home/work`, with
//! `TERM=xterm-256color`. Terminals live in one registry per process, keyed
//! by terminal id, so a view can close and reattach and get the screen back.
//!
//! Output flow: a reader task reads the exec's raw bytes, batches them
//! (until [`BATCH_BYTES`] or [`BATCH_DELAY`] after the first byte; a first
//! read under [`SMALL_READ`], such as an echo, goes at once), appends
//! each batch to the terminal's scrollback (the last [`SCROLLBACK_BYTES`])
//! and sends it to the attached consumer over a bounded channel. When the
//! consumer falls behind, the send waits, the reader stops reading, and the
//! engine stops the program at the TTY: nothing is dropped and memory stays
//! bounded. With no consumer attached, output only goes to the scrollback.

mod hijack;
mod scrollback;

use crate::engine::Engine;
use crate::sessions::Session;
use crate::sessions::mount_plan::HOME_WORK;
use crate::{Error, Result};
use bollard::exec::CreateExecOptions;
use bollard::query_parameters::ResizeExecOptionsBuilder;
use scrollback::Scrollback;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio::sync::mpsc;
use ts_rs::TS;

/// A batch is sent once it holds this many bytes…
pub const BATCH_BYTES: usize = 32 * 1024;
/// …or this long after its first byte arrived, whichever comes first.
pub const BATCH_DELAY: Duration = Duration::from_millis(4);
/// A first read shorter than this is sent without waiting for more, so
/// echoes of keystrokes are not delayed.
pub const SMALL_READ: usize = 4 * 1024;
/// Output kept per terminal for a view that reattaches.
pub const SCROLLBACK_BYTES: usize = 1024 * 1024;
/// Batches queued for a consumer before the reader waits for it.
pub const QUEUED_BATCHES: usize = 8;

/// Starts the image's bash, or sh when it has none.
const DEFAULT_SHELL: &str = "if command -v bash >/dev/null 2>&1; then exec bash; else exec sh; fi";

/// Columns and rows of a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TerminalSize {
    pub cols: u16,
    pub rows: u16,
}

impl Default for TerminalSize {
    fn default() -> Self {
        TerminalSize { cols: 80, rows: 24 }
    }
}

/// How a terminal's shell ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TerminalExit {
    /// The shell's exit code, when the engine knows it.
    #[ts(type = "number | null")]
    pub code: Option<i64>,
    /// Why it ended, when Berth ended it (the session was terminated).
    pub reason: Option<String>,
}

/// A terminal as callers see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TerminalInfo {
    pub id: String,
    pub session_id: String,
    pub session_name: String,
    pub command: Vec<String>,
    pub exit: Option<TerminalExit>,
}

/// What an attached consumer receives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TerminalEvent {
    /// Raw bytes, exactly as the TTY wrote them.
    Output(Vec<u8>),
    /// The shell ended; no event follows.
    Exit(TerminalExit),
}

/// A consumer's view of a terminal: the screen so far, then what follows.
pub struct Attached {
    /// The last [`SCROLLBACK_BYTES`] of output before attaching.
    pub scrollback: Vec<u8>,
    pub events: mpsc::Receiver<TerminalEvent>,
}

struct Terminal {
    info: Mutex<TerminalInfo>,
    exec_id: String,
    input: tokio::sync::Mutex<hijack::ExecInput>,
    state: Mutex<State>,
}

struct State {
    scrollback: Scrollback,
    consumer: Option<mpsc::Sender<TerminalEvent>>,
    // Set when Berth ends the terminal, reported with the exit.
    end_reason: Option<String>,
}

fn registry() -> &'static Mutex<HashMap<String, Arc<Terminal>>> {
    static TERMINALS: OnceLock<Mutex<HashMap<String, Arc<Terminal>>>> = OnceLock::new();
    TERMINALS.get_or_init(Default::default)
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn find(id: &str) -> Result<Arc<Terminal>> {
    lock(registry())
        .get(id)
        .cloned()
        .ok_or_else(|| Error::NotFound {
            kind: "terminal",
            name: id.to_owned(),
        })
}

/// Opens a terminal in a running session: `command`, or the default shell.
/// Attach to it with [`attach`] to receive its output.
pub async fn open_terminal(
    engine: &Engine,
    session: &Session,
    command: Option<Vec<String>>,
    size: TerminalSize,
) -> Result<TerminalInfo> {
    let container = session.running_container()?;
    let command = command
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| vec!["/bin/sh".into(), "-c".into(), DEFAULT_SHELL.into()]);
    let uid = rustix::process::getuid().as_raw();
    let gid = rustix::process::getgid().as_raw();
    let options = CreateExecOptions {
        cmd: Some(command.clone()),
        attach_stdin: Some(true),
        attach_stdout: Some(true),
        attach_stderr: Some(true),
        tty: Some(true),
        env: Some(vec!["TERM=xterm-256color".to_owned()]),
        user: Some(format!("{uid}:{gid}")),
        working_dir: Some(HOME_WORK.to_owned()),
        ..Default::default()
    };
    let exec = engine
        .lifecycle(|docker| docker.create_exec(container, options))
        .await?;
    let (output, input) = hijack::start_tty(engine, &exec.id).await?;
    let info = TerminalInfo {
        id: uuid::Uuid::new_v4().to_string(),
        session_id: session.id.clone(),
        session_name: session.name.clone(),
        command,
        exit: None,
    };
    let terminal = Arc::new(Terminal {
        info: Mutex::new(info.clone()),
        exec_id: exec.id.clone(),
        input: tokio::sync::Mutex::new(input),
        state: Mutex::new(State {
            scrollback: Scrollback::new(SCROLLBACK_BYTES),
            consumer: None,
            end_reason: None,
        }),
    });
    lock(registry()).insert(info.id.clone(), terminal.clone());
    // A command that ended at once cannot be resized; its output and exit
    // code still come through the reader.
    if let Err(error) = resize(engine, &exec.id, size).await {
        tracing::debug!(%error, "cannot size the new terminal");
    }
    tokio::spawn(read_output(engine.clone(), terminal, output));
    Ok(info)
}

/// The `docker` command line that opens the same shell as [`open_terminal`]
/// in a terminal emulator of the host: `docker exec -it` as the host user,
/// in `/home/work`, with the same `TERM`.
pub fn docker_exec_args(container: &str) -> Vec<String> {
    let uid = rustix::process::getuid().as_raw();
    let gid = rustix::process::getgid().as_raw();
    [
        "docker",
        "exec",
        "-it",
        "-u",
        &format!("{uid}:{gid}"),
        "-w",
        HOME_WORK,
        "-e",
        "TERM=xterm-256color",
        container,
        "/bin/sh",
        "-c",
        DEFAULT_SHELL,
    ]
    .map(str::to_owned)
    .to_vec()
}

/// Attaches a consumer, detaching the previous one (its channel ends).
pub fn attach(id: &str) -> Result<Attached> {
    let terminal = find(id)?;
    let (sender, events) = mpsc::channel(QUEUED_BATCHES);
    let exit = lock(&terminal.info).exit.clone();
    let mut state = lock(&terminal.state);
    let scrollback = state.scrollback.to_vec();
    match exit {
        // The reader has finished: the exit is all there is to send.
        Some(exit) => {
            let _ = sender.try_send(TerminalEvent::Exit(exit));
        }
        None => state.consumer = Some(sender),
    }
    Ok(Attached { scrollback, events })
}

/// Sends keystrokes (or pasted text) to the terminal.
pub async fn write_terminal(id: &str, bytes: &[u8]) -> Result<()> {
    let terminal = find(id)?;
    let mut input = terminal.input.lock().await;
    let written = async {
        input.write_all(bytes).await?;
        input.flush().await
    };
    written.await.map_err(|e| Error::Io {
        path: format!("terminal {id}"),
        reason: e.to_string(),
    })
}

/// Tells the TTY its new size; programs in it get `SIGWINCH`.
/// Resizing a terminal whose shell has ended does nothing.
pub async fn resize_terminal(engine: &Engine, id: &str, size: TerminalSize) -> Result<()> {
    let terminal = find(id)?;
    if lock(&terminal.info).exit.is_some() {
        return Ok(());
    }
    resize(engine, &terminal.exec_id, size).await
}

async fn resize(engine: &Engine, exec_id: &str, size: TerminalSize) -> Result<()> {
    let options = ResizeExecOptionsBuilder::new()
        .w(i32::from(size.cols.max(1)))
        .h(i32::from(size.rows.max(1)))
        .build();
    engine
        .bounded(engine.docker().resize_exec(exec_id, options))
        .await
}

/// Ends the terminal: hangs up its shell (as closing a terminal window
/// does) and forgets it.
pub async fn close_terminal(engine: &Engine, id: &str) -> Result<()> {
    let terminal = find(id)?;
    {
        let mut input = terminal.input.lock().await;
        let _ = input.shutdown().await;
    }
    hang_up(engine, &terminal.exec_id).await;
    lock(registry()).remove(id);
    Ok(())
}

/// Sends `SIGHUP` to the exec's process if it still runs.
async fn hang_up(engine: &Engine, exec_id: &str) {
    let Ok(Some(exec)) = engine
        .bounded_optional(engine.docker().inspect_exec(exec_id))
        .await
    else {
        return;
    };
    if exec.running == Some(true)
        && let Some(pid) = exec.pid.and_then(|p| i32::try_from(p).ok())
        && let Some(pid) = rustix::process::Pid::from_raw(pid)
    {
        let _ = rustix::process::kill_process(pid, rustix::process::Signal::HUP);
    }
}

/// The terminals of a session.
pub fn session_terminals(session_id: &str) -> Vec<TerminalInfo> {
    let mut list: Vec<TerminalInfo> = lock(registry())
        .values()
        .map(|t| lock(&t.info).clone())
        .filter(|info| info.session_id == session_id)
        .collect();
    list.sort_by(|a, b| a.id.cmp(&b.id));
    list
}

/// Marks every terminal of the session as ended by Berth for `reason`; they
/// report it with their exit when their container stops.
pub(crate) fn end_session_terminals(session_id: &str, reason: &str) {
    for terminal in lock(registry()).values() {
        if lock(&terminal.info).session_id == session_id {
            lock(&terminal.state).end_reason = Some(reason.to_owned());
        }
    }
}

/// The reader task of one terminal (see the module documentation).
async fn read_output(engine: Engine, terminal: Arc<Terminal>, mut output: hijack::ExecOutput) {
    let mut batch = Vec::with_capacity(BATCH_BYTES);
    loop {
        let n = match output.read(&mut batch, BATCH_BYTES).await {
            Ok(n) => n,
            Err(error) => {
                tracing::debug!(%error, "terminal output ended with an error");
                0
            }
        };
        if n == 0 {
            break;
        }
        let deadline = tokio::time::Instant::now() + BATCH_DELAY;
        let mut ended = false;
        // A small read is typing or a prompt: send it at once. Only a
        // flood waits to fill its batch.
        while n >= SMALL_READ && batch.len() < BATCH_BYTES {
            let room = BATCH_BYTES - batch.len();
            match tokio::time::timeout_at(deadline, output.read(&mut batch, room)).await {
                Ok(Ok(0)) | Ok(Err(_)) => {
                    ended = true;
                    break;
                }
                Ok(Ok(_)) => {}
                Err(_) => break,
            }
        }
        deliver(
            &terminal,
            std::mem::replace(&mut batch, Vec::with_capacity(BATCH_BYTES)),
        )
        .await;
        if ended {
            break;
        }
    }

    let exit = TerminalExit {
        code: exit_code(&engine, &terminal.exec_id).await,
        reason: lock(&terminal.state).end_reason.clone(),
    };
    lock(&terminal.info).exit = Some(exit.clone());
    let consumer = lock(&terminal.state).consumer.take();
    if let Some(consumer) = consumer {
        let _ = consumer.send(TerminalEvent::Exit(exit)).await;
    }
}

async fn deliver(terminal: &Terminal, batch: Vec<u8>) {
    let consumer = {
        let mut state = lock(&terminal.state);
        state.scrollback.push(&batch);
        state.consumer.clone()
    };
    if let Some(consumer) = consumer
        && consumer.send(TerminalEvent::Output(batch)).await.is_err()
    {
        // The consumer went away; forget it unless another took its place.
        let mut state = lock(&terminal.state);
        if state
            .consumer
            .as_ref()
            .is_some_and(|current| current.same_channel(&consumer))
        {
            state.consumer = None;
        }
    }
}

/// The exec's exit code; the engine may take a moment to record it after the
/// stream ends.
async fn exit_code(engine: &Engine, exec_id: &str) -> Option<i64> {
    for _ in 0..50 {
        match engine
            .bounded_optional(engine.docker().inspect_exec(exec_id))
            .await
        {
            Ok(Some(exec)) if exec.running != Some(true) => return exec.exit_code,
            Ok(Some(_)) => tokio::time::sleep(Duration::from_millis(20)).await,
            _ => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_terminal_runs_the_same_shell_as_the_user_in_home_work() {
        let args = docker_exec_args("c0ffee");
        let uid = rustix::process::getuid().as_raw();
        let gid = rustix::process::getgid().as_raw();
        assert_eq!(&args[..3], ["docker", "exec", "-it"]);
        let after = |flag: &str| {
            let at = args.iter().position(|a| a == flag).unwrap();
            args[at + 1].clone()
        };
        assert_eq!(after("-u"), format!("{uid}:{gid}"));
        assert_eq!(after("-w"), "/home/work");
        assert_eq!(after("-e"), "TERM=xterm-256color");
        assert_eq!(args[args.len() - 4], "c0ffee");
        assert_eq!(args.last().unwrap(), DEFAULT_SHELL);
    }
}
