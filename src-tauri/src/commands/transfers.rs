//! Uploads and downloads, each on its own thread, reporting through a
//! `Channel` a few times per second and once at the end; cancellable by id.

use super::explorer::open_folder;
use super::{CommandResult, core};
use crate::state::AppState;
use berth_core::storage::download_to::download_to;
use berth_core::storage::transfer::{self, CancelToken, Conflict, TransferOptions};
use berth_core::storage::transfer_status::{Direction, TransferUpdate};
use berth_core::{Error, ErrorPayload};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tauri::State;
use tauri::ipc::Channel;

/// Cancel tokens of the running transfers, by id. Cloning shares the
/// registry with a transfer's thread.
#[derive(Default, Clone)]
pub struct Transfers {
    running: Arc<Mutex<HashMap<String, CancelToken>>>,
}

impl Transfers {
    fn register(&self, id: &str, token: &CancelToken) {
        if let Ok(mut running) = self.running.lock() {
            running.insert(id.to_owned(), token.clone());
        }
    }

    fn finish(&self, id: &str) {
        if let Ok(mut running) = self.running.lock() {
            running.remove(id);
        }
    }
}

/// Runs `work` on its own thread, forwarding progress to `channel` and
/// sending the final update when it ends.
fn spawn_transfer(
    transfers: Transfers,
    direction: Direction,
    folder: String,
    on_progress: Channel<TransferUpdate>,
    work: impl FnOnce(
        &TransferOptions,
        &mut dyn FnMut(&transfer::Progress),
    ) -> berth_core::Result<transfer::TransferReport>
    + Send
    + 'static,
    conflict: Conflict,
) -> String {
    let id = next_id();
    let options = TransferOptions {
        conflict,
        ..TransferOptions::default()
    };
    transfers.register(&id, &options.cancel);
    let thread_id = id.clone();
    std::thread::spawn(move || {
        let blank = transfer::Progress::default();
        let mut last = TransferUpdate::running(&thread_id, direction, &folder, &blank);
        // A closed window drops the channel; the transfer still completes.
        let _ = on_progress.send(last.clone());
        let outcome = work(&options, &mut |progress| {
            last = TransferUpdate::running(&thread_id, direction, &folder, progress);
            let _ = on_progress.send(last.clone());
        });
        if let Err(error) = &outcome {
            tracing::warn!(transfer = %thread_id, code = error.code(), "transfer ended: {error}");
        }
        let _ = on_progress.send(TransferUpdate::finished(last, &outcome));
        transfers.finish(&thread_id);
    });
    id
}

/// Transfer ids: unique within this run of the app, which is all the
/// panel needs.
fn next_id() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    format!("t{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

#[tauri::command]
pub async fn upload_conflicts(
    state: State<'_, AppState>,
    folder: String,
    dir: String,
    sources: Vec<String>,
) -> CommandResult<Vec<String>> {
    let (_, explorer) = open_folder(state.berth()?, &folder, false)?;
    core(transfer::upload_conflicts(&explorer, &sources, &dir))
}

#[tauri::command]
pub async fn start_upload(
    state: State<'_, AppState>,
    transfers: State<'_, Transfers>,
    folder: String,
    dir: String,
    sources: Vec<String>,
    on_conflict: Conflict,
    on_progress: Channel<TransferUpdate>,
) -> CommandResult<String> {
    let (folder, explorer) = open_folder(state.berth()?, &folder, true)?;
    let transfers = Transfers::clone(&transfers);
    let work = move |options: &TransferOptions, progress: &mut dyn FnMut(&transfer::Progress)| {
        transfer::upload(&explorer, &sources, &dir, options, progress)
    };
    Ok(spawn_transfer(
        transfers,
        Direction::Upload,
        folder.name,
        on_progress,
        work,
        on_conflict,
    ))
}

/// Downloads `path` to the host path `dest` (see [`download_to`]).
#[tauri::command]
pub async fn start_download(
    state: State<'_, AppState>,
    transfers: State<'_, Transfers>,
    folder: String,
    path: String,
    dest: String,
    on_conflict: Conflict,
    on_progress: Channel<TransferUpdate>,
) -> CommandResult<String> {
    let (folder, explorer) = open_folder(state.berth()?, &folder, false)?;
    let transfers = Transfers::clone(&transfers);
    let dest = PathBuf::from(dest);
    // A file path comes from the save dialog, which already asked before
    // replacing an existing file.
    let on_conflict = if dest.is_dir() {
        on_conflict
    } else {
        Conflict::Overwrite
    };
    let work = move |options: &TransferOptions, progress: &mut dyn FnMut(&transfer::Progress)| {
        download_to(&explorer, &path, &dest, options, progress)
    };
    Ok(spawn_transfer(
        transfers,
        Direction::Download,
        folder.name,
        on_progress,
        work,
        on_conflict,
    ))
}

#[tauri::command]
pub async fn cancel_transfer(transfers: State<'_, Transfers>, id: String) -> CommandResult<()> {
    let running = transfers.running.lock().map_err(|_| ErrorPayload {
        code: "internal".to_owned(),
        message: "transfer registry unavailable".to_owned(),
    })?;
    match running.get(&id) {
        Some(token) => {
            token.cancel();
            Ok(())
        }
        None => core(Err(Error::NotFound {
            kind: "transfer",
            name: id,
        })),
    }
}
