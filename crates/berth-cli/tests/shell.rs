//! `berth session shell` driven through a pseudo-terminal, as a user at a
//! terminal runs it, against the real engine and the local test image.

use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Winsize, tcsetwinsize};
use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Pty {
    master: File,
    seen: Arc<Mutex<Vec<u8>>>,
}

impl Pty {
    /// Starts `berth ARGS` on a new pseudo-terminal of `cols`×`rows` as its
    /// controlling terminal.
    fn spawn(args: &[&str], cols: u16, rows: u16) -> (Pty, std::process::Child) {
        let master: OwnedFd = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY).unwrap();
        grantpt(&master).unwrap();
        unlockpt(&master).unwrap();
        let name = ptsname(&master, Vec::new()).unwrap();
        let slave = File::options()
            .read(true)
            .write(true)
            .open(name.to_str().unwrap())
            .unwrap();
        set_size(&master, cols, rows);
        let mut command = Command::new(env!("CARGO_BIN_EXE_berth"));
        command
            .args(args)
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        // SAFETY: only async-signal-safe system calls run between fork and
        // exec.
        unsafe {
            command.pre_exec(|| {
                rustix::process::setsid()?;
                rustix::process::ioctl_tiocsctty(std::io::stdin().as_fd())?;
                Ok(())
            });
        }
        let child = command.spawn().unwrap();
        let master = File::from(master);
        let seen = Arc::new(Mutex::new(Vec::new()));
        let mut reader = master.try_clone().unwrap();
        let sink = seen.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        (Pty { master, seen }, child)
    }

    fn type_text(&mut self, text: &str) {
        self.master.write_all(text.as_bytes()).unwrap();
    }

    /// Waits until the screen output contains `needle` (after `from`);
    /// returns where it ends.
    fn wait_for(&self, needle: &str, from: usize) -> usize {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let seen = self.seen.lock().unwrap();
            let text = String::from_utf8_lossy(&seen[from.min(seen.len())..]).into_owned();
            if let Some(at) = text.find(needle) {
                return from + at + needle.len();
            }
            drop(seen);
            assert!(
                Instant::now() < deadline,
                "{needle:?} never came; got {text:?}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn set_size(fd: impl AsFd, cols: u16, rows: u16) {
    tcsetwinsize(
        fd,
        Winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        },
    )
    .unwrap();
}

fn berth(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_berth"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_shell_through_a_pseudo_terminal_runs_commands_resizes_and_exits_with_its_code() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let created = berth(
        dir.path(),
        &[
            "session",
            "create",
            "--name",
            "pty-shell",
            "--image",
            "berth-test/busybox:latest",
        ],
    );
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );

    let (mut pty, mut child) = Pty::spawn(
        &["--data-dir", data, "session", "shell", "pty-shell"],
        80,
        24,
    );
    pty.type_text("echo hello-from-$((6*7))\r");
    let at = pty.wait_for("hello-from-42", 0);
    pty.type_text("stty size\r");
    let at = pty.wait_for("24 80", at);

    // The kernel tells berth (SIGWINCH), berth tells the engine.
    set_size(&pty.master, 132, 50);
    std::thread::sleep(Duration::from_millis(300));
    pty.type_text("stty size\r");
    pty.wait_for("50 132", at);

    pty.type_text("exit 7\r");
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "berth session shell did not end");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(7));

    // A command instead of the shell, without a terminal on our side.
    let output = berth(
        dir.path(),
        &[
            "session",
            "shell",
            "pty-shell",
            "--",
            "sh",
            "-c",
            "tty; exit 3",
        ],
    );
    assert_eq!(output.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&output.stdout).contains("/dev/pts/"));

    let ended = berth(dir.path(), &["session", "terminate", "pty-shell"]);
    assert!(ended.status.success());
}
