//! Turning `std::io::Error` into the core's [`Error`], naming the path as the
//! folder sees it (or as the caller gave it, for host paths) and never the
//! folder's location on the host.

use super::FolderPath;
use crate::Error;
use rustix::io::Errno;
use std::io::{self, ErrorKind};
use std::path::Path;

/// Maps an error met at `path` inside a folder.
pub(crate) fn folder_error(e: io::Error, path: &FolderPath) -> Error {
    map(e, path.to_string())
}

/// Maps an error met at a host path the caller chose (a transfer's source or
/// destination).
pub(crate) fn host_error(e: io::Error, path: &Path) -> Error {
    map(e, path.display().to_string())
}

/// Whether `cap-std` refused the operation because a path (through `..` or
/// a symbolic link) would have left the directory it was opened on. That
/// error carries no OS error code, unlike a real `EACCES`.
pub(crate) fn is_escape(e: &io::Error) -> bool {
    e.kind() == ErrorKind::PermissionDenied && e.raw_os_error().is_none()
}

pub(crate) fn map(e: io::Error, path: String) -> Error {
    if is_escape(&e) {
        return Error::InvalidPath {
            path,
            reason: "it leads outside the folder (through a symbolic link)".to_owned(),
        };
    }
    let errno = e.raw_os_error().map(Errno::from_raw_os_error);
    if errno == Some(Errno::LOOP) {
        return Error::InvalidPath {
            path,
            reason: "too many levels of symbolic links".to_owned(),
        };
    }
    if errno == Some(Errno::NAMETOOLONG) {
        return Error::InvalidPath {
            path,
            reason: "the name is too long".to_owned(),
        };
    }
    match e.kind() {
        ErrorKind::NotFound => Error::NotFound {
            kind: "path",
            name: path,
        },
        ErrorKind::AlreadyExists => Error::AlreadyExists { path },
        ErrorKind::NotADirectory => Error::NotADirectory { path },
        ErrorKind::IsADirectory => Error::IsADirectory { path },
        ErrorKind::DirectoryNotEmpty => Error::DirectoryNotEmpty { path },
        _ => Error::Io {
            path,
            reason: e.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(e: io::Error) -> &'static str {
        folder_error(e, &FolderPath::parse("a/b").unwrap()).code()
    }

    #[test]
    fn kinds_map_to_codes() {
        let os = |errno: Errno| io::Error::from_raw_os_error(errno.raw_os_error());
        assert_eq!(code(os(Errno::NOENT)), "not_found");
        assert_eq!(code(os(Errno::EXIST)), "already_exists");
        assert_eq!(code(os(Errno::NOTDIR)), "not_a_directory");
        assert_eq!(code(os(Errno::ISDIR)), "is_a_directory");
        assert_eq!(code(os(Errno::NOTEMPTY)), "directory_not_empty");
        assert_eq!(code(os(Errno::LOOP)), "invalid_path");
        assert_eq!(code(os(Errno::NAMETOOLONG)), "invalid_path");
        assert_eq!(code(os(Errno::ACCESS)), "io_error");
        assert_eq!(code(os(Errno::NOSPC)), "io_error");
        let escape = io::Error::new(ErrorKind::PermissionDenied, "outside");
        assert_eq!(code(escape), "invalid_path");
    }

    #[test]
    fn messages_name_the_folder_path() {
        let e = folder_error(
            io::Error::from(ErrorKind::NotFound),
            &FolderPath::parse("x/y").unwrap(),
        );
        assert_eq!(e.to_string(), "path \"/x/y\" not found");
    }
}
