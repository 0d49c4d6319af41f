//! A desktop notification server on the test's private session bus
//! (`support/notification_server.py`): records what the app shows and
//! clicks a notification's action as a user would.

use crate::{UI_TIMEOUT, repo_root};
use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// One notification the app showed.
#[derive(Debug, Clone)]
pub struct Notified {
    pub id: u64,
    pub app_name: String,
    pub summary: String,
    pub body: String,
    pub actions: Vec<String>,
}

/// The running server; ends when dropped.
pub struct NotificationServer {
    child: Child,
    input: ChildStdin,
    shown: Arc<Mutex<Vec<Notified>>>,
}

impl NotificationServer {
    /// Starts the server and waits until it owns the bus name.
    pub fn start() -> NotificationServer {
        assert!(
            std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
            "no session bus: run the tests under dbus-run-session (scripts/test.sh does)"
        );
        let script = repo_root().join("tests/support/notification_server.py");
        let mut child = Command::new("/usr/bin/python3")
            .arg(&script)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot start {} ({e}); scripts/test.sh installs python3-dbus",
                    script.display()
                )
            });
        let input = child.stdin.take().expect("piped stdin");
        let mut lines = BufReader::new(child.stdout.take().expect("piped stdout")).lines();
        match lines.next() {
            Some(Ok(line)) if line == "ready" => {}
            other => panic!("the notification server did not start: {other:?}"),
        }
        let shown = Arc::new(Mutex::new(Vec::new()));
        let record = Arc::clone(&shown);
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                let json: Value = serde_json::from_str(&line).expect("a JSON line per Notify");
                let text = |key: &str| json[key].as_str().unwrap_or_default().to_owned();
                record.lock().unwrap().push(Notified {
                    id: json["id"].as_u64().unwrap_or_default(),
                    app_name: text("app_name"),
                    summary: text("summary"),
                    body: text("body"),
                    actions: json["actions"]
                        .as_array()
                        .map(|a| {
                            a.iter()
                                .filter_map(|v| v.as_str().map(str::to_owned))
                                .collect()
                        })
                        .unwrap_or_default(),
                });
            }
        });
        NotificationServer {
            child,
            input,
            shown,
        }
    }

    /// Every notification shown so far.
    pub fn shown(&self) -> Vec<Notified> {
        self.shown.lock().unwrap().clone()
    }

    /// Waits for a notification whose summary contains `needle`.
    pub fn wait_for(&self, needle: &str) -> Notified {
        let deadline = Instant::now() + UI_TIMEOUT;
        loop {
            if let Some(found) = self
                .shown()
                .into_iter()
                .find(|n| n.summary.contains(needle))
            {
                return found;
            }
            assert!(
                Instant::now() < deadline,
                "no notification with {needle:?} within {UI_TIMEOUT:?}; shown: {:?}",
                self.shown()
            );
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }

    /// Clicks the notification's `action` (`default` is a click on its body).
    pub fn invoke(&mut self, id: u64, action: &str) {
        writeln!(self.input, "invoke {id} {action}").expect("the notification server is running");
        self.input.flush().unwrap();
    }
}

impl Drop for NotificationServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
