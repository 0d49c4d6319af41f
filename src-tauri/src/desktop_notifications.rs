//! Desktop notifications through the desktop's notification server
//! (`notify-rust`, D-Bus on Linux), with a default action that does what
//! clicking the notice in the app does.
//!
//! Each notification is shown and waited on by a thread of its own: waiting
//! for a click blocks, and the main thread must never wait on the
//! notification server. Without a server the notice stays in the app's
//! centre only; that is logged, not reported to the user.

use crate::notices;
use berth_core::sessions::{NoticeKind, SessionNotice};
use tauri::AppHandle;

/// Shows the notice and acts on it when the user clicks it.
pub fn show(app: AppHandle, notice: SessionNotice) {
    let spawned = std::thread::Builder::new()
        .name("notification".into())
        .spawn(move || {
            let label = match notice.kind {
                NoticeKind::Ready => "Open terminal",
                NoticeKind::Ended => "Open logs",
                NoticeKind::Failed => "Details",
            };
            let shown = notify_rust::Notification::new()
                .appname("Berth")
                .summary(&notice.summary())
                .body(&notice.body())
                .icon("dev.berth.desktop")
                .action("default", label)
                .show();
            let handle = match shown {
                Ok(handle) => handle,
                Err(error) => {
                    return tracing::info!(%error, "no desktop notification server; the notice stays in the app");
                }
            };
            handle.wait_for_action(|action| {
                // "__closed" arrives when the notification is dismissed or expires.
                if action == "default" {
                    notices::act_on(&app, &notice);
                }
            });
        });
    if let Err(error) = spawned {
        tracing::warn!(%error, "cannot start the notification thread");
    }
}
