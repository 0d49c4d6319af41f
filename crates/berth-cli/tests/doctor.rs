//! `berth doctor` as a script sees it: real binary, real data directory,
//! real engine (the test command starts one).

use std::path::Path;
use std::process::{Command, Output};

fn berth(data_dir: &Path, args: &[&str], docker_host: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_berth"));
    command.args(args).env_remove("BERTH_DATA_DIR");
    command.arg("--data-dir").arg(data_dir);
    match docker_host {
        Some(host) => command.env("DOCKER_HOST", host),
        None => command.env_remove("DOCKER_HOST"),
    };
    command.output().unwrap()
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

#[test]
fn doctor_json_reports_a_reachable_engine() {
    let tmp = tempfile::tempdir().unwrap();
    let data_dir = tmp.path().join("data");
    let output = berth(&data_dir, &["doctor", "--json"], None);
    let report = json(&output);
    assert!(
        output.status.success(),
        "doctor failed (is dockerd running?): {report}"
    );
    assert_eq!(report["data_dir"], data_dir.display().to_string());
    assert_eq!(report["schema_version"], 2);
    assert_eq!(report["storage_hosts"][0]["name"], "local");
    assert_eq!(report["engine"]["state"], "connected");
    assert!(
        !report["engine"]["info"]["version"]
            .as_str()
            .unwrap()
            .is_empty()
    );
    assert!(data_dir.join("berth.db").is_file());
}

#[test]
fn doctor_exits_1_with_engine_unreachable_for_a_dead_socket() {
    let tmp = tempfile::tempdir().unwrap();
    let output = berth(
        tmp.path(),
        &["doctor", "--json"],
        Some("unix:///nonexistent.sock"),
    );
    assert_eq!(output.status.code(), Some(1));
    let report = json(&output);
    assert_eq!(report["engine"]["state"], "unreachable");
    assert_eq!(report["engine"]["endpoint"], "unix:///nonexistent.sock");
    assert_eq!(report["engine"]["error"]["code"], "engine_unreachable");
}

#[test]
fn doctor_text_names_the_endpoint_and_what_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    let output = berth(tmp.path(), &["doctor"], Some("unix:///nonexistent.sock"));
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("UNREACHABLE"), "{text}");
    assert!(text.contains("unix:///nonexistent.sock"), "{text}");
    assert!(text.contains("DOCKER_HOST"), "{text}");
}

#[test]
fn data_dir_flag_wins_over_environment() {
    let tmp = tempfile::tempdir().unwrap();
    let flag_dir = tmp.path().join("flag");
    let env_dir = tmp.path().join("env");
    let output = Command::new(env!("CARGO_BIN_EXE_berth"))
        .args(["--json", "doctor", "--data-dir"])
        .arg(&flag_dir)
        .env("BERTH_DATA_DIR", &env_dir)
        .env("DOCKER_HOST", "unix:///nonexistent.sock")
        .output()
        .unwrap();
    assert_eq!(json(&output)["data_dir"], flag_dir.display().to_string());
    assert!(flag_dir.join("berth.db").is_file());
    assert!(!env_dir.exists());
}

#[test]
fn environment_sets_the_data_dir_when_no_flag() {
    let tmp = tempfile::tempdir().unwrap();
    let env_dir = tmp.path().join("env");
    let output = Command::new(env!("CARGO_BIN_EXE_berth"))
        .args(["doctor", "--json"])
        .env("BERTH_DATA_DIR", &env_dir)
        .env("DOCKER_HOST", "unix:///nonexistent.sock")
        .output()
        .unwrap();
    assert_eq!(json(&output)["data_dir"], env_dir.display().to_string());
}

#[test]
fn unusable_data_dir_is_a_json_error_with_exit_1() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    let output = berth(&file.join("sub"), &["doctor", "--json"], None);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(json(&output)["error"]["code"], "data_dir_unavailable");
}

#[test]
fn bad_usage_exits_2() {
    let output = Command::new(env!("CARGO_BIN_EXE_berth"))
        .arg("no-such-command")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}
