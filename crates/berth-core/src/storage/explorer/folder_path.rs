//! Paths inside a folder: the pure rules that turn what a person typed into
//! a normalised, folder-relative path. No I/O happens here; the explorer
//! then resolves the result beneath the folder's root directory, which is
//! what stops symbolic links from leading out.

use crate::{Error, Result};
use std::fmt;
use std::path::Path;

/// Longest accepted path, in bytes (Linux's `PATH_MAX`).
pub const MAX_PATH_LEN: usize = 4096;

/// Longest accepted component, in bytes (Linux's `NAME_MAX`).
pub const MAX_COMPONENT_LEN: usize = 255;

/// A normalised path inside a folder.
///
/// Paths are read as if the folder were the whole file system: `""`, `"."`
/// and `"/"` all name the folder root, a leading `/` is the root too
/// (`"/a/b"` is `"a/b"`), repeated `/` and `.` components are dropped, and
/// `..` is refused outright rather than resolved, so that a path never
/// depends on what its parent directories turn out to be.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FolderPath(String);

impl FolderPath {
    /// The folder root.
    pub fn root() -> Self {
        FolderPath(String::new())
    }

    /// Parses what a person or a caller typed; the error says what is wrong.
    pub fn parse(input: &str) -> Result<Self> {
        let invalid = |reason: &str| Error::InvalidPath {
            path: lossy_prefix(input),
            reason: reason.to_owned(),
        };
        if input.contains('\0') {
            return Err(invalid("it contains a NUL byte"));
        }
        if input.len() > MAX_PATH_LEN {
            return Err(invalid(&format!("it is longer than {MAX_PATH_LEN} bytes")));
        }
        let mut normalised = String::with_capacity(input.len());
        for component in input.split('/') {
            match component {
                "" | "." => continue,
                ".." => return Err(invalid("'..' is not allowed")),
                _ if component.len() > MAX_COMPONENT_LEN => {
                    return Err(invalid(&format!(
                        "a component is longer than {MAX_COMPONENT_LEN} bytes"
                    )));
                }
                _ => {
                    if !normalised.is_empty() {
                        normalised.push('/');
                    }
                    normalised.push_str(component);
                }
            }
        }
        Ok(FolderPath(normalised))
    }

    /// The normalised text: empty for the root, never a leading or trailing
    /// `/`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this is the folder root.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// The components, outermost first; none for the root.
    pub fn components(&self) -> impl Iterator<Item = &str> {
        self.0.split('/').filter(|c| !c.is_empty())
    }

    /// The last component; `None` for the root.
    pub fn file_name(&self) -> Option<&str> {
        if self.is_root() {
            None
        } else {
            self.0.rsplit('/').next()
        }
    }

    /// The containing directory; `None` for the root.
    pub fn parent(&self) -> Option<FolderPath> {
        if self.is_root() {
            return None;
        }
        Some(match self.0.rfind('/') {
            Some(i) => FolderPath(self.0[..i].to_owned()),
            None => FolderPath::root(),
        })
    }

    /// This path with one more component, which is checked like any other.
    pub fn join(&self, name: &str) -> Result<FolderPath> {
        let single = FolderPath::parse(name)?;
        if single.components().count() != 1 {
            return Err(Error::InvalidPath {
                path: lossy_prefix(name),
                reason: "a single name is expected".to_owned(),
            });
        }
        FolderPath::parse(&format!("{}/{}", self.0, single.0))
    }

    /// Whether `self` is `ancestor` or lies beneath it.
    pub fn starts_with(&self, ancestor: &FolderPath) -> bool {
        ancestor.is_root()
            || self.0 == ancestor.0
            || (self.0.starts_with(&ancestor.0) && self.0.as_bytes()[ancestor.0.len()] == b'/')
    }

    /// The relative path to hand to the directory handle (`.` for the root).
    pub fn as_relative(&self) -> &Path {
        if self.is_root() {
            Path::new(".")
        } else {
            Path::new(&self.0)
        }
    }
}

/// Shown as the folder sees it: `/` for the root, `/a/b` below it.
impl fmt::Display for FolderPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "/{}", self.0)
    }
}

