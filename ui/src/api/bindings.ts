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
export type AppInfo = { version: string, data_dir: string, database_path: string, schema_version: number, };
