import { copyLines } from '../copy';
import { TicketCounterRow, counterRows, ticketLine } from '../tickets/rows';
import { TicketDay } from '../tickets/ticket';

/** A chunk of COPY text and the number of rows in it. */
export interface CopyChunk {
  text: string;
  rows: number;
}

export interface TableStream {
  table: string;
  columns: readonly string[];
  chunks(): Iterable<CopyChunk>;
}

const CHUNK_CHARS = 256 * 1024;

/** Groups row batches into COPY chunks of about CHUNK_CHARS characters. */
export function* batched<T extends object>(
  batches: Iterable<T[]>,
  columns: readonly (keyof T & string)[],
): Generator<CopyChunk> {
  let text = '';
  let rows = 0;
  for (const b of batches) {
    if (b.length === 0) continue;
    text += copyLines(b, columns);
    rows += b.length;
    if (text.length >= CHUNK_CHARS) {
      yield { text, rows };
      text = '';
      rows = 0;
    }
  }
  if (rows > 0) yield { text, rows };
}

/** A table generated whole (a few thousand rows at most), in COPY chunks. */
export function wholeTable<T extends object>(
  table: string,
  rows: () => T[],
  columns: readonly (keyof T & string)[],
): TableStream {
  return { table, columns, chunks: () => batched([rows()], columns) };
}

/**
 * COPY chunks of the tickets, hall-day by hall-day (the lines written by hand, see ticketLine);
 * collects the ticket_counters rows on the way.
 */
export function* ticketChunks(
  days: Iterable<TicketDay>,
  counters: TicketCounterRow[],
): Generator<CopyChunk> {
  let parts: string[] = [];
  let size = 0;
  let rows = 0;
  for (const d of days) {
    for (const t of d.tickets) {
      const line = ticketLine(t, d.date, d.hallId);
      parts.push(line);
      size += line.length;
    }
    rows += d.tickets.length;
    counters.push(...counterRows(d));
    if (size >= CHUNK_CHARS) {
      yield { text: parts.join(''), rows };
      parts = [];
      size = 0;
      rows = 0;
    }
  }
  if (rows > 0) yield { text: parts.join(''), rows };
}
