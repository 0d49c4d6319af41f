//! What the tests against the real engine share: a data directory with a
//! handle on it, the engine, and requests for the local test image
//! `berth-test/busybox:latest` (the test command builds it).

// Each test binary uses a different part of this module.
#![allow(dead_code)]

use berth_core::Berth;
use berth_core::engine::Engine;
use berth_core::projects::Project;
use berth_core::sessions::{
    self, LaunchRequest, MountRequest, OutputStream, Session, SessionSpec, SessionStatus,
    SessionType,
};
use berth_core::storage::folders::FolderOptions;
use std::path::Path;
use tempfile::TempDir;

pub const IMAGE: &str = "berth-test/busybox:latest";

pub struct Fixture {
    pub berth: Berth,
    pub engine: Engine,
    pub project: Project,
    pub dir: TempDir,
}

impl Fixture {
    pub async fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let berth = Berth::open(dir.path()).unwrap();
        let engine = Engine::from_env().await.unwrap_or_else(|e| {
            panic!("these tests need a running Docker engine ({e}); run scripts/test.sh")
        });
        let project = berth.current_project().unwrap();
        Fixture {
            berth,
            engine,
            project,
            dir,
        }
    }

    pub fn folder(&self, name: &str) -> std::path::PathBuf {
        let folder = self
            .berth
            .create_folder(&self.project, name, &FolderOptions::default())
            .unwrap();
        self.berth.folder_root(&folder).unwrap()
    }

    pub async fn start(&self, request: LaunchRequest) -> Session {
        sessions::start_session(&self.berth, &self.engine, &self.project, &request)
            .await
            .unwrap()
    }

    pub async fn running(&self, mounts: &[(&str, &str, bool)]) -> Session {
        let session = self
            .start(request(SessionType::Interactive, None, mounts))
            .await;
        assert_eq!(
            session.status,
            SessionStatus::Running,
            "{:?}",
            session.status_reason
        );
        session
    }

    /// Runs `sh -c script` in the session: (exit code, stdout, stderr).
    pub async fn sh(&self, session: &Session, script: &str) -> (i64, String, String) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = sessions::exec_in_session(
            &self.engine,
            session,
            vec!["sh".into(), "-c".into(), script.into()],
            |stream, bytes| match stream {
                OutputStream::Stdout => out.extend_from_slice(bytes),
                OutputStream::Stderr => err.extend_from_slice(bytes),
            },
        )
        .await
        .unwrap();
        (
            code,
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        )
    }

    pub async fn terminate(&self, session: &Session) -> Session {
        sessions::terminate_session(&self.berth, &self.engine, &session.id)
            .await
            .unwrap()
    }

    /// Containers of this data directory on the engine.
    pub fn containers(&self) -> Vec<String> {
        let output = std::process::Command::new("docker")
            .args(["ps", "-aq", "--filter"])
            .arg(format!(
                "label=berth.data_dir={}",
                self.dir.path().display()
            ))
            .output()
            .unwrap();
        String::from_utf8(output.stdout)
            .unwrap()
            .split_whitespace()
            .map(str::to_owned)
            .collect()
    }
}

impl Drop for Fixture {
    // A failed test must not leave containers running on the engine.
    fn drop(&mut self) {
        let leftovers = self.containers();
        if !leftovers.is_empty() {
            let _ = std::process::Command::new("docker")
                .args(["rm", "-f"])
                .args(&leftovers)
                .output();
        }
    }
}

pub fn request(
    session_type: SessionType,
    command: Option<&str>,
    mounts: &[(&str, &str, bool)],
) -> LaunchRequest {
    LaunchRequest {
        spec: SessionSpec {
            name: None,
            session_type,
            image: IMAGE.to_owned(),
            command: command.map(str::to_owned),
            cpus: 0.5,
            memory_bytes: 128 << 20,
            shm_bytes: 64 << 20,
            env: vec![],
            ports: vec![],
            gpus: 0,
        },
        mounts: mounts
            .iter()
            .map(|(folder, alias, read_only)| MountRequest {
                folder: (*folder).to_owned(),
                alias: (*alias).to_owned(),
                read_only: *read_only,
            })
            .collect(),
    }
}

pub fn exists(path: &Path) -> bool {
    path.symlink_metadata().is_ok()
}
