//! Other windows and programs: a session's terminal window, the host's
//! terminal emulator, and web links in the host's browser.

use super::{CommandResult, core};
use crate::state::AppState;
use berth_core::ErrorPayload;
use berth_core::sessions::Session;
use tauri::{AppHandle, Manager, State, WebviewUrl, WebviewWindowBuilder};
use tauri_plugin_shell::ShellExt;

/// Terminal emulators tried for "Open in system terminal", most specific
/// first, with the flag after which each takes the command to run.
const SYSTEM_TERMINALS: &[(&str, &str)] = &[
    ("x-terminal-emulator", "-e"),
    ("gnome-terminal", "--"),
    ("konsole", "-e"),
    ("xfce4-terminal", "-x"),
    ("xterm", "-e"),
];

/// The label of a session's terminal window. Labels allow letters, digits,
/// `-`, `/`, `:` and `_`; session ids are UUIDs.
pub fn terminal_window_label(session_id: &str) -> String {
    format!("terminal-{session_id}")
}

fn failed(code: &str, message: String) -> ErrorPayload {
    ErrorPayload {
        code: code.to_owned(),
        message,
    }
}

/// Opens the session's terminal window, or brings it forward when it is
/// already open.
pub fn show_terminal_window(app: &AppHandle, session: &Session) -> CommandResult<()> {
    let label = terminal_window_label(&session.id);
    if let Some(window) = app.get_webview_window(&label) {
        let _ = window.unminimize();
        let _ = window.show();
        return window
            .set_focus()
            .map_err(|e| failed("window_failed", format!("cannot focus the terminal: {e}")));
    }
    let url = WebviewUrl::App(format!("index.html#/terminal/{}", session.id).into());
    WebviewWindowBuilder::new(app, &label, url)
        .title(format!("{} — Terminal", session.name))
        .inner_size(960.0, 600.0)
        .min_inner_size(480.0, 280.0)
        .build()
        .map(|_| ())
        .map_err(|e| {
            failed(
                "window_failed",
                format!("cannot open the terminal window: {e}"),
            )
        })
}

#[tauri::command]
pub async fn open_terminal_window(
    app: AppHandle,
    state: State<'_, AppState>,
    session_id: String,
) -> CommandResult<()> {
    let session = state.session(&session_id)?;
    core(session.running_container().map(|_| ()))?;
    show_terminal_window(&app, &session)
}

fn find_on_path(program: &str) -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

fn system_terminal() -> Option<(std::path::PathBuf, &'static str)> {
    SYSTEM_TERMINALS
        .iter()
        .find_map(|(program, flag)| find_on_path(program).map(|path| (path, *flag)))
}

/// Whether the host has a terminal emulator Berth knows how to start.
#[tauri::command]
pub async fn system_terminal_available() -> bool {
    system_terminal().is_some() && find_on_path("docker").is_some()
}

/// Runs `docker exec -it` for the session in the host's terminal emulator,
/// as the session's user in `/home/work`, as the in-app terminal does.
#[tauri::command]
pub async fn open_system_terminal(
    app: AppHandle,
    state: State<'_, AppState>,
    session_id: String,
) -> CommandResult<()> {
    let session = state.session(&session_id)?;
    let container = core(session.running_container())?.to_owned();
    let Some((program, flag)) = system_terminal() else {
        return Err(failed(
            "no_system_terminal",
            "no terminal emulator was found on this computer".to_owned(),
        ));
    };
    let args = berth_core::terminal::docker_exec_args(&container);
    app.shell()
        .command(program)
        .arg(flag)
        .args(args)
        .spawn()
        .map(|_| ())
        .map_err(|e| {
            failed(
                "open_failed",
                format!("cannot start the terminal emulator: {e}"),
            )
        })
}

/// Opens an `http` or `https` link in the host's browser; the webview
/// itself never navigates away from the app.
#[tauri::command]
pub async fn open_url(app: AppHandle, url: String) -> CommandResult<()> {
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(failed(
            "invalid_url",
            format!("only http and https links can be opened, not {url:?}"),
        ));
    }
    #[allow(deprecated)] // the opener plugin is the successor; DESIGN picks the shell plugin
    app.shell()
        .open(&url, None)
        .map_err(|e| failed("open_failed", format!("cannot open {url}: {e}")))
}
