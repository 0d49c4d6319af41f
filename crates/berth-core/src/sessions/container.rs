//! The container the engine makes for a session: a pure translation of the
//! session (spec and mounts), where its folders live on the host, and who
//! the host user is, into the engine's create request.

use super::model::{PublishedPort, Session};
use super::mount_plan::HOME_WORK;
use super::spec::SessionType;
use bollard::models::{
    ContainerCreateBody, DeviceRequest, HostConfig, Mount, MountType, PortBinding, PortMap,
};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Label holding the session id.
pub const LABEL_SESSION: &str = "berth.session";
/// Label holding the project's name.
pub const LABEL_PROJECT: &str = "berth.project";
/// Label holding the data directory, so that two Berth data directories on
/// one engine never reconcile each other's containers.
pub const LABEL_DATA_DIR: &str = "berth.data_dir";

/// Keeps an interactive session's container alive until it is stopped, and
/// ends at once on `SIGTERM` instead of waiting out the grace period.
const KEEP_ALIVE: &str = "trap 'exit 0' TERM INT; while :; do sleep 86400 & wait $!; done";

/// Everything besides the session that the create request needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContainerContext {
    /// The session's scratch directory, mounted at `/home/work`.
    pub scratch: PathBuf,
    /// Host directory of each mounted folder, by folder id.
    pub folder_roots: HashMap<String, PathBuf>,
    pub uid: u32,
    pub gid: u32,
    pub data_dir: PathBuf,
}

/// The engine-wide container name of a session.
pub fn container_name(session: &Session) -> String {
    format!("berth-{}-{}", session.name, &session.id[..8])
}

