// This file is generated from the Rust types by `cargo test -p berth-core`; do not edit.
export type ErrorPayload = { code: string, message: string, };
export type EngineInfo = { endpoint: string, name: string, version: string, api_version: string, os: string, kernel_version: string, cpus: number, memory_bytes: number, };
export type EngineStatus = { "state": "connected", info: EngineInfo, } | { "state": "unreachable", endpoint: string, error: ErrorPayload, hint: string, };
export type Project = { id: string, name: string, created_at: string, };
export type HostUsage = { total_bytes: number, used_bytes: number, 
/**
 * Available to an unprivileged user.
 */
free_bytes: number, };
export type StorageHost = { name: string, path: string, created_at: string, 
/**
 * Space on the file system holding the root; `None` when the root is
 * missing or unreadable (an unplugged disk, say).
 */
usage: HostUsage | null, };
export type UsageMode = "general" | "model" | "data";
export type Permission = "rw" | "ro";
export type FolderType = "user" | "project";
export type FolderStatus = "ready" | "trashed";
export type Folder = { id: string, name: string, host: string, usage_mode: UsageMode, permission: Permission, type: FolderType, 
/**
 * The owning project's name, for `project` folders.
 */
project: string | null, status: FolderStatus, 
/**
 * Mounted into every session (the name starts with `.`).
 */
automount: boolean, created_at: string, trashed_at: string | null, 
/**
 * Bytes used, as last computed; `None` until computed.
 */
size_bytes: number | null, };
export type FolderOptions = { host: string | null, usage_mode: UsageMode, permission: Permission, type: FolderType, };
export type EntryKind = "file" | "dir" | "symlink";
export type DirEntry = { 
/**
 * The file name (names that are not UTF-8 are shown with U+FFFD).
 */
name: string, kind: EntryKind, 
/**
 * Bytes for a file, the target's length for a symbolic link, 0 for a
 * directory.
 */
size: number, 
/**
 * Last modification, RFC 3339 in UTC (`2024-05-01T12:00:00Z`).
 */
modified: string, };
export type DirPage = { entries: Array<DirEntry>, 
/**
 * How many entries the directory holds in all.
 */
total: number, };
export type SortKey = "name" | "size" | "modified";
export type ConflictPolicy = "overwrite" | "skip" | "rename";
export type SkippedPath = { 
/**
 * The entry's path under the destination directory, as it would have
 * been named.
 */
path: string, reason: string, };
export type Progress = { bytes_done: number, 
/**
 * Bytes of the files to copy; it shrinks when files are skipped.
 */
bytes_total: number, files_done: number, 
/**
 * Files and symbolic links to copy.
 */
files_total: number, 
/**
 * The file being copied, relative to the destination directory.
 */
current_file: string, 
/**
 * Bytes per second since the previous report (over the whole transfer
 * in the final report).
 */
bytes_per_second: number, };
export type TransferReport = { 
/**
 * Files and symbolic links put in place.
 */
files: number, 
/**
 * Bytes of the files put in place.
 */
bytes: number, skipped: Array<SkippedPath>, };
export type Direction = "upload" | "download";
export type TransferState = "running" | "done" | "failed" | "cancelled";
export type TransferUpdate = { id: string, direction: Direction, 
/**
 * The folder's name.
 */
folder: string, state: TransferState, bytes_done: number, bytes_total: number, files_done: number, files_total: number, 
/**
 * The file being copied.
 */
current: string | null, 
/**
 * Bytes per second.
 */
rate: number, error: ErrorPayload | null, skipped: Array<SkippedPath>, };
export type SessionType = "interactive" | "batch";
export type SessionSpec = { 
/**
 * Generated when absent or empty.
 */
name: string | null, type: SessionType, 
/**
 * A Docker image reference, e.g. `python:3.12` or
 * `registry.example.com:5000/team/image@sha256:…`.
 */
image: string, 
/**
 * Startup command; required for batch sessions.
 */
command: string | null, cpus: number, memory_bytes: number, shm_bytes: number, 
/**
 * Environment variables, in order.
 */
env: Array<[string, string]>, 
/**
 * Container ports to publish (on random host ports).
 */
ports: Array<number>, 
/**
 * GPUs to attach; needs an NVIDIA runtime on the engine.
 */
gpus: number, };
export type SpecErrorCode = "invalid_session_name" | "invalid_image" | "command_required" | "cpus_out_of_range" | "memory_out_of_range" | "shm_out_of_range" | "invalid_env" | "invalid_port" | "gpus_unavailable";
export type SpecError = { code: SpecErrorCode, message: string, };
export type Access = "default" | "read_only" | "read_write";
export type Mountability = "mountable" | "trashed" | "other_project" | "missing";
export type PlannedMount = { folder_id: string, folder_name: string, 
/**
 * Absolute, normalised path inside the container.
 */
target: string, read_only: boolean, 
/**
 * Added because the folder is an automount folder, not because it was
 * selected.
 */
automount: boolean, };
export type MountErrorCode = "alias_invalid" | "alias_reserved" | "alias_duplicate" | "alias_nested" | "alias_automount_conflict" | "folder_read_only" | "folder_not_mountable";
export type MountErrorFolder = { 
/**
 * Empty for a missing folder.
 */
id: string, name: string, };
export type MountError = { code: MountErrorCode, message: string, 
/**
 * Every folder involved; two for conflicts.
 */
folders: Array<MountErrorFolder>, 
/**
 * The path in question, when there is one.
 */
target?: string, };
export type EngineLimits = { cpus: number, memory_bytes: number, nvidia_runtime: boolean, };
export type Problem = { code: string, message: string, 
/**
 * Names of the folders involved, if any.
 */
folders: Array<string>, };
export type MountRequest = { folder: string, 
/**
 * Path and alias: empty for `/home/work/<folder>`, absolute as is,
 * relative under `/home/work`.
 */
alias: string, read_only: boolean, };
export type LaunchRequest = { spec: SessionSpec, mounts: Array<MountRequest>, };
export type LaunchCheck = { name: string, mounts: Array<PlannedMount>, problems: Array<Problem>, };
export type SessionStatus = "PENDING" | "PULLING" | "PREPARING" | "RUNNING" | "TERMINATING" | "TERMINATED" | "ERROR";
export type SessionMount = { folder_id: string, 
/**
 * The folder's name when the session was created.
 */
folder: string, 
/**
 * Absolute path inside the container.
 */
target: string, read_only: boolean, };
export type PublishedPort = { container_port: number, host_ip: string, host_port: number, };
export type StatusChange = { status: SessionStatus, reason: string | null, at: string, };
export type Session = { id: string, name: string, 
/**
 * The owning project's name.
 */
project: string, type: SessionType, image: string, status: SessionStatus, 
/**
 * Why the session is in `ERROR`, or how it ended.
 */
status_reason: string | null, 
/**
 * A batch command's exit code, or the code an interactive container
 * died with.
 */
exit_code: bigint | null, container_id: string | null, created_at: string, ended_at: string | null, 
/**
 * What was asked for: resources, command, environment, ports.
 */
spec: SessionSpec, mounts: Array<SessionMount>, published_ports: Array<PublishedPort>, 
/**
 * Every status the session went through, oldest first.
 */
history: Array<StatusChange>, };
export type SessionUsage = { 
/**
 * Percent of one CPU (200 is two CPUs fully busy).
 */
cpu_percent: number, memory_bytes: number, memory_limit_bytes: number, network_rx_bytes: number, network_tx_bytes: number, block_read_bytes: number, block_write_bytes: number, };
export type ImageInfo = { id: string, 
/**
 * `repository:tag` names; empty for dangling images.
 */
tags: Array<string>, size_bytes: number, 
/**
 * Seconds since the Unix epoch.
 */
created: number, };
export type PullProgress = { 
/**
 * The layer, when the message is about one.
 */
layer: string | null, status: string, current: number | null, total: number | null, };
export type TerminalSize = { cols: number, rows: number, };
export type TerminalExit = { 
/**
 * The shell's exit code, when the engine knows it.
 */
code: number | null, 
/**
 * Why it ended, when Berth ended it (the session was terminated).
 */
reason: string | null, };
export type TerminalInfo = { id: string, session_id: string, session_name: string, command: Array<string>, exit: TerminalExit | null, };
export type TerminalTheme = "system" | "dark" | "light";
export type UiSettings = { terminal_font_size: number, terminal_theme: TerminalTheme, 
/**
 * Session events also go to the desktop's notification server; the
 * in-app list gets them either way.
 */
desktop_notifications: boolean, };
export type NoticeKind = "ready" | "ended" | "failed";
export type SessionNotice = { 
/**
 * Unique per notice, so the UI can key and deduplicate them.
 */
id: string, kind: NoticeKind, session_id: string, session_name: string, exit_code: number | null, reason: string | null, 
/**
 * When the session reached the status (RFC 3339).
 */
at: string, };
export type AppInfo = { version: string, data_dir: string, database_path: string, schema_version: number, };
