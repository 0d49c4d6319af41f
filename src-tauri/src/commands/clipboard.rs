//! The system clipboard, read and written from Rust: the webview's own
//! clipboard API refuses reads that the page did not start from a user
//! gesture it recognises, which would make paste in a terminal unreliable.

use super::CommandResult;
use berth_core::ErrorPayload;
use tauri::AppHandle;
use tauri_plugin_clipboard_manager::ClipboardExt;

fn failed(what: &str, error: impl std::fmt::Display) -> ErrorPayload {
    ErrorPayload {
        code: "clipboard_unavailable".to_owned(),
        message: format!("cannot {what} the clipboard: {error}"),
    }
}

/// The clipboard's text; empty when it holds none.
#[tauri::command]
pub async fn read_clipboard(app: AppHandle) -> CommandResult<String> {
    match app.clipboard().read_text() {
        Ok(text) => Ok(text),
        // An empty clipboard, or one holding only an image, is not an error
        // to show: there is simply nothing to paste. The plugin keeps only
        // arboard's message, which says "empty" for this case.
        Err(error) if error.to_string().contains("empty") => Ok(String::new()),
        Err(error) => Err(failed("read", error)),
    }
}

#[tauri::command]
pub async fn write_clipboard(app: AppHandle, text: String) -> CommandResult<()> {
    app.clipboard()
        .write_text(text)
        .map_err(|error| failed("write", error))
}
