import type { TicketView } from '@onewindow/contracts';
import type { TicketRow } from './ticket-row';

/** A ticket as the API shows it and its events carry it (api-contract.md), from its row. */
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
