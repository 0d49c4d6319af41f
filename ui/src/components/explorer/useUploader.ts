import { App as AntApp } from 'antd';
import { useState } from 'react';
import { useApi, type ApiError, type ConflictPolicy } from '../../api';
import { useTransfers } from '../transfers/TransferContext';

/** An upload waiting for the user to say what to do with names already taken. */
export interface PendingUpload {
  dir: string;
  sources: string[];
  conflicts: string[];
}

/**
 * Uploads host paths into a folder directory. When some names are already
 * taken there, it waits for a policy (`resolve`) instead of guessing one.
 */
export function useUploader(folder: string) {
  const api = useApi();
  const { message } = AntApp.useApp();
  const transfers = useTransfers();
  const [pending, setPending] = useState<PendingUpload | null>(null);

  const start = async (dir: string, sources: string[], onConflict: ConflictPolicy) => {
    try {
      await transfers.upload({ folder, dir, sources, onConflict });
    } catch (error) {
      void message.error((error as ApiError).message);
    }
  };

  const upload = async (dir: string, sources: string[]) => {
    if (sources.length === 0) return;
    let conflicts: string[];
    try {
      conflicts = await api.uploadConflicts(folder, dir, sources);
    } catch (error) {
      void message.error((error as ApiError).message);
      return;
    }
    if (conflicts.length > 0) {
      setPending({ dir, sources, conflicts });
      return;
    }
    // Nothing is taken, so the policy only matters if something appears
    // meanwhile; keeping both never destroys anything.
    await start(dir, sources, 'rename');
  };

  const resolve = (policy: ConflictPolicy | null) => {
    const chosen = pending;
    setPending(null);
    if (chosen && policy) void start(chosen.dir, chosen.sources, policy);
  };

  return { upload, pending, resolve };
}
