//! Partial files: every file Berth writes is first written under a
//! temporary name in its destination directory, made durable, then renamed
//! into place. A cancel, a crash or `kill -9` therefore leaves at most a
//! `.berth-part-*` file behind, never a truncated file under the real name,
//! and never a damaged version of the file being replaced.
//!
//! The temporary name carries the writer's process id, so that
//! [`clean_leftovers`] can tell the files of a live transfer (another Berth
//! process, say the CLI next to the app) from those of a dead one.

use super::run::Label;
use crate::Result;
use crate::storage::explorer::{Explorer, entry_type, io_errors};
use cap_fs_ext::DirExt;
use cap_std::fs::{Dir, File, OpenOptions, OpenOptionsExt};
use rustix::fs::renameat;
use std::ffi::{OsStr, OsString};
use std::io;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::PathBuf;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

/// The prefix of every partial file's name.
pub const PARTIAL_PREFIX: &str = ".berth-part-";

/// Longest file name the file systems Berth writes to accept.
const NAME_MAX: usize = 255;

/// Whether `name` is one of Berth's partial files.
pub fn is_partial_name(name: &str) -> bool {
    name.starts_with(PARTIAL_PREFIX)
}

/// A fresh partial name for a file that will be called `final_name`:
/// `.berth-part-<pid>-<unique>-<final name, shortened to fit>`.
pub(crate) fn partial_name(final_name: &OsStr) -> OsString {
    static SEED: OnceLock<u32> = OnceLock::new();
    static PID: OnceLock<u32> = OnceLock::new();
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let seed = *SEED.get_or_init(|| uuid::Uuid::new_v4().as_u128() as u32);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut name = format!(
        "{PARTIAL_PREFIX}{}-{seed:08x}{count:x}-",
        PID.get_or_init(std::process::id)
    )
    .into_bytes();
    let room = NAME_MAX.saturating_sub(name.len());
    let tail = final_name.as_bytes();
    name.extend_from_slice(&tail[..tail.len().min(room)]);
    OsString::from_vec(name)
}

/// The id of the process that wrote a partial file, read from its name.
fn writer_pid(name: &OsStr) -> Option<i32> {
    let rest = name.as_bytes().strip_prefix(PARTIAL_PREFIX.as_bytes())?;
    let digits = rest.split(|&b| b == b'-').next()?;
    std::str::from_utf8(digits).ok()?.parse().ok()
}

/// Whether the process that wrote a partial file may still be writing it.
/// A name without a readable id counts as dead.
fn writer_is_alive(name: &OsStr) -> bool {
    let Some(pid) = writer_pid(name).and_then(rustix::process::Pid::from_raw) else {
        return false;
    };
    match rustix::process::test_kill_process(pid) {
        Ok(()) => true,
        // The process exists but belongs to someone else.
        Err(rustix::io::Errno::PERM) => true,
        Err(_) => false,
    }
}

/// A file being written under a partial name in `dir`.
pub(crate) struct PartialFile<'d> {
    dir: &'d Dir,
    name: OsString,
    file: File,
}

impl<'d> PartialFile<'d> {
    /// Creates a new, empty partial file for `final_name` in `dir`, with the
    /// permission bits `mode` (filtered by the umask).
    pub(crate) fn create(
        dir: &'d Dir,
        final_name: impl AsRef<OsStr>,
        mode: u32,
    ) -> io::Result<Self> {
        let mut options = OpenOptions::new();
        options.write(true).create_new(true).mode(mode);
        loop {
            let name = partial_name(final_name.as_ref());
            match dir.open_with(&name, &options) {
                Ok(file) => return Ok(PartialFile { dir, name, file }),
                // Another process shares our pid namespace view and counter:
                // pick another name.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
    }

    /// The open file, for writing.
    pub(crate) fn file(&self) -> &File {
        &self.file
    }

    /// Closes the file and keeps its partial name, for a later
    /// [`place`](super::conflict::place).
    pub(crate) fn close(self) -> OsString {
        self.name
    }

    /// Like [`close`](Self::close), but hands the open file back too.
    pub(crate) fn into_parts(self) -> (OsString, File) {
        (self.name, self.file)
    }

    /// Removes the partial file.
    pub(crate) fn discard(self) {
        drop(self.file);
        let _ = self.dir.remove_file(&self.name);
    }

    /// Renames the partial file over `final_name`, replacing what is there.
    /// The caller has made the content durable first.
    pub(crate) fn replace(self, final_name: &str) -> rustix::io::Result<()> {
        drop(self.file);
        let result = renameat(self.dir, &self.name, self.dir, final_name);
        if result.is_err() {
            let _ = self.dir.remove_file(&self.name);
        }
        result
    }
}

/// Removes the partial files that interrupted transfers and edits left in
/// the folder, and returns how many. Partial files whose writer is still
/// running are kept. The folder is walked without following links.
pub fn clean_leftovers(folder: &Explorer) -> Result<usize> {
    let root = folder.dir();
    let mut removed = 0;
    let mut pending = vec![PathBuf::from(".")];
    while let Some(relative) = pending.pop() {
        let dir = match root.open_dir_nofollow(&relative) {
            Ok(dir) => dir,
            // Gone, or replaced by something else since it was listed.
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                ) =>
            {
                continue;
            }
            Err(e) if e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) => continue,
            Err(e) => return Err(io_errors::map(e, Label::Folder.show(&relative))),
        };
        let entries = dir
            .entries()
            .map_err(|e| io_errors::map(e, Label::Folder.show(&relative)))?;
        for entry in entries {
            let entry = entry.map_err(|e| io_errors::map(e, Label::Folder.show(&relative)))?;
            let name = entry.file_name();
            let Ok(file_type) = entry_type(&entry) else {
                continue;
            };
            if file_type.is_dir() {
                pending.push(relative.join(&name));
            } else if name.as_bytes().starts_with(PARTIAL_PREFIX.as_bytes())
                && !writer_is_alive(&name)
            {
                match dir.remove_file(&name) {
                    Ok(()) => removed += 1,
                    Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                    Err(e) => {
                        return Err(io_errors::map(e, Label::Folder.show(&relative.join(&name))));
                    }
                }
            }
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_names_are_unique_short_enough_and_recognised() {
        let a = partial_name(OsStr::new("data.bin"));
        let b = partial_name(OsStr::new("data.bin"));
        assert_ne!(a, b);
        assert!(is_partial_name(a.to_str().unwrap()));
        assert!(a.to_str().unwrap().ends_with("-data.bin"));
        assert_eq!(writer_pid(&a), Some(std::process::id() as i32));
        assert!(writer_is_alive(&a));
        let long = "x".repeat(255);
        assert_eq!(partial_name(OsStr::new(&long)).len(), 255);
    }

    #[test]
    fn names_without_a_pid_count_as_dead() {
        assert_eq!(writer_pid(OsStr::new(".berth-part-zz-1-a")), None);
        assert!(!writer_is_alive(OsStr::new(".berth-part-zz-1-a")));
        assert!(!writer_is_alive(OsStr::new(".berth-part--x")));
    }
}
