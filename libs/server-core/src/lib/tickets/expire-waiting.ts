import {
  HallEventQueries,
  type Queryable,
  TicketQueries,
  toTicketView,
} from '@onewindow/persistence';

/** Tickets closed per transaction. */
export const EXPIRE_BATCH = 500;

/** Something that runs work in a transaction (TypeORM's DataSource). */
export interface Transactional {
  transaction<T>(work: (m: Queryable) => Promise<T>): Promise<T>;
}

/**
 * Closes every ticket still waiting after its hall's closing time (its own time zone) as `expired`,
 * a batch per transaction: each ticket's state and its `ticket.expired` event commit together, and
 * the rollup follows through the tickets' outbox trigger (docs/figures.md: they count against the
 * share within target). Returns how many were closed and the halls whose live streams to tell.
 * The worker runs it every minute; a ticket locked by a change in flight waits for the next round.
 */
export async function expireWaitingTickets(
  db: Transactional,
  tickets: TicketQueries,
  events: HallEventQueries,
  batch = EXPIRE_BATCH,
): Promise<{ expired: number; hallIds: string[] }> {
  let expired = 0;
  const halls = new Set<string>();
  for (;;) {
    const done = await db.transaction(async (m) => {
      const rows = await tickets.on(m).expireDue(batch);
      const hallEvents = events.on(m);
      for (const r of rows) {
        await hallEvents.append(r.hall_id, 'ticket.expired', toTicketView(r));
        halls.add(r.hall_id);
      }
      return rows.length;
    });
    expired += done;
    if (done < batch) break;
  }
  return { expired, hallIds: [...halls] };
}
