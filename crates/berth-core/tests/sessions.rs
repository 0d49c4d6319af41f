//! Sessions against a real Docker engine and the local test image
//! `berth-test/busybox:latest` (the test command builds both). These tests
//! fail, never skip, when no engine answers.

mod support;

use berth_core::sessions::{self, SessionStatus, SessionType};
use berth_core::storage::folders::{FolderOptions, Permission};
use berth_core::{Berth, Error};
use support::{Fixture, exists, request};

#[tokio::test(flavor = "multi_thread")]
async fn the_seed_story_files_in_folders_survive_and_home_work_does_not() {
    let f = Fixture::new().await;
    f.folder("user1-ml-test");
    let vfolder = f.folder("user2-vfolder");

    let session = f
        .running(&[("user1-ml-test", "", false), ("user2-vfolder", "", false)])
        .await;
    let targets: Vec<_> = session.mounts.iter().map(|m| m.target.as_str()).collect();
    assert_eq!(
        targets,
        ["/home/work/user1-ml-test", "/home/work/user2-vfolder"]
    );

    let (code, out, _) = f.sh(&session, "ls /home/work").await;
    assert_eq!(code, 0);
    assert!(
        out.contains("user1-ml-test") && out.contains("user2-vfolder"),
        "{out}"
    );

    let (code, _, err) = f
        .sh(
            &session,
            "echo 'file inside user2-vfolder' > /home/work/user2-vfolder/test_file \
             && echo scratch > /home/work/scratch_file && id -u && pwd",
        )
        .await;
    assert_eq!(code, 0, "{err}");
    let (_, whoami, _) = f.sh(&session, "id -u; pwd; echo $HOME").await;
    let uid = rustix::process::getuid().as_raw();
    assert_eq!(whoami, format!("{uid}\n/home/work\n/home/work\n"));

    let scratch = f.berth.scratch_root().join(&session.id);
    assert!(scratch.join("scratch_file").exists());
    let ended = f.terminate(&session).await;
    assert_eq!(ended.status, SessionStatus::Terminated);
    assert!(f.containers().is_empty());
    assert!(!exists(&scratch), "the scratch directory is removed");
    assert_eq!(
        std::fs::read(vfolder.join("test_file")).unwrap(),
        b"file inside user2-vfolder\n"
    );

    let next = f.running(&[("user2-vfolder", "", false)]).await;
    let (_, out, _) = f
        .sh(
            &next,
            "ls -a /home/work; cat /home/work/user2-vfolder/test_file",
        )
        .await;
    assert!(!out.contains("scratch_file"), "{out}");
    assert!(out.contains("file inside user2-vfolder"), "{out}");
    f.terminate(&next).await;

    let history: Vec<_> = ended.history.iter().map(|h| h.status).collect();
    assert_eq!(
        history,
        [
            SessionStatus::Pending,
            SessionStatus::Preparing,
            SessionStatus::Running,
            SessionStatus::Terminating,
            SessionStatus::Terminated
        ]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn aliases_land_where_design_says_and_bad_ones_never_reach_the_engine() {
    let f = Fixture::new().await;
    let ws = f.folder("ws");
    let data = f.folder("data");
    std::fs::write(ws.join("a"), "A").unwrap();
    std::fs::write(data.join("b"), "B").unwrap();

    let session = f
        .running(&[("ws", "/workspace", false), ("data", "data/x", false)])
        .await;
    let (code, out, err) = f.sh(&session, "cat /workspace/a /home/work/data/x/b").await;
    assert_eq!((code, out.as_str()), (0, "AB"), "{err}");
    f.terminate(&session).await;

    for (alias, code) in [
        ("/home/work/../etc", "alias_invalid"),
        ("/etc", "alias_reserved"),
        ("/home/work", "alias_reserved"),
        (".ssh", "alias_reserved"),
    ] {
        let refused = sessions::start_session(
            &f.berth,
            &f.engine,
            &f.project,
            &request(SessionType::Interactive, None, &[("ws", alias, false)]),
        )
        .await
        .unwrap_err();
        assert_eq!(refused.code(), code, "{alias}: {refused}");
    }
    // Several problems are reported together.
    let refused = sessions::start_session(
        &f.berth,
        &f.engine,
        &f.project,
        &request(
            SessionType::Interactive,
            None,
            &[
                ("ws", "same", false),
                ("data", "same", false),
                ("nope", "", false),
            ],
        ),
    )
    .await
    .unwrap_err();
    let Error::SessionRejected { problems } = &refused else {
        panic!("{refused:?}");
    };
    let codes: Vec<_> = problems.iter().map(|p| p.code).collect();
    assert!(codes.contains(&"alias_duplicate"), "{codes:?}");
    assert!(codes.contains(&"folder_not_mountable"), "{codes:?}");

    // Only the one good session was ever made.
    let all = f.berth.list_sessions(&f.project, true).unwrap();
    assert_eq!(all.len(), 1);
    assert!(f.containers().is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_read_only_mount_refuses_writes_and_the_host_stays_unchanged() {
    let f = Fixture::new().await;
    let data = f.folder("data");
    std::fs::write(data.join("keep"), "original").unwrap();
    let ro = f
        .berth
        .create_folder(
            &f.project,
            "reference",
            &FolderOptions {
                permission: Permission::Ro,
                ..FolderOptions::default()
            },
        )
        .unwrap();
    let reference = f.berth.folder_root(&ro).unwrap();

    let session = f
        .running(&[("data", "", true), ("reference", "", false)])
        .await;
    assert!(session.mounts.iter().all(|m| m.read_only));
    for target in ["/home/work/data", "/home/work/reference"] {
        let (code, _, err) = f
            .sh(
                &session,
                &format!("echo x > {target}/new; echo y > {target}/keep"),
            )
            .await;
        assert_ne!(code, 0);
        assert!(err.contains("Read-only"), "{err}");
    }
    f.terminate(&session).await;
    assert!(!exists(&data.join("new")) && !exists(&reference.join("new")));
    assert_eq!(
        std::fs::read_to_string(data.join("keep")).unwrap(),
        "original"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn automount_folders_follow_every_session() {
    let f = Fixture::new().await;
    f.folder(".local");
    let brew = f.folder(".linuxbrew");
    std::fs::write(brew.join("marker"), "brew").unwrap();

    let first = f.running(&[]).await;
    let targets: Vec<_> = first.mounts.iter().map(|m| m.target.as_str()).collect();
    assert_eq!(targets, ["/home/linuxbrew/.linuxbrew", "/home/work/.local"]);
    let (code, out, err) = f
        .sh(
            &first,
            "mkdir -p /home/work/.local/bin && echo kept > /home/work/.local/bin/tool \
             && cat /home/linuxbrew/.linuxbrew/marker",
        )
        .await;
    assert_eq!((code, out.as_str()), (0, "brew"), "{err}");
    f.terminate(&first).await;

    let second = f.running(&[]).await;
    let (_, out, _) = f.sh(&second, "cat /home/work/.local/bin/tool").await;
    assert_eq!(out, "kept\n");
    f.terminate(&second).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_missing_image_ends_in_error_and_a_batch_session_keeps_its_exit_code_and_logs() {
    let f = Fixture::new().await;
    let mut missing = request(SessionType::Interactive, None, &[]);
    missing.spec.image = "berth-test/does-not-exist:1".to_owned();
    let failed = f.start(missing).await;
    assert_eq!(failed.status, SessionStatus::Error);
    let reason = failed.status_reason.unwrap_or_default();
    assert!(!reason.is_empty());
    let history: Vec<_> = failed.history.iter().map(|h| h.status).collect();
    assert_eq!(
        history,
        [
            SessionStatus::Pending,
            SessionStatus::Pulling,
            SessionStatus::Error
        ]
    );

    let batch = f
        .start(request(
            SessionType::Batch,
            Some("echo to-stdout; echo to-stderr >&2; exit 3"),
            &[],
        ))
        .await;
    let ended = sessions::wait_until_ended(&f.berth, &f.engine, &batch.id)
        .await
        .unwrap();
    assert_eq!(ended.status, SessionStatus::Terminated);
    assert_eq!(ended.exit_code, Some(3));
    assert!(f.containers().is_empty());
    let mut logs = Vec::new();
    let mut stream = sessions::session_logs(&f.berth, &f.engine, &ended, false)
        .await
        .unwrap();
    use futures_util::StreamExt;
    while let Some(chunk) = stream.next().await {
        logs.extend(chunk.unwrap().1);
    }
    let logs = String::from_utf8(logs).unwrap();
    assert!(
        logs.contains("to-stdout") && logs.contains("to-stderr"),
        "{logs}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_core_adopts_running_sessions_and_ends_vanished_ones() {
    let f = Fixture::new().await;
    let kept = f.running(&[]).await;
    let vanished = f.running(&[]).await;
    let container = vanished.container_id.clone().unwrap();
    let removed = std::process::Command::new("docker")
        .args(["rm", "-f", &container])
        .output()
        .unwrap();
    assert!(removed.status.success());

    // A second process: its own handle on the same data directory.
    let other = Berth::open(f.dir.path()).unwrap();
    let report = sessions::reconcile(&other, &f.engine).await.unwrap();
    assert_eq!(report.ended, vec![vanished.name.clone()]);
    let project = other.current_project().unwrap();
    let live: Vec<_> = other
        .list_sessions(&project, false)
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(live, vec![kept.name.clone()]);
    let gone = other.session(&project, &vanished.name).unwrap();
    assert_eq!(gone.status, SessionStatus::Error);

    // The adopted session works from the new handle.
    let adopted = other.session(&project, &kept.name).unwrap();
    let (code, out, _) = f.sh(&adopted, "echo alive").await;
    assert_eq!((code, out.as_str()), (0, "alive\n"));
    let ended = sessions::terminate_session(&other, &f.engine, &adopted.id)
        .await
        .unwrap();
    assert_eq!(ended.status, SessionStatus::Terminated);
    assert!(f.containers().is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn ten_concurrent_launches_all_run_then_all_terminate() {
    let f = Fixture::new().await;
    f.folder("shared");
    let launches = (0..10).map(|_| {
        f.start(request(
            SessionType::Interactive,
            None,
            &[("shared", "", false)],
        ))
    });
    let started = futures_util::future::join_all(launches).await;
    for session in &started {
        assert_eq!(
            session.status,
            SessionStatus::Running,
            "{}: {:?}",
            session.name,
            session.status_reason
        );
    }
    let mut names: Vec<_> = started.iter().map(|s| s.name.clone()).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), 10, "generated names are unique");
    assert_eq!(f.containers().len(), 10);

    let ended = futures_util::future::join_all(started.iter().map(|s| f.terminate(s))).await;
    assert!(ended.iter().all(|s| s.status == SessionStatus::Terminated));
    assert!(f.containers().is_empty());
    assert!(
        std::fs::read_dir(f.berth.scratch_root())
            .unwrap()
            .next()
            .is_none(),
        "every scratch directory is removed"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn usage_of_a_busy_session_shows_cpu_and_memory_within_its_limit() {
    let f = Fixture::new().await;
    let session = f.running(&[]).await;
    let (code, _, _) = f
        .sh(
            &session,
            "(while :; do :; done) >/dev/null 2>&1 & echo started",
        )
        .await;
    assert_eq!(code, 0);
    let usage = sessions::session_usage(&f.engine, &session).await.unwrap();
    assert!(usage.cpu_percent > 5.0, "{usage:?}");
    assert!(usage.memory_bytes > 0, "{usage:?}");
    assert_eq!(usage.memory_limit_bytes, 128 << 20);
    let ended = f.terminate(&session).await;
    let refused = sessions::session_usage(&f.engine, &ended)
        .await
        .unwrap_err();
    assert_eq!(refused.code(), "session_not_running");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_interactive_container_that_dies_is_an_error_with_its_last_words() {
    let f = Fixture::new().await;
    let session = f.running(&[]).await;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let watcher = {
        let dir = f.dir.path().to_path_buf();
        let engine = f.engine.clone();
        tokio::spawn(async move {
            let berth = Berth::open(&dir).unwrap();
            sessions::watch_sessions(&berth, &engine, |s| {
                let _ = tx.send(s.clone());
            })
            .await
        })
    };
    // Give the watcher a moment to subscribe before the container dies.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let (code, _, _) = f
        .sh(&session, "echo 'disk quota exceeded' > /proc/1/fd/1")
        .await;
    assert_eq!(code, 0);
    let killed = std::process::Command::new("docker")
        .args(["kill", session.container_id.as_deref().unwrap()])
        .output()
        .unwrap();
    assert!(killed.status.success());

    let seen = tokio::time::timeout(std::time::Duration::from_secs(30), rx.recv())
        .await
        .expect("the watcher reports the death")
        .unwrap();
    watcher.abort();
    assert_eq!(seen.id, session.id);
    assert_eq!(seen.status, SessionStatus::Error);
    assert_eq!(seen.exit_code, Some(137));
    let reason = seen.status_reason.unwrap();
    assert!(
        reason.contains("137") && reason.contains("disk quota exceeded"),
        "{reason}"
    );
    assert!(f.containers().is_empty());
    assert!(!exists(&f.berth.scratch_root().join(&session.id)));
}
