// The storage explorer and transfer types, written by hand until the Rust
// side exports them; they then move into the generated `bindings.ts`.
import type { ErrorPayload } from './bindings';

export type EntryKind = "file" | "dir" | "symlink";
export type DirEntry = { name: string, kind: EntryKind, size: number, modified: string };
export type DirPage = { entries: DirEntry[], total: number };
export type SortKey = "name" | "size" | "modified";
export type ConflictPolicy = "overwrite" | "skip" | "rename";
export type TransferState = "running" | "done" | "failed" | "cancelled";
export type SkippedPath = { path: string, reason: string };
export type TransferUpdate = {
  id: string,
  direction: "upload" | "download",
  folder: string,
  state: TransferState,
  bytes_done: number,
  bytes_total: number,
  files_done: number,
  files_total: number,
  current: string | null,
  /** Bytes per second. */
  rate: number,
  error: ErrorPayload | null,
  skipped: SkippedPath[],
};
