//! How a running transfer looks to a watcher (the desktop app's transfer
//! panel): one [`TransferUpdate`] per progress report, and a last one when
//! the transfer ends.

use super::transfer::{Progress, Skipped, TransferReport};
use crate::{Error, ErrorPayload};
use serde::Serialize;
use ts_rs::TS;

/// Which way the bytes go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Upload,
    Download,
}

/// Where a transfer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum TransferState {
    Running,
    Done,
    Failed,
    Cancelled,
}

/// One report on a transfer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TransferUpdate {
    pub id: String,
    pub direction: Direction,
    /// The folder's name.
    pub folder: String,
    pub state: TransferState,
    #[ts(type = "number")]
    pub bytes_done: u64,
    #[ts(type = "number")]
    pub bytes_total: u64,
    #[ts(type = "number")]
    pub files_done: u64,
    #[ts(type = "number")]
    pub files_total: u64,
    /// The file being copied.
    pub current: Option<String>,
    /// Bytes per second.
    #[ts(type = "number")]
    pub rate: u64,
    pub error: Option<ErrorPayload>,
    pub skipped: Vec<Skipped>,
}

impl TransferUpdate {
    /// A running transfer's update from a progress report.
    pub fn running(id: &str, direction: Direction, folder: &str, progress: &Progress) -> Self {
        TransferUpdate {
            id: id.to_owned(),
            direction,
            folder: folder.to_owned(),
            state: TransferState::Running,
            bytes_done: progress.bytes_done,
            bytes_total: progress.bytes_total,
            files_done: progress.files_done,
            files_total: progress.files_total,
            current: (!progress.current_file.is_empty()).then(|| progress.current_file.clone()),
            rate: progress.bytes_per_second,
            error: None,
            skipped: Vec::new(),
        }
    }

    /// The last update: `last` is the latest running update (for totals),
    /// `outcome` how the transfer ended.
    pub fn finished(mut last: TransferUpdate, outcome: &Result<TransferReport, Error>) -> Self {
        last.current = None;
        match outcome {
            Ok(report) => {
                last.state = TransferState::Done;
                last.files_done = report.files;
                last.bytes_done = report.bytes;
                last.skipped = report.skipped.clone();
            }
            Err(Error::Cancelled) => last.state = TransferState::Cancelled,
            Err(error) => {
                last.state = TransferState::Failed;
                last.error = Some(error.payload());
            }
        }
        last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn progress() -> Progress {
        Progress {
            bytes_done: 10,
            bytes_total: 100,
            files_done: 1,
            files_total: 4,
            current_file: "a/b.txt".into(),
            bytes_per_second: 5,
        }
    }

    #[test]
    fn running_then_finished_states() {
        let running = TransferUpdate::running("t1", Direction::Upload, "data", &progress());
        assert_eq!(running.state, TransferState::Running);
        assert_eq!(running.current.as_deref(), Some("a/b.txt"));

        let report = TransferReport {
            files: 4,
            bytes: 100,
            skipped: vec![],
        };
        let done = TransferUpdate::finished(running.clone(), &Ok(report));
        assert_eq!(
            (done.state, done.bytes_done, done.files_done),
            (TransferState::Done, 100, 4)
        );
        assert_eq!(done.current, None);

        let cancelled = TransferUpdate::finished(running.clone(), &Err(Error::Cancelled));
        assert_eq!(cancelled.state, TransferState::Cancelled);
        let failed = TransferUpdate::finished(
            running,
            &Err(Error::Io {
                path: "x".into(),
                reason: "disk full".into(),
            }),
        );
        assert_eq!(failed.state, TransferState::Failed);
        assert_eq!(failed.error.unwrap().code, "io_error");
    }
}
