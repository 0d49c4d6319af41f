//! Sessions on the engine: launch, watch, terminate, reconcile, logs and
//! exec. Every status change goes through the database (guarded, so the app
//! and the CLI agree on who saw an end first), and operations on one session
//! are serialised within a process.
//!
//! Launch: `PENDING` → (`PULLING` when the image is absent) → `PREPARING`
//! (scratch directory, container) → `RUNNING`. A failure at any step is
//! `ERROR` with the reason, and whatever the step made is removed. The end:
//! a batch container's exit is `TERMINATED` with its exit code; an
//! interactive container that dies is `ERROR` with its last log lines; either
//! way the logs are saved, and the container and scratch directory removed.

use super::container::{
    ContainerContext, LABEL_DATA_DIR, LABEL_SESSION, container_config, container_name,
    published_ports, scratch_mountpoints,
};
use super::launch::LaunchRequest;
use super::model::{Session, SessionStatus};
use super::spec::EngineLimits;
use crate::engine::Engine;
use crate::engine::images::PullProgress;
use crate::projects::Project;
use crate::{Berth, Error, Result};
use bollard::container::LogOutput;
use bollard::exec::{CreateExecOptions, StartExecResults};
use bollard::query_parameters::{
    CreateContainerOptionsBuilder, EventsOptionsBuilder, ListContainersOptionsBuilder,
    LogsOptionsBuilder, RemoveContainerOptionsBuilder, StopContainerOptionsBuilder,
};
use futures_util::stream::{BoxStream, StreamExt};
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// Seconds a container gets to stop before it is killed.
pub const STOP_GRACE_SECS: i32 = 10;

/// Log lines quoted in the reason of an interactive session that died.
const DEATH_LOG_LINES: usize = 5;

/// A launch step unchanged for this long, with no container to show for it,
/// was interrupted (the process driving it ended).
const STALE_LAUNCH: Duration = Duration::from_secs(60 * 60);

/// Which stream a piece of exec or log output came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputStream {
    Stdout,
    Stderr,
}

/// What the engine can give a session.
pub async fn engine_limits(engine: &Engine) -> Result<EngineLimits> {
    let info = engine.bounded(engine.docker().info()).await?;
    Ok(EngineLimits {
        cpus: info.ncpu.unwrap_or(1).max(1) as u32,
        memory_bytes: info.mem_total.unwrap_or(0).max(0) as u64,
        nvidia_runtime: info
            .runtimes
            .is_some_and(|runtimes| runtimes.contains_key("nvidia")),
    })
}

/// Checks `request` and records the session as `PENDING`; nothing is asked
/// of the engine but its limits. Every problem is reported at once in
/// [`Error::SessionRejected`]. Follow with [`launch_session`].
pub async fn create_session(
    berth: &Berth,
    engine: &Engine,
    project: &Project,
    request: &LaunchRequest,
) -> Result<Session> {
    let limits = engine_limits(engine).await?;
    match berth.approve_launch(project, request, &limits)? {
        Ok(approved) => berth.insert_session(project, &approved.spec, &approved.mounts),
        Err(problems) => Err(Error::SessionRejected { problems }),
    }
}

/// Carries a `PENDING` session to `RUNNING`, or to `ERROR` with the reason.
/// Only a database failure is returned as an error; the engine's refusals
/// end up in the session.
pub async fn launch_session(berth: &Berth, engine: &Engine, id: &str) -> Result<Session> {
    launch_session_reporting(berth, engine, id, |_| {}).await
}

/// [`launch_session`], passing each progress message of an image pull to
/// `on_pull`.
pub async fn launch_session_reporting(
    berth: &Berth,
    engine: &Engine,
    id: &str,
    on_pull: impl FnMut(&PullProgress),
) -> Result<Session> {
    let lock = session_lock(id);
    let _guard = lock.lock().await;
    let session = berth.session_by_id(id)?;
    if session.status != SessionStatus::Pending {
        return Ok(session);
    }
    if let Err(error) = bring_up(berth, engine, &session, on_pull).await {
        tracing::warn!(session = %session.name, %error, "launch failed");
        if let Some(container) = berth.session_by_id(id)?.container_id {
            remove_container(engine, &container).await.ok();
        }
        remove_scratch(berth, id);
        berth.set_session_status(
            id,
            &[],
            SessionStatus::Error,
            Some(&error.to_string()),
            None,
        )?;
    }
    berth.session_by_id(id)
}

