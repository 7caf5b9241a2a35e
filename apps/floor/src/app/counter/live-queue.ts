import type { QueueSnapshot } from '@onewindow/contracts';
import {
  HallFloor,
  openEventStream,
  type SseEvent,
  type StreamMessage,
} from '@onewindow/live-client';

/** Try the live queue again after this long when it could not be read (ms). */
export const LIVE_RETRY_MS = 5000;

export type LiveStatus = 'off' | 'open' | 'reconnecting';

/** Where the hall's queue is read: its snapshot, and its event stream. */
export interface LiveSource {
  snapshot(): Promise<QueueSnapshot>;
  url: string;
  /** headers of each (re)connection of the stream; null: no credentials */
  headers(): Record<string, string> | null;
}

/** What a LiveQueue tells. */
export interface LiveListener {
  /** the waiting counts per category (read, or changed by an event) */
  waiting(counts: Record<string, number>): void;
  status(status: LiveStatus): void;
  /** each new event of the stream, once, after the counts took it in */
  event(event: SseEvent): void;
  /** the server refused the stream (the status is then 'off') */
  refused(status: number): void;
  /** the snapshot could not be read: true ends the tries (the session is over), else it is read again later */
  failed(error: unknown): boolean;
}

/**
 * The hall's queue kept live: the snapshot, then the hall's stream from the snapshot's last event,
 * each change applied once (a replay after a reconnect repeats some). When the snapshot cannot be
 * read it is read again every few seconds. `stop()` ends it; what a stopped run answers later is
 * dropped.
 */
export class LiveQueue {
  private floor: HallFloor | null = null;
  private closeStream: (() => void) | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  /** bumped by every start and stop: answers of an older run are dropped */
  private run = 0;

  constructor(
    private readonly listener: LiveListener,
    private readonly retryMs = LIVE_RETRY_MS,
    private readonly open = openEventStream,
  ) {}

  start(source: LiveSource): void {
    void this.connect(source, ++this.run);
  }

  stop(): void {
    this.run++;
    this.closeStream?.();
    this.closeStream = null;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.floor = null;
  }

  private async connect(source: LiveSource, run: number): Promise<void> {
    this.retry = null;
    try {
      const snapshot = await source.snapshot();
      if (run !== this.run) return;
      this.floor = new HallFloor(snapshot);
      this.listener.waiting(this.floor.view().waiting);
      this.closeStream?.();
      this.closeStream = this.open(
        {
          url: source.url,
          headers: () => source.headers(),
          lastEventId: snapshot.lastEventId ?? null,
        },
        (m) => this.onMessage(m, run),
      );
    } catch (e) {
      if (run !== this.run || this.listener.failed(e)) return;
      this.listener.status('reconnecting');
      this.retry = setTimeout(
        () => void this.connect(source, run),
        this.retryMs,
      );
    }
  }

  private onMessage(m: StreamMessage, run: number): void {
    if (run !== this.run) return;
    switch (m.kind) {
      case 'open':
        this.listener.status('open');
        return;
      case 'reconnecting':
        this.listener.status('reconnecting');
        return;
      case 'refused':
        this.listener.status('off');
        this.listener.refused(m.status);
        return;
      case 'event': {
        const floor = this.floor;
        if (!floor) return;
        const before = floor.view().lastEventId;
        floor.apply(m.event);
        const view = floor.view();
        if (m.event.id !== null && view.lastEventId === before) return; // seen already
        this.listener.waiting(view.waiting);
        this.listener.event(m.event);
        return;
      }
    }
  }
}
