//! The seed's walk-through in the real app: a session with two folders, its
//! terminal window opened from the detail drawer, `ls` and a file written
//! into a mounted folder through a real TTY, a paste through the clipboard
//! shortcut, then termination, and the file found and downloaded on the
//! Storage page.

use berth_core::storage::FolderOptions;
use berth_e2e::{App, Containers, Launch, testid};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const SESSION: &str = "seed-terminal";
const CONTENT: &str = "file inside user2-vfolder\n";

/// Creates the folders as the CLI would, and returns user2-vfolder's data
/// directory.
fn make_folders(data_dir: &Path) -> PathBuf {
    let berth = berth_core::Berth::open(data_dir).unwrap();
    let project = berth.current_project().unwrap();
    let mut roots = ["user1-ml-test", "user2-vfolder"].map(|name| {
        let folder = berth
            .create_folder(&project, name, &FolderOptions::default())
            .unwrap();
        berth.folder_root(&folder).unwrap()
    });
    std::mem::take(&mut roots[1])
}

/// Types into the active terminal as a user at the keyboard would.
fn type_in_terminal(app: &App, keys: &str) {
    let input = app.wait_for(".xterm-helper-textarea");
    input.send_keys(app.session(), keys);
}

/// Puts `text` on the display's clipboard with `xclip`, which keeps serving
/// it from the background after this returns.
fn set_clipboard(text: &str) {
    let mut xclip = Command::new("xclip")
        .args(["-selection", "clipboard"])
        .stdin(Stdio::piped())
        .spawn()
        .expect("xclip (scripts/test.sh installs it)");
    xclip
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    assert!(
        xclip.wait().unwrap().success(),
        "xclip could not take the clipboard"
    );
}

/// The active terminal's screen.
const SCREEN: &str = "window.__berthTerminalText()";

#[test]
fn seed_walk_through_in_the_terminal_window() {
    let tmp = tempfile::tempdir().unwrap();
    let data_dir = tmp.path().join("berth");
    let vfolder = make_folders(&data_dir);
    let containers = Containers {
        data_dir: data_dir.clone(),
    };
    let app = App::launch(&Launch {
        data_dir,
        docker_host: None,
        test_hooks: true,
    });
    app.wait_for(&testid("sessions-empty"));
    // The launcher itself is walked in sessions.rs; start as it does.
    app.start_running_session(SESSION, &["user1-ml-test", "user2-vfolder"]);

    // The drawer's "Execute terminal app" opens the session's own window.
    app.click(&testid(&format!("session-open-{SESSION}")));
    app.wait_for_attribute(&testid("session-drawer-status"), "data-status", "RUNNING");
    // Live usage from the engine, within the session's 256 MiB.
    app.wait_for_text(&testid("session-usage-memory"), "/ 256 MiB");
    app.wait_gone(".ant-message-notice");
    app.screenshot("terminal-01-drawer");
    let main = app.session().window_handle();
    let window = app.open_terminal_window();
    let session_id = app
        .wait_for(&testid("terminal-page"))
        .attribute(app.session(), "data-session-id")
        .flatten()
        .expect("the terminal page names its session");
    let label = format!("terminal-{session_id}");

    // `ls` lists both mounted folders.
    type_in_terminal(&app, "ls /home/work\u{E007}");
    let screen = app.wait_for_script_text(SCREEN, "user2-vfolder");
    assert!(screen.contains("user1-ml-test"), "screen:\n{screen}");
    app.screenshot("terminal-02-ls");

    // A file written into a mounted folder lands on the host.
    type_in_terminal(
        &app,
        "echo \"file inside user2-vfolder\" > /home/work/user2-vfolder/test_file\u{E007}",
    );
    app.wait_for_condition("test_file on the host", || {
        std::fs::read_to_string(vfolder.join("test_file")).is_ok_and(|c| c == CONTENT)
    });

    // Paste through the clipboard shortcut reaches the shell: another
    // program owns the X clipboard, as when text is copied elsewhere.
    set_clipboard("echo pasted-$((6 * 7))");
    // Ctrl+Shift+V; the paste reads the clipboard before it writes, so
    // wait for the shell to echo it before pressing Enter.
    type_in_terminal(&app, "\u{E009}\u{E008}v\u{E000}");
    app.wait_for_script_text(SCREEN, "# echo pasted-$((6 * 7))");
    type_in_terminal(&app, "\u{E007}");
    app.wait_for_script_text(SCREEN, "pasted-42");
    app.screenshot("terminal-03-paste");

    // Closing the window keeps the shell; reopening restores its screen.
    app.close_window(&main, &window, &label);
    let reopened = app.open_terminal_window();
    let restored = app.wait_for_script_text(SCREEN, "pasted-42");
    assert!(restored.contains("user2-vfolder"), "screen:\n{restored}");
    app.screenshot("terminal-04-reopened");

    // Close the window, terminate the session from the drawer.
    app.close_window(&main, &reopened, &label);
    app.terminate_in_drawer();
    assert!(
        containers.ids().is_empty(),
        "termination removes the container"
    );

    // The file outlived the session: see it and download it.
    app.click(&testid("nav-storage"));
    app.click(&testid("folder-open-user2-vfolder"));
    app.wait_for(&testid("explorer-row-test_file"));
    app.screenshot("terminal-05-storage");
    app.download_from_explorer(
        "test_file",
        &tmp.path().join("downloaded_test_file"),
        CONTENT,
    );
    app.screenshot("terminal-06-downloaded");
}
