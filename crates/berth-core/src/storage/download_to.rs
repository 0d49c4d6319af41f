//! Downloading to a host path the way `cp` reads its destination: into an
//! existing directory under the entry's own name, or else as the new name
//! the path gives (a save dialog's answer, or `berth fs download f:a b`).

use super::explorer::Explorer;
use super::transfer::{self, Progress, TransferOptions, TransferReport};
use crate::Result;
use std::path::Path;

/// Copies the folder entry `path` to the host path `dest`; the options'
/// conflict policy applies to what is already there.
pub fn download_to(
    explorer: &Explorer,
    path: &str,
    dest: &Path,
    options: &TransferOptions,
    progress: &mut dyn FnMut(&Progress),
) -> Result<TransferReport> {
    if dest.is_dir() {
        transfer::download(explorer, &[path], dest, options, progress)
    } else {
        transfer::download_as(explorer, path, dest, options, progress)
    }
}
