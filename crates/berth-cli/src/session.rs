//! `berth session create | list | info | exec | shell | logs | rename | terminate`.
//!
//! Every command first reconciles the database with the engine, so sessions
//! that ended while no Berth process watched (a batch command that exited,
//! a container removed by hand) show as ended.

use crate::Outcome;
use crate::output::{Output, Table, human_bytes};
use berth_core::engine::Engine;
use berth_core::projects::Project;
use berth_core::sessions::{
    self, LaunchRequest, MountRequest, OutputStream, Session, SessionSpec, SessionStatus,
    SessionType, parse_size,
};
use berth_core::{Berth, Result};
use clap::Subcommand;
use futures_util::StreamExt;
use std::io::{IsTerminal, Write};

/// Memory a session gets unless `--memory` says otherwise (capped at what
/// the engine has).
const DEFAULT_MEMORY: u64 = 1 << 30;
/// Shared memory unless `--shm` says otherwise.
const DEFAULT_SHM: u64 = 64 << 20;

#[derive(Subcommand)]
pub enum SessionCommand {
    /// Create a session and start it.
    Create {
        #[arg(long)]
        name: Option<String>,
        #[arg(long, value_name = "REF")]
        image: String,
        /// interactive (keeps running) or batch (runs --cmd and ends).
        #[arg(long = "type", default_value = "interactive", value_parser = parse_type)]
        session_type: SessionType,
        /// Startup command of a batch session (run with /bin/sh -c).
        #[arg(long = "cmd", value_name = "CMD")]
        command: Option<String>,
        /// CPUs, e.g. 0.5 or 2 (default 1).
        #[arg(long, default_value_t = 1.0)]
        cpus: f64,
        /// Memory limit, e.g. 512MiB or 2g (default 1 GiB).
        #[arg(long, value_name = "SIZE", value_parser = parse_size_arg)]
        memory: Option<u64>,
        /// Shared memory (/dev/shm), e.g. 256m (default 64 MiB).
        #[arg(long, value_name = "SIZE", value_parser = parse_size_arg)]
        shm: Option<u64>,
        /// An environment variable, K=V; repeatable.
        #[arg(long = "env", value_name = "K=V", value_parser = parse_env)]
        env: Vec<(String, String)>,
        /// A container port to publish on 127.0.0.1; repeatable.
        #[arg(long = "port", value_name = "PORT")]
        ports: Vec<u16>,
        /// FOLDER[:ALIAS][:ro]; repeatable. `data` mounts at
        /// /home/work/data, `data:/workspace` or `data:sub/dir` set the
        /// path, `data::ro` mounts read-only.
        #[arg(long = "mount", value_name = "FOLDER[:ALIAS][:ro]", value_parser = parse_mount)]
        mounts: Vec<MountRequest>,
        /// Return when the session is RUNNING (interactive) or has ended
        /// (batch); exit 1 if it ends in ERROR.
        #[arg(long)]
        wait: bool,
    },
    /// List the project's live sessions.
    List {
        /// Include ended sessions.
        #[arg(long)]
        all: bool,
    },
    /// Show one session.
    Info {
        #[arg(value_name = "ID|NAME")]
        session: String,
    },
    /// Run a command in a running session (no TTY); exits with its code.
    Exec {
        #[arg(value_name = "ID|NAME")]
        session: String,
        #[arg(last = true, required = true, value_name = "CMD")]
        command: Vec<String>,
    },
    /// Open an interactive shell (or CMD) with a TTY in a running session;
    /// exits with its exit code.
    Shell {
        #[arg(value_name = "ID|NAME")]
        session: String,
        #[arg(last = true, value_name = "CMD")]
        command: Vec<String>,
    },
    /// Print a session's output.
    Logs {
        #[arg(value_name = "ID|NAME")]
        session: String,
        /// Keep printing as output comes, until the session ends.
        #[arg(long)]
        follow: bool,
    },
    /// Rename a session.
    Rename {
        #[arg(value_name = "ID|NAME")]
        session: String,
        new_name: String,
    },
    /// Stop and remove a session's container and scratch directory; folder
    /// data stays.
    Terminate {
        #[arg(value_name = "ID|NAME")]
        session: String,
        /// Accepted for scripts; terminate always returns once the
        /// container is gone.
        #[arg(long)]
        wait: bool,
    },
}

