//! Containers the app under test made, found by their data-directory label.

use std::path::PathBuf;
use std::process::Command;

/// Removes every container the app made for this data directory when
/// dropped, passed or failed, so a failing test leaves nothing running.
pub struct Containers {
    pub data_dir: PathBuf,
}

impl Containers {
    /// The ids of the app's containers, running or not.
    pub fn ids(&self) -> Vec<String> {
        let output = Command::new("docker")
            .args(["ps", "-aq", "--filter"])
            .arg(format!("label=berth.data_dir={}", self.data_dir.display()))
            .output()
            .expect("the docker CLI (scripts/test.sh installs docker.io)");
        String::from_utf8_lossy(&output.stdout)
            .split_whitespace()
            .map(str::to_owned)
            .collect()
    }
}

impl Drop for Containers {
    fn drop(&mut self) {
        let ids = self.ids();
        if !ids.is_empty() {
            let _ = Command::new("docker")
                .args(["rm", "-f"])
                .args(&ids)
                .output();
        }
    }
}
