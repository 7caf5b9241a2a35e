import type {
  ConsultationFact,
  HandlingFact,
  ImportFacts,
  TicketFact,
} from '@onewindow/server-core';
import type { ImportRejection } from '@onewindow/contracts';
import type { EntityManager } from 'typeorm';

/** A valid row of the file and the line it starts on. */
export interface LineFact<T> {
  line: number;
  fact: T;
}

/** What writing a batch did. */
export interface WriteOutcome {
  imported: number;
  updated: number;
  unchanged: number;
  /** rows that contradict a fact already stored (tickets are never overwritten) */
  rejected: ImportRejection[];
}

/**
 * Writes one batch of valid rows in the caller's transaction, so that writing it again changes
 * nothing: tickets are inserted unless their hall, day and number exist (an existing ticket
 * with the same data is "unchanged", one with other data is a rejected row); handling records
 * and consultations are upserted by their primary key and only a different count is an update.
 * The facts' statement triggers add the outbox rows of the days actually written.
 */
export type FactWriter<T> = (
  m: EntityManager,
  hallId: string,
  rows: LineFact<T>[],
) => Promise<WriteOutcome>;

const ms = (d: Date | null) => (d ? d.getTime() : null);

interface StoredTicket {
  d: string;
  number: string;
  service_item_code: string;
  category_code: string;
  issued_at: Date;
  called_at: Date | null;
  completed_at: Date | null;
  window_id: string | null;
  channel: string;
}

/** What differs between a stored ticket and a row (empty: the same ticket). */
function ticketDifferences(s: StoredTicket, f: TicketFact): string[] {
  const out: string[] = [];
  if (s.service_item_code !== f.serviceItemCode) out.push('service_item_code');
  if (s.category_code !== f.categoryCode) out.push('category_code');
  if (ms(s.issued_at) !== ms(f.issuedAt)) out.push('issued_at');
  if (ms(s.called_at) !== ms(f.calledAt)) out.push('called_at');
  if (ms(s.completed_at) !== ms(f.completedAt)) out.push('completed_at');
  if (s.window_id !== f.windowId) out.push('window');
  return out;
}

export const writeTickets: FactWriter<TicketFact> = async (m, hallId, rows) => {
  const outcome: WriteOutcome = {
    imported: 0,
    updated: 0,
    unchanged: 0,
    rejected: [],
  };
  if (!rows.length) return outcome;
  const f = rows.map((r) => r.fact);
  const inserted: { d: string; number: string }[] = await m.query(
    `INSERT INTO tickets (service_date, hall_id, number, prefix, sequence, service_item_code, category_code,
                          priority, channel, state, issued_at, queue_at, called_at, started_at, completed_at, window_id)
     SELECT u.d, $1, u.n, u.p, u.s, u.i, u.c, 'normal', 'import', u.st, u.iss, u.iss, u.cal,
            CASE WHEN u.st = 'done' THEN u.cal END, u.com, u.w
     FROM unnest($2::date[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[],
                 $9::timestamptz[], $10::timestamptz[], $11::timestamptz[], $12::uuid[])
          AS u(d, n, p, s, i, c, st, iss, cal, com, w)
     ON CONFLICT (hall_id, service_date, number) DO NOTHING
     RETURNING to_char(service_date, 'YYYY-MM-DD') AS d, number`,
    [
      hallId,
      f.map((x) => x.serviceDate),
      f.map((x) => x.number),
      f.map((x) => x.prefix),
      f.map((x) => x.sequence),
      f.map((x) => x.serviceItemCode),
      f.map((x) => x.categoryCode),
      f.map((x) => x.state),
      f.map((x) => x.issuedAt),
      f.map((x) => x.calledAt),
      f.map((x) => x.completedAt),
      f.map((x) => x.windowId),
    ],
  );
  outcome.imported = inserted.length;
  const written = new Set(inserted.map((r) => `${r.d}|${r.number}`));
  const existing = rows.filter(
    (r) => !written.has(`${r.fact.serviceDate}|${r.fact.number}`),
  );
  if (!existing.length) return outcome;
  const stored: StoredTicket[] = await m.query(
    `SELECT to_char(t.service_date, 'YYYY-MM-DD') AS d, t.number, t.service_item_code, t.category_code,
            t.issued_at, t.called_at, t.completed_at, t.window_id, t.channel
     FROM tickets t JOIN unnest($2::date[], $3::text[]) AS k(d, n) ON t.service_date = k.d AND t.number = k.n
     WHERE t.hall_id = $1`,
    [
      hallId,
      existing.map((r) => r.fact.serviceDate),
      existing.map((r) => r.fact.number),
    ],
  );
  const byKey = new Map(stored.map((s) => [`${s.d}|${s.number}`, s]));
  for (const r of existing) {
    const s = byKey.get(`${r.fact.serviceDate}|${r.fact.number}`);
    const diff = s ? ticketDifferences(s, r.fact) : ['(unreadable)'];
    if (!diff.length) {
      outcome.unchanged++;
      continue;
    }
    const by = s?.channel === 'import' ? 'an earlier import' : 'the queue';
    outcome.rejected.push({
      line: r.line,
      reason: `ticket ${r.fact.number} of ${r.fact.serviceDate} is already recorded by ${by} with another ${diff.join(', ')}; tickets are never overwritten`,
    });
  }
  return outcome;
};