/// The create request for `session`.
pub fn container_config(session: &Session, context: &ContainerContext) -> ContainerCreateBody {
    let spec = &session.spec;
    let command = match spec.session_type {
        SessionType::Interactive => KEEP_ALIVE.to_owned(),
        SessionType::Batch => spec.command.clone().unwrap_or_default(),
    };
    let mut env = vec![format!("HOME={HOME_WORK}")];
    env.extend(spec.env.iter().map(|(k, v)| format!("{k}={v}")));

    let mut mounts = vec![bind(&context.scratch, HOME_WORK, false)];
    mounts.extend(session.mounts.iter().map(|m| {
        let source = context
            .folder_roots
            .get(&m.folder_id)
            .cloned()
            .unwrap_or_default();
        bind(&source, &m.target, m.read_only)
    }));

    let exposed: Vec<String> = spec.ports.iter().map(|p| format!("{p}/tcp")).collect();
    let bindings: PortMap = exposed
        .iter()
        .map(|port| {
            let binding = PortBinding {
                host_ip: Some("127.0.0.1".to_owned()),
                // Empty: the engine picks a free host port.
                host_port: Some(String::new()),
            };
            (port.clone(), Some(vec![binding]))
        })
        .collect();

    let device_requests = (spec.gpus > 0).then(|| {
        vec![DeviceRequest {
            driver: Some("nvidia".to_owned()),
            count: Some(i64::from(spec.gpus)),
            capabilities: Some(vec![vec!["gpu".to_owned()]]),
            ..Default::default()
        }]
    });

    let labels = HashMap::from([
        (LABEL_SESSION.to_owned(), session.id.clone()),
        (LABEL_PROJECT.to_owned(), session.project.clone()),
        (
            LABEL_DATA_DIR.to_owned(),
            context.data_dir.to_string_lossy().into_owned(),
        ),
    ]);

    ContainerCreateBody {
        image: Some(session.image.clone()),
        user: Some(format!("{}:{}", context.uid, context.gid)),
        env: Some(env),
        working_dir: Some(HOME_WORK.to_owned()),
        entrypoint: Some(vec![]),
        cmd: Some(vec!["/bin/sh".to_owned(), "-c".to_owned(), command]),
        labels: Some(labels),
        exposed_ports: Some(exposed),
        host_config: Some(HostConfig {
            mounts: Some(mounts),
            nano_cpus: Some((spec.cpus * 1e9).round() as i64),
            memory: Some(spec.memory_bytes as i64),
            shm_size: Some(spec.shm_bytes as i64),
            init: Some(true),
            port_bindings: Some(bindings),
            device_requests,
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn bind(source: &Path, target: &str, read_only: bool) -> Mount {
    Mount {
        typ: Some(MountType::BIND),
        source: Some(source.to_string_lossy().into_owned()),
        target: Some(target.to_owned()),
        read_only: Some(read_only),
        ..Default::default()
    }
}

/// Directories to make inside the scratch directory before the container
/// starts, one per mount target under `/home/work`, so the engine does not
/// create them as root (the user could not delete them afterwards).
pub fn scratch_mountpoints(session: &Session, scratch: &Path) -> Vec<PathBuf> {
    let prefix = format!("{HOME_WORK}/");
    session
        .mounts
        .iter()
        .filter_map(|m| m.target.strip_prefix(&prefix))
        .map(|relative| scratch.join(relative))
        .collect()
}

/// The published ports of an inspected container.
pub fn published_ports(ports: Option<&PortMap>) -> Vec<PublishedPort> {
    let mut published: Vec<PublishedPort> = ports
        .into_iter()
        .flatten()
        .flat_map(|(port, bindings)| {
            let container_port = port
                .split('/')
                .next()
                .and_then(|p| p.parse().ok())
                .unwrap_or(0);
            bindings.iter().flatten().filter_map(move |b| {
                Some(PublishedPort {
                    container_port,
                    host_ip: b.host_ip.clone().unwrap_or_default(),
                    host_port: b.host_port.as_deref()?.parse().ok()?,
                })
            })
        })
        .collect();
    published.sort_by_key(|p| (p.container_port, p.host_port));
    published
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sessions::model::{SessionMount, SessionStatus};
    use crate::sessions::spec::SessionSpec;

    fn session(session_type: SessionType) -> Session {
        Session {
            id: "0123456789abcdef".to_owned(),
            name: "train-1".to_owned(),
            project: "default".to_owned(),
            session_type,
            image: "berth-test/busybox:latest".to_owned(),
            status: SessionStatus::Preparing,
            status_reason: None,
            exit_code: None,
            container_id: None,
            created_at: String::new(),
            ended_at: None,
            spec: SessionSpec {
                name: Some("train-1".to_owned()),
                session_type,
                image: "berth-test/busybox:latest".to_owned(),
                command: Some("echo done".to_owned()),
                cpus: 1.5,
                memory_bytes: 256 << 20,
                shm_bytes: 64 << 20,
                env: vec![("A".to_owned(), "1".to_owned())],
                ports: vec![8888],
                gpus: 0,
            },
            mounts: vec![
                SessionMount {
                    folder_id: "f1".to_owned(),
                    folder: "data".to_owned(),
                    target: "/home/work/data/x".to_owned(),
                    read_only: true,
                },
                SessionMount {
                    folder_id: "f2".to_owned(),
                    folder: "ws".to_owned(),
                    target: "/workspace".to_owned(),
                    read_only: false,
                },
            ],
            published_ports: vec![],
            history: vec![],
        }
    }

    fn context() -> ContainerContext {
        ContainerContext {
            scratch: "/d/scratch/s1".into(),
            folder_roots: HashMap::from([
                ("f1".to_owned(), "/d/storage/local/f1".into()),
                ("f2".to_owned(), "/d/storage/local/f2".into()),
            ]),
            uid: 1000,
            gid: 100,
            data_dir: "/d".into(),
        }
    }

    #[test]
    fn mounts_home_work_and_each_folder_with_its_access() {
        let config = container_config(&session(SessionType::Interactive), &context());
        let mounts: Vec<_> = config
            .host_config
            .unwrap()
            .mounts
            .unwrap()
            .into_iter()
            .map(|m| (m.source.unwrap(), m.target.unwrap(), m.read_only.unwrap()))
            .collect();
        assert_eq!(
            mounts,
            [
                ("/d/scratch/s1".to_owned(), "/home/work".to_owned(), false),
                (
                    "/d/storage/local/f1".to_owned(),
                    "/home/work/data/x".to_owned(),
                    true
                ),
                (
                    "/d/storage/local/f2".to_owned(),
                    "/workspace".to_owned(),
                    false
                ),
            ]
        );
    }

    #[test]
    fn runs_as_the_host_user_in_home_work_with_limits_and_labels() {
        let config = container_config(&session(SessionType::Batch), &context());
        assert_eq!(config.user.as_deref(), Some("1000:100"));
        assert_eq!(config.working_dir.as_deref(), Some("/home/work"));
        assert_eq!(config.env.unwrap(), ["HOME=/home/work", "A=1"]);
        assert_eq!(config.cmd.unwrap(), ["/bin/sh", "-c", "echo done"]);
        let host = config.host_config.unwrap();
        assert_eq!(host.nano_cpus, Some(1_500_000_000));
        assert_eq!(host.memory, Some(256 << 20));
        assert_eq!(host.shm_size, Some(64 << 20));
        assert_eq!(host.init, Some(true));
        let binding = &host.port_bindings.unwrap()["8888/tcp"].clone().unwrap()[0];
        assert_eq!(binding.host_ip.as_deref(), Some("127.0.0.1"));
        let labels = config.labels.unwrap();
        assert_eq!(labels[LABEL_SESSION], "0123456789abcdef");
        assert_eq!(labels[LABEL_PROJECT], "default");
        assert_eq!(labels[LABEL_DATA_DIR], "/d");
    }

    #[test]
    fn interactive_sessions_keep_running_whatever_the_command() {
        let config = container_config(&session(SessionType::Interactive), &context());
        assert_eq!(config.cmd.unwrap()[2], KEEP_ALIVE);
        assert_eq!(config.entrypoint, Some(vec![]));
    }

    #[test]
    fn only_targets_under_home_work_get_scratch_mountpoints() {
        let points = scratch_mountpoints(&session(SessionType::Interactive), Path::new("/s"));
        assert_eq!(points, [PathBuf::from("/s/data/x")]);
    }

    #[test]
    fn published_ports_are_read_from_the_inspected_map() {
        let map: PortMap = HashMap::from([
            (
                "8888/tcp".to_owned(),
                Some(vec![PortBinding {
                    host_ip: Some("127.0.0.1".to_owned()),
                    host_port: Some("49153".to_owned()),
                }]),
            ),
            ("22/tcp".to_owned(), None),
        ]);
        assert_eq!(
            published_ports(Some(&map)),
            [PublishedPort {
                container_port: 8888,
                host_ip: "127.0.0.1".to_owned(),
                host_port: 49153
            }]
        );
        assert!(published_ports(None).is_empty());
    }
}
