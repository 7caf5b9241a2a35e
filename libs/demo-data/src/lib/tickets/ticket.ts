export type Priority = 'normal' | 'priority' | 'appointment';
export type Channel = 'kiosk' | 'mobile' | 'appointment' | 'staff';
export type TicketState =
  | 'done'
  | 'no_show'
  | 'cancelled'
  | 'transferred'
  | 'expired';
export type Outcome = 'done' | 'needs_materials' | 'rejected';

/** A generated ticket; times are seconds since local midnight of service_date (Asia/Shanghai). */
export interface Ticket {
  id: string;
  number: string;
  prefix: string;
  sequence: number;
  itemCode: string;
  categoryCode: string;
  priority: Priority;
  channel: Channel;
  state: TicketState;
  issued: number;
  queued: number;
  called: number | null;
  started: number | null;
  completed: number | null;
  cancelled: number | null;
  /** who cancelled it while it waited: the holder (a correction, or giving up), never staff here */
  cancelledBy: 'holder' | null;
  /** still waiting at closing: the closing time */
  expired: number | null;
  windowId: string | null;
  recallCount: number;
  outcome: Outcome | null;
  rating: number | null;
  transferredFromId: string | null;
}

export interface TicketDay {
  hallKey: string;
  hallId: string;
  day: number;
  date: string;
  visitors: number;
  tickets: Ticket[];
  /** last sequence per prefix (ticket_counters) */
  counters: Map<string, number>;
}

/**
 * A ticket in the day's simulation with what its holder will do, decided when it is issued: the
 * fate (done, no-show, cancelled, transferred), the handling seconds at the window and the outcome.
 */
export interface Visit {
  ticket: Ticket;
  /** index into the hall's items (HallItems) */
  item: number;
  /** index into CATEGORIES */
  cat: number;
  /** priority or appointment: served before the normal tickets of its category */
  high: boolean;
  fate: TicketState;
  /**
   * Seconds the holder waits before giving up (leaving and cancelling on the ticket page);
   * Infinity for a follow-up of a transfer (already served once, it stays).
   */
  patience: number;
  serviceSeconds: number;
  outcome: Outcome;
}
