//! Directory listings: the entry and page types the UI receives, the sort
//! order, and reading one page of a directory without `stat`-ing entries
//! that are not on it when sorting by name.

use super::timestamp::rfc3339_utc;
use crate::storage::transfer::is_partial_name;
use cap_std::fs::{Dir, DirEntry, FileType, Metadata, MetadataExt};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::io;
use ts_rs::TS;

/// What an entry is. Devices, sockets and FIFOs are listed as `file`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    File,
    Dir,
    Symlink,
}

impl EntryKind {
    /// The kind of an entry itself (a symbolic link is not followed).
    pub fn of(file_type: FileType) -> Self {
        if file_type.is_dir() {
            EntryKind::Dir
        } else if file_type.is_symlink() {
            EntryKind::Symlink
        } else {
            EntryKind::File
        }
    }
}

/// One entry of a directory, or the answer of `stat`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "DirEntry")]
pub struct Entry {
    /// The file name (names that are not UTF-8 are shown with U+FFFD).
    pub name: String,
    pub kind: EntryKind,
    /// Bytes for a file, the target's length for a symbolic link, 0 for a
    /// directory.
    #[ts(type = "number")]
    pub size: u64,
    /// Last modification, RFC 3339 in UTC (`2024-05-01T12:00:00Z`).
    pub modified: String,
}

impl Entry {
    pub(crate) fn from_metadata(name: String, metadata: &Metadata) -> Self {
        let kind = EntryKind::of(metadata.file_type());
        Entry {
            name,
            kind,
            size: if kind == EntryKind::Dir {
                0
            } else {
                metadata.len()
            },
            modified: rfc3339_utc(metadata.mtime()),
        }
    }
}

/// One page of a directory listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "DirPage")]
pub struct Page {
    pub entries: Vec<Entry>,
    /// How many entries the directory holds in all.
    #[ts(type = "number")]
    pub total: u64,
}

/// The key entries are sorted by, after directories.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum SortKey {
    #[default]
    Name,
    Size,
    Modified,
}

/// Which page of a directory to read, and in which order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ListQuery {
    pub sort: SortKey,
    /// Reverses the key order; directories still come first.
    pub descending: bool,
    /// Entries to pass over before the page starts.
    #[ts(type = "number")]
    pub offset: u64,
    /// Most entries on the page.
    #[ts(type = "number")]
    pub limit: u64,
}

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery {
            sort: SortKey::Name,
            descending: false,
            offset: 0,
            limit: 200,
        }
    }
}

/// An entry as read from the directory: the name and `d_type` come without
/// a `stat`; size and time are filled when the key needs them.
struct Candidate {
    name: String,
    is_dir: bool,
    entry: DirEntry,
    size: u64,
    modified: (i64, i64),
}

/// Reads one page of `dir`. Entries that vanish while being read are left
/// out of the page. Berth's own partial files (`.berth-part-*`) are hidden.
pub(crate) fn list_page(dir: &Dir, query: &ListQuery) -> io::Result<Page> {
    let needs_metadata = query.sort != SortKey::Name;
    let mut candidates = Vec::new();
    for entry in dir.entries()? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_partial_name(&name) {
            continue;
        }
        let is_dir = match super::entry_type(&entry) {
            Ok(t) => t.is_dir(),
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        let mut candidate = Candidate {
            name,
            is_dir,
            entry,
            size: 0,
            modified: (0, 0),
        };
        if needs_metadata {
            match candidate.entry.metadata() {
                Ok(m) => {
                    candidate.size = if m.is_dir() { 0 } else { m.len() };
                    candidate.modified = (m.mtime(), m.mtime_nsec());
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e),
            }
        }
        candidates.push(candidate);
    }

    let total = candidates.len();
    let start = usize::try_from(query.offset)
        .unwrap_or(usize::MAX)
        .min(total);
    let end = start
        .saturating_add(usize::try_from(query.limit).unwrap_or(usize::MAX))
        .min(total);
    let order = |a: &Candidate, b: &Candidate| compare(a, b, query.sort, query.descending);
    // Only the first `end` entries need sorting: select them in linear time,
    // then sort that prefix.
    if end < total && end > 0 {
        candidates.select_nth_unstable_by(end, order);
    }
    candidates.truncate(end);
    candidates.sort_unstable_by(order);

    let mut entries = Vec::with_capacity(end - start);
    for candidate in candidates.drain(start..) {
        match candidate.entry.metadata() {
            Ok(m) => entries.push(Entry::from_metadata(candidate.name, &m)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(Page {
        entries,
        total: total as u64,
    })
}

fn compare(a: &Candidate, b: &Candidate, key: SortKey, descending: bool) -> Ordering {
    // Directories first, whatever the direction.
    b.is_dir.cmp(&a.is_dir).then_with(|| {
        let by_key = match key {
            SortKey::Name => Ordering::Equal,
            SortKey::Size => a.size.cmp(&b.size),
            SortKey::Modified => a.modified.cmp(&b.modified),
        };
        let order = by_key.then_with(|| compare_names(&a.name, &b.name));
        if descending { order.reverse() } else { order }
    })
}

/// Name order as people expect it: ignoring case first, then byte order so
/// that the order is total (`README` before `readme`).
pub fn compare_names(a: &str, b: &str) -> Ordering {
    let folded = |s: &str| s.chars().flat_map(char::to_lowercase).collect::<Vec<_>>();
    if a.is_ascii() && b.is_ascii() {
        let ci = a
            .bytes()
            .map(|c| c.to_ascii_lowercase())
            .cmp(b.bytes().map(|c| c.to_ascii_lowercase()));
        return ci.then_with(|| a.cmp(b));
    }
    folded(a).cmp(&folded(b)).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_ignoring_case_then_by_bytes() {
        let mut names = vec![
            "b", "B", "a.txt", "A.txt", "Zeta", "alpha", "Éclair", "eclair", "ä",
        ];
        names.sort_by(|a, b| compare_names(a, b));
        assert_eq!(
            names,
            [
                "A.txt", "a.txt", "alpha", "B", "b", "eclair", "Zeta", "ä", "Éclair"
            ]
        );
    }

    #[test]
    fn kinds_serialise_lowercase() {
        assert_eq!(
            serde_json::to_string(&EntryKind::Symlink).unwrap(),
            "\"symlink\""
        );
        assert_eq!(
            serde_json::to_string(&SortKey::Modified).unwrap(),
            "\"modified\""
        );
        let query: ListQuery = serde_json::from_str(r#"{"sort":"size","limit":5}"#).unwrap();
        assert_eq!(query.sort, SortKey::Size);
        assert_eq!(query.limit, 5);
        assert_eq!(query.offset, 0);
    }
}

#[cfg(test)]
mod typescript {
    use super::*;
    use ts_rs::Config;

    #[test]
    fn the_ui_sees_the_names_it_expects() {
        let config = Config::default();
        let entry = Entry::decl(&config);
        assert!(entry.starts_with("type DirEntry = {"));
        for field in [
            "name: string",
            "kind: EntryKind",
            "size: number",
            "modified: string",
        ] {
            assert!(entry.contains(field), "{field} missing from {entry}");
        }
        assert!(Page::decl(&config).starts_with("type DirPage = { entries: Array<DirEntry>"));
        assert_eq!(
            EntryKind::decl(&config),
            r#"type EntryKind = "file" | "dir" | "symlink";"#
        );
    }
}
