import type { TicketRow } from './ticket-row';

/**
 * The result columns of the SQL functions that TypeScript reads, declared beside the row type
 * that reads them: name → PostgreSQL type (as format_type prints it), in the function's order.
 * The compiler holds each declaration to its row type (every field named, each PostgreSQL type one
 * that node-postgres turns into that field's type); sql-definitions.int-spec.ts holds it to the
 * function in a migrated database.
 */
export interface PgToTs {
  text: string;
  'character varying': string;
  uuid: string;
  date: string;
  integer: number;
  smallint: number;
  'double precision': number;
  boolean: boolean;
  'timestamp with time zone': Date;
}
export type PgType = keyof PgToTs;

/** Every field of Row, each with a PostgreSQL type whose value fits the field. */
export type ResultColumns<Row> = {
  [K in keyof Required<Row>]: {
    [P in PgType]: PgToTs[P] extends NonNullable<Row[K]>
      ? P
      : NonNullable<Row[K]> extends PgToTs[P]
        ? P
        : never;
  }[PgType];
};

/** A row of issue_ticket(): the ticket, and whether it was created or replayed, and its place. */
export type IssueTicketRow = Omit<TicketRow, 'rating_reason'> & {
  result: 'created' | 'replayed';
  ahead: number | null;
};

export const ISSUE_TICKET_RESULT = {
  result: 'text',
  ahead: 'integer',
  id: 'uuid',
  service_date: 'text',
  hall_id: 'uuid',
  number: 'character varying',
  prefix: 'character varying',
  sequence: 'integer',
  service_item_code: 'character varying',
  category_code: 'character varying',
  priority: 'character varying',
  channel: 'character varying',
  state: 'character varying',
  issued_at: 'timestamp with time zone',
  queue_at: 'timestamp with time zone',
  called_at: 'timestamp with time zone',
  started_at: 'timestamp with time zone',
  completed_at: 'timestamp with time zone',
  cancelled_at: 'timestamp with time zone',
  window_id: 'uuid',
  recall_count: 'integer',
  outcome: 'character varying',
  rating: 'smallint',
  transferred_from_id: 'uuid',
  window_label: 'character varying',
} as const satisfies ResultColumns<IssueTicketRow>;

/** A row of call_next(): the ticket just called, with its window's label. */
export type CallNextRow = TicketRow;

export const CALL_NEXT_RESULT = {
  id: 'uuid',
  service_date: 'text',
  hall_id: 'uuid',
  number: 'character varying',
  prefix: 'character varying',
  sequence: 'integer',
  service_item_code: 'character varying',
  category_code: 'character varying',
  priority: 'character varying',
  channel: 'character varying',
  state: 'character varying',
  issued_at: 'timestamp with time zone',
  queue_at: 'timestamp with time zone',
  called_at: 'timestamp with time zone',
  started_at: 'timestamp with time zone',
  completed_at: 'timestamp with time zone',
  cancelled_at: 'timestamp with time zone',
  window_id: 'uuid',
  recall_count: 'integer',
  outcome: 'character varying',
  rating: 'smallint',
  rating_reason: 'character varying',
  transferred_from_id: 'uuid',
  window_label: 'character varying',
} as const satisfies ResultColumns<CallNextRow>;

/** A row of change_ticket(): the ticket as the change left it, with its window's label. */
export type ChangeTicketRow = TicketRow;

export const CHANGE_TICKET_RESULT = {
  ...CALL_NEXT_RESULT,
} as const satisfies ResultColumns<ChangeTicketRow>;

/** Every SQL function TypeScript reads rows of, with its result columns. */
export const SQL_FUNCTION_RESULTS: Record<string, Record<string, PgType>> = {
  issue_ticket: ISSUE_TICKET_RESULT,
  call_next: CALL_NEXT_RESULT,
  change_ticket: CHANGE_TICKET_RESULT,
};
