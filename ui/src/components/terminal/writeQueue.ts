/**
 * Sends keystrokes to a shell one request at a time. Each `invoke` may be
 * served on its own thread, so two in flight could reach the TTY swapped;
 * whatever is typed while a write is in flight is sent next, as one write.
 */
export class WriteQueue {
  private pending = '';
  private sending = false;

  constructor(
    private readonly send: (data: string) => Promise<void>,
    private readonly onError: (reason: unknown) => void,
  ) {}

  push(data: string): void {
    this.pending += data;
    if (!this.sending) void this.drain();
  }

  private async drain(): Promise<void> {
    this.sending = true;
    while (this.pending !== '') {
      const chunk = this.pending;
      this.pending = '';
      try {
        await this.send(chunk);
      } catch (reason) {
        // What was typed after a failed write would land out of context.
        this.pending = '';
        this.onError(reason);
      }
    }
    this.sending = false;
  }
}
