import type { OutgoingHttpHeaders } from 'node:http';
import {
  Injectable,
  Logger,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import type { HallEventType } from '@onewindow/contracts';
import { AppConfig, hallEventsChannel } from '@onewindow/server-core';
import type { FastifyReply } from 'fastify';
import type { ServerResponse } from 'node:http';
import type Redis from 'ioredis';
import { HallEventQueries, type Queryable } from '@onewindow/persistence';
import { RedisClient } from '../redis/redis.module';

/** One event as stored and streamed. */
export interface HallEvent {
  seq: number;
  type: HallEventType;
  payload: object;
}

interface Stream {
  res: ServerResponse;
  lastSeq: number;
}

/** Callbacks told when a hall has new events (the hall's sequence moved past `lastSeq`). */
interface Watchers {
  lastSeq: number;
  callbacks: Set<() => void>;
}

const FETCH_LIMIT = 500;

/**
 * Live events of the halls. A change appends its events in its own transaction (numbered per
 * hall, see the HallEvents migration); after the commit, `notify` wakes the streams of this
 * instance at once and tells the other instances through Redis pub/sub. Every stream reads the
 * events from PostgreSQL past the last one it sent, so a replay after Last-Event-ID, a live event
 * and a catch-up after a Redis outage all take the same path and nothing is skipped or repeated.
 */
@Injectable()
export class HallEventsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('HallEvents');
  private readonly streams = new Map<string, Set<Stream>>();
  private readonly watchers = new Map<string, Watchers>();
  private readonly fetching = new Map<string, Promise<void>>();
  private readonly dirty = new Set<string>();
  private subscriber!: Redis;
  private keepAlive?: NodeJS.Timeout;
  private readonly channel: string;

  constructor(
    private readonly hallEvents: HallEventQueries,
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {
    this.channel = hallEventsChannel(config.REDIS_PREFIX);
  }

  onModuleInit(): void {
    this.subscriber = this.redis.client.duplicate({
      enableOfflineQueue: true,
      maxRetriesPerRequest: null,
    });
    this.subscriber.on('error', (e) =>
      this.logger.debug(`subscriber: ${e.message}`),
    );
    this.subscriber.on('message', (_channel: string, message: string) => {
      try {
        const { hallId } = JSON.parse(message) as { hallId: string };
        this.wake(hallId);
      } catch {
        /* not ours */
      }
    });
    // (re)subscribed, e.g. when Redis is back: catch up on whatever was missed meanwhile
    this.subscriber.on('ready', () => {
      for (const hallId of new Set([
        ...this.streams.keys(),
        ...this.watchers.keys(),
      ]))
        this.wake(hallId);
    });
    this.subscriber
      .subscribe(this.channel)
      .catch((e: Error) => this.logger.warn(`subscribe failed: ${e.message}`));
    this.keepAlive = setInterval(
      () => this.sendKeepAlive(),
      this.config.SSE_KEEPALIVE_SECONDS * 1000,
    );
    this.keepAlive.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.keepAlive) clearInterval(this.keepAlive);
    for (const set of this.streams.values()) for (const s of set) s.res.end();
    this.streams.clear();
    this.subscriber?.disconnect();
  }

  /** Appends one event to the hall's sequence inside the caller's transaction. */
  async append(
    m: Queryable,
    hallId: string,
    type: HallEventType,
    payload: object,
  ): Promise<number> {
    return this.hallEvents.on(m).append(hallId, type, payload);
  }

  /** After a commit: wake this instance's streams, and the other instances' through Redis. */
  notify(hallId: string): void {
    this.wake(hallId);
    this.redis.client
      .publish(this.channel, JSON.stringify({ hallId }))
      .catch(() => {
        // Redis is down: other instances catch up when their subscriber reconnects
      });
  }

  /** Opens a stream: replays the events after `lastEventId` (if any), then follows live. */
  async open(
    hallId: string,
    reply: FastifyReply,
    lastEventId: number | null,
  ): Promise<void> {
    const current = await this.currentSeq(hallId);
    const lastSeq =
      lastEventId === null || lastEventId > current
        ? current
        : Math.max(0, lastEventId);
    // the stream is written on the socket's response from here on, past Fastify's reply
    reply.hijack();
    const res = reply.raw;
    // the headers set so far (request id, security headers, CORS) go with the stream's
    res.writeHead(200, {
      ...(reply.getHeaders() as OutgoingHttpHeaders),
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write(
      `retry: 3000\n: connected to hall ${hallId} at event ${lastSeq}\n\n`,
    );
    const stream: Stream = { res, lastSeq };
    const set = this.streams.get(hallId) ?? new Set<Stream>();
    set.add(stream);
    this.streams.set(hallId, set);
    res.on('close', () => {
      set.delete(stream);
      if (!set.size) this.streams.delete(hallId);
    });
    this.wake(hallId);
  }

  /**
   * Calls `onChange` after each delivery in which the hall had new events, on the same path as the
   * streams (one read per hall, woken locally and through Redis). Returns the unsubscribe.
   */
  async watch(hallId: string, onChange: () => void): Promise<() => void> {
    let w = this.watchers.get(hallId);
    if (!w) {
      w = { lastSeq: await this.currentSeq(hallId), callbacks: new Set() };
      // another watch of the hall may have begun while the sequence was read
      w = this.watchers.get(hallId) ?? w;
      this.watchers.set(hallId, w);
    }
    const watchers = w;
    watchers.callbacks.add(onChange);
    return () => {
      watchers.callbacks.delete(onChange);
      if (!watchers.callbacks.size && this.watchers.get(hallId) === watchers)
        this.watchers.delete(hallId);
    };
  }

  /** Number of open streams (for tests and metrics). */
  streamCount(hallId?: string): number {
    if (hallId) return this.streams.get(hallId)?.size ?? 0;
    let n = 0;
    for (const s of this.streams.values()) n += s.size;
    return n;
  }

  private wake(hallId: string): void {
    if (!this.streams.has(hallId) && !this.watchers.has(hallId)) return;
    if (this.fetching.has(hallId)) {
      this.dirty.add(hallId);
      return;
    }
    const run = this.deliver(hallId)
      .catch((e: Error) =>
        this.logger.warn(`delivering events of ${hallId}: ${e.message}`),
      )
      .finally(() => {
        this.fetching.delete(hallId);
        if (this.dirty.delete(hallId)) this.wake(hallId);
      });
    this.fetching.set(hallId, run);
  }

  private async deliver(hallId: string): Promise<void> {
    const read = await this.deliverToStreams(hallId);
    const watchers = this.watchers.get(hallId);
    if (!watchers?.callbacks.size) return;
    const latest = read ?? (await this.currentSeq(hallId));
    if (latest <= watchers.lastSeq) return;
    watchers.lastSeq = latest;
    for (const callback of watchers.callbacks) callback();
  }

  private currentSeq(hallId: string): Promise<number> {
    return this.hallEvents.lastSeq(hallId);
  }

  /** Sends the streams what they have not had; the last sequence read, null without streams. */
  private async deliverToStreams(hallId: string): Promise<number | null> {
    let latest: number | null = null;
    for (;;) {
      const set = this.streams.get(hallId);
      if (!set?.size) return latest;
      // the streams this read is for: one that opens meanwhile (a board back with an older
      // Last-Event-ID) would otherwise get these rows past the ones it lacks, and skip those; it
      // woke the hall, so the next read includes it
      const members = [...set];
      const from = Math.min(...members.map((s) => s.lastSeq));
      const rows = await this.hallEvents.after(hallId, from, FETCH_LIMIT);
      for (const row of rows) {
        const seq = Number(row.seq);
        latest = seq;
        const frame = `id: ${seq}\nevent: ${row.type}\ndata: ${JSON.stringify(row.payload)}\n\n`;
        for (const s of members) {
          if (seq > s.lastSeq) {
            s.res.write(frame);
            s.lastSeq = seq;
          }
        }
      }
      if (rows.length < FETCH_LIMIT)
        return latest ?? Math.min(...members.map((s) => s.lastSeq));
    }
  }

  private sendKeepAlive(): void {
    for (const set of this.streams.values())
      for (const s of set) s.res.write(`: keep-alive\n\n`);
  }
}
