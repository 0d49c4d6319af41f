//! The folder explorer: listing, reading and changing files inside one
//! folder, by paths relative to the folder root.
//!
//! Every operation goes through a directory handle opened on the folder
//! root ([`cap_std::fs::Dir`]), which resolves paths beneath it with
//! `openat2(RESOLVE_BENEATH)` or an equivalent walk: `..`, absolute paths
//! and symbolic links that lead out of the folder fail, and a path swapped
//! for a link between a check and its use cannot lead out either. On top of
//! that, user paths are parsed by [`FolderPath::parse`], which refuses `..`
//! outright. Operations on a final component (remove, rename) use the
//! opened parent directory and the bare name, so they act on a link itself
//! and never on what it points to.
//!
//! The caller (the folder layer) resolves a folder to its root and checks
//! that writes are allowed before calling here.

mod folder_path;
pub(crate) mod io_errors;
mod listing;
mod timestamp;

pub use folder_path::{FolderPath, MAX_COMPONENT_LEN, MAX_PATH_LEN};
pub use listing::{Entry, EntryKind, ListQuery, Page, SortKey, compare_names};
pub use timestamp::rfc3339_utc;

use crate::storage::transfer::partial::PartialFile;
use crate::{Error, Result};
use cap_fs_ext::{OpenOptionsFollowExt, OpenOptionsSyncExt};
use cap_std::fs::{Dir, DirEntry, FileType, FileTypeExt, OpenOptions, PermissionsExt};
use io_errors::folder_error;
use rustix::fs::{RenameFlags, renameat, renameat_with};
use rustix::io::Errno;
use std::ffi::OsStr;
use std::io::{self, Read, Write};
use std::path::Path;

/// Largest file [`Explorer::read_text`] reads and [`Explorer::write_text`]
/// writes: 1 MiB.
pub const TEXT_LIMIT: u64 = 1024 * 1024;

/// One folder, opened for exploring.
#[derive(Debug)]
pub struct Explorer {
    root: Dir,
}

impl Explorer {
    /// Opens the folder whose data lives at `root` (an absolute host path).
    /// The error does not show `root`, which is no business of the user.
    pub fn open(root: &Path) -> Result<Self> {
        let dir =
            Dir::open_ambient_dir(root, cap_std::ambient_authority()).map_err(|e| Error::Io {
                path: FolderPath::root().to_string(),
                reason: format!("cannot open the folder's data directory: {e}"),
            })?;
        Ok(Explorer { root: dir })
    }

    /// Explores a folder root the caller has already opened.
    pub fn from_dir(root: Dir) -> Self {
        Explorer { root }
    }

    /// The handle on the folder root.
    pub fn dir(&self) -> &Dir {
        &self.root
    }

    /// One page of the directory at `path`: directories first, then by the
    /// query's key (names break ties), with the total number of entries.
    pub fn list(&self, path: &str, query: &ListQuery) -> Result<Page> {
        let path = FolderPath::parse(path)?;
        let dir = self.open_dir(&path)?;
        listing::list_page(&dir, query).map_err(|e| folder_error(e, &path))
    }

    /// What is at `path`, without following a final symbolic link. The
    /// root's name is empty.
    pub fn stat(&self, path: &str) -> Result<Entry> {
        let path = FolderPath::parse(path)?;
        let metadata = self
            .root
            .symlink_metadata(path.as_relative())
            .map_err(|e| folder_error(e, &path))?;
        let name = path.file_name().unwrap_or_default().to_owned();
        Ok(Entry::from_metadata(name, &metadata))
    }

    /// Creates the directory `path`; with `parents`, also its missing
    /// parents, and an existing directory is not an error.
    pub fn mkdir(&self, path: &str, parents: bool) -> Result<()> {
        let path = FolderPath::parse(path)?;
        let result = if parents {
            self.root.create_dir_all(path.as_relative())
        } else if path.is_root() {
            return Err(Error::AlreadyExists {
                path: path.to_string(),
            });
        } else {
            self.root.create_dir(path.as_relative())
        };
        result.map_err(|e| folder_error(e, &path))
    }

