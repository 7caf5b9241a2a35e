import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  IMPORT_MAX_STORED_REJECTIONS,
  type ImportKind,
  type ImportRejection,
} from '@onewindow/contracts';
import {
  describeKey,
  readCsv,
  resolveHeader,
  ROW_VALIDATORS,
  type ImportContext,
  type ImportFacts,
  type ImportWindow,
  type ResolvedHeader,
  type TicketFact,
} from '@onewindow/csv-import';
import {
  ImportQueries,
  type ImportRunRow,
  RollupQueries,
} from '@onewindow/persistence';
import { UnrecoverableError } from 'bullmq';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { FACT_WRITERS, type FactWriter, type LineFact } from './fact-writers';

/** Rows per transaction (and per progress report). */
export const IMPORT_BATCH_ROWS = 1000;

/** Why a run did nothing. */
export type SkipReason = 'missing' | 'superseded' | 'finished';

export interface RunOutcome {
  skipped?: SkipReason;
  rowsTotal?: number;
  rowsImported?: number;
  rowsUpdated?: number;
  rowsUnchanged?: number;
  rowsRejected?: number;
}

/** One row of a batch: a fact to write, or a rejection. */
type BatchItem<T> =
  | { line: number; endLine: number; fact: T }
  | { line: number; endLine: number; reason: string };

/** Thrown when another run of the same import has moved its checkpoint (this run must stop). */
export class ImportTakenOverError extends Error {}

/**
 * Runs one import from the file stored in PostgreSQL. Each batch of rows is written in one
 * transaction together with the import's checkpoint (the batch's last line), its counts and its
 * rejected rows. A run that starts on an import with a checkpoint (its worker died, or the
 * database went away mid-way) reads the file from the top again, to know the keys seen so far
 * (duplicates within the file are rejections), but writes and counts only the rows after the
 * checkpoint: the facts and the counts end the same however often a run is interrupted.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger('Imports');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly imports: ImportQueries,
    private readonly rollups: RollupQueries,
  ) {}

  async run(
    importId: string,
    run: number,
    onProgress: (progress: number) => void = () => undefined,
  ): Promise<RunOutcome> {
    const row = await this.imports.forRun(importId);
    if (!row) return { skipped: 'missing' };
    if (row.run !== run) return { skipped: 'superseded' };
    if (row.state === 'done' || row.state === 'failed')
      return { skipped: 'finished' };
    await this.imports.markRunning(importId, run);
    if (row.checkpoint_line > 0)
      this.logger.log(
        `import ${importId} resumes after line ${row.checkpoint_line}`,
      );
    const ctx = await this.context(row.hall_id);
    const outcome = await new Run(
      this.db,
      this.imports,
      this.rollups,
      row,
      ctx,
      onProgress,
    ).execute();
    this.logger.log(
      `import ${importId} (${row.kind}) done: ${outcome.rowsImported} imported, ${outcome.rowsUpdated} updated, ${outcome.rowsUnchanged} unchanged, ${outcome.rowsRejected} rejected`,
    );
    return outcome;
  }

  /** Marks a run failed (its job will not be tried again). */
  async fail(importId: string, run: number, reason: string): Promise<void> {
    await this.imports.fail(importId, run, reason.slice(0, 2000));
  }

  /** The hall's time zone and today there, the catalog, and the hall's windows by label. */
  private async context(hallId: string): Promise<ImportContext> {
    const zone = await this.imports.hallTimezone(hallId);
    if (zone === undefined)
      throw new UnrecoverableError(`hall ${hallId} does not exist`);
    const items = await this.imports.serviceItems();
    const categories = await this.imports.categoryCodes();
    const windows = await this.imports.hallWindows(hallId);
    const byLabel = new Map<string, ImportWindow[]>();
    for (const w of windows) {
      const list = byLabel.get(w.label) ?? [];
      list.push({ id: w.id, openedOn: w.opened_on, retiredOn: w.retired_on });
      byLabel.set(w.label, list);
    }
    return {
      zone,
      today: DateTime.now().setZone(zone).toISODate() as string,
      items: new Map(items.map((i) => [i.code, i.category_code])),
      categories: new Set(categories),
      windows: byLabel,
    };
  }
}

/** The state of one run through a file. */
class Run<K extends ImportKind> {
  private readonly kind: K;
  private checkpoint: number;
  private partitionsEnsured: { from: string; to: string } | null = null;
  private storedRejections: number;
  private readonly seen = new Map<string, number>();
  /** the import's counts after the last batch written */
  private totals: RunOutcome = {};

  constructor(
    private readonly db: DataSource,
    private readonly imports: ImportQueries,
    private readonly rollups: RollupQueries,
    private readonly row: ImportRunRow,
    private readonly ctx: ImportContext,
    private readonly onProgress: (progress: number) => void,
  ) {
    this.kind = row.kind as K;
    this.checkpoint = row.checkpoint_line;
    this.storedRejections = Number(row.stored_rejections);
  }