fn parse_type(text: &str) -> std::result::Result<SessionType, String> {
    match text {
        "interactive" => Ok(SessionType::Interactive),
        "batch" => Ok(SessionType::Batch),
        other => Err(format!("{other:?} is not one of: interactive, batch")),
    }
}

fn parse_size_arg(text: &str) -> std::result::Result<u64, String> {
    parse_size(text).map_err(|e| e.to_string())
}

fn parse_env(text: &str) -> std::result::Result<(String, String), String> {
    match text.split_once('=') {
        Some((key, value)) if !key.is_empty() => Ok((key.to_owned(), value.to_owned())),
        _ => Err(format!("{text:?} is not K=V")),
    }
}

/// `FOLDER`, `FOLDER:ALIAS`, `FOLDER::ro` or `FOLDER:ALIAS:ro`.
fn parse_mount(text: &str) -> std::result::Result<MountRequest, String> {
    let mut parts = text.splitn(3, ':');
    let folder = parts.next().unwrap_or_default();
    if folder.is_empty() {
        return Err(format!("{text:?}: the folder name is missing"));
    }
    let alias = parts.next().unwrap_or_default();
    let read_only = match parts.next() {
        None | Some("rw") => false,
        Some("ro") => true,
        Some(other) => return Err(format!("{text:?}: {other:?} is not ro or rw")),
    };
    Ok(MountRequest {
        folder: folder.to_owned(),
        alias: alias.to_owned(),
        read_only,
    })
}

pub async fn run(
    berth: &Berth,
    project: &Project,
    command: &SessionCommand,
    out: &Output,
) -> Result<Outcome> {
    let engine = Engine::from_env().await?;
    sessions::reconcile(berth, &engine).await?;
    match command {
        SessionCommand::Create {
            name,
            image,
            session_type,
            command,
            cpus,
            memory,
            shm,
            env,
            ports,
            mounts,
            wait,
        } => {
            let limits = sessions::engine_limits(&engine).await?;
            let request = LaunchRequest {
                spec: SessionSpec {
                    name: name.clone(),
                    session_type: *session_type,
                    image: image.clone(),
                    command: command.clone(),
                    cpus: *cpus,
                    memory_bytes: memory.unwrap_or(DEFAULT_MEMORY.min(limits.memory_bytes)),
                    shm_bytes: shm.unwrap_or(DEFAULT_SHM),
                    env: env.clone(),
                    ports: ports.clone(),
                    gpus: 0,
                },
                mounts: mounts.clone(),
            };
            let created = sessions::create_session(berth, &engine, project, &request).await?;
            let show_pull = std::io::stderr().is_terminal() && !out.json;
            let mut session =
                sessions::launch_session_reporting(berth, &engine, &created.id, |progress| {
                    if show_pull {
                        crate::image::print_pull_progress(progress);
                    }
                })
                .await?;
            if *wait && session.session_type == SessionType::Batch {
                session = sessions::wait_until_ended(berth, &engine, &session.id).await?;
            }
            out.value(&session, || describe(&session));
            Ok(Outcome::success_if(session.status != SessionStatus::Error))
        }
        SessionCommand::List { all } => {
            let list = berth.list_sessions(project, *all)?;
            if out.json {
                out.json(&list);
            } else {
                let mut table =
                    Table::new(["NAME", "STATUS", "TYPE", "IMAGE", "MOUNTS", "CREATED"]);
                for s in &list {
                    let mounts: Vec<_> = s.mounts.iter().map(|m| m.target.as_str()).collect();
                    table.row([
                        &s.name,
                        s.status.as_str(),
                        type_text(s.session_type),
                        &s.image,
                        &mounts.join(","),
                        &s.created_at,
                    ]);
                }
                table.print();
            }
            Ok(Outcome::SUCCESS)
        }
        SessionCommand::Info { session } => {
            let session = berth.session(project, session)?;
            out.value(&session, || describe(&session));
            Ok(Outcome::SUCCESS)
        }
        SessionCommand::Exec { session, command } => {
            let session = berth.session(project, session)?;
            let (mut stdout, mut stderr) = (std::io::stdout(), std::io::stderr());
            let code =
                sessions::exec_in_session(&engine, &session, command.clone(), |stream, bytes| {
                    // A closed pipe on our side only loses output we could not
                    // show anyway; the exit code still comes through.
                    let _ = match stream {
                        OutputStream::Stdout => {
                            stdout.write_all(bytes).and_then(|()| stdout.flush())
                        }
                        OutputStream::Stderr => stderr.write_all(bytes),
                    };
                })
                .await?;
            Ok(Outcome {
                code: u8::try_from(code).unwrap_or(1),
            })
        }
        SessionCommand::Shell { session, command } => {
            let session = berth.session(project, session)?;
            crate::shell::run(&engine, &session, command).await
        }
        SessionCommand::Logs { session, follow } => {
            let session = berth.session(project, session)?;
            let mut stream = sessions::session_logs(berth, &engine, &session, *follow).await?;
            let (mut stdout, mut stderr) = (std::io::stdout(), std::io::stderr());
            while let Some(chunk) = stream.next().await {
                let (which, bytes) = chunk?;
                let _ = match which {
                    OutputStream::Stdout => stdout.write_all(&bytes).and_then(|()| stdout.flush()),
                    OutputStream::Stderr => stderr.write_all(&bytes),
                };
            }
            Ok(Outcome::SUCCESS)
        }
        SessionCommand::Rename { session, new_name } => {
            let session = berth.rename_session(project, session, new_name)?;
            out.value(&session, || format!("renamed to {}", session.name));
            Ok(Outcome::SUCCESS)
        }
        SessionCommand::Terminate { session, wait: _ } => {
            let session = berth.session(project, session)?;
            let ended = sessions::terminate_session(berth, &engine, &session.id).await?;
            out.value(&ended, || {
                format!("session {} is {}", ended.name, ended.status)
            });
            Ok(Outcome::SUCCESS)
        }
    }
}

