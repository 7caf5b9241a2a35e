import type { TicketView } from '@onewindow/contracts';
import type { TicketRow } from '@onewindow/persistence';

export type { TicketRow };

/** Columns of a ticket with its window's label; `t` is the tickets alias. */
export const TICKET_COLUMNS = `t.id, to_char(t.service_date, 'YYYY-MM-DD') AS service_date, t.hall_id, t.number, t.prefix, t.sequence,
  t.service_item_code, t.category_code, t.priority, t.channel, t.state, t.issued_at, t.queue_at, t.called_at,
  t.started_at, t.completed_at, t.cancelled_at, t.window_id, t.recall_count, t.outcome, t.rating, t.rating_reason, t.transferred_from_id`;

export function toTicketView(
  r: TicketRow,
  extra: { position?: number; estimatedWaitMinutes?: number } = {},
): TicketView {
  const v: TicketView = {
    id: r.id,
    number: r.number,
    hallId: r.hall_id,
    serviceDate: r.service_date,
    serviceItemCode: r.service_item_code,
    categoryCode: r.category_code,
    priority: r.priority,
    state: r.state,
    issuedAt: r.issued_at.toISOString(),
    recallCount: r.recall_count,
  };
  if (r.called_at) v.calledAt = r.called_at.toISOString();
  if (r.started_at) v.startedAt = r.started_at.toISOString();
  if (r.completed_at) v.completedAt = r.completed_at.toISOString();
  if (r.window_id) v.windowId = r.window_id;
  if (r.window_label) v.windowLabel = r.window_label;
  if (r.outcome) v.outcome = r.outcome;
  if (r.rating !== null && r.rating !== undefined) v.rating = r.rating;
  if (r.rating_reason) v.ratingReason = r.rating_reason;
  if (r.transferred_from_id) v.transferredFromId = r.transferred_from_id;
  if (r.state === 'waiting') {
    if (extra.position !== undefined) v.position = extra.position;
    if (extra.estimatedWaitMinutes !== undefined)
      v.estimatedWaitMinutes = extra.estimatedWaitMinutes;
  }
  return v;
}

/** TypeORM's postgres driver answers an UPDATE … RETURNING with [rows, count]. */
export async function updateReturning<T>(
  m: { query: (sql: string, params?: unknown[]) => Promise<unknown> },
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const [rows] = (await m.query(sql, params)) as [T[], number];
  return rows;
}
