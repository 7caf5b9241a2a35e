import type { HallEventQueries } from '@onewindow/persistence';
import type { AppConfig } from '@onewindow/server-core';
import type { FastifyReply } from 'fastify';
import type { RedisClient } from '../redis/redis.module';
import { HallEventsService } from './hall-events.service';

const HALL = 'hall-1';

/** A reply whose stream records the event ids written to it. */
function board(): { reply: FastifyReply; ids: number[] } {
  const ids: number[] = [];
  const raw = {
    writeHead: () => raw,
    write: (frame: string) => {
      const m = /^id: (\d+)$/m.exec(frame);
      if (m) ids.push(Number(m[1]));
      return true;
    },
    on: () => raw,
    end: () => undefined,
  };
  const reply = {
    hijack: () => undefined,
    raw,
    getHeaders: () => ({}),
  } as unknown as FastifyReply;
  return { reply, ids };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('HallEventsService streams', () => {
  it('gives a stream that opens during a delivery every event after its Last-Event-ID, in order', async () => {
    const last = 12;
    let gate: (() => void) | null = null;
    let held = true;
    const queries = {
      lastSeq: async () => last,
      after: async (_hall: string, afterSeq: number) => {
        if (held) {
          held = false;
          // the first read (for a stream at 10) is under way while a board comes back at 5
          await new Promise<void>((r) => (gate = r));
        }
        const rows = [];
        for (let seq = afterSeq + 1; seq <= last; seq++)
          rows.push({ seq, type: 'ticket.issued', payload: { seq } });
        return rows;
      },
    } as unknown as HallEventQueries;
    const service = new HallEventsService(
      queries,
      { client: { publish: async () => 1 } } as unknown as RedisClient,
      { REDIS_PREFIX: 't', SSE_KEEPALIVE_SECONDS: 15 } as AppConfig,
    );
    const live = board();
    await service.open(HALL, live.reply, 10);
    await tick();
    const back = board();
    await service.open(HALL, back.reply, 5);
    (gate as unknown as () => void)();
    for (let i = 0; i < 10; i++) await tick();
    expect(live.ids).toEqual([11, 12]);
    expect(back.ids).toEqual([6, 7, 8, 9, 10, 11, 12]);
  });
});
