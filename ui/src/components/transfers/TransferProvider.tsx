import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useReducer, type ReactNode } from 'react';
import { useApi, type TransferUpdate } from '../../api';
import { queryKeys } from '../../hooks/queryKeys';
import { TransferContext, type Transfers } from './TransferContext';
import { transferListReducer } from './transferList';

function placeholder(id: string, direction: TransferUpdate['direction'], folder: string): TransferUpdate {
  return {
    id,
    direction,
    folder,
    state: 'running',
    bytes_done: 0,
    bytes_total: 0,
    files_done: 0,
    files_total: 0,
    current: null,
    rate: 0,
    error: null,
    skipped: [],
  };
}

/** Keeps every transfer of this run, fed by the progress channels. */
export function TransferProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [transfers, dispatch] = useReducer(transferListReducer, []);

  const onProgress = useCallback(
    (update: TransferUpdate) => {
      dispatch({ type: 'progress', update });
      // Whatever the outcome, files may have landed in the folder (a
      // cancelled upload keeps what it finished), so open listings refresh.
      if (update.direction === 'upload' && update.state !== 'running') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.folderContents(update.folder) });
      }
    },
    [queryClient],
  );

  const value = useMemo<Transfers>(
    () => ({
      transfers,
      upload: async (request) => {
        const id = await api.startUpload(request, onProgress);
        dispatch({ type: 'started', transfer: placeholder(id, 'upload', request.folder) });
        return id;
      },
      download: async (request) => {
        const id = await api.startDownload(request, onProgress);
        dispatch({ type: 'started', transfer: placeholder(id, 'download', request.folder) });
        return id;
      },
      cancel: (id) => api.cancelTransfer(id),
      clearFinished: () => {
        dispatch({ type: 'clearFinished' });
      },
    }),
    [api, onProgress, transfers],
  );

  return <TransferContext value={value}>{children}</TransferContext>;
}