async fn bring_up(
    berth: &Berth,
    engine: &Engine,
    session: &Session,
    on_pull: impl FnMut(&PullProgress),
) -> Result<()> {
    let id = session.id.as_str();
    if !engine.has_image(&session.image).await? {
        advance(berth, id, SessionStatus::Pending, SessionStatus::Pulling)?;
        engine.pull_image(&session.image, on_pull).await?;
        advance(berth, id, SessionStatus::Pulling, SessionStatus::Preparing)?;
    } else {
        advance(berth, id, SessionStatus::Pending, SessionStatus::Preparing)?;
    }

    let scratch = berth.scratch_root().join(id);
    make_scratch(&scratch, session)?;
    let mut folder_roots = HashMap::new();
    for mount in &session.mounts {
        let folder = berth.folder_by_id(&mount.folder_id)?;
        folder_roots.insert(folder.id.clone(), berth.folder_root(&folder)?);
    }
    let context = ContainerContext {
        scratch: scratch.clone(),
        folder_roots,
        uid: rustix::process::getuid().as_raw(),
        gid: rustix::process::getgid().as_raw(),
        data_dir: berth.data_dir().to_path_buf(),
    };
    let options = CreateContainerOptionsBuilder::new()
        .name(&container_name(session))
        .build();
    let config = container_config(session, &context);
    let created = engine
        .lifecycle(|docker| docker.create_container(Some(options), config))
        .await?;
    berth.set_session_container(id, &created.id, &scratch)?;
    engine
        .lifecycle(|docker| docker.start_container(&created.id, None))
        .await?;
    let inspected = engine
        .bounded(engine.docker().inspect_container(&created.id, None))
        .await?;
    let ports = inspected
        .network_settings
        .and_then(|n| n.ports)
        .map(|p| published_ports(Some(&p)))
        .unwrap_or_default();
    berth.set_published_ports(id, &ports)?;
    advance(berth, id, SessionStatus::Preparing, SessionStatus::Running)?;
    Ok(())
}

/// Moves the session on, unless something else (a terminate from another
/// process) moved it first.
fn advance(berth: &Berth, id: &str, from: SessionStatus, to: SessionStatus) -> Result<()> {
    if berth.set_session_status(id, &[from], to, None, None)? {
        Ok(())
    } else {
        Err(Error::Engine(format!(
            "the session left {from} while it was being launched"
        )))
    }
}

fn make_scratch(scratch: &Path, session: &Session) -> Result<()> {
    let io = |path: &Path, e: std::io::Error| Error::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    std::fs::create_dir_all(scratch).map_err(|e| io(scratch, e))?;
    for point in scratch_mountpoints(session, scratch) {
        std::fs::create_dir_all(&point).map_err(|e| io(&point, e))?;
    }
    Ok(())
}

fn remove_scratch(berth: &Berth, id: &str) {
    let scratch = berth.scratch_root().join(id);
    if let Err(error) = std::fs::remove_dir_all(&scratch)
        && error.kind() != std::io::ErrorKind::NotFound
    {
        tracing::warn!(path = %scratch.display(), %error, "cannot remove scratch directory");
    }
}

async fn remove_container(engine: &Engine, container: &str) -> Result<()> {
    let options = RemoveContainerOptionsBuilder::new()
        .force(true)
        .v(true)
        .build();
    match engine
        .lifecycle(|docker| docker.remove_container(container, Some(options)))
        .await
    {
        Err(Error::Engine(message)) if message.contains("No such container") => Ok(()),
        other => other,
    }
}

