import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { QueueSnapshot } from '@onewindow/contracts';
import {
  HallEventQueries,
  TicketReadQueries,
  WindowQueries,
} from '@onewindow/persistence';
import { DataSource } from 'typeorm';
import { todayInShanghai } from '../common/service-date';
import { toTicketView } from '@onewindow/persistence';

/** The hall's queue as it stands, for boards and kiosks: where a live view starts from. */
@Injectable()
export class QueueSnapshotService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reads: TicketReadQueries,
    private readonly windows: WindowQueries,
    private readonly hallEvents: HallEventQueries,
  ) {}

  /**
   * The queue now. One REPEATABLE READ transaction, so the figures and `lastEventId` are of one
   * moment: every change commits its event with it, so a stream resumed after `lastEventId`
   * brings exactly the changes the snapshot does not hold.
   */
  async snapshot(hallId: string): Promise<QueueSnapshot> {
    const today = todayInShanghai();
    const [waiting, windows, current, avg, seq] = await this.db.transaction(
      'REPEATABLE READ',
      async (m) =>
        [
          await this.reads.on(m).waitingByCategory(hallId, today),
          await this.windows.on(m).inService(hallId),
          await this.reads.on(m).atWindows(hallId, today),
          await this.reads.on(m).averageWaitMinutes(hallId, today),
          await this.hallEvents.on(m).lastSeq(hallId),
        ] as const,
    );
    const byWindow = new Map(current.map((t) => [t.window_id, t]));
    return {
      asOf: new Date().toISOString(),
      waiting: waiting.map((w) => ({
        categoryCode: w.category_code,
        count: w.count,
        oldestIssuedAt: w.oldest.toISOString(),
      })),
      windows: windows.map((w) => {
        const t = byWindow.get(w.id);
        return {
          id: w.id,
          label: w.label,
          mode: w.mode,
          state: w.state,
          ...(t
            ? { currentTicket: toTicketView({ ...t, window_label: w.label }) }
            : {}),
        };
      }),
      averageWaitTodayMinutes:
        avg === null ? 0 : Math.round(Number(avg) * 10) / 10,
      lastEventId: String(seq),
    };
  }
}
