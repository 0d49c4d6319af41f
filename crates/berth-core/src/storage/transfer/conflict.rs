//! What a transfer does when its destination name is taken, and the pure
//! rule for the numbered names of the `rename` policy.

use crate::storage::explorer::rename_noreplace;
use cap_std::fs::Dir;
use rustix::fs::renameat;
use rustix::io::Errno;
use serde::{Deserialize, Serialize};
use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use ts_rs::TS;

/// The policy for a destination name that is already taken.
///
/// A directory that meets an existing directory is merged with it under
/// `overwrite` and `skip` (the policy then applies to each file inside);
/// under `rename` it is transferred as `dir (1)`. A directory is never
/// replaced by a file nor a file by a directory: such an entry is skipped
/// and reported.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(rename = "ConflictPolicy")]
pub enum Conflict {
    /// Replace the existing file (atomically).
    Overwrite,
    /// Keep the existing file and report the new one as skipped.
    #[default]
    Skip,
    /// Keep both: the new file takes the first free `name (n).ext`.
    Rename,
}

/// Most numbered names tried before giving up.
const MAX_NUMBER: u32 = 10_000;

/// Longest file name, in bytes.
const NAME_MAX: usize = 255;

/// The `n`th alternative to `name`: `report (2).pdf` for a file,
/// `photos (2)` for a directory. A `.tar.*` double extension stays whole
/// (`data (1).tar.gz`); a leading dot is not an extension (`.bashrc (1)`).
/// The stem is shortened if the result would be too long for a file name.
pub fn numbered_name(name: &OsStr, n: u32, is_dir: bool) -> OsString {
    let bytes = name.as_bytes();
    let split = if is_dir {
        bytes.len()
    } else {
        extension_start(bytes)
    };
    let (stem, extension) = bytes.split_at(split);
    let suffix = format!(" ({n})");
    let room = NAME_MAX.saturating_sub(suffix.len() + extension.len());
    let mut out = Vec::with_capacity(bytes.len() + suffix.len());
    out.extend_from_slice(&stem[..stem.len().min(room)]);
    out.extend_from_slice(suffix.as_bytes());
    out.extend_from_slice(extension);
    OsString::from_vec(out)
}

/// Where the extension of a file name starts (the name's length if none).
fn extension_start(name: &[u8]) -> usize {
    let last_dot = |s: &[u8]| s.iter().rposition(|&b| b == b'.').filter(|&i| i > 0);
    match last_dot(name) {
        Some(i) => match last_dot(&name[..i]) {
            Some(j) if &name[j..i] == b".tar" => j,
            _ => i,
        },
        None => name.len(),
    }
}

/// What became of an entry at its destination.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Placement {
    /// It is in place, under this name.
    Placed(OsString),
    /// It was not placed, for this reason; the partial entry is removed.
    Skipped(&'static str),
}

/// Moves the finished partial entry `partial` in `dir` to `name`, following
/// the policy. Every step is one atomic rename, so the name never shows a
/// partial file and an existing file is either intact or fully replaced.
pub(crate) fn place(
    dir: &Dir,
    partial: &OsStr,
    name: &OsStr,
    policy: Conflict,
) -> rustix::io::Result<Placement> {
    let to_str = |s: &OsStr| s.to_owned();
    let outcome = match policy {
        Conflict::Overwrite => match renameat(dir, partial, dir, name) {
            Ok(()) => Ok(Placement::Placed(to_str(name))),
            Err(Errno::ISDIR | Errno::NOTEMPTY | Errno::EXIST) => {
                Ok(Placement::Skipped("a directory is in the way"))
            }
            Err(e) => Err(e),
        },
        Conflict::Skip => match noreplace(dir, partial, name) {
            Ok(()) => Ok(Placement::Placed(to_str(name))),
            Err(Errno::EXIST) => Ok(Placement::Skipped("already exists")),
            Err(e) => Err(e),
        },
        Conflict::Rename => {
            let mut outcome = Ok(Placement::Skipped("no free numbered name is left"));
            for n in 0..=MAX_NUMBER {
                let candidate = if n == 0 {
                    name.to_owned()
                } else {
                    numbered_name(name, n, false)
                };
                match noreplace(dir, partial, &candidate) {
                    Ok(()) => {
                        outcome = Ok(Placement::Placed(candidate));
                        break;
                    }
                    Err(Errno::EXIST) => continue,
                    Err(e) => {
                        outcome = Err(e);
                        break;
                    }
                }
            }
            outcome
        }
    };
    if !matches!(outcome, Ok(Placement::Placed(_))) {
        let _ = dir.remove_file(partial);
    }
    outcome
}

fn noreplace(dir: &Dir, from: &OsStr, to: &OsStr) -> rustix::io::Result<()> {
    rename_noreplace(dir, from, dir, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, n: u32) -> String {
        numbered_name(OsStr::new(name), n, false)
            .into_string()
            .unwrap()
    }

    #[test]
    fn numbered_names() {
        assert_eq!(file("report.pdf", 1), "report (1).pdf");
        assert_eq!(file("report.pdf", 12), "report (12).pdf");
        assert_eq!(file("README", 2), "README (2)");
        assert_eq!(file(".bashrc", 1), ".bashrc (1)");
        assert_eq!(file(".config.json", 1), ".config (1).json");
        assert_eq!(file("data.tar.gz", 1), "data (1).tar.gz");
        assert_eq!(file("a.b.c", 1), "a.b (1).c");
        assert_eq!(file("archive.tar", 1), "archive (1).tar");
        assert_eq!(file("trailing.", 1), "trailing (1).");
        let dir = numbered_name(OsStr::new("photos.2024"), 3, true);
        assert_eq!(dir, "photos.2024 (3)");
    }

    #[test]
    fn numbered_names_fit_in_a_file_name() {
        let long = format!("{}.txt", "x".repeat(252));
        let named = file(&long, 1234);
        assert_eq!(named.len(), 255);
        assert!(named.ends_with(" (1234).txt"));
    }

    #[test]
    fn policies_serialise_lowercase() {
        assert_eq!(
            serde_json::to_string(&Conflict::Overwrite).unwrap(),
            "\"overwrite\""
        );
        let policy: Conflict = serde_json::from_str("\"rename\"").unwrap();
        assert_eq!(policy, Conflict::Rename);
    }
}
