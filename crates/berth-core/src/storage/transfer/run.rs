//! Carrying out a plan: directories first (one thread, parents before
//! children), then files on a few worker threads, then links, then the
//! directories' times (creating entries changes them).
//!
//! Durability: a file is renamed into place only after its bytes are on
//! disk. Large files are flushed one by one (`fdatasync`); small ones are
//! written in batches and the batch is flushed with one `syncfs` before its
//! renames, which keeps the guarantee without paying a journal commit per
//! file. Workers share their `syncfs` calls: a flush that started after a
//! file was written covers it, whichever worker ran it.

use super::conflict::{Placement, numbered_name, place};
use super::copy::{CopyError, CopyMethods, copy_contents};
use super::partial::{PartialFile, partial_name};
use super::plan::{DirId, Plan};
use super::progress::{Counters, Reporter};
use super::{Conflict, Progress, Skipped, TransferOptions, TransferReport};
use crate::storage::explorer::{io_errors, open_for_reading};
use crate::{Error, Result};
use cap_std::fs::Dir;
use rustix::fs::{AtFlags, futimens, utimensat};
use std::ffi::OsString;
use std::io;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, mpsc};
use std::time::Instant;

/// Files at least this large are flushed on their own rather than batched.
const FLUSH_ALONE: u64 = 8 * 1024 * 1024;
/// A worker flushes its batch once it holds this many files…
const BATCH_FILES: usize = 4096;
/// …or this many bytes.
const BATCH_BYTES: u64 = 64 * 1024 * 1024;
/// Most files in a run a worker takes at once…
const CHUNK_FILES: usize = 64;
/// …and most bytes (a larger file makes a run of its own).
const CHUNK_BYTES: u64 = 16 * 1024 * 1024;
/// Most numbered names tried for a directory.
const MAX_NUMBER: u32 = 10_000;

/// How a side names its paths in messages.
pub(crate) enum Label {
    /// Paths inside the folder, shown from its root.
    Folder,
    /// Paths on the host, below this directory.
    Host(PathBuf),
}

impl Label {
    pub(crate) fn show(&self, relative: &Path) -> String {
        let clean: PathBuf = relative
            .components()
            .filter(|c| !matches!(c, Component::CurDir))
            .collect();
        match self {
            Label::Folder => format!("/{}", clean.display()),
            Label::Host(base) => base.join(clean).display().to_string(),
        }
    }

    fn error(&self, e: io::Error, relative: &Path) -> Error {
        io_errors::map(e, self.show(relative))
    }
}

/// What to copy from where to where.
pub(crate) struct Job<'o> {
    /// The directories the plan's source paths are relative to.
    pub sources: Vec<(Dir, Label)>,
    pub dest: Dir,
    pub dest_label: Label,
    /// The destination directory, relative to `dest`.
    pub dest_dir: PathBuf,
    pub options: &'o TransferOptions,
}

/// A destination directory once the directory step has run.
enum DirState {
    /// Ready for entries, at this path relative to the destination base;
    /// `created` holds its name when this transfer created it.
    Ready {
        relative: PathBuf,
        created: Option<OsString>,
    },
    /// Not created (something else is in the way); nothing goes below.
    Skipped,
}

impl DirState {
    fn relative(&self) -> Option<&Path> {
        match self {
            DirState::Ready { relative, .. } => Some(relative),
            DirState::Skipped => None,
        }
    }
}

