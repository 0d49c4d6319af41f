//! Copying one file's bytes in constant memory: a reflink (`FICLONE`) where
//! the file system shares extents, else `copy_file_range` (the kernel copies
//! without passing the data through us), else plain reads and writes
//! through one reusable buffer.

use super::progress::CancelToken;
use cap_std::fs::File;
use rustix::io::Errno;
use std::io::{self, Read, Write};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// Bytes per `copy_file_range` call: small enough to notice a cancel within
/// a few milliseconds, large enough to cost nothing.
const RANGE_CHUNK: usize = 8 * 1024 * 1024;

/// Bytes per read in the fallback path; the one buffer each worker holds.
pub(crate) const BUFFER_SIZE: usize = 1024 * 1024;

/// Which fast paths still look worth trying in this transfer. Each is
/// turned off the first time the file systems involved refuse it.
#[derive(Debug)]
pub(crate) struct CopyMethods {
    reflink: AtomicBool,
    copy_file_range: AtomicBool,
}

impl Default for CopyMethods {
    fn default() -> Self {
        CopyMethods {
            reflink: AtomicBool::new(true),
            copy_file_range: AtomicBool::new(true),
        }
    }
}

/// Why a copy stopped.
#[derive(Debug)]
pub(crate) enum CopyError {
    Cancelled,
    Io(io::Error),
}

impl From<io::Error> for CopyError {
    fn from(e: io::Error) -> Self {
        CopyError::Io(e)
    }
}

/// Errors that mean "this way of copying is not available here", after
/// which the next way is tried from the same position.
fn unsupported(errno: Errno) -> bool {
    matches!(
        errno,
        Errno::XDEV
            | Errno::NOSYS
            | Errno::INVAL
            | Errno::OPNOTSUPP
            | Errno::NOTTY
            | Errno::BADF
            | Errno::PERM
    )
}

/// Copies `source` from its current position to `target`'s, up to `size`
/// bytes (its length when opened: a file that grows meanwhile is copied as
/// it was) or to its end if `size` is 0, adding each chunk to `done` and
/// checking `cancel` between chunks.
/// `buffer` is grown to [`BUFFER_SIZE`] the first time it is needed.
pub(crate) fn copy_contents(
    source: &File,
    target: &File,
    size: u64,
    methods: &CopyMethods,
    buffer: &mut Vec<u8>,
    done: &AtomicU64,
    cancel: &CancelToken,
) -> Result<u64, CopyError> {
    if size > 0 && methods.reflink.load(Ordering::Relaxed) {
        match rustix::fs::ioctl_ficlone(target, source) {
            Ok(()) => {
                done.fetch_add(size, Ordering::Relaxed);
                return Ok(size);
            }
            Err(e) if unsupported(e) => methods.reflink.store(false, Ordering::Relaxed),
            Err(e) => return Err(CopyError::Io(e.into())),
        }
    }

    let mut copied = 0_u64;
    if methods.copy_file_range.load(Ordering::Relaxed) {
        loop {
            if cancel.is_cancelled() {
                return Err(CopyError::Cancelled);
            }
            if size > 0 && copied >= size {
                return Ok(copied);
            }
            let want = if size > 0 {
                (size - copied).min(RANGE_CHUNK as u64) as usize
            } else {
                RANGE_CHUNK
            };
            match rustix::fs::copy_file_range(source, None, target, None, want) {
                Ok(0) => return Ok(copied),
                Ok(n) => {
                    copied += n as u64;
                    done.fetch_add(n as u64, Ordering::Relaxed);
                }
                Err(Errno::INTR) => continue,
                // Both files' positions are where the kernel stopped, so the
                // fallback below carries on from there.
                Err(e) if unsupported(e) => {
                    methods.copy_file_range.store(false, Ordering::Relaxed);
                    break;
                }
                Err(e) => return Err(CopyError::Io(e.into())),
            }
        }
    }

    if buffer.len() < BUFFER_SIZE {
        buffer.resize(BUFFER_SIZE, 0);
    }
    let (mut reader, mut writer) = (source, target);
    loop {
        if cancel.is_cancelled() {
            return Err(CopyError::Cancelled);
        }
        if size > 0 && copied >= size {
            return Ok(copied);
        }
        let want = if size > 0 {
            (size - copied).min(buffer.len() as u64) as usize
        } else {
            buffer.len()
        };
        let n = match reader.read(&mut buffer[..want]) {
            Ok(0) => return Ok(copied),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(CopyError::Io(e)),
        };
        writer.write_all(&buffer[..n])?;
        copied += n as u64;
        done.fetch_add(n as u64, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cap_std::ambient_authority;
    use cap_std::fs::{Dir, OpenOptions};

    fn files(dir: &Dir, content: &[u8]) -> (File, File) {
        dir.write("source", content).unwrap();
        let source = dir.open("source").unwrap();
        let target = dir
            .open_with(
                "target",
                OpenOptions::new().write(true).create(true).truncate(true),
            )
            .unwrap();
        (source, target)
    }

    #[test]
    fn each_method_copies_the_same_bytes() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = Dir::open_ambient_dir(tmp.path(), ambient_authority()).unwrap();
        let content: Vec<u8> = (0..3 * BUFFER_SIZE + 17)
            .map(|i| (i * 31 % 251) as u8)
            .collect();
        for (reflink, range) in [(true, true), (false, true), (false, false)] {
            let methods = CopyMethods {
                reflink: AtomicBool::new(reflink),
                copy_file_range: AtomicBool::new(range),
            };
            let (source, target) = files(&dir, &content);
            let done = AtomicU64::new(0);
            let mut buffer = Vec::new();
            let n = copy_contents(
                &source,
                &target,
                content.len() as u64,
                &methods,
                &mut buffer,
                &done,
                &CancelToken::new(),
            )
            .unwrap();
            assert_eq!(n, content.len() as u64);
            assert_eq!(done.load(Ordering::Relaxed), n);
            assert_eq!(dir.read("target").unwrap(), content);
            assert_eq!(buffer.is_empty(), reflink || range);
        }
    }

    #[test]
    fn a_cancelled_copy_stops() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = Dir::open_ambient_dir(tmp.path(), ambient_authority()).unwrap();
        let (source, target) = files(&dir, b"some bytes");
        let cancel = CancelToken::new();
        cancel.cancel();
        let methods = CopyMethods {
            reflink: AtomicBool::new(false),
            copy_file_range: AtomicBool::new(true),
        };
        let result = copy_contents(
            &source,
            &target,
            10,
            &methods,
            &mut Vec::new(),
            &AtomicU64::new(0),
            &cancel,
        );
        assert!(matches!(result, Err(CopyError::Cancelled)));
    }
}
