//! `berth session` and `berth image` against the real engine and the local
//! test image `berth-test/busybox:latest` (the test command builds both):
//! exact forms, JSON shapes, exit codes. These tests fail, never skip, when
//! no engine answers.

mod support;

use serde_json::Value;
use support::Berth;

const IMAGE: &str = "berth-test/busybox:latest";

#[test]
fn the_seed_story_through_the_cli() {
    let b = Berth::new();
    b.ok(&["folder", "create", "user1-ml-test"]);
    b.ok(&["folder", "create", "user2-vfolder"]);

    let session = b.ok(&[
        "session",
        "create",
        "--name",
        "seed-story",
        "--image",
        IMAGE,
        "--mount",
        "user1-ml-test",
        "--mount",
        "user2-vfolder",
    ]);
    assert_eq!(session["name"], "seed-story");
    assert_eq!(session["status"], "RUNNING");
    assert_eq!(session["type"], "interactive");
    assert_eq!(session["image"], IMAGE);
    assert!(session["exit_code"].is_null());
    assert!(session["created_at"].is_string() && session["id"].is_string());
    let mounts: Vec<(String, String, bool)> = session["mounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["folder"].as_str().unwrap().to_owned(),
                m["target"].as_str().unwrap().to_owned(),
                m["read_only"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        mounts,
        [
            (
                "user1-ml-test".into(),
                "/home/work/user1-ml-test".into(),
                false
            ),
            (
                "user2-vfolder".into(),
                "/home/work/user2-vfolder".into(),
                false
            ),
        ]
    );

    let (code, out, _) = b.sh("seed-story", "ls /home/work");
    assert_eq!(code, 0);
    assert!(
        out.contains("user1-ml-test") && out.contains("user2-vfolder"),
        "{out}"
    );
    let (code, _, err) = b.sh(
        "seed-story",
        "echo 'file inside user2-vfolder' > /home/work/user2-vfolder/test_file && echo lost > /home/work/lost",
    );
    assert_eq!(code, 0, "{err}");

    let ended = b.ok(&["session", "terminate", "seed-story", "--wait"]);
    assert_eq!(ended["status"], "TERMINATED");
    assert_eq!(b.containers(), 0);
    let cat = b.run(&["fs", "cat", "user2-vfolder:test_file"]);
    assert_eq!(cat.stdout, b"file inside user2-vfolder\n");

    b.ok(&["session", "create", "--name", "next-one", "--image", IMAGE]);
    let (code, _, _) = b.sh("next-one", "test -e /home/work/lost");
    assert_eq!(code, 1, "files straight in /home/work do not survive");
    b.ok(&["session", "terminate", "next-one"]);

    let all = b.ok(&["session", "list", "--all"]);
    assert_eq!(all.as_array().unwrap().len(), 2);
    let live = b.ok(&["session", "list"]);
    assert_eq!(live, Value::Array(vec![]));
}

#[test]
fn mount_forms_set_targets_and_read_only() {
    let b = Berth::new();
    b.ok(&["folder", "create", "data"]);
    b.ok(&["folder", "create", "ws"]);
    b.ok(&["folder", "create", "ref"]);
    let session = b.ok(&[
        "session",
        "create",
        "--name",
        "forms",
        "--image",
        IMAGE,
        "--mount",
        "data:sub/dir",
        "--mount",
        "ws:/workspace",
        "--mount",
        "ref::ro",
    ]);
    let targets: Vec<(&str, bool)> = session["mounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["target"].as_str().unwrap(),
                m["read_only"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        targets,
        [
            ("/home/work/ref", true),
            ("/home/work/sub/dir", false),
            ("/workspace", false)
        ]
    );
    let (code, _, err) = b.sh("forms", "echo x > /home/work/ref/new");
    assert_eq!(code, 1);
    assert!(err.contains("Read-only"), "{err}");
    let (code, _, _) = b.sh(
        "forms",
        "echo x > /home/work/sub/dir/new && echo y > /workspace/new",
    );
    assert_eq!(code, 0);
    b.ok(&["session", "terminate", "forms"]);
    assert_eq!(b.ok(&["fs", "ls", "ref"]), Value::Array(vec![]));
    assert_eq!(b.ok(&["fs", "ls", "data"])[0]["name"], "new");
}

#[test]
fn refused_requests_have_codes_and_create_nothing() {
    let b = Berth::new();
    b.ok(&["folder", "create", "data"]);
    b.ok(&["folder", "create", "other"]);
    let create = |extra: &[&str]| {
        let mut args = vec!["session", "create", "--image", IMAGE];
        args.extend_from_slice(extra);
        b.error_code(&args)
    };
    assert_eq!(create(&["--mount", "data:/etc"]), "alias_reserved");
    assert_eq!(create(&["--mount", "data:../x"]), "alias_invalid");
    assert_eq!(create(&["--mount", "missing"]), "folder_not_mountable");
    assert_eq!(
        create(&["--mount", "data:x", "--mount", "other:x"]),
        "alias_duplicate"
    );
    assert_eq!(
        create(&["--mount", "data:x", "--mount", "other:x/y"]),
        "alias_nested"
    );
    assert_eq!(create(&["--name", "x"]), "invalid_session_name");
    assert_eq!(create(&["--cpus", "100000"]), "cpus_out_of_range");
    assert_eq!(create(&["--type", "batch"]), "command_required");
    assert_eq!(b.ok(&["session", "list", "--all"]), Value::Array(vec![]));
    assert_eq!(b.containers(), 0);

    // Bad usage is exit 2, before anything runs.
    for extra in [
        &["--memory", "12zz"][..],
        &["--mount", "data:x:maybe"],
        &["--env", "NOEQUALS"],
    ] {
        let mut args = vec!["session", "create", "--image", IMAGE];
        args.extend_from_slice(extra);
        assert_eq!(b.run(&args).status.code(), Some(2), "{extra:?}");
    }
    assert_eq!(
        b.error_code(&["session", "info", "nothing-here"]),
        "not_found"
    );
}

#[test]
fn batch_sessions_wait_exit_codes_logs_and_exec() {
    let b = Berth::new();
    let batch = b.ok(&[
        "session",
        "create",
        "--name",
        "batch-job",
        "--type",
        "batch",
        "--image",
        IMAGE,
        "--cmd",
        "echo out-line; echo err-line >&2; exit 5",
        "--wait",
    ]);
    assert_eq!(batch["status"], "TERMINATED");
    assert_eq!(batch["exit_code"], 5);
    let logs = b.run(&["session", "logs", "batch-job"]);
    let logs = String::from_utf8_lossy(&logs.stdout);
    assert!(
        logs.contains("out-line") && logs.contains("err-line"),
        "{logs}"
    );

    // A batch session created without --wait is found ended later.
    b.ok(&[
        "session",
        "create",
        "--name",
        "quick-job",
        "--type",
        "batch",
        "--image",
        IMAGE,
        "--cmd",
        "exit 0",
    ]);
    let mut status = Value::Null;
    for _ in 0..100 {
        status = b.ok(&["session", "info", "quick-job"])["status"].clone();
        if status == "TERMINATED" {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(status, "TERMINATED");

    b.ok(&[
        "session",
        "create",
        "--name",
        "shell-one",
        "--image",
        IMAGE,
        "--env",
        "GREETING=hi there",
    ]);
    let (code, out, err) = b.sh("shell-one", "echo \"$GREETING\"; echo oops >&2; exit 3");
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (3, "hi there\n", "oops\n")
    );
    let renamed = b.ok(&["session", "rename", "shell-one", "shell-two"]);
    assert_eq!(renamed["name"], "shell-two");
    b.ok(&["session", "terminate", "shell-two"]);
    assert_eq!(
        b.error_code(&["session", "exec", "shell-two", "--", "true"]),
        "session_not_running"
    );
    // Terminating an ended session is harmless.
    assert_eq!(
        b.ok(&["session", "terminate", "shell-two"])["status"],
        "TERMINATED"
    );
}

#[test]
fn image_list_and_a_failed_pull() {
    let b = Berth::new();
    let images = b.ok(&["image", "list"]);
    assert!(
        images.as_array().unwrap().iter().any(|i| i["tags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == IMAGE)),
        "{images}"
    );
    // No registry is reachable from the test machine, and this name does
    // not exist anywhere: the pull fails with the engine's message.
    let (code, value) = b.json(&["image", "pull", "berth-test/never-published:0"]);
    assert_eq!(code, 1);
    assert_eq!(value["error"]["code"], "engine_error");
    assert_eq!(
        b.error_code(&["image", "rm", "berth-test/never-published:0"]),
        "engine_error"
    );
}