/** Counts of an upsert whose RETURNING gives one row per inserted or changed fact. */
function upsertOutcome(
  total: number,
  returned: { inserted: boolean }[],
): WriteOutcome {
  const imported = returned.filter((r) => r.inserted).length;
  const updated = returned.length - imported;
  return {
    imported,
    updated,
    unchanged: total - returned.length,
    rejected: [],
  };
}

export const writeHandlingRecords: FactWriter<HandlingFact> = async (
  m,
  hallId,
  rows,
) => {
  if (!rows.length) return upsertOutcome(0, []);
  const f = rows.map((r) => r.fact);
  const returned: { inserted: boolean }[] = await m.query(
    `INSERT INTO handling_records AS h (hall_id, record_date, service_item_code, channel, count)
     SELECT $1, u.d, u.i, u.c, u.n FROM unnest($2::date[], $3::text[], $4::text[], $5::int[]) AS u(d, i, c, n)
     ON CONFLICT (hall_id, record_date, service_item_code, channel)
       DO UPDATE SET count = EXCLUDED.count WHERE h.count IS DISTINCT FROM EXCLUDED.count
     RETURNING (xmax = 0) AS inserted`,
    [
      hallId,
      f.map((x) => x.date),
      f.map((x) => x.serviceItemCode),
      f.map((x) => x.channel),
      f.map((x) => x.count),
    ],
  );
  return upsertOutcome(rows.length, returned);
};

export const writeConsultations: FactWriter<ConsultationFact> = async (
  m,
  hallId,
  rows,
) => {
  if (!rows.length) return upsertOutcome(0, []);
  const f = rows.map((r) => r.fact);
  const returned: { inserted: boolean }[] = await m.query(
    `INSERT INTO consultations AS k (hall_id, record_date, channel, count)
     SELECT $1, u.d, u.c, u.n FROM unnest($2::date[], $3::text[], $4::int[]) AS u(d, c, n)
     ON CONFLICT (hall_id, record_date, channel)
       DO UPDATE SET count = EXCLUDED.count WHERE k.count IS DISTINCT FROM EXCLUDED.count
     RETURNING (xmax = 0) AS inserted`,
    [
      hallId,
      f.map((x) => x.date),
      f.map((x) => x.channel),
      f.map((x) => x.count),
    ],
  );
  return upsertOutcome(rows.length, returned);
};

/** The writer of each kind. */
export const FACT_WRITERS: {
  [K in keyof ImportFacts]: FactWriter<ImportFacts[K]>;
} = {
  tickets: writeTickets,
  handling_records: writeHandlingRecords,
  consultations: writeConsultations,
};