pub(crate) fn execute(
    job: Job<'_>,
    plan: Plan,
    progress: &mut dyn FnMut(&Progress),
) -> Result<TransferReport> {
    let cancel = &job.options.cancel;
    if cancel.is_cancelled() {
        return Err(Error::Cancelled);
    }
    let mut skipped = plan.skipped.clone();
    let states = create_dirs(&job, &plan, &mut skipped)?;

    let files: Vec<usize> = (0..plan.files.len())
        .filter(|&i| states[plan.files[i].dir].relative().is_some())
        .collect();
    let links: Vec<usize> = (0..plan.links.len())
        .filter(|&i| states[plan.links[i].dir].relative().is_some())
        .collect();
    let shared = Shared {
        job: &job,
        plan: &plan,
        states: &states,
        files: &files,
        chunks: chunks(&plan, &files),
        next: AtomicUsize::new(0),
        counters: Counters::default(),
        methods: CopyMethods::default(),
        stop: AtomicBool::new(false),
        failure: Mutex::new(None),
        skipped: Mutex::new(skipped),
        placed_files: AtomicU64::new(0),
        placed_bytes: AtomicU64::new(0),
        durability: Durability::default(),
    };
    let bytes: u64 = files.iter().map(|&i| plan.files[i].size).sum();
    shared.counters.bytes_total.store(bytes, Ordering::Relaxed);
    shared
        .counters
        .files_total
        .store((files.len() + links.len()) as u64, Ordering::Relaxed);

    let mut reporter = Reporter::new(progress);
    reporter.report(&shared.counters, false);
    let workers = job.options.workers.clamp(1, 64).min(files.len());
    let (done, finished) = mpsc::channel::<()>();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let done = done.clone();
            let shared = &shared;
            scope.spawn(move || {
                Worker::new(shared).run();
                // The sender drops here, also if the worker panics.
                drop(done);
            });
        }
        drop(done);
        loop {
            let wait = reporter
                .next_due()
                .saturating_duration_since(Instant::now());
            match finished.recv_timeout(wait) {
                Ok(()) => {}
                Err(mpsc::RecvTimeoutError::Timeout) => reporter.report(&shared.counters, false),
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
        }
    });
    if let Some(e) = shared
        .failure
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take()
    {
        return Err(e);
    }
    if cancel.is_cancelled() {
        return Err(Error::Cancelled);
    }

    for &index in &links {
        if cancel.is_cancelled() {
            return Err(Error::Cancelled);
        }
        shared.place_link(index)?;
    }
    set_dir_times(&job, &plan, &states);

    reporter.report(&shared.counters, true);
    let mut skipped = shared
        .skipped
        .into_inner()
        .unwrap_or_else(|e| e.into_inner());
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(TransferReport {
        files: shared.placed_files.load(Ordering::Relaxed),
        bytes: shared.placed_bytes.load(Ordering::Relaxed),
        skipped,
    })
}

/// Splits the files into runs that stay in one directory and hold few
/// files or bytes. Workers take whole runs, so they mostly write to
/// different directories (creating entries in one directory is serialised
/// by the file system) and keep their directory handle.
fn chunks(plan: &Plan, files: &[usize]) -> Vec<Range<usize>> {
    let mut chunks = Vec::new();
    let mut start = 0;
    let mut bytes = 0;
    for (position, &index) in files.iter().enumerate() {
        let file = &plan.files[index];
        let same_dir = plan.files[files[start]].dir == file.dir;
        if position > start
            && (!same_dir || position - start >= CHUNK_FILES || bytes >= CHUNK_BYTES)
        {
            chunks.push(start..position);
            start = position;
            bytes = 0;
        }
        bytes += file.size;
    }
    if start < files.len() {
        chunks.push(start..files.len());
    }
    chunks
}

/// Creates the plan's directories, parents before children, applying the
/// conflict policy: an existing directory is merged (or, under `rename`,
/// the new one is numbered); anything else in the way skips the subtree.
fn create_dirs(job: &Job<'_>, plan: &Plan, skipped: &mut Vec<Skipped>) -> Result<Vec<DirState>> {
    let mut states = Vec::with_capacity(plan.dirs.len());
    states.push(DirState::Ready {
        relative: job.dest_dir.clone(),
        created: None,
    });
    for dir in &plan.dirs[1..] {
        if job.options.cancel.is_cancelled() {
            return Err(Error::Cancelled);
        }
        let Some(parent) = states[dir.parent].relative().map(Path::to_owned) else {
            states.push(DirState::Skipped);
            continue;
        };
        let mut number = 0;
        let state = loop {
            let name = if number == 0 {
                dir.name.clone()
            } else {
                numbered_name(&dir.name, number, true)
            };
            let relative = parent.join(&name);
            match job.dest.create_dir(&relative) {
                Ok(()) => {
                    break DirState::Ready {
                        relative,
                        created: Some(name),
                    };
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    let is_dir = job
                        .dest
                        .symlink_metadata(&relative)
                        .is_ok_and(|m| m.is_dir());
                    if job.options.conflict == Conflict::Rename && number < MAX_NUMBER {
                        number += 1;
                    } else if is_dir && job.options.conflict != Conflict::Rename {
                        break DirState::Ready {
                            relative,
                            created: None,
                        };
                    } else {
                        let reason = if is_dir {
                            "no free numbered name is left"
                        } else {
                            "a file is in the way"
                        };
                        skipped.push(Skipped::new(&dir.shown, reason));
                        break DirState::Skipped;
                    }
                }
                Err(e) => return Err(job.dest_label.error(e, &relative)),
            }
        };
        states.push(state);
    }
    Ok(states)
}

