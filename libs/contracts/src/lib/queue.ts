import type {
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
  transferredFromId?: string;
  /** Only while waiting. */
  position?: number;
  estimatedWaitMinutes?: number;
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
}
