//! The first step of a transfer: walking the sources into a plan (the
//! directories to create, the files and links to copy, what is skipped and
//! why), so totals are known before any byte moves.
//!
//! Sources named by the caller are followed if they are symbolic links;
//! inside a tree nothing is followed. A link inside the tree is copied as a
//! link when its target, read as a relative path, stays inside the tree;
//! other links, devices, sockets and FIFOs are skipped and reported.

use super::Skipped;
use super::partial::is_partial_name;
use crate::storage::explorer::entry_type;
use cap_fs_ext::DirExt;
use cap_std::fs::{Dir, FileType, FileTypeExt, Metadata, MetadataExt};
use rustix::fs::{Timespec, Timestamps};
use std::ffi::OsString;
use std::io;
use std::path::{Component, Path, PathBuf};

/// Index of a directory in [`Plan::dirs`]; 0 is the destination directory.
pub(crate) type DirId = usize;

/// A source as the caller named it.
pub(crate) struct Top {
    /// Index of the directory handle the path is relative to.
    pub base: usize,
    pub relative: PathBuf,
    /// The name it gets in the destination directory.
    pub name: OsString,
    /// Whether this is a source the caller named, followed if it is a link
    /// and the root of its own tree; otherwise it is an entry of a larger
    /// tree (such as a child of a folder root being downloaded) and a link
    /// is taken as a link.
    pub follow: bool,
    /// For an entry of a larger tree, how many levels its directory lies
    /// below that tree's root, for judging where links point.
    pub depth: usize,
}

/// Where a file's bytes come from.
#[derive(Debug)]
pub(crate) struct Source {
    pub base: usize,
    pub relative: PathBuf,
    pub follow: bool,
}

#[derive(Debug)]
pub(crate) struct PlanDir {
    pub parent: DirId,
    pub name: OsString,
    /// The path it would have under the destination directory, for reports.
    pub shown: PathBuf,
    pub times: Timestamps,
}

#[derive(Debug)]
pub(crate) struct PlanFile {
    pub dir: DirId,
    pub name: OsString,
    pub source: Source,
    pub size: u64,
    pub mode: u32,
    pub times: Timestamps,
}

#[derive(Debug)]
pub(crate) struct PlanLink {
    pub dir: DirId,
    pub name: OsString,
    pub target: PathBuf,
    pub times: Timestamps,
}

#[derive(Debug)]
pub(crate) struct Plan {
    pub dirs: Vec<PlanDir>,
    pub files: Vec<PlanFile>,
    pub links: Vec<PlanLink>,
    pub skipped: Vec<Skipped>,
}

impl Plan {
    /// The path `name` in `dir` would have under the destination, for
    /// reports.
    pub(crate) fn shown(&self, dir: DirId, name: &OsString) -> PathBuf {
        self.dirs[dir].shown.join(name)
    }
}

pub(crate) fn times_of(metadata: &Metadata) -> Timestamps {
    Timestamps {
        last_access: Timespec {
            tv_sec: metadata.atime(),
            tv_nsec: metadata.atime_nsec() as _,
        },
        last_modification: Timespec {
            tv_sec: metadata.mtime(),
            tv_nsec: metadata.mtime_nsec() as _,
        },
    }
}

/// Walks `tops` (relative to `bases`) into a plan. Errors on a top-level
/// source are returned; errors below it skip the entry and are reported.
pub(crate) fn scan(bases: &[&Dir], tops: &[Top]) -> Result<Plan, (usize, io::Error)> {
    let mut plan = Plan {
        dirs: vec![PlanDir {
            parent: 0,
            name: OsString::new(),
            shown: PathBuf::new(),
            times: Timestamps {
                last_access: Timespec {
                    tv_sec: 0,
                    tv_nsec: 0,
                },
                last_modification: Timespec {
                    tv_sec: 0,
                    tv_nsec: 0,
                },
            },
        }],
        files: Vec::new(),
        links: Vec::new(),
        skipped: Vec::new(),
    };
    for (index, top) in tops.iter().enumerate() {
        let base = bases[top.base];
        let metadata = if top.follow {
            base.metadata(&top.relative)
        } else {
            base.symlink_metadata(&top.relative)
        }
        .map_err(|e| (index, e))?;
        let read_link = || base.read_link_contents(&top.relative);
        let entry = Found {
            base: top.base,
            relative: top.relative.clone(),
            name: top.name.clone(),
            file_type: metadata.file_type(),
            depth: top.depth,
            follow: top.follow,
        };
        if let Some(dir) = plan.add(entry, 0, &metadata, read_link) {
            walk(bases, &mut plan, dir, top).map_err(|e| (index, e))?;
        }
    }
    Ok(plan)
}

/// An entry met on the way.
struct Found {
    base: usize,
    relative: PathBuf,
    name: OsString,
    file_type: FileType,
    depth: usize,
    follow: bool,
}