/// Gives the directories this transfer created their sources' times, now
/// that nothing more is created in them. Best effort: some file systems
/// refuse to set times.
fn set_dir_times(job: &Job<'_>, plan: &Plan, states: &[DirState]) {
    for (id, state) in states.iter().enumerate().skip(1) {
        let DirState::Ready {
            created: Some(name),
            ..
        } = state
        else {
            continue;
        };
        let Some(parent) = states[plan.dirs[id].parent].relative() else {
            continue;
        };
        if let Ok(parent) = job.dest.open_dir(parent) {
            let _ = utimensat(
                &parent,
                name,
                &plan.dirs[id].times,
                AtFlags::SYMLINK_NOFOLLOW,
            );
        }
    }
}

/// What the workers share.
struct Shared<'a> {
    job: &'a Job<'a>,
    plan: &'a Plan,
    states: &'a [DirState],
    /// The plan's files to copy, by index.
    files: &'a [usize],
    /// Runs of `files` that workers take one at a time.
    chunks: Vec<Range<usize>>,
    /// The next chunk to take.
    next: AtomicUsize,
    counters: Counters,
    methods: CopyMethods,
    /// Set when a worker fails, so the others stop.
    stop: AtomicBool,
    failure: Mutex<Option<Error>>,
    skipped: Mutex<Vec<Skipped>>,
    placed_files: AtomicU64,
    placed_bytes: AtomicU64,
    durability: Durability,
}

impl Shared<'_> {
    fn halted(&self) -> bool {
        self.job.options.cancel.is_cancelled() || self.stop.load(Ordering::Relaxed)
    }

    fn fail(&self, e: Error) {
        self.stop.store(true, Ordering::Relaxed);
        let mut failure = self.failure.lock().unwrap_or_else(|e| e.into_inner());
        failure.get_or_insert(e);
    }

    fn skip(&self, shown: &Path, reason: impl Into<String>) {
        self.skipped
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(Skipped::new(shown, reason.into()));
    }

    fn dest_path(&self, dir: DirId, name: &OsString) -> PathBuf {
        self.states[dir]
            .relative()
            .unwrap_or(Path::new("."))
            .join(name)
    }

    fn open_dest_dir(&self, dir: DirId) -> Result<Dir> {
        let relative = self.states[dir].relative().unwrap_or(Path::new("."));
        self.job
            .dest
            .open_dir(relative)
            .map_err(|e| self.job.dest_label.error(e, relative))
    }

    /// Whether the policy rules out writing `name` in `dir` before any byte
    /// is copied; the reason is returned.
    fn refused_early(&self, dir: &Dir, name: &OsString) -> Option<&'static str> {
        // Under `skip`, checking first saves copying for nothing; the other
        // policies are settled when the file is placed.
        if self.job.options.conflict != Conflict::Skip {
            return None;
        }
        dir.symlink_metadata(name).ok().map(|_| "already exists")
    }

    fn record(&self, placement: Placement, shown: &Path, bytes: u64) {
        match placement {
            Placement::Placed(_) => {
                self.placed_files.fetch_add(1, Ordering::Relaxed);
                self.placed_bytes.fetch_add(bytes, Ordering::Relaxed);
            }
            Placement::Skipped(reason) => self.skip(shown, reason),
        }
    }

    /// Creates one symbolic link (under a partial name, then placed).
    fn place_link(&self, index: usize) -> Result<()> {
        let link = &self.plan.links[index];
        let shown = self.plan.shown(link.dir, &link.name);
        self.counters.set_current(&shown.to_string_lossy());
        let dir = self.open_dest_dir(link.dir)?;
        let dest_error = |e: io::Error| {
            self.job
                .dest_label
                .error(e, &self.dest_path(link.dir, &link.name))
        };
        if let Some(reason) = self.refused_early(&dir, &link.name) {
            self.skip(&shown, reason);
            self.counters.forget(0);
            return Ok(());
        }
        let partial = partial_name(&link.name);
        dir.symlink_contents(&link.target, &partial)
            .map_err(dest_error)?;
        let _ = utimensat(&dir, &partial, &link.times, AtFlags::SYMLINK_NOFOLLOW);
        let placement = place(&dir, &partial, &link.name, self.job.options.conflict)
            .map_err(|e| dest_error(e.into()))?;
        self.record(placement, &shown, 0);
        self.counters.files_done.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
}