/// Waits until the session has ended (for batch sessions: until their
/// command exits) and returns it as recorded.
pub async fn wait_until_ended(berth: &Berth, engine: &Engine, id: &str) -> Result<Session> {
    loop {
        let session = berth.session_by_id(id)?;
        if session.status.is_ended() {
            return Ok(session);
        }
        if let Some(container) = &session.container_id {
            let mut waits = engine.streaming().wait_container(container, None);
            // The stream ends (or fails, for a non-zero exit) when the
            // container stops; either way, look at what happened.
            let _ = waits.next().await;
        } else {
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        finish_session(berth, engine, id).await?;
        if !berth.session_by_id(id)?.status.is_ended() {
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

/// Records the end of a session whose container has stopped or vanished:
/// status, exit code, saved logs; then removes the container and scratch
/// directory. Does nothing while the container runs.
pub async fn finish_session(berth: &Berth, engine: &Engine, id: &str) -> Result<Session> {
    let lock = session_lock(id);
    let _guard = lock.lock().await;
    let session = berth.session_by_id(id)?;
    if session.status != SessionStatus::Running {
        return Ok(session);
    }
    let Some(container) = session.container_id.clone() else {
        return Ok(session);
    };
    let inspected = engine
        .bounded_optional(engine.docker().inspect_container(&container, None))
        .await?;
    let Some(inspected) = inspected else {
        berth.set_session_status(
            id,
            &[SessionStatus::Running],
            SessionStatus::Error,
            Some("the container was removed outside Berth"),
            None,
        )?;
        remove_scratch(berth, id);
        return berth.session_by_id(id);
    };
    let state = inspected.state.unwrap_or_default();
    if state.running == Some(true) || state.restarting == Some(true) {
        return Ok(session);
    }
    let exit_code = state.exit_code.unwrap_or(-1);
    let logs = save_logs(berth, engine, &session).await;
    let (status, reason) = match session.session_type {
        super::SessionType::Batch => (
            SessionStatus::Terminated,
            format!("the command exited with code {exit_code}"),
        ),
        super::SessionType::Interactive => {
            let tail = last_lines(&logs, DEATH_LOG_LINES);
            let oom = if state.oom_killed == Some(true) {
                " (out of memory)"
            } else {
                ""
            };
            let mut reason = format!("the container exited with code {exit_code}{oom}");
            if !tail.is_empty() {
                reason.push_str(": ");
                reason.push_str(&tail);
            }
            (SessionStatus::Error, reason)
        }
    };
    berth.set_session_status(
        id,
        &[SessionStatus::Running],
        status,
        Some(&reason),
        Some(exit_code),
    )?;
    remove_container(engine, &container).await?;
    remove_scratch(berth, id);
    berth.session_by_id(id)
}

/// Stops (with [`STOP_GRACE_SECS`] of grace) and removes the session's
/// container and scratch directory; folder data is never touched. Ending an
/// ended session changes nothing.
pub async fn terminate_session(berth: &Berth, engine: &Engine, id: &str) -> Result<Session> {
    let lock = session_lock(id);
    let _guard = lock.lock().await;
    let session = berth.session_by_id(id)?;
    if session.status.is_ended() {
        return Ok(session);
    }
    berth.set_session_status(id, &[], SessionStatus::Terminating, None, None)?;
    crate::terminal::end_session_terminals(id, "the session was terminated");
    let mut exit_code = None;
    if let Some(container) = &session.container_id {
        let options = StopContainerOptionsBuilder::new()
            .t(STOP_GRACE_SECS)
            .build();
        // Stopping an already stopped container is fine; a missing one too.
        let _ = engine
            .lifecycle(|docker| docker.stop_container(container, Some(options)))
            .await;
        // A batch command stopped on the way keeps the code it ended with.
        if session.session_type == super::SessionType::Batch {
            exit_code = engine
                .bounded_optional(engine.docker().inspect_container(container, None))
                .await?
                .and_then(|c| c.state)
                .and_then(|s| s.exit_code);
        }
        save_logs(berth, engine, &session).await;
        remove_container(engine, container).await?;
    }
    remove_scratch(berth, id);
    berth.set_session_status(
        id,
        &[SessionStatus::Terminating],
        SessionStatus::Terminated,
        Some("terminated"),
        exit_code,
    )?;
    berth.session_by_id(id)
}

/// What a reconciliation changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Reconciled {
    /// Sessions found running whose launch had not recorded it.
    pub adopted: Vec<String>,
    /// Sessions found ended (exited, vanished, or interrupted launches).
    pub ended: Vec<String>,
    /// Scratch directories of ended sessions removed.
    pub scratch_removed: usize,
}

/// Brings the database in line with the engine: adopts running containers
/// of live sessions, ends sessions whose containers exited or vanished,
/// removes leftover containers of ended sessions and leftover scratch
/// directories. Run when the app or the CLI starts.
pub async fn reconcile(berth: &Berth, engine: &Engine) -> Result<Reconciled> {
    let mut report = Reconciled::default();
    let data_dir = berth.data_dir().to_string_lossy().into_owned();
    let filters = HashMap::from([("label", vec![format!("{LABEL_DATA_DIR}={data_dir}")])]);
    let options = ListContainersOptionsBuilder::new()
        .all(true)
        .filters(&filters)
        .build();
    let containers = engine
        .bounded(engine.docker().list_containers(Some(options)))
        .await?;
    let mut by_session: HashMap<String, (String, bool)> = HashMap::new();
    for c in containers {
        let labels = c.labels.unwrap_or_default();
        if let (Some(session), Some(id)) = (labels.get(LABEL_SESSION), c.id) {
            let running = c.state.is_some_and(|s| s.to_string() == "running");
            by_session.insert(session.clone(), (id, running));
        }
    }

    let live = berth.live_sessions()?;
    for session in &live {
        let found = by_session.remove(&session.id);
        match (session.status, found) {
            (SessionStatus::Running, Some((_, false))) | (SessionStatus::Running, None) => {
                finish_session(berth, engine, &session.id).await?;
                report.ended.push(session.name.clone());
            }
            (SessionStatus::Preparing, Some((container, true))) => {
                let lock = session_lock(&session.id);
                let _guard = lock.lock().await;
                if berth.session_by_id(&session.id)?.container_id.is_none() {
                    let scratch = berth.scratch_root().join(&session.id);
                    berth.set_session_container(&session.id, &container, &scratch)?;
                }
                let adopted = berth.set_session_status(
                    &session.id,
                    &[SessionStatus::Preparing],
                    SessionStatus::Running,
                    Some("adopted"),
                    None,
                )?;
                if adopted {
                    report.adopted.push(session.name.clone());
                }
            }
            (SessionStatus::Terminating, None) => {
                berth.set_session_status(
                    &session.id,
                    &[SessionStatus::Terminating],
                    SessionStatus::Terminated,
                    Some("terminated"),
                    None,
                )?;
                report.ended.push(session.name.clone());
            }
            (status, found) if status.is_transitional() && launch_is_stale(berth, session)? => {
                if let Some((container, _)) = found {
                    remove_container(engine, &container).await?;
                }
                berth.set_session_status(
                    &session.id,
                    &[status],
                    SessionStatus::Error,
                    Some("the launch was interrupted"),
                    None,
                )?;
                report.ended.push(session.name.clone());
            }
            _ => {}
        }
    }

    // Containers left behind by sessions that ended.
    let ended: std::collections::HashSet<String> = berth.ended_session_ids()?.into_iter().collect();
    for (session, (container, _)) in by_session {
        if ended.contains(&session) {
            remove_container(engine, &container).await?;
        }
    }

    // Scratch directories of sessions that are not live.
    let live_ids: std::collections::HashSet<String> =
        berth.live_sessions()?.into_iter().map(|s| s.id).collect();
    if let Ok(entries) = std::fs::read_dir(berth.scratch_root()) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !live_ids.contains(&name) {
                remove_scratch(berth, &name);
                report.scratch_removed += 1;
            }
        }
    }
    Ok(report)
}

fn launch_is_stale(berth: &Berth, session: &Session) -> Result<bool> {
    let Some(at) = berth.last_status_change(&session.id)? else {
        return Ok(true);
    };
    let age = berth.seconds_since(&at)?;
    Ok(age.is_some_and(|age| age > STALE_LAUNCH.as_secs_f64()))
}

/// Follows the engine's container events for this data directory and
/// records each session's end as it happens. Runs until the event stream
/// fails (the engine went away); the caller decides whether to retry.
pub async fn watch_sessions(
    berth: &Berth,
    engine: &Engine,
    mut on_change: impl FnMut(&Session),
) -> Result<()> {
    let data_dir = berth.data_dir().to_string_lossy().into_owned();
    let filters = HashMap::from([
        ("type", vec!["container".to_owned()]),
        ("event", vec!["die".to_owned(), "destroy".to_owned()]),
        ("label", vec![format!("{LABEL_DATA_DIR}={data_dir}")]),
    ]);
    let options = EventsOptionsBuilder::new().filters(&filters).build();
    let mut events = engine.streaming().events(Some(options));
    while let Some(event) = events.next().await {
        let event = event.map_err(|e| engine.refused_or_unreachable(e))?;
        let Some(id) = event
            .actor
            .and_then(|a| a.attributes)
            .and_then(|mut attributes| attributes.remove(LABEL_SESSION))
        else {
            continue;
        };
        let session = finish_session(berth, engine, &id).await?;
        on_change(&session);
    }
    Ok(())
}

/// The session's output so far (and, with `follow`, as it comes): from the
/// engine while the container exists, else from the logs saved at its end.
pub async fn session_logs(
    berth: &Berth,
    engine: &Engine,
    session: &Session,
    follow: bool,
) -> Result<BoxStream<'static, Result<(OutputStream, Vec<u8>)>>> {
    if let Some(container) = session
        .container_id
        .clone()
        .filter(|_| !session.status.is_ended())
    {
        let options = LogsOptionsBuilder::new()
            .stdout(true)
            .stderr(true)
            .follow(follow)
            .build();
        let engine = engine.clone();
        let stream = engine
            .streaming()
            .clone()
            .logs(&container, Some(options))
            .map(move |chunk| match chunk {
                Ok(LogOutput::StdErr { message }) => Ok((OutputStream::Stderr, message.to_vec())),
                Ok(output) => Ok((OutputStream::Stdout, output.into_bytes().to_vec())),
                Err(e) => Err(engine.refused_or_unreachable(e)),
            });
        return Ok(stream.boxed());
    }
    let saved = std::fs::read(logs_path(berth, &session.id)).unwrap_or_default();
    Ok(futures_util::stream::iter([Ok((OutputStream::Stdout, saved))]).boxed())
}

