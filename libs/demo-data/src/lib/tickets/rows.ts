import { localTs } from '../footfall';
import { Ticket, TicketDay } from './ticket';

export interface TicketCounterRow {
  hall_id: string;
  service_date: string;
  prefix: string;
  last_value: number;
}

export const TICKET_COLUMNS = [
  'id',
  'service_date',
  'hall_id',
  'number',
  'prefix',
  'sequence',
  'service_item_code',
  'category_code',
  'priority',
  'channel',
  'state',
  'issued_at',
  'queue_at',
  'called_at',
  'started_at',
  'completed_at',
  'cancelled_at',
  'cancelled_by',
  'expired_at',
  'window_id',
  'staff_id',
  'recall_count',
  'outcome',
  'rating',
  'transferred_from_id',
] as const;

export const TICKET_COUNTER_COLUMNS = [
  'hall_id',
  'service_date',
  'prefix',
  'last_value',
] as const;

/** COPY line of one ticket (hand-written: 1.5 million of them). */
export function ticketLine(t: Ticket, date: string, hall: string): string {
  const ts = (s: number | null): string =>
    s === null ? '\\N' : localTs(date, s);
  return (
    `${t.id}\t${date}\t${hall}\t${t.number}\t${t.prefix}\t${t.sequence}\t${t.itemCode}\t${t.categoryCode}\t${t.priority}\t${t.channel}\t` +
    `${t.state}\t${ts(t.issued)}\t${ts(t.queued)}\t${ts(t.called)}\t${ts(t.started)}\t${ts(t.completed)}\t${ts(t.cancelled)}\t${t.cancelledBy ?? '\\N'}\t${ts(t.expired)}\t` +
    `${t.windowId ?? '\\N'}\t\\N\t${t.recallCount}\t${t.outcome ?? '\\N'}\t${t.rating ?? '\\N'}\t${t.transferredFromId ?? '\\N'}\n`
  );
}

/** The ticket_counters rows of a hall-day: the last sequence of each prefix. */
export function counterRows(d: TicketDay): TicketCounterRow[] {
  const rows: TicketCounterRow[] = [];
  for (const [prefix, last] of d.counters)
    rows.push({
      hall_id: d.hallId,
      service_date: d.date,
      prefix,
      last_value: last,
    });
  return rows;
}