    /// Moves `from` to `to` inside the folder. `to` is the new path of the
    /// entry, not a directory to move it into. Without `overwrite`, an
    /// existing `to` is refused with `AlreadyExists` (atomically, where the
    /// file system supports `RENAME_NOREPLACE`); with it, a file or link is
    /// replaced and an empty directory may be replaced by a directory.
    pub fn rename(&self, from: &str, to: &str, overwrite: bool) -> Result<()> {
        let from = FolderPath::parse(from)?;
        let to = FolderPath::parse(to)?;
        for path in [&from, &to] {
            if path.is_root() {
                return Err(Error::InvalidPath {
                    path: path.to_string(),
                    reason: "the folder root cannot be moved".to_owned(),
                });
            }
        }
        let (from_dir, from_name) = self.open_parent(&from)?;
        let (to_dir, to_name) = self.open_parent(&to)?;
        if from == to {
            // Still report a missing source.
            from_dir
                .symlink_metadata(from_name)
                .map_err(|e| folder_error(e, &from))?;
            return Ok(());
        }
        if to.starts_with(&from) {
            return Err(Error::InvalidPath {
                path: to.to_string(),
                reason: format!("{from} cannot be moved inside itself"),
            });
        }
        let result = if overwrite {
            renameat(&from_dir, from_name, &to_dir, to_name)
        } else {
            rename_noreplace(
                &from_dir,
                OsStr::new(from_name),
                &to_dir,
                OsStr::new(to_name),
            )
        };
        result.map_err(|errno| {
            let blame = match errno {
                Errno::NOENT => &from,
                _ => &to,
            };
            folder_error(errno.into(), blame)
        })
    }

    /// Removes `path`. A directory needs `recursive` unless it is empty. A
    /// symbolic link is removed itself, never what it points to, and
    /// recursive removal does not descend into links.
    pub fn remove(&self, path: &str, recursive: bool) -> Result<()> {
        let path = FolderPath::parse(path)?;
        if path.is_root() {
            return Err(Error::InvalidPath {
                path: path.to_string(),
                reason: "the folder root cannot be removed".to_owned(),
            });
        }
        let (parent, name) = self.open_parent(&path)?;
        let metadata = parent
            .symlink_metadata(name)
            .map_err(|e| folder_error(e, &path))?;
        let result = if !metadata.is_dir() {
            parent.remove_file(name)
        } else if recursive {
            // cap-std removes recursively without following links, relative
            // to each opened directory.
            parent.remove_dir_all(name)
        } else {
            parent.remove_dir(name)
        };
        result.map_err(|e| folder_error(e, &path))
    }

    /// The content of the text file at `path`, at most [`TEXT_LIMIT`]
    /// bytes. A file with a NUL byte or that is not UTF-8 is `BinaryFile`;
    /// so is anything that is not a regular file.
    pub fn read_text(&self, path: &str) -> Result<String> {
        let path = FolderPath::parse(path)?;
        // Non-blocking, so that a FIFO put in place of the file cannot hang
        // the call; it changes nothing for regular files.
        let file = open_for_reading(&self.root, path.as_relative(), true)
            .map_err(|e| folder_error(e, &path))?;
        let metadata = file.metadata().map_err(|e| folder_error(e, &path))?;
        if metadata.is_dir() {
            return Err(Error::IsADirectory {
                path: path.to_string(),
            });
        }
        if !metadata.is_file() {
            return Err(Error::BinaryFile {
                path: path.to_string(),
            });
        }
        let too_large = || Error::FileTooLarge {
            path: path.to_string(),
            limit: TEXT_LIMIT,
        };
        if metadata.len() > TEXT_LIMIT {
            return Err(too_large());
        }
        let mut bytes = Vec::with_capacity(metadata.len() as usize);
        // The file may grow while being read.
        file.take(TEXT_LIMIT + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| folder_error(e, &path))?;
        if bytes.len() as u64 > TEXT_LIMIT {
            return Err(too_large());
        }
        if bytes.contains(&0) {
            return Err(Error::BinaryFile {
                path: path.to_string(),
            });
        }
        String::from_utf8(bytes).map_err(|_| Error::BinaryFile {
            path: path.to_string(),
        })
    }

