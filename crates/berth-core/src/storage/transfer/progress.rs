//! Progress reports and cancellation for transfers.
//!
//! Workers only bump atomic counters; the thread that called the transfer
//! turns them into a [`Progress`] for the caller's callback at most every
//! [`REPORT_INTERVAL`], plus a first report once the totals are known and a
//! final one when the transfer succeeds. The callback therefore runs on the
//! caller's thread and needs no locking of its own.

use serde::Serialize;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use ts_rs::TS;

/// Least time between two progress reports.
pub const REPORT_INTERVAL: Duration = Duration::from_millis(250);

/// Asks a running transfer to stop. Clones share the same flag; a
/// cancelled transfer removes its partial files and returns
/// `Error::Cancelled`. Files already in place stay.
#[derive(Debug, Clone, Default)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    /// A token that has not been cancelled.
    pub fn new() -> Self {
        Self::default()
    }

    /// Cancels every transfer holding this token (or a clone of it).
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    /// Whether [`cancel`](Self::cancel) was called.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Where a transfer stands.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct Progress {
    #[ts(type = "number")]
    pub bytes_done: u64,
    /// Bytes of the files to copy; it shrinks when files are skipped.
    #[ts(type = "number")]
    pub bytes_total: u64,
    #[ts(type = "number")]
    pub files_done: u64,
    /// Files and symbolic links to copy.
    #[ts(type = "number")]
    pub files_total: u64,
    /// The file being copied, relative to the destination directory.
    pub current_file: String,
    /// Bytes per second since the previous report (over the whole transfer
    /// in the final report).
    #[ts(type = "number")]
    pub bytes_per_second: u64,
}

/// The counters workers update.
#[derive(Debug, Default)]
pub(crate) struct Counters {
    pub bytes_done: AtomicU64,
    pub bytes_total: AtomicU64,
    pub files_done: AtomicU64,
    pub files_total: AtomicU64,
    pub current_file: Mutex<String>,
}

impl Counters {
    pub(crate) fn set_current(&self, name: &str) {
        let mut current = self.current_file.lock().unwrap_or_else(|e| e.into_inner());
        current.clear();
        current.push_str(name);
    }

    /// Takes a file out of the totals (skipped before being copied).
    pub(crate) fn forget(&self, bytes: u64) {
        self.bytes_total.fetch_sub(bytes, Ordering::Relaxed);
        self.files_total.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Turns counters into reports at a bounded rate.
pub(crate) struct Reporter<'c> {
    callback: &'c mut dyn FnMut(&Progress),
    started: Instant,
    last_at: Instant,
    last_bytes: u64,
}

impl<'c> Reporter<'c> {
    pub(crate) fn new(callback: &'c mut dyn FnMut(&Progress)) -> Self {
        let now = Instant::now();
        Reporter {
            callback,
            started: now,
            last_at: now,
            last_bytes: 0,
        }
    }

    /// When the next throttled report is due.
    pub(crate) fn next_due(&self) -> Instant {
        self.last_at + REPORT_INTERVAL
    }

    /// Reports now; `last` reports the overall rate.
    pub(crate) fn report(&mut self, counters: &Counters, last: bool) {
        let now = Instant::now();
        let bytes_done = counters.bytes_done.load(Ordering::Relaxed);
        let (since, bytes) = if last {
            (now - self.started, bytes_done)
        } else {
            (
                now - self.last_at,
                bytes_done.saturating_sub(self.last_bytes),
            )
        };
        let seconds = since.as_secs_f64();
        let progress = Progress {
            bytes_done,
            bytes_total: counters.bytes_total.load(Ordering::Relaxed),
            files_done: counters.files_done.load(Ordering::Relaxed),
            files_total: counters.files_total.load(Ordering::Relaxed),
            current_file: counters
                .current_file
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .clone(),
            bytes_per_second: if seconds > 0.0 {
                (bytes as f64 / seconds) as u64
            } else {
                0
            },
        };
        self.last_at = now;
        self.last_bytes = bytes_done;
        (self.callback)(&progress);
    }
}