impl Plan {
    /// Adds one entry under `parent`; returns the new directory's id when
    /// the entry is a directory to descend into.
    fn add(
        &mut self,
        found: Found,
        parent: DirId,
        metadata: &Metadata,
        read_link: impl FnOnce() -> io::Result<PathBuf>,
    ) -> Option<DirId> {
        let shown = self.shown(parent, &found.name);
        let t = found.file_type;
        if t.is_dir() {
            self.dirs.push(PlanDir {
                parent,
                name: found.name,
                shown,
                times: times_of(metadata),
            });
            return Some(self.dirs.len() - 1);
        }
        if t.is_file() {
            self.files.push(PlanFile {
                dir: parent,
                name: found.name,
                source: Source {
                    base: found.base,
                    relative: found.relative,
                    follow: found.follow,
                },
                size: metadata.len(),
                mode: metadata.mode() & 0o777,
                times: times_of(metadata),
            });
            return None;
        }
        let reason = if t.is_symlink() {
            match read_link() {
                Ok(target) if link_stays_inside(found.depth, &target) => {
                    self.links.push(PlanLink {
                        dir: parent,
                        name: found.name,
                        target,
                        times: times_of(metadata),
                    });
                    return None;
                }
                Ok(_) => "a symbolic link pointing outside the transferred tree".to_owned(),
                Err(e) => format!("the symbolic link cannot be read: {e}"),
            }
        } else if t.is_fifo() {
            "a named pipe (FIFO)".to_owned()
        } else if t.is_socket() {
            "a socket".to_owned()
        } else if t.is_block_device() || t.is_char_device() {
            "a device file".to_owned()
        } else {
            "not a regular file".to_owned()
        };
        self.skipped.push(Skipped::new(&shown, reason));
        None
    }
}

/// Walks the directory tree below a top-level directory.
fn walk(bases: &[&Dir], plan: &mut Plan, top_dir: DirId, top: &Top) -> io::Result<()> {
    let base = bases[top.base];
    // Directories still to read: (id, path relative to the base, depth of
    // the directory below the tree root). A named source is the root of its
    // own tree; an entry of a tree sits `top.depth` below that tree's root.
    let first = if top.follow { 0 } else { top.depth + 1 };
    let mut pending = vec![(top_dir, top.relative.clone(), first)];
    while let Some((id, relative, depth)) = pending.pop() {
        let is_top = id == top_dir;
        let opened = if is_top && top.follow {
            base.open_dir(&relative)
        } else {
            base.open_dir_nofollow(&relative)
        };
        let dir = match opened {
            Ok(dir) => dir,
            Err(e) if is_top => return Err(e),
            Err(e) => {
                let shown = plan.dirs[id].shown.clone();
                plan.skipped
                    .push(Skipped::new(&shown, format!("cannot be read: {e}")));
                continue;
            }
        };
        let entries = match dir.entries() {
            Ok(entries) => entries,
            Err(e) if is_top => return Err(e),
            Err(e) => {
                let shown = plan.dirs[id].shown.clone();
                plan.skipped
                    .push(Skipped::new(&shown, format!("cannot be read: {e}")));
                continue;
            }
        };
        for entry in entries {
            let entry = entry?;
            let name = entry.file_name();
            // Another transfer's unfinished file.
            if is_partial_name(&name.to_string_lossy()) {
                continue;
            }
            let file_type = match entry_type(&entry) {
                Ok(t) => t,
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e),
            };
            let metadata = match entry.metadata() {
                Ok(m) => m,
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e),
            };
            let found = Found {
                base: top.base,
                relative: relative.join(&name),
                name: name.clone(),
                file_type,
                depth,
                follow: false,
            };
            let read_link = || dir.read_link_contents(&name);
            let child_relative = found.relative.clone();
            if let Some(child) = plan.add(found, id, &metadata, read_link) {
                pending.push((child, child_relative, depth + 1));
            }
        }
    }
    Ok(())
}

/// Whether a link whose directory is `depth` levels below the tree root,
/// with this target, resolves inside the tree when read as a path. Absolute
/// targets never do; a target that climbs above the root at any step does
/// not, even if it comes back down.
pub(crate) fn link_stays_inside(depth: usize, target: &Path) -> bool {
    if target.as_os_str().is_empty() {
        return false;
    }
    let mut level = depth;
    for component in target.components() {
        match component {
            Component::CurDir => {}
            Component::Normal(_) => level += 1,
            Component::ParentDir => match level.checked_sub(1) {
                Some(up) => level = up,
                None => return false,
            },
            Component::RootDir | Component::Prefix(_) => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::link_stays_inside;
    use std::path::Path;

    #[test]
    fn links_inside_and_outside_the_tree() {
        let inside = |depth, target: &str| link_stays_inside(depth, Path::new(target));
        assert!(inside(0, "file"));
        assert!(inside(0, "./a/b"));
        assert!(inside(1, "../sibling"));
        assert!(inside(2, "../../x/y"));
        assert!(inside(0, "a/../b"));
        assert!(!inside(0, "../x"));
        assert!(!inside(1, "../../x"));
        assert!(!inside(0, "a/../../x"));
        assert!(!inside(0, "../tree/x"));
        assert!(!inside(3, "/etc/passwd"));
        assert!(!inside(0, ""));
    }
}
