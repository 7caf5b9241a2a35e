import { signal } from '@angular/core';

/** Search this long after the last keystroke (ms). */
export const SEARCH_DEBOUNCE_MS = 250;

/**
 * A search as the clerk types: it runs once typing pauses, only the latest answer is shown (an
 * older one arriving late is dropped), and an empty query clears the results without asking.
 * `flush()` runs a search still waiting for the pause at once (Enter); `cancel()` drops what is
 * under way (the dialog closed).
 */
export class ItemSearch<T> {
  readonly query = signal('');
  readonly results = signal<readonly T[]>([]);
  readonly searching = signal(false);
  private timer: ReturnType<typeof setTimeout> | null = null;
  private seq = 0;

  constructor(
    /** the items matching a (trimmed, non-empty) query */
    private readonly find: (query: string) => Promise<readonly T[]>,
    /** the latest search failed */
    private readonly failed: (error: unknown) => void,
    private readonly debounceMs = SEARCH_DEBOUNCE_MS,
  ) {}

  /** The query as typed: searched once typing pauses. */
  input(query: string): void {
    this.query.set(query);
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.search(query);
    }, this.debounceMs);
  }

  /** Runs the search waiting for the pause now; resolves once its answer is in. */
  async flush(): Promise<void> {
    if (!this.timer) return;
    this.clearTimer();
    await this.search(this.query());
  }

  cancel(): void {
    this.clearTimer();
    this.seq++;
    this.searching.set(false);
  }

  private async search(query: string): Promise<void> {
    const seq = ++this.seq;
    const q = query.trim();
    if (!q) {
      this.results.set([]);
      this.searching.set(false);
      return;
    }
    this.searching.set(true);
    try {
      const items = await this.find(q);
      if (seq === this.seq) this.results.set(items);
    } catch (e) {
      if (seq === this.seq) this.failed(e);
    } finally {
      if (seq === this.seq) this.searching.set(false);
    }
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