/// The destination directory a worker used last, kept open: files come in
/// plan order, so neighbours usually share a directory.
struct DirCache(Option<(DirId, Dir)>);

impl DirCache {
    fn get(&mut self, shared: &Shared<'_>, id: DirId) -> Result<&Dir> {
        if self.0.as_ref().is_none_or(|(cached, _)| *cached != id) {
            self.0 = Some((id, shared.open_dest_dir(id)?));
        }
        Ok(&self.0.as_ref().expect("just opened").1)
    }
}

/// A file copied under its partial name, waiting for its batch's flush.
struct Pending {
    file: usize,
    partial: OsString,
    bytes: u64,
}

/// Which written files are known to be on disk. Every file gets a number
/// when its bytes are written; a `syncfs` that starts once file `n` is
/// written makes files `1..=n` durable.
#[derive(Default)]
struct Durability {
    written: AtomicU64,
    synced: AtomicU64,
    /// Held while flushing, so that workers wanting a flush at the same
    /// time wait for one and usually find themselves covered by it.
    flushing: Mutex<()>,
}

impl Durability {
    fn written(&self) -> u64 {
        self.written.fetch_add(1, Ordering::AcqRel) + 1
    }

    /// Makes every file numbered up to `needed` durable, flushing the file
    /// system of `handle` unless a flush already covers them.
    fn ensure(&self, needed: u64, handle: &cap_std::fs::File) -> rustix::io::Result<()> {
        if self.synced.load(Ordering::Acquire) >= needed {
            return Ok(());
        }
        let _flushing = self.flushing.lock().unwrap_or_else(|e| e.into_inner());
        if self.synced.load(Ordering::Acquire) >= needed {
            return Ok(());
        }
        let covered = self.written.load(Ordering::Acquire);
        rustix::fs::syncfs(handle)?;
        self.synced.fetch_max(covered, Ordering::AcqRel);
        Ok(())
    }
}

/// One copying thread: takes files from the shared list until none are
/// left, the transfer is cancelled or another worker failed.
struct Worker<'s, 'a> {
    shared: &'s Shared<'a>,
    dirs: DirCache,
    buffer: Vec<u8>,
    pending: Vec<Pending>,
    pending_bytes: u64,
    /// The number of the last pending file (see [`Durability`]).
    last_written: u64,
    /// The last pending file, kept open: `syncfs` needs a real file (the
    /// directory handles may be `O_PATH`).
    sync_handle: Option<cap_std::fs::File>,
}

impl<'s, 'a> Worker<'s, 'a> {
    fn new(shared: &'s Shared<'a>) -> Self {
        Worker {
            shared,
            dirs: DirCache(None),
            buffer: Vec::new(),
            pending: Vec::new(),
            pending_bytes: 0,
            last_written: 0,
            sync_handle: None,
        }
    }

    fn run(mut self) {
        let shared = self.shared;
        loop {
            if shared.halted() {
                break;
            }
            let chunk = shared.next.fetch_add(1, Ordering::Relaxed);
            let Some(range) = shared.chunks.get(chunk) else {
                break;
            };
            if let Err(e) = self.copy_chunk(range.clone()) {
                shared.fail(e);
                break;
            }
        }
        if !shared.halted()
            && let Err(e) = self.flush()
        {
            shared.fail(e);
        }
        self.discard_pending();
    }

    fn copy_chunk(&mut self, range: Range<usize>) -> Result<()> {
        for &index in &self.shared.files[range] {
            if self.shared.halted() {
                break;
            }
            self.copy_one(index)?;
            if self.pending.len() >= BATCH_FILES || self.pending_bytes >= BATCH_BYTES {
                self.flush()?;
            }
        }
        Ok(())
    }

