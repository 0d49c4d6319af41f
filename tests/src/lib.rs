//! Harness for the end-to-end tests: launches the real `berth-desktop`
//! binary through `tauri-driver` (which runs WebKitWebDriver) on the X
//! display in `$DISPLAY`, and drives its window as a user would.
//!
//! Each [`App`] has its own driver process group, data directory and
//! environment, and saves screenshots under `target/e2e-screenshots/`.
//! Missing pieces (binary, display, driver) fail the test with what to do;
//! nothing is skipped.

mod containers;
mod notification_server;
mod webdriver;

pub use containers::Containers;
pub use notification_server::{NotificationServer, Notified};
pub use webdriver::{Element, Session};

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long a wait for the UI may take before the test fails. Generous: it
/// bounds a hang on a loaded 2-core machine, it is not a speed check.
pub const UI_TIMEOUT: Duration = Duration::from_secs(30);

/// The CSS selector of the element with `data-testid="id"`.
pub fn testid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

/// The launch request the launcher dialog sends for a session of the local
/// test image with `folders` mounted at their default paths; `command`
/// makes it a batch session.
pub fn launch_request(name: &str, command: Option<&str>, folders: &[&str]) -> serde_json::Value {
    serde_json::json!({
        "request": {
            "spec": {
                "name": name,
                "type": if command.is_some() { "batch" } else { "interactive" },
                "image": TEST_IMAGE,
                "command": command,
                "cpus": 1.0,
                "memory_bytes": 256u64 << 20,
                "shm_bytes": 64u64 << 20,
                "env": [],
                "ports": [],
                "gpus": 0,
            },
            "mounts": folders
                .iter()
                .map(|folder| serde_json::json!({ "folder": folder, "alias": "", "read_only": false }))
                .collect::<Vec<_>>(),
        }
    })
}

/// Built by scripts/test.sh from busybox-static; nothing is pulled.
pub const TEST_IMAGE: &str = "berth-test/busybox:latest";

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the repository")
        .to_path_buf()
}

/// Where screenshots go: `target/e2e-screenshots/` in the repository.
pub fn screenshot_dir() -> PathBuf {
    repo_root().join("target/e2e-screenshots")
}

/// The app binary: `$BERTH_APP_BIN`, else the workspace's debug build.
pub fn app_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("BERTH_APP_BIN") {
        return PathBuf::from(path);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"));
    target.join("debug/berth-desktop")
}

/// How to start the app.
#[derive(Debug, Clone)]
pub struct Launch {
    /// `BERTH_DATA_DIR` for the app.
    pub data_dir: PathBuf,
    /// `DOCKER_HOST` for the app; `None` leaves it unset.
    pub docker_host: Option<String>,
    /// Starts the app with `BERTH_TEST_HOOKS=1`, so tests can queue picker
    /// results and simulate drops.
    pub test_hooks: bool,
}

/// A running app and the WebDriver session that drives it.
pub struct App {
    driver: Child,
    session: Option<Session>,
}

