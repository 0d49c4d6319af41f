import { describe, expect, it, vi } from 'vitest';
import { WriteQueue } from './writeQueue';

function deferred() {
  let resolve!: () => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('WriteQueue', () => {
  it('keeps one write in flight and sends what was typed meanwhile as one, in order', async () => {
    const pending: ReturnType<typeof deferred>[] = [];
    const sent: string[] = [];
    const queue = new WriteQueue((data) => {
      sent.push(data);
      const next = deferred();
      pending.push(next);
      return next.promise;
    }, vi.fn());

    queue.push('a');
    queue.push('b');
    queue.push('c');
    expect(sent).toEqual(['a']);
    pending[0]?.resolve();
    await vi.waitFor(() => {
      expect(sent).toEqual(['a', 'bc']);
    });
    pending[1]?.resolve();
    queue.push('d');
    await vi.waitFor(() => {
      expect(sent).toEqual(['a', 'bc', 'd']);
    });
  });

  it('reports a failed write and drops what was queued behind it', async () => {
    const onError = vi.fn();
    const first = deferred();
    const send = vi.fn((data: string) => (data === 'a' ? first.promise : Promise.resolve()));
    const queue = new WriteQueue(send, onError);
    queue.push('a');
    queue.push('b');
    first.reject(new Error('gone'));
    await vi.waitFor(() => {
      expect(onError).toHaveBeenCalledWith(new Error('gone'));
    });
    expect(send).toHaveBeenCalledTimes(1);
    queue.push('c');
    await vi.waitFor(() => {
      expect(send).toHaveBeenLastCalledWith('c');
    });
  });
});