    fn copy_one(&mut self, index: usize) -> Result<()> {
        let shared = self.shared;
        let file = &shared.plan.files[index];
        let shown = shared.plan.shown(file.dir, &file.name);
        shared.counters.set_current(&shown.to_string_lossy());
        let dest_error = |e: io::Error| {
            shared
                .job
                .dest_label
                .error(e, &shared.dest_path(file.dir, &file.name))
        };

        let (source_dir, _) = &shared.job.sources[file.source.base];
        let source = match open_for_reading(source_dir, &file.source.relative, file.source.follow) {
            Ok(source) => source,
            Err(e) => {
                shared.skip(&shown, format!("cannot be read: {e}"));
                shared.counters.forget(file.size);
                return Ok(());
            }
        };
        let size = match source.metadata() {
            Ok(m) if m.is_file() => m.len(),
            _ => {
                shared.skip(&shown, "is no longer a regular file");
                shared.counters.forget(file.size);
                return Ok(());
            }
        };

        let dir = self.dirs.get(shared, file.dir)?;
        if let Some(reason) = shared.refused_early(dir, &file.name) {
            shared.skip(&shown, reason);
            shared.counters.forget(file.size);
            return Ok(());
        }
        let partial = PartialFile::create(dir, &file.name, file.mode).map_err(dest_error)?;
        let copied = copy_contents(
            &source,
            partial.file(),
            size,
            &shared.methods,
            &mut self.buffer,
            &shared.counters.bytes_done,
            &shared.job.options.cancel,
        );
        let bytes = match copied {
            Ok(bytes) => bytes,
            Err(CopyError::Cancelled) => {
                partial.discard();
                return Ok(());
            }
            Err(CopyError::Io(e)) => {
                partial.discard();
                return Err(dest_error(e));
            }
        };
        // Times are best effort: some file systems refuse them.
        let _ = futimens(partial.file(), &file.times);
        shared.counters.files_done.fetch_add(1, Ordering::Relaxed);

        if bytes >= FLUSH_ALONE {
            if let Err(e) = partial.file().sync_data() {
                partial.discard();
                return Err(dest_error(e));
            }
            let partial = partial.close();
            return self.place_file(index, partial, bytes);
        }
        let (partial, handle) = partial.into_parts();
        self.pending.push(Pending {
            file: index,
            partial,
            bytes,
        });
        self.sync_handle = Some(handle);
        self.last_written = shared.durability.written();
        self.pending_bytes += bytes;
        Ok(())
    }

    /// Makes the pending files durable (one `syncfs`, possibly another
    /// worker's), then places them.
    fn flush(&mut self) -> Result<()> {
        let Some(first) = self.pending.first() else {
            return Ok(());
        };
        if let Some(handle) = self.sync_handle.take() {
            let shared = self.shared;
            shared
                .durability
                .ensure(self.last_written, &handle)
                .map_err(|e| {
                    let file = &shared.plan.files[first.file];
                    shared
                        .job
                        .dest_label
                        .error(e.into(), &shared.dest_path(file.dir, &file.name))
                })?;
        }
        self.pending_bytes = 0;
        while let Some(pending) = self.pending.pop() {
            self.place_file(pending.file, pending.partial, pending.bytes)?;
        }
        Ok(())
    }

    fn place_file(&mut self, index: usize, partial: OsString, bytes: u64) -> Result<()> {
        let shared = self.shared;
        let file = &shared.plan.files[index];
        let dir = self.dirs.get(shared, file.dir)?;
        let placement =
            place(dir, &partial, &file.name, shared.job.options.conflict).map_err(|e| {
                shared
                    .job
                    .dest_label
                    .error(e.into(), &shared.dest_path(file.dir, &file.name))
            })?;
        shared.record(placement, &shared.plan.shown(file.dir, &file.name), bytes);
        Ok(())
    }

    /// Removes the partial files of a batch that will not be placed.
    fn discard_pending(&mut self) {
        while let Some(pending) = self.pending.pop() {
            let dir = self.shared.plan.files[pending.file].dir;
            if let Ok(dir) = self.dirs.get(self.shared, dir) {
                let _ = dir.remove_file(&pending.partial);
            }
        }
    }
}
