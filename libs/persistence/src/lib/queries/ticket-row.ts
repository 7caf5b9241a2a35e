import type {
  RatingReason,
  TicketOutcome,
  TicketPriority,
  TicketState,
} from '@onewindow/contracts';

/** A tickets row as raw SQL returns it (plus the label of its window when joined). */
export interface TicketRow {
  id: string;
  service_date: string;
  hall_id: string;
  number: string;
  prefix: string;
  sequence: number;
  service_item_code: string;
  category_code: string;
  priority: TicketPriority;
  channel: string;
  state: TicketState;
  issued_at: Date;
  queue_at: Date;
  called_at: Date | null;
  started_at: Date | null;
  completed_at: Date | null;
  cancelled_at: Date | null;
  window_id: string | null;
  recall_count: number;
  outcome: TicketOutcome | null;
  rating: number | null;
  rating_reason?: RatingReason | null;
  transferred_from_id: string | null;
  window_label?: string | null;
}