fn type_text(session_type: SessionType) -> &'static str {
    match session_type {
        SessionType::Interactive => "interactive",
        SessionType::Batch => "batch",
    }
}

fn describe(s: &Session) -> String {
    let mut lines = vec![
        format!("{} ({})", s.name, s.id),
        format!("  status:   {}", s.status),
    ];
    if let Some(reason) = &s.status_reason {
        lines.push(format!("  reason:   {reason}"));
    }
    if let Some(code) = s.exit_code {
        lines.push(format!("  exit:     {code}"));
    }
    lines.push(format!("  type:     {}", type_text(s.session_type)));
    lines.push(format!("  image:    {}", s.image));
    lines.push(format!(
        "  limits:   {} CPU, {} memory, {} shm",
        s.spec.cpus,
        human_bytes(s.spec.memory_bytes),
        human_bytes(s.spec.shm_bytes)
    ));
    for m in &s.mounts {
        let access = if m.read_only { "ro" } else { "rw" };
        lines.push(format!(
            "  mount:    {} -> {} ({access})",
            m.folder, m.target
        ));
    }
    for p in &s.published_ports {
        lines.push(format!(
            "  port:     {} -> {}:{}",
            p.container_port, p.host_ip, p.host_port
        ));
    }
    lines.push(format!("  created:  {}", s.created_at));
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mount_forms_parse_as_documented() {
        let m = |folder: &str, alias: &str, read_only| MountRequest {
            folder: folder.to_owned(),
            alias: alias.to_owned(),
            read_only,
        };
        assert_eq!(parse_mount("data"), Ok(m("data", "", false)));
        assert_eq!(
            parse_mount("data:/workspace"),
            Ok(m("data", "/workspace", false))
        );
        assert_eq!(parse_mount("data:sub/dir"), Ok(m("data", "sub/dir", false)));
        assert_eq!(parse_mount("data::ro"), Ok(m("data", "", true)));
        assert_eq!(parse_mount("data:/w:ro"), Ok(m("data", "/w", true)));
        assert!(parse_mount(":x").is_err());
        assert!(parse_mount("data:x:maybe").is_err());
    }

    #[test]
    fn env_needs_a_key_and_an_equals_sign() {
        assert_eq!(parse_env("A=1=2"), Ok(("A".to_owned(), "1=2".to_owned())));
        assert_eq!(parse_env("A="), Ok(("A".to_owned(), String::new())));
        assert!(parse_env("=1").is_err());
        assert!(parse_env("A").is_err());
    }
}