    /// Replaces (or creates) the file at `path` with `content`, atomically:
    /// the text is written to a partial file beside it, flushed to disk and
    /// renamed over. An existing file keeps its permissions; a symbolic link
    /// is followed (inside the folder) and its target replaced.
    pub fn write_text(&self, path: &str, content: &str) -> Result<()> {
        let mut path = FolderPath::parse(path)?;
        if content.len() as u64 > TEXT_LIMIT {
            return Err(Error::FileTooLarge {
                path: path.to_string(),
                limit: TEXT_LIMIT,
            });
        }
        if path.is_root() {
            return Err(Error::IsADirectory {
                path: path.to_string(),
            });
        }
        let mut existing = self.root.symlink_metadata(path.as_relative()).ok();
        if existing.as_ref().is_some_and(|m| m.is_symlink()) {
            let target = self
                .root
                .canonicalize(path.as_relative())
                .map_err(|e| folder_error(e, &path))?;
            let target = target.to_str().ok_or_else(|| Error::InvalidPath {
                path: path.to_string(),
                reason: "the link's target is not UTF-8".to_owned(),
            })?;
            path = FolderPath::parse(target)?;
            existing = self.root.symlink_metadata(path.as_relative()).ok();
        }
        if existing.as_ref().is_some_and(|m| m.is_dir()) {
            return Err(Error::IsADirectory {
                path: path.to_string(),
            });
        }
        let (parent, name) = self.open_parent(&path)?;
        let mode = existing.map_or(0o666, |m| m.permissions().mode() & 0o7777);
        let partial =
            PartialFile::create(&parent, name, mode).map_err(|e| folder_error(e, &path))?;
        let written = (|| {
            let mut file = partial.file();
            file.write_all(content.as_bytes())?;
            file.sync_all()
        })();
        if let Err(e) = written {
            partial.discard();
            return Err(folder_error(e, &path));
        }
        partial
            .replace(name)
            .map_err(|e| folder_error(e.into(), &path))
    }

    /// Opens the directory at `path`, following links that stay inside.
    fn open_dir(&self, path: &FolderPath) -> Result<Dir> {
        self.root
            .open_dir(path.as_relative())
            .map_err(|e| folder_error(e, path))
    }

    /// Opens the parent of a non-root `path` and returns it with the last
    /// component.
    fn open_parent<'p>(&self, path: &'p FolderPath) -> Result<(Dir, &'p str)> {
        let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
            return Err(Error::InvalidPath {
                path: path.to_string(),
                reason: "the folder root has no parent".to_owned(),
            });
        };
        Ok((self.open_dir(&parent)?, name))
    }
}

/// The type of a directory entry, from `d_type` where the file system
/// gives it (no `stat`), else from `lstat`.
pub(crate) fn entry_type(entry: &DirEntry) -> io::Result<FileType> {
    let t = entry.file_type()?;
    let known = t.is_dir()
        || t.is_file()
        || t.is_symlink()
        || t.is_fifo()
        || t.is_socket()
        || t.is_block_device()
        || t.is_char_device();
    if known {
        Ok(t)
    } else {
        Ok(entry.metadata()?.file_type())
    }
}

/// Opens `path` in `dir` for reading, following a final link only if asked,
/// and without blocking if a FIFO has been put there.
pub(crate) fn open_for_reading(
    dir: &Dir,
    path: &Path,
    follow: bool,
) -> io::Result<cap_std::fs::File> {
    let mut options = OpenOptions::new();
    let follow = if follow {
        cap_fs_ext::FollowSymlinks::Yes
    } else {
        cap_fs_ext::FollowSymlinks::No
    };
    options.read(true).follow(follow).nonblock(true);
    dir.open_with(path, &options)
}

/// Renames without replacing an existing `to`, atomically where the file
/// system has `RENAME_NOREPLACE`, else by a hard link (which also refuses an
/// existing name) and an unlink.
pub(crate) fn rename_noreplace(
    from_dir: &Dir,
    from: &OsStr,
    to_dir: &Dir,
    to: &OsStr,
) -> rustix::io::Result<()> {
    match renameat_with(from_dir, from, to_dir, to, RenameFlags::NOREPLACE) {
        Err(Errno::INVAL | Errno::NOSYS | Errno::OPNOTSUPP) => {}
        other => return other,
    }
    match rustix::fs::linkat(from_dir, from, to_dir, to, rustix::fs::AtFlags::empty()) {
        Ok(()) => rustix::fs::unlinkat(from_dir, from, rustix::fs::AtFlags::empty()),
        // Directories cannot be hard-linked: fall back to a check, then a
        // plain rename (racy, on file systems that leave no better way).
        Err(Errno::PERM) => match to_dir.symlink_metadata(to) {
            Ok(_) => Err(Errno::EXIST),
            Err(_) => renameat(from_dir, from, to_dir, to),
        },
        Err(e) => Err(e),
    }
}
