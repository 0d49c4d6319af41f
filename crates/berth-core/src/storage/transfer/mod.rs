//! Transfers between the host and a folder: [`upload`] host files and
//! directories into a folder directory, [`download`] folder entries into a
//! host directory.
//!
//! Both walk their sources first (so totals are known), then copy in
//! constant memory on a few threads, keeping modification times and
//! permission bits. Every file is written under a partial name in its
//! destination directory and renamed into place once its bytes are on disk
//! (see [`partial`]); [`clean_leftovers`] removes what an interrupted
//! transfer left behind. Name clashes follow a [`Conflict`] policy.
//! Progress goes to a callback on the calling thread; a [`CancelToken`]
//! stops the transfer with [`Error::Cancelled`](crate::Error::Cancelled).

mod conflict;
mod copy;
pub(crate) mod partial;
mod plan;
mod progress;
mod run;

pub use conflict::{Conflict, numbered_name};
pub use partial::{PARTIAL_PREFIX, clean_leftovers, is_partial_name};
pub use progress::{CancelToken, Progress, REPORT_INTERVAL};

use crate::storage::explorer::io_errors::{folder_error, host_error};
use crate::storage::explorer::{Explorer, FolderPath};
use crate::{Error, Result};
use cap_std::ambient_authority;
use cap_std::fs::Dir;
use plan::Top;
use run::{Job, Label};
use serde::Serialize;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// Copying threads used unless the caller says otherwise.
pub const DEFAULT_WORKERS: usize = 4;

/// How to run a transfer.
#[derive(Debug, Clone)]
pub struct TransferOptions {
    pub conflict: Conflict,
    pub cancel: CancelToken,
    /// Copying threads (1 to 64).
    pub workers: usize,
}

impl Default for TransferOptions {
    fn default() -> Self {
        TransferOptions {
            conflict: Conflict::default(),
            cancel: CancelToken::new(),
            workers: DEFAULT_WORKERS,
        }
    }
}

/// An entry a transfer left out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "SkippedPath")]
pub struct Skipped {
    /// The entry's path under the destination directory, as it would have
    /// been named.
    pub path: String,
    pub reason: String,
}

impl Skipped {
    pub(crate) fn new(path: &Path, reason: impl Into<String>) -> Self {
        Skipped {
            path: path.to_string_lossy().into_owned(),
            reason: reason.into(),
        }
    }
}

/// What a transfer did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct TransferReport {
    /// Files and symbolic links put in place.
    #[ts(type = "number")]
    pub files: u64,
    /// Bytes of the files put in place.
    #[ts(type = "number")]
    pub bytes: u64,
    pub skipped: Vec<Skipped>,
}

/// Copies host files and directories into the folder directory `dest_dir`,
/// each under its own name. A source that is a symbolic link is followed;
/// links inside a source directory are copied as links when they stay
/// inside it, and skipped otherwise. The folder's `ro` permission is the
/// caller's to check.
pub fn upload<P: AsRef<Path>>(
    folder: &Explorer,
    sources: &[P],
    dest_dir: &str,
    options: &TransferOptions,
    progress: &mut dyn FnMut(&Progress),
) -> Result<TransferReport> {
    let dest_path = FolderPath::parse(dest_dir)?;
    let dest = folder
        .dir()
        .try_clone()
        .map_err(|e| folder_error(e, &FolderPath::root()))?;
    check_dir(&dest, dest_path.as_relative()).map_err(|e| folder_error(e, &dest_path))?;

    let mut bases = Vec::with_capacity(sources.len());
    let mut tops = Vec::with_capacity(sources.len());
    for source in sources {
        let given = source.as_ref();
        let canonical = std::fs::canonicalize(given).map_err(|e| host_error(e, given))?;
        let (Some(parent), Some(real_name)) = (canonical.parent(), canonical.file_name()) else {
            return Err(Error::InvalidPath {
                path: given.display().to_string(),
                reason: "the root directory cannot be uploaded".to_owned(),
            });
        };
        let name = given.file_name().unwrap_or(real_name).to_owned();
        let base = Dir::open_ambient_dir(parent, ambient_authority())
            .map_err(|e| host_error(e, parent))?;
        tops.push(Top {
            base: bases.len(),
            relative: PathBuf::from(real_name),
            name,
            follow: true,
            depth: 0,
        });
        bases.push((base, Label::Host(parent.to_owned())));
    }
    let plan = {
        let dirs: Vec<&Dir> = bases.iter().map(|(dir, _)| dir).collect();
        plan::scan(&dirs, &tops).map_err(|(i, e)| host_error(e, sources[i].as_ref()))?
    };
    let job = Job {
        sources: bases,
        dest,
        dest_label: Label::Folder,
        dest_dir: dest_path.as_relative().to_owned(),
        options,
    };
    run::execute(job, plan, progress)
}