/// Keeps error messages short when the offending input is huge.
fn lossy_prefix(input: &str) -> String {
    const SHOWN: usize = 200;
    if input.len() <= SHOWN {
        return input.to_owned();
    }
    let mut end = SHOWN;
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &input[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(input: &str) -> String {
        FolderPath::parse(input).unwrap().as_str().to_owned()
    }

    fn reason(input: &str) -> String {
        match FolderPath::parse(input) {
            Err(Error::InvalidPath { reason, .. }) => reason,
            other => panic!("{input:?} gave {other:?}"),
        }
    }

    #[test]
    fn empty_dot_and_slash_are_the_root() {
        for input in ["", ".", "/", "//", "./", "/./.", "./././"] {
            assert!(FolderPath::parse(input).unwrap().is_root(), "{input:?}");
        }
        assert_eq!(FolderPath::root().to_string(), "/");
    }

    #[test]
    fn repeated_slashes_and_dots_are_normalised() {
        assert_eq!(parsed("a//b///c/"), "a/b/c");
        assert_eq!(parsed("./a/./b/."), "a/b");
        assert_eq!(parsed("a/.b/..c/c.."), "a/.b/..c/c..");
    }

    #[test]
    fn a_leading_slash_means_the_folder_root() {
        assert_eq!(parsed("/etc/passwd"), "etc/passwd");
        assert_eq!(
            FolderPath::parse("/etc/passwd").unwrap().to_string(),
            "/etc/passwd"
        );
    }

    #[test]
    fn parent_components_are_refused_wherever_they_are() {
        for input in [
            "..",
            "../x",
            "a/../b",
            "a/b/../c",
            "a/..",
            "/..",
            "a/../../..",
        ] {
            assert_eq!(reason(input), "'..' is not allowed", "{input:?}");
        }
    }

    #[test]
    fn nul_bytes_are_refused() {
        assert!(reason("a\0b").contains("NUL"));
        assert!(reason("\0").contains("NUL"));
    }

    #[test]
    fn long_components_and_paths_are_refused() {
        let long = "x".repeat(MAX_COMPONENT_LEN);
        assert_eq!(parsed(&long), long);
        assert!(reason(&format!("a/{long}x")).contains("component"));
        let deep = vec!["abc"; 1024].join("/");
        assert_eq!(deep.len(), 4095);
        assert_eq!(parsed(&deep), deep);
        assert!(reason(&format!("{deep}/x")).contains("4096"));
        // Multi-byte characters count in bytes.
        assert!(reason(&"é".repeat(128)).contains("component"));
    }

    #[test]
    fn unicode_and_odd_characters_are_kept() {
        assert_eq!(parsed("データ/ファイル.txt"), "データ/ファイル.txt");
        assert_eq!(parsed("a b/\\c/*?"), "a b/\\c/*?");
    }

    #[test]
    fn long_inputs_are_cut_in_messages() {
        let input = format!("{}\0", "é".repeat(300));
        match FolderPath::parse(&input) {
            Err(Error::InvalidPath { path, .. }) => assert!(path.len() < 210),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn parent_name_join_and_ancestry() {
        let p = FolderPath::parse("a/b/c").unwrap();
        assert_eq!(p.file_name(), Some("c"));
        assert_eq!(p.parent().unwrap().as_str(), "a/b");
        assert_eq!(
            p.parent().unwrap().parent().unwrap().parent().unwrap(),
            FolderPath::root()
        );
        assert_eq!(FolderPath::root().parent(), None);
        assert_eq!(FolderPath::root().file_name(), None);
        assert_eq!(FolderPath::root().join("x").unwrap().as_str(), "x");
        assert_eq!(p.join("d").unwrap().as_str(), "a/b/c/d");
        assert!(p.join("..").is_err());
        assert!(p.join("d/e").is_err());
        assert!(p.join("").is_err());
        assert!(p.starts_with(&FolderPath::parse("a/b").unwrap()));
        assert!(p.starts_with(&p));
        assert!(p.starts_with(&FolderPath::root()));
        assert!(!p.starts_with(&FolderPath::parse("a/bc").unwrap()));
        assert!(
            !FolderPath::parse("a/bc")
                .unwrap()
                .starts_with(&FolderPath::parse("a/b").unwrap())
        );
        assert_eq!(FolderPath::root().as_relative(), Path::new("."));
        assert_eq!(p.as_relative(), Path::new("a/b/c"));
    }
}
