/**
 * The tickets of the demo: one discrete-event simulation per open hall-day, from one random stream
 * per hall and day.
 *
 * arrivals: opening hours, tickets per day and their issue times by quarter hour; visits: who comes
 * for what (item mix, priority, channel, fate, outcome); handling-times: seconds at the window;
 * staffing: which open windows are staffed; queues: the waiting tickets per category; free-windows:
 * when busy windows come free; at-window: what a call leads to (no-show, transfer, service,
 * rating); calling: the day's events; hall-model: one hall-day from all of these; rows: the COPY
 * lines written; ticket: the ticket and the simulation's record of it.
 */
export {
  CLOSE_SECONDS,
  ISSUE_PROFILE,
  LAST_ISSUE_SECONDS,
  OPEN_SECONDS,
} from './arrivals';
export { MEAN_PATIENCE_SECONDS } from './calling';
export { HallTicketModel } from './hall-model';
export { TICKET_COLUMNS, ticketLine, type TicketCounterRow } from './rows';
export type {
  Channel,
  Outcome,
  Priority,
  Ticket,
  TicketDay,
  TicketState,
} from './ticket';