/// Copies folder entries into the host directory `dest_dir`, each under
/// its own name; the folder root (`""` or `"/"`) stands for all of its
/// entries. A named source that is a symbolic link is followed (inside the
/// folder); links inside a directory are copied as links when they stay
/// inside it, and skipped otherwise.
pub fn download<S: AsRef<str>>(
    folder: &Explorer,
    sources: &[S],
    dest_dir: &Path,
    options: &TransferOptions,
    progress: &mut dyn FnMut(&Progress),
) -> Result<TransferReport> {
    let mut tops = Vec::new();
    for source in sources {
        let path = FolderPath::parse(source.as_ref())?;
        match path.file_name() {
            Some(name) => tops.push(Source {
                name: OsString::from(name),
                path: path.clone(),
                named: true,
            }),
            None => {
                for name in root_entries(folder)? {
                    tops.push(Source {
                        path: FolderPath::parse(&name.to_string_lossy()).unwrap_or_default(),
                        name,
                        named: false,
                    });
                }
            }
        }
    }
    download_tops(folder, tops, dest_dir, options, progress)
}

/// Copies one folder entry to the host path `dest`, which names the copy
/// itself (as a save dialog gives it); its parent directory must exist.
/// The conflict policy applies to `dest`.
pub fn download_as(
    folder: &Explorer,
    source: &str,
    dest: &Path,
    options: &TransferOptions,
    progress: &mut dyn FnMut(&Progress),
) -> Result<TransferReport> {
    let path = FolderPath::parse(source)?;
    if path.is_root() {
        return Err(Error::InvalidPath {
            path: path.to_string(),
            reason: "name a file or directory inside the folder".to_owned(),
        });
    }
    let (Some(parent), Some(name)) = (dest.parent(), dest.file_name()) else {
        return Err(Error::InvalidPath {
            path: dest.display().to_string(),
            reason: "the destination needs a file name".to_owned(),
        });
    };
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    let source = Source {
        path,
        name: name.to_owned(),
        named: true,
    };
    download_tops(folder, vec![source], parent, options, progress)
}

/// A folder entry to download.
struct Source {
    path: FolderPath,
    /// Its name in the destination directory.
    name: OsString,
    /// Named by the caller (a link is followed), rather than a child of the
    /// root being downloaded (a link is judged as part of the root's tree).
    named: bool,
}

fn download_tops(
    folder: &Explorer,
    sources: Vec<Source>,
    dest_dir: &Path,
    options: &TransferOptions,
    progress: &mut dyn FnMut(&Progress),
) -> Result<TransferReport> {
    let dest = Dir::open_ambient_dir(dest_dir, ambient_authority())
        .map_err(|e| host_error(e, dest_dir))?;
    let tops: Vec<Top> = sources
        .iter()
        .map(|source| Top {
            base: 0,
            relative: source.path.as_relative().to_owned(),
            name: source.name.clone(),
            follow: source.named,
            depth: 0,
        })
        .collect();
    let source = folder
        .dir()
        .try_clone()
        .map_err(|e| folder_error(e, &FolderPath::root()))?;
    let plan = plan::scan(&[&source], &tops).map_err(|(i, e)| folder_error(e, &sources[i].path))?;
    let job = Job {
        sources: vec![(source, Label::Folder)],
        dest,
        dest_label: Label::Host(dest_dir.to_owned()),
        dest_dir: PathBuf::from("."),
        options,
    };
    run::execute(job, plan, progress)
}

/// The names an upload of `sources` into the folder directory `dest_dir`
/// would find taken (so the caller can ask which [`Conflict`] policy to
/// use), in the order of `sources`.
pub fn upload_conflicts<P: AsRef<Path>>(
    folder: &Explorer,
    sources: &[P],
    dest_dir: &str,
) -> Result<Vec<String>> {
    let dest_path = FolderPath::parse(dest_dir)?;
    let dest = folder
        .dir()
        .open_dir(dest_path.as_relative())
        .map_err(|e| folder_error(e, &dest_path))?;
    let mut taken = Vec::new();
    for source in sources {
        let source = source.as_ref();
        let Some(name) = source.file_name() else {
            continue;
        };
        if dest.symlink_metadata(name).is_ok() {
            taken.push(name.to_string_lossy().into_owned());
        }
    }
    Ok(taken)
}

fn check_dir(dir: &Dir, path: &Path) -> std::io::Result<()> {
    if dir.metadata(path)?.is_dir() {
        Ok(())
    } else {
        Err(std::io::ErrorKind::NotADirectory.into())
    }
}

/// The names in the folder root, without partial files.
fn root_entries(folder: &Explorer) -> Result<Vec<OsString>> {
    let root = FolderPath::root();
    let mut names = Vec::new();
    for entry in folder.dir().entries().map_err(|e| folder_error(e, &root))? {
        let name = entry.map_err(|e| folder_error(e, &root))?.file_name();
        if !is_partial_name(&name.to_string_lossy()) {
            names.push(name);
        }
    }
    Ok(names)
}