fn logs_path(berth: &Berth, id: &str) -> std::path::PathBuf {
    berth.session_logs_root().join(format!("{id}.log"))
}

/// Saves the container's output next to the database so it outlives the
/// container; returns it. Best effort: a failure leaves no saved logs.
async fn save_logs(berth: &Berth, engine: &Engine, session: &Session) -> Vec<u8> {
    let Ok(mut stream) = session_logs(berth, engine, session, false).await else {
        return Vec::new();
    };
    let mut all = Vec::new();
    while let Some(Ok((_, chunk))) = stream.next().await {
        all.extend_from_slice(&chunk);
    }
    let path = logs_path(berth, &session.id);
    let saved = std::fs::create_dir_all(berth.session_logs_root())
        .and_then(|()| std::fs::write(&path, &all));
    if let Err(error) = saved {
        tracing::warn!(path = %path.display(), %error, "cannot save session logs");
    }
    all
}

fn last_lines(bytes: &[u8], count: usize) -> String {
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines[lines.len().saturating_sub(count)..].join(" | ")
}

/// Runs `command` in a running session without a TTY, as the session's
/// user in `/home/work`, passing each piece of output to `on_output`;
/// returns the command's exit code.
pub async fn exec_in_session(
    engine: &Engine,
    session: &Session,
    command: Vec<String>,
    mut on_output: impl FnMut(OutputStream, &[u8]),
) -> Result<i64> {
    let container = session.running_container()?;
    let uid = rustix::process::getuid().as_raw();
    let gid = rustix::process::getgid().as_raw();
    let options = CreateExecOptions {
        cmd: Some(command),
        attach_stdout: Some(true),
        attach_stderr: Some(true),
        user: Some(format!("{uid}:{gid}")),
        working_dir: Some(super::mount_plan::HOME_WORK.to_owned()),
        ..Default::default()
    };
    let exec = engine
        .lifecycle(|docker| docker.create_exec(container, options))
        .await?;
    let started = engine
        .lifecycle(|docker| docker.start_exec(&exec.id, None))
        .await?;
    if let StartExecResults::Attached { mut output, .. } = started {
        while let Some(chunk) = output.next().await {
            match chunk.map_err(|e| engine.refused_or_unreachable(e))? {
                LogOutput::StdErr { message } => on_output(OutputStream::Stderr, &message),
                other => on_output(OutputStream::Stdout, &other.into_bytes()),
            }
        }
    }
    let inspected = engine
        .bounded(engine.docker().inspect_exec(&exec.id))
        .await?;
    Ok(inspected.exit_code.unwrap_or(-1))
}

