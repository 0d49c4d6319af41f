import { describe, expect, it } from 'vitest';
import type { TransferUpdate } from '../../api';
import { percentDone, transferListReducer } from './transferList';

function update(id: string, overrides: Partial<TransferUpdate> = {}): TransferUpdate {
  return {
    id,
    direction: 'upload',
    folder: 'data',
    state: 'running',
    bytes_done: 0,
    bytes_total: 100,
    files_done: 0,
    files_total: 1,
    current: null,
    rate: 0,
    error: null,
    skipped: [],
    ...overrides,
  };
}

describe('transfer list', () => {
  it('puts new transfers first and replaces a transfer by its latest update', () => {
    let list = transferListReducer([], { type: 'started', transfer: update('a') });
    list = transferListReducer(list, { type: 'started', transfer: update('b') });
    list = transferListReducer(list, { type: 'progress', update: update('a', { bytes_done: 40 }) });
    expect(list.map((t) => [t.id, t.bytes_done])).toEqual([
      ['b', 0],
      ['a', 40],
    ]);
  });

  it('keeps an update that arrived before the command returned the id', () => {
    const done = update('a', { state: 'done', bytes_done: 100 });
    let list = transferListReducer([], { type: 'progress', update: done });
    list = transferListReducer(list, { type: 'started', transfer: update('a') });
    expect(list).toEqual([done]);
  });

  it('clears finished transfers only', () => {
    const list = [
      update('a', { state: 'done' }),
      update('b'),
      update('c', { state: 'failed' }),
      update('d', { state: 'cancelled' }),
    ];
    expect(transferListReducer(list, { type: 'clearFinished' }).map((t) => t.id)).toEqual(['b']);
  });

  it('never shows 100% before the transfer is done', () => {
    expect(percentDone(update('a', { bytes_done: 50 }))).toBe(50);
    expect(percentDone(update('a', { bytes_done: 100 }))).toBe(99);
    expect(percentDone(update('a', { bytes_done: 100, state: 'done' }))).toBe(100);
    expect(percentDone(update('a', { bytes_total: 0, state: 'done' }))).toBe(100);
    expect(percentDone(update('a', { bytes_total: 0 }))).toBe(0);
  });
});
