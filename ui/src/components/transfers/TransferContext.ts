import { createContext, useContext } from 'react';
import type { DownloadRequest, TransferUpdate, UploadRequest } from '../../api';

export interface Transfers {
  /** Every upload and download of this run, newest first. */
  transfers: TransferUpdate[];
  /** Starts an upload; resolves with its id once the backend has accepted it. */
  upload: (request: UploadRequest) => Promise<string>;
  download: (request: DownloadRequest) => Promise<string>;
  cancel: (id: string) => Promise<void>;
  clearFinished: () => void;
}

export const TransferContext = createContext<Transfers | null>(null);

export function useTransfers(): Transfers {
  const transfers = useContext(TransferContext);
  if (!transfers) throw new Error('useTransfers needs a TransferProvider above it');
  return transfers;
}