/// Creates a session and carries it to `RUNNING` (or `ERROR`).
pub async fn start_session(
    berth: &Berth,
    engine: &Engine,
    project: &Project,
    request: &LaunchRequest,
) -> Result<Session> {
    let session = create_session(berth, engine, project, request).await?;
    launch_session(berth, engine, &session.id).await
}

/// One lock per session id, so operations on a session run one at a time.
fn session_lock(id: &str) -> Arc<tokio::sync::Mutex<()>> {
    static LOCKS: OnceLock<Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>> = OnceLock::new();
    let mut locks = LOCKS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    locks.retain(|_, lock| Arc::strong_count(lock) > 1);
    locks.entry(id.to_owned()).or_default().clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_lines_keeps_the_tail_without_blank_lines() {
        assert_eq!(last_lines(b"a\nb\n\nc\nd\n", 2), "c | d");
        assert_eq!(last_lines(b"", 5), "");
        assert_eq!(last_lines(b"only", 5), "only");
    }

    #[test]
    fn locks_are_shared_per_id_and_dropped_when_unused() {
        let a = session_lock("x");
        let b = session_lock("x");
        assert!(Arc::ptr_eq(&a, &b));
        let c = session_lock("y");
        assert!(!Arc::ptr_eq(&a, &c));
    }
}
