import type {
  ConsultationFact,
  HandlingFact,
  ImportFacts,
  TicketFact,
} from '@onewindow/csv-import';
import type { ImportRejection } from '@onewindow/contracts';
import type { ImportQueries, StoredTicketRow } from '@onewindow/persistence';

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
 * Writes one batch of valid rows in the caller's transaction (through `ImportQueries.on(manager)`),
 * so that writing it again changes nothing: tickets are inserted unless their hall, day and number
 * exist (an existing ticket with the same data is "unchanged", one with other data is a rejected
 * row); handling records and consultations are upserted by their primary key and only a
 * different count is an update.
 * The facts' statement triggers add the outbox rows of the days actually written.
 */
export type FactWriter<T> = (
  q: ImportQueries,
  hallId: string,
  rows: LineFact<T>[],
) => Promise<WriteOutcome>;

const ms = (d: Date | null) => (d ? d.getTime() : null);

/** What differs between a stored ticket and a row (empty: the same ticket). */
function ticketDifferences(s: StoredTicketRow, f: TicketFact): string[] {
  const out: string[] = [];
  if (s.service_item_code !== f.serviceItemCode) out.push('service_item_code');
  if (s.category_code !== f.categoryCode) out.push('category_code');
  if (ms(s.issued_at) !== ms(f.issuedAt)) out.push('issued_at');
  if (ms(s.called_at) !== ms(f.calledAt)) out.push('called_at');
  if (ms(s.completed_at) !== ms(f.completedAt)) out.push('completed_at');
  if (s.window_id !== f.windowId) out.push('window');
  return out;
}

export const writeTickets: FactWriter<TicketFact> = async (q, hallId, rows) => {
  const outcome: WriteOutcome = {
    imported: 0,
    updated: 0,
    unchanged: 0,
    rejected: [],
  };
  if (!rows.length) return outcome;
  const inserted = await q.insertTickets(
    hallId,
    rows.map((r) => r.fact),
  );
  outcome.imported = inserted.length;
  const written = new Set(inserted.map((r) => `${r.d}|${r.number}`));
  const existing = rows.filter(
    (r) => !written.has(`${r.fact.serviceDate}|${r.fact.number}`),
  );
  if (!existing.length) return outcome;
  const stored = await q.storedTickets(
    hallId,
    existing.map((r) => r.fact),
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
  q,
  hallId,
  rows,
) => {
  if (!rows.length) return upsertOutcome(0, []);
  const returned = await q.upsertHandlingRecords(
    hallId,
    rows.map((r) => r.fact),
  );
  return upsertOutcome(rows.length, returned);
};

export const writeConsultations: FactWriter<ConsultationFact> = async (
  q,
  hallId,
  rows,
) => {
  if (!rows.length) return upsertOutcome(0, []);
  const returned = await q.upsertConsultations(
    hallId,
    rows.map((r) => r.fact),
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
