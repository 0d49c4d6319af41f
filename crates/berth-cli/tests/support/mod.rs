//! What the CLI tests share: a `berth` with its own data directory, run as
//! scripts run it.

// Each test binary uses a different part of this module.
#![allow(dead_code)]

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

pub struct Berth {
    pub dir: tempfile::TempDir,
}

impl Berth {
    pub fn new() -> Berth {
        Berth {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_berth"))
            .arg("--data-dir")
            .arg(self.dir.path())
            .args(args)
            .output()
            .unwrap()
    }

    /// Runs `berth --json ARGS`; returns the exit code and parsed stdout.
    pub fn json(&self, args: &[&str]) -> (i32, Value) {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let output = self.run(&all);
        let value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
            panic!(
                "{args:?}: stdout is not JSON ({e}): {}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            )
        });
        (output.status.code().unwrap(), value)
    }

    pub fn ok(&self, args: &[&str]) -> Value {
        let (code, value) = self.json(args);
        assert_eq!(code, 0, "{args:?} failed: {value}");
        value
    }

    pub fn error_code(&self, args: &[&str]) -> String {
        let (code, value) = self.json(args);
        assert_eq!(code, 1, "{args:?} should fail: {value}");
        value["error"]["code"].as_str().unwrap().to_owned()
    }

    /// `berth session exec NAME -- sh -c SCRIPT`: (exit code, stdout, stderr).
    pub fn sh(&self, session: &str, script: &str) -> (i32, String, String) {
        let output = self.run(&["session", "exec", session, "--", "sh", "-c", script]);
        (
            output.status.code().unwrap(),
            String::from_utf8(output.stdout).unwrap(),
            String::from_utf8(output.stderr).unwrap(),
        )
    }

    pub fn containers(&self) -> usize {
        let output = Command::new("docker")
            .args(["ps", "-aq", "--filter"])
            .arg(format!(
                "label=berth.data_dir={}",
                self.dir.path().display()
            ))
            .output()
            .expect("the docker CLI is installed with the engine");
        String::from_utf8(output.stdout).unwrap().lines().count()
    }
}

impl Drop for Berth {
    // A failed test must not leave containers running on the engine.
    fn drop(&mut self) {
        let _ = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "docker ps -aq --filter label=berth.data_dir={} | xargs -r docker rm -f",
                self.dir.path().display()
            ))
            .output();
    }
}

/// The `name` fields of a JSON list.
pub fn names(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect()
}