impl App {
    /// Starts `tauri-driver` and, through it, the app.
    pub fn launch(launch: &Launch) -> App {
        let binary = app_binary();
        assert!(
            binary.is_file(),
            "app binary {} is missing; build it with scripts/test.sh \
             (or `cargo build -p berth-desktop`) or set BERTH_APP_BIN",
            binary.display()
        );
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "DISPLAY is not set: these tests need an X server (scripts/test.sh starts Xvfb)"
        );
        let (port, native_port) = free_ports();
        let mut command = Command::new("tauri-driver");
        command
            .args(["--port", &port.to_string()])
            .args(["--native-port", &native_port.to_string()])
            .env("BERTH_DATA_DIR", &launch.data_dir)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            // Own process group, so dropping the app also ends the
            // WebKitWebDriver and app processes the driver started.
            .process_group(0);
        if launch.test_hooks {
            command.env("BERTH_TEST_HOOKS", "1");
        }
        match &launch.docker_host {
            Some(host) => command.env("DOCKER_HOST", host),
            None => command.env_remove("DOCKER_HOST"),
        };
        let driver = command.spawn().unwrap_or_else(|e| {
            panic!(
                "cannot start tauri-driver ({e}); install it with \
                 `cargo install tauri-driver --version '^2' --locked` (scripts/test.sh does)"
            )
        });
        let mut app = App {
            driver,
            session: None,
        };
        let base = format!("http://127.0.0.1:{port}");
        wait_for_port(port);
        // tauri-driver answers before the WebKitWebDriver it started does;
        // a request in between fails on the way through.
        wait_for_port(native_port);
        app.session = Some(start_session(&base, &binary));
        app
    }

    /// The WebDriver session.
    pub fn session(&self) -> &Session {
        self.session.as_ref().expect("session started in launch")
    }

    /// Waits until an element matching `css` exists, and returns it.
    pub fn wait_for(&self, css: &str) -> Element {
        self.wait_until(&format!("an element matching {css}"), || {
            self.session().find(css)
        })
    }

    /// Waits until the element matching `css` has text containing `needle`
    /// (case-insensitive), and returns the text.
    pub fn wait_for_text(&self, css: &str, needle: &str) -> String {
        let lowered = needle.to_lowercase();
        self.wait_until(&format!("{css} to contain {needle:?}"), || {
            let text = self.session().find(css)?.text(self.session())?;
            text.to_lowercase().contains(&lowered).then_some(text)
        })
    }

    /// Waits until the element matching `css` has `attribute` equal to
    /// `value`.
    pub fn wait_for_attribute(&self, css: &str, attribute: &str, value: &str) {
        self.wait_until(&format!("{css}[{attribute}={value:?}]"), || {
            let element = self.session().find(css)?;
            (element.attribute(self.session(), attribute)?.as_deref() == Some(value)).then_some(())
        })
    }

    /// Waits until nothing matches `css`.
    pub fn wait_gone(&self, css: &str) {
        self.wait_until(&format!("no element matching {css}"), || {
            self.session().find(css).is_none().then_some(())
        })
    }

    /// Waits until `probe` holds (for effects outside the window, such as a
    /// downloaded file appearing).
    pub fn wait_for_condition(&self, what: &str, mut probe: impl FnMut() -> bool) {
        self.wait_until(what, || probe().then_some(()))
    }

    /// Replaces the text of the input matching `css`.
    pub fn type_into(&self, css: &str, text: &str) {
        let input = self.wait_for(css);
        // Select all and delete as a user would: WebDriver's own `clear`
        // bypasses the events React's controlled inputs listen to.
        input.send_keys(self.session(), "\u{E009}a\u{E000}\u{E003}");
        input.send_keys(self.session(), text);
    }

    /// Calls one of the app's commands from the page, as the UI would, and
    /// returns its result (for the test hooks).
    pub fn invoke(&self, command: &str, args: serde_json::Value) -> serde_json::Value {
        let script = format!(
            "return window.__TAURI_INTERNALS__.invoke({}, {});",
            serde_json::Value::from(command),
            args
        );
        self.session().execute(&script)
    }

    /// Clicks the element matching `css` once it exists, is enabled and
    /// accepts the click: as a user waits for a button to become clickable
    /// and a drawer to finish sliding in.
    pub fn click(&self, css: &str) {
        let mut last_error = String::new();
        let clicked = self.try_wait_until(|| {
            let element = self.session().find(css)?;
            if !element.is_enabled(self.session())? || !self.is_still(css) {
                return None;
            }
            match element.click(self.session()) {
                Ok(()) => Some(()),
                Err(e) => {
                    last_error = e;
                    None
                }
            }
        });
        if clicked.is_none() {
            let shot = self.screenshot("click-failed");
            panic!(
                "could not click {css} within {UI_TIMEOUT:?} (last error: {last_error}); screenshot {}",
                shot.display()
            );
        }
    }

    /// Whether the element matching `css` stays where it is across two
    /// frames: a button in a drawer or dialog that is still sliding in
    /// would take a click meant for it somewhere else.
    fn is_still(&self, css: &str) -> bool {
        let script = format!(
            "const done = arguments[arguments.length - 1];
             const element = document.querySelector({selector});
             if (!element) {{ done(false); }} else {{
               const at = () => JSON.stringify(element.getBoundingClientRect());
               const before = at();
               requestAnimationFrame(() => requestAnimationFrame(() => done(at() === before)));
             }}",
            selector = serde_json::Value::from(css)
        );
        self.session().execute_async(&script) == serde_json::Value::Bool(true)
    }

    /// Waits until a window other than `known` opens, and returns its handle.
    pub fn wait_for_new_window(&self, known: &[String]) -> String {
        self.wait_until("a new window", || {
            self.session()
                .window_handles()
                .into_iter()
                .find(|handle| !known.contains(handle))
        })
    }

    /// Waits until `script` (an expression) evaluates to a string containing
    /// `needle`, and returns that string.
    pub fn wait_for_script_text(&self, script: &str, needle: &str) -> String {
        let wrapped = format!("try {{ return String({script}); }} catch (e) {{ return ''; }}");
        let mut last = String::new();
        let found = self.try_wait_until(|| {
            last = self
                .session()
                .execute(&wrapped)
                .as_str()
                .unwrap_or_default()
                .to_owned();
            last.contains(needle).then(|| last.clone())
        });
        found.unwrap_or_else(|| {
            let shot = self.screenshot("timeout");
            panic!(
                "timed out after {UI_TIMEOUT:?} waiting for {script} to contain {needle:?}; \
                 screenshot {}; last value:\n{last}",
                shot.display()
            )
        })
    }

    /// Closes the window `handle` (labelled `label` in the app) as its close
    /// button would, from the window `main`, and goes back to `main`. Needs
    /// the test hooks.
    pub fn close_window(&self, main: &str, handle: &str, label: &str) {
        self.session().switch_to_window(main);
        self.invoke("test_close_window", serde_json::json!({ "label": label }));
        self.wait_until(&format!("window {label} to close"), || {
            (!self.session().window_handles().iter().any(|h| h == handle)).then_some(())
        });
    }

    /// Starts an interactive session of the test image with `folders`
    /// mounted, as the launcher does, and waits until its row is RUNNING.
    pub fn start_running_session(&self, name: &str, folders: &[&str]) {
        self.invoke("start_session", launch_request(name, None, folders));
        self.wait_for_attribute(
            &testid(&format!("session-status-{name}")),
            "data-status",
            "RUNNING",
        );
    }

    /// Clicks *Execute terminal app* in the open drawer, switches to the
    /// terminal window it opens, waits until its shell is live, and returns
    /// the window's handle.
    pub fn open_terminal_window(&self) -> String {
        let known = self.session().window_handles();
        self.click(&testid("session-open-terminal"));
        let window = self.wait_for_new_window(&known);
        self.session().switch_to_window(&window);
        self.wait_for("[data-testid=terminal-pane][data-state=live]");
        window
    }

    /// Terminates the session shown in the open drawer, confirming, waits
    /// until it is `TERMINATED`, and closes the drawer.
    pub fn terminate_in_drawer(&self) {
        self.click(&testid("session-terminate"));
        self.click(&testid("confirm-ok"));
        self.wait_for_attribute(
            &testid("session-drawer-status"),
            "data-status",
            "TERMINATED",
        );
        self.click(&testid("session-drawer-close"));
    }

    /// Downloads `file` from the open folder explorer to `dest` (the save
    /// picker's answer comes through the test hooks) and waits until `dest`
    /// holds `expected`.
    pub fn download_from_explorer(&self, file: &str, dest: &Path, expected: &str) {
        self.click(&testid(&format!("explorer-select-{file}")));
        self.invoke(
            "test_queue_pick",
            serde_json::json!({ "paths": [dest.display().to_string()] }),
        );
        self.click(&testid("explorer-download"));
        self.wait_for_condition("the download to land", || {
            std::fs::read_to_string(dest).is_ok_and(|c| c == expected)
        });
    }

    /// Saves a PNG of the window as `target/e2e-screenshots/<name>.png`.
    pub fn screenshot(&self, name: &str) -> PathBuf {
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir).expect("screenshot directory");
        let path = dir.join(format!("{name}.png"));
        // Let transitions finish and the next frames paint, so the picture
        // shows what the DOM already says.
        std::thread::sleep(Duration::from_millis(400));
        self.session().execute_async(
            "const done = arguments[arguments.length - 1];
             requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
        );
        std::fs::write(&path, self.session().screenshot()).expect("write screenshot");
        path
    }

    /// Polls `probe` until it yields a value or [`UI_TIMEOUT`] passes.
    fn try_wait_until<T>(&self, mut probe: impl FnMut() -> Option<T>) -> Option<T> {
        let deadline = Instant::now() + UI_TIMEOUT;
        loop {
            if let Some(value) = probe() {
                return Some(value);
            }
            if Instant::now() > deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Polls `probe` until it yields a value or [`UI_TIMEOUT`] passes; on
    /// timeout saves a screenshot and fails with `what`.
    fn wait_until<T>(&self, what: &str, probe: impl FnMut() -> Option<T>) -> T {
        match self.try_wait_until(probe) {
            Some(value) => value,
            None => {
                let shot = self.screenshot("timeout");
                let body = self
                    .session()
                    .find("body")
                    .and_then(|b| b.text(self.session()))
                    .unwrap_or_default();
                panic!(
                    "timed out after {UI_TIMEOUT:?} waiting for {what}; screenshot {}; page text:\n{body}",
                    shot.display()
                );
            }
        }
    }
}

impl Drop for App {
    fn drop(&mut self) {
        if let Some(session) = self.session.take() {
            session.end();
        }
        // SAFETY: kill(2) on our own child's process group; no memory is
        // involved. A failure means the group is already gone.
        unsafe {
            libc::kill(-(self.driver.id() as i32), libc::SIGKILL);
        }
        let _ = self.driver.wait();
    }
}

/// Two different free local ports: both are held until both are chosen.
fn free_ports() -> (u16, u16) {
    let bind = || TcpListener::bind("127.0.0.1:0").expect("a free local port");
    let (first, second) = (bind(), bind());
    let port = |l: &TcpListener| l.local_addr().expect("a bound address").port();
    (port(&first), port(&second))
}

/// Starts the WebDriver session, trying again while the driver is still
/// getting ready (on a loaded machine its first answers can fail).
fn start_session(base: &str, binary: &Path) -> Session {
    let deadline = Instant::now() + UI_TIMEOUT;
    loop {
        match Session::start(base, binary) {
            Ok(session) => return session,
            Err(error) if Instant::now() < deadline => {
                eprintln!("WebDriver could not start the app yet ({error}); trying again");
                std::thread::sleep(Duration::from_millis(500));
            }
            Err(error) => panic!("WebDriver could not start the app: {error}"),
        }
    }
}

fn wait_for_port(port: u16) {
    let deadline = Instant::now() + UI_TIMEOUT;
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "tauri-driver did not listen on port {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
