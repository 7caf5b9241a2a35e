import type {
  RatingReason,
  TicketOutcome,
  TicketPriority,
  TicketState,
  WindowMode,
  WindowState,
} from './enums';

export interface TicketView {
  id: string;
  number: string;
  hallId: string;
  serviceDate: string;
  serviceItemCode: string;
  categoryCode: string;
  priority: TicketPriority;
  state: TicketState;
  issuedAt: string;
  calledAt?: string;
  startedAt?: string;
  completedAt?: string;
  windowId?: string;
  windowLabel?: string;
  recallCount: number;
  outcome?: TicketOutcome;
  rating?: number;
  ratingReason?: RatingReason;
  transferredFromId?: string;
  /** Only while waiting. */
  position?: number;
  estimatedWaitMinutes?: number;
  /**
   * Only in the answer to an issue: the citizen's key to their ticket page (an HMAC of the ticket
   * id, so a retried issue answers the same one; stored only as a hash) and that page's path.
   */
  statusToken?: string;
  statusUrl?: string;
}

/** `POST /tickets/{id}/rating` (rating pads): one rating per ticket, within 10 minutes of its completion. */
export interface RatingRequest {
  rating: number;
  /** For a low rating (1–2) only. */
  reason?: RatingReason;
}

/** `GET /public/tickets/{statusToken}`: the citizen's own ticket, nothing about anyone else. */
export interface PublicTicketView {
  hallName: string;
  number: string;
  serviceItemName: string;
  state: TicketState;
  /** 1 = next; null when the ticket no longer waits */
  position: number | null;
  estimatedWaitMinutes: number | null;
  windowLabel?: string;
  calledAt?: string;
}

/** `GET /halls/{hallId}/windows/{windowId}/today`: a clerk's window so far today. */
export interface WindowToday {
  windowId: string;
  /** tickets completed as done at this window today */
  served: number;
  noShows: number;
  /** mean minutes from start to completion of today's done tickets; null before the first */
  meanHandlingMinutes: number | null;
  currentTicket?: TicketView;
}

export interface TransferResult {
  from: TicketView;
  to: TicketView;
}

export interface QueueSnapshot {
  asOf: string;
  waiting: { categoryCode: string; count: number; oldestIssuedAt: string }[];
  windows: {
    id: string;
    label: string;
    mode: WindowMode;
    state: WindowState;
    currentTicket?: TicketView;
  }[];
  averageWaitTodayMinutes: number;
  /**
   * The last event of the hall's stream this snapshot reflects: resume the stream after it
   * (Last-Event-ID) and every later change arrives exactly once.
   */
  lastEventId?: string;
}