  async execute(): Promise<RunOutcome> {
    let header: ResolvedHeader | null = null;
    let batch: BatchItem<ImportFacts[K]>[] = [];
    let progress = 0;
    for await (const item of readCsv(this.row.content)) {
      progress = item.progress;
      if (!header) {
        if (item.type !== 'row')
          throw new UnrecoverableError(`the header row: ${item.reason}`);
        const h = resolveHeader(this.kind, item.fields);
        if (!h.ok)
          throw new UnrecoverableError(
            `the header row does not fit the ${this.kind} format: ${h.problems
              .map((p) => `${p.field} ${p.problems.join('; ')}`)
              .join('; ')}`,
          );
        header = h;
        continue;
      }
      const judged =
        item.type === 'row'
          ? this.judge(header, item.line, item.fields)
          : { reason: item.reason };
      // rows up to the checkpoint are written and counted already: only their keys matter
      if (item.line <= this.checkpoint) continue;
      batch.push({ line: item.line, endLine: item.endLine, ...judged });
      if (batch.length >= IMPORT_BATCH_ROWS) {
        await this.flush(batch, progress, false);
        batch = [];
      }
    }
    if (!header) throw new UnrecoverableError('the file has no header row');
    await this.flush(batch, 1, true);
    return { ...this.totals };
  }

  /** A row's fact (with its key noted), or why it is rejected. */
  private judge(
    header: ResolvedHeader,
    line: number,
    fields: string[],
  ): { fact: ImportFacts[K] } | { reason: string } {
    if (fields.length !== header.width)
      return {
        reason: `has ${fields.length} fields; the header has ${header.width}`,
      };
    const r = ROW_VALIDATORS[this.kind](header, fields, this.ctx);
    if (!r.ok) return { reason: r.reason };
    const first = this.seen.get(r.key);
    if (first !== undefined)
      return {
        reason: `duplicate: ${describeKey(this.kind, r.key)} is also on line ${first}`,
      };
    this.seen.set(r.key, line);
    return { fact: r.fact as ImportFacts[K] };
  }

  /** Writes a batch and moves the checkpoint past it, in one transaction. */
  private async flush(
    batch: BatchItem<ImportFacts[K]>[],
    progress: number,
    final: boolean,
  ): Promise<void> {
    const facts: LineFact<ImportFacts[K]>[] = [];
    const rejected: ImportRejection[] = [];
    for (const b of batch) {
      if ('fact' in b) facts.push({ line: b.line, fact: b.fact });
      else rejected.push({ line: b.line, reason: b.reason });
    }
    if (this.kind === 'tickets' && facts.length)
      await this.ensurePartitions(
        (facts as LineFact<TicketFact>[]).map((f) => f.fact.serviceDate),
      );
    const next = batch.length
      ? batch[batch.length - 1].endLine
      : this.checkpoint;
    await this.db.transaction(async (m) => {
      const imports = this.imports.on(m);
      await this.lock(imports);
      const writer = FACT_WRITERS[this.kind] as FactWriter<ImportFacts[K]>;
      const out = await writer(imports, this.row.hall_id, facts);
      const rejections = [...rejected, ...out.rejected].sort(
        (a, b) => a.line - b.line,
      );
      const kept = rejections.slice(
        0,
        Math.max(0, IMPORT_MAX_STORED_REJECTIONS - this.storedRejections),
      );
      const after = await imports.recordBatch(this.row.id, {
        checkpointLine: next,
        progress: final ? 1 : Math.min(progress, 0.999),
        rowsTotal: batch.length,
        rowsImported: out.imported,
        rowsUpdated: out.updated,
        rowsUnchanged: out.unchanged,
        rowsRejected: rejections.length,
        rejections: kept,
        final,
      });
      this.storedRejections += kept.length;
      this.totals = after;
    });
    this.checkpoint = next;
    this.onProgress(final ? 1 : progress);
  }

  /**
   * Locks the import's row for the batch and checks that no other run moved its checkpoint
   * meanwhile (a worker thought dead may still be writing): if one did, this run stops.
   */
  private async lock(imports: ImportQueries): Promise<void> {
    const current = await imports.lockForBatch(this.row.id);
    if (
      !current ||
      current.run !== this.row.run ||
      current.state !== 'running' ||
      current.checkpoint_line !== this.checkpoint
    )
      throw new ImportTakenOverError(
        `import ${this.row.id} was moved on by another run (checkpoint ${current?.checkpoint_line}, expected ${this.checkpoint})`,
      );
  }

  /**
   * Monthly ticket partitions for the batch's days (each creation commits on its own); a batch
   * inside the span the previous call made sure of does not ask again.
   */
  private async ensurePartitions(days: string[]): Promise<void> {
    let from = days[0];
    let to = days[0];
    for (const d of days) {
      if (d < from) from = d;
      if (d > to) to = d;
    }
    const known = this.partitionsEnsured;
    if (known && from >= known.from && to <= known.to) return;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.rollups.ensureTicketPartitions(from, to);
        // the last span only: a file sorted by date asks once per month it crosses
        this.partitionsEnsured = { from, to };
        return;
      } catch (e) {
        // another worker created the same partition a moment earlier: look again
        if ((e as { code?: string }).code !== '42P07' || attempt > 0) throw e;
      }
    }
  }
}
