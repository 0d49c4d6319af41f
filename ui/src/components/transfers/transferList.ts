import type { TransferUpdate } from '../../api';

/** Every transfer of this run, newest first, as its latest update. */
export type TransferList = TransferUpdate[];

export type TransferAction =
  | { type: 'progress'; update: TransferUpdate }
  | { type: 'started'; transfer: TransferUpdate }
  | { type: 'clearFinished' };

export const isFinished = (transfer: TransferUpdate): boolean => transfer.state !== 'running';

/**
 * Updates arrive through a channel that exists before the command returns
 * the transfer's id, so the first update (even the final one, for a tiny
 * transfer) may come before `started`; `started` never overwrites it.
 */
export function transferListReducer(list: TransferList, action: TransferAction): TransferList {
  switch (action.type) {
    case 'progress': {
      const { update } = action;
      const index = list.findIndex((transfer) => transfer.id === update.id);
      if (index === -1) return [update, ...list];
      return list.map((transfer, i) => (i === index ? update : transfer));
    }
    case 'started':
      return list.some((transfer) => transfer.id === action.transfer.id)
        ? list
        : [action.transfer, ...list];
    case 'clearFinished':
      return list.filter((transfer) => !isFinished(transfer));
  }
}

/** Share of the bytes copied, 0 to 100; a finished transfer with nothing to copy is complete. */
export function percentDone(transfer: TransferUpdate): number {
  if (transfer.bytes_total > 0) {
    const percent = Math.floor((transfer.bytes_done / transfer.bytes_total) * 100);
    // 100% while still renaming the last file into place would be a lie.
    return transfer.state === 'running' ? Math.min(percent, 99) : percent;
  }
  return transfer.state === 'done' ? 100 : 0;
}
