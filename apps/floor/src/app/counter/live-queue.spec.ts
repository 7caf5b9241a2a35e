import type { QueueSnapshot } from '@onewindow/contracts';
import type {
  EventStreamOptions,
  SseEvent,
  StreamMessage,
} from '@onewindow/live-client';
import { LiveQueue, type LiveListener, type LiveStatus } from './live-queue';

const snapshot: QueueSnapshot = {
  asOf: '2026-12-03T02:00:00.000Z',
  waiting: [{ categoryCode: 'tax', count: 2, oldestIssuedAt: '' }],
  windows: [],
  averageWaitTodayMinutes: 3,
  lastEventId: '40',
};

const issued = (id: string | null): SseEvent => ({
  id,
  event: 'ticket.issued',
  data: JSON.stringify({ id: `t${id}`, categoryCode: 'tax' }),
});

describe('LiveQueue', () => {
  let told: {
    waiting: Record<string, number>[];
    status: LiveStatus[];
    events: SseEvent[];
    refused: number[];
    failed: unknown[];
  };
  let endSession: boolean;
  let opened: {
    options: EventStreamOptions;
    send: (m: StreamMessage) => void;
    closed: boolean;
  }[];
  let reads: number;
  let read: () => Promise<QueueSnapshot>;
  let queue: LiveQueue;

  const listener: LiveListener = {
    waiting: (w) => told.waiting.push(w),
    status: (s) => told.status.push(s),
    event: (e) => told.events.push(e),
    refused: (s) => told.refused.push(s),
    failed: (e) => {
      told.failed.push(e);
      return endSession;
    },
  };
  const source = () => ({
    snapshot: () => {
      reads++;
      return read();
    },
    url: '/api/v1/halls/h1/events',
    headers: () => ({ Authorization: 'Bearer jwt' }),
  });
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };

  beforeEach(() => {
    jest.useFakeTimers();
    told = { waiting: [], status: [], events: [], refused: [], failed: [] };
    endSession = false;
    opened = [];
    reads = 0;
    read = async () => snapshot;
    queue = new LiveQueue(listener, 5000, (options, onMessage) => {
      const stream = { options, send: onMessage, closed: false };
      opened.push(stream);
      return () => (stream.closed = true);
    });
  });

  afterEach(() => jest.useRealTimers());

  it('reads the snapshot, then follows the stream from its last event', async () => {
    queue.start(source());
    await settle();
    expect(told.waiting).toEqual([{ tax: 2 }]);
    expect(opened).toHaveLength(1);
    expect(opened[0].options.url).toBe('/api/v1/halls/h1/events');
    expect(opened[0].options.lastEventId).toBe('40');
    expect(opened[0].options.headers()).toEqual({
      Authorization: 'Bearer jwt',
    });
    opened[0].send({ kind: 'open' });
    expect(told.status).toEqual(['open']);
  });

  it('applies each event once: a replayed one changes nothing and is not told', async () => {
    queue.start(source());
    await settle();
    opened[0].send({ kind: 'event', event: issued('41') });
    opened[0].send({ kind: 'event', event: issued('41') });
    opened[0].send({ kind: 'event', event: issued('40') });
    expect(told.waiting).toEqual([{ tax: 2 }, { tax: 3 }]);
    expect(told.events.map((e) => e.id)).toEqual(['41']);
  });

  it('reads the snapshot again later when it cannot, until the session is over', async () => {
    read = () => Promise.reject(new Error('offline'));
    queue.start(source());
    await settle();
    expect(told.status).toEqual(['reconnecting']);
    expect(reads).toBe(1);
    jest.advanceTimersByTime(5000);
    await settle();
    expect(reads).toBe(2);
    endSession = true;
    jest.advanceTimersByTime(5000);
    await settle();
    expect(reads).toBe(3);
    jest.advanceTimersByTime(20_000);
    expect(reads).toBe(3);
    expect(opened).toHaveLength(0);
  });

  it('says when the server refuses the stream', async () => {
    queue.start(source());
    await settle();
    opened[0].send({ kind: 'refused', status: 403, message: null });
    expect(told.status).toEqual(['off']);
    expect(told.refused).toEqual([403]);
  });

  it('after stop(), closes the stream, retries no more and drops late answers', async () => {
    let answer: (s: QueueSnapshot) => void = () => undefined;
    read = () => new Promise((r) => (answer = r));
    queue.start(source());
    queue.stop();
    answer(snapshot);
    await settle();
    expect(opened).toHaveLength(0);
    expect(told.waiting).toEqual([]);

    read = async () => snapshot;
    queue.start(source());
    await settle();
    const stream = opened[0];
    queue.stop();
    expect(stream.closed).toBe(true);
    stream.send({ kind: 'event', event: issued('41') });
    stream.send({ kind: 'open' });
    expect(told.events).toEqual([]);
    expect(told.status).toEqual([]);

    read = () => Promise.reject(new Error('offline'));
    queue.start(source());
    await settle();
    queue.stop();
    jest.advanceTimersByTime(30_000);
    await settle();
    expect(reads).toBe(3);
  });
});
