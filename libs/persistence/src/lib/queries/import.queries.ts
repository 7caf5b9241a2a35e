import type { ImportKind, ImportRejection } from '@onewindow/contracts';
import { Queries } from './queries';

/** An import as a run reads it: its state, its checkpoint and its file. */
export interface ImportRunRow {
  id: string;
  hall_id: string;
  kind: ImportKind;
  state: string;
  run: number;
  checkpoint_line: number;
  /** how many rejected rows the import keeps already */
  stored_rejections: number;
  content: string;
}

/** An import's row as a batch finds it, locked. */
export interface ImportLockRow {
  checkpoint_line: number;
  run: number;
  state: string;
}

/** What one batch adds to an import: its checkpoint, progress, counts and kept rejections. */
export interface ImportBatchRecord {
  /** the batch's last line */
  checkpointLine: number;
  progress: number;
  rowsTotal: number;
  rowsImported: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  rowsRejected: number;
  /** the rejected rows kept (the import keeps a bounded number) */
  rejections: ImportRejection[];
  /** the last batch: the import is done */
  final: boolean;
}

/** An import's counts. */
export interface ImportTotalsRow {
  rowsTotal: number;
  rowsImported: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  rowsRejected: number;
}

/** An import's id and run. */
export interface ImportRunRef {
  id: string;
  run: number;
}

/** A window of a hall as an import's rows name it (by label), with its span. */
export interface ImportWindowRow {
  id: string;
  label: string;
  opened_on: string;
  retired_on: string | null;
}

/** A ticket of a file, ready to be written. */
export interface ImportedTicket {
  serviceDate: string;
  number: string;
  prefix: string;
  sequence: number;
  serviceItemCode: string;
  categoryCode: string;
  state: string;
  issuedAt: Date;
  calledAt: Date | null;
  completedAt: Date | null;
  windowId: string | null;
}

/** A ticket as stored, in the columns an import compares with its row. */
export interface StoredTicketRow {
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

/** A handling record of a file. */
export interface ImportedHandlingRecord {
  date: string;
  serviceItemCode: string;
  channel: string;
  count: number;
}

/** A consultation count of a file. */
export interface ImportedConsultation {
  date: string;
  channel: string;
  count: number;
}

/**
 * Imports: their rows (uploaded by the API, run by the worker), their progress (checkpoint,
 * counts, kept rejections), what a run validates rows against (the hall's time zone, the
 * catalog, the hall's windows) and the facts an import writes (tickets, handling records,
 * consultations).
 */
export class ImportQueries extends Queries {
  /**
   * Stores an uploaded file as a queued import; its id and run, or undefined when the hall has an
   * import of the same kind and file (sha256) already.
   */
  store(upload: {
    hallId: string;
    kind: ImportKind;
    fileName: string | null;
    sha256: string;
    sizeBytes: number;
    content: string;
    columns: string[];
    ignoredColumns: string[];
    createdBy: string | null;
  }): Promise<ImportRunRef | undefined> {
    return this.row<ImportRunRef>(
      `INSERT INTO imports (hall_id, kind, file_name, sha256, size_bytes, content, columns, ignored_columns, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (hall_id, kind, sha256) DO NOTHING
         RETURNING id, run`,
      [
        upload.hallId,
        upload.kind,
        upload.fileName,
        upload.sha256,
        upload.sizeBytes,
        upload.content,
        upload.columns,
        upload.ignoredColumns,
        upload.createdBy,
      ],
    );
  }

  /**
   * The hall's import of a kind and file, locked for the caller's transaction. For a caller whose
   * insert of that file has just met it (the row exists).
   */
  async lockBySha(
    hallId: string,
    kind: ImportKind,
    sha256: string,
  ): Promise<ImportRunRef & { state: string }> {
    const [existing] = await this.rows<ImportRunRef & { state: string }>(
      `SELECT id, run, state FROM imports WHERE hall_id = $1 AND kind = $2 AND sha256 = $3 FOR UPDATE`,
      [hallId, kind, sha256],
    );
    return existing;
  }

  /** Queues an import again as a new run (its error and end cleared); the new run. */
  async requeue(id: string): Promise<number> {
    const { rows } = await this.change<{ run: number }>(
      `UPDATE imports SET state = 'queued', run = run + 1, error = NULL, finished_at = NULL
             WHERE id = $1 RETURNING run`,
      [id],
    );
    return rows[0].run;
  }

  /** Imports queued or running, oldest first, at most `limit` (the sweeper's look). */
  unfinished(limit: number): Promise<ImportRunRef[]> {
    return this.rows<ImportRunRef>(
      `SELECT id, run FROM imports WHERE state IN ('queued', 'running') ORDER BY created_at LIMIT $1`,
      [limit],
    );
  }

  /** An import as a run starts from (undefined: gone). */
  forRun(importId: string): Promise<ImportRunRow | undefined> {
    return this.row<ImportRunRow>(
      `SELECT id, hall_id, kind, state, run, checkpoint_line, jsonb_array_length(rejections) AS stored_rejections, content
       FROM imports WHERE id = $1`,
      [importId],
    );
  }

  /** Marks the import's run running (if it is still this run, queued or running). */
  async markRunning(importId: string, run: number): Promise<void> {
    await this.db.query(
      `UPDATE imports SET state = 'running', started_at = COALESCE(started_at, now())
       WHERE id = $1 AND run = $2 AND state IN ('queued', 'running')`,
      [importId, run],
    );
  }

  /** Marks the import's run failed, with the reason (if it is still this run, queued or running). */
  async fail(importId: string, run: number, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE imports SET state = 'failed', error = $3, finished_at = now()
       WHERE id = $1 AND run = $2 AND state IN ('queued', 'running')`,
      [importId, run, reason],
    );
  }

  /** The hall's time zone (undefined: no such hall). */
  async hallTimezone(hallId: string): Promise<string | undefined> {
    const hall = await this.row<{ timezone: string }>(
      `SELECT timezone FROM halls WHERE id = $1`,
      [hallId],
    );
    return hall?.timezone;
  }

  /** The catalog's service items and their categories. */
  serviceItems(): Promise<{ code: string; category_code: string }[]> {
    return this.rows(`SELECT code, category_code FROM service_items`);
  }

  /** The catalog's category codes. */
  async categoryCodes(): Promise<string[]> {
    const rows = await this.rows<{ code: string }>(
      `SELECT code FROM categories`,
    );
    return rows.map((c) => c.code);
  }

  /** The hall's windows, retired ones included, in the order they opened. */
  hallWindows(hallId: string): Promise<ImportWindowRow[]> {
    return this.rows<ImportWindowRow>(
      `SELECT id, label, to_char(opened_on, 'YYYY-MM-DD') AS opened_on, to_char(retired_on, 'YYYY-MM-DD') AS retired_on
       FROM windows WHERE hall_id = $1 ORDER BY opened_on, id`,
      [hallId],
    );
  }

  /** The import's row, locked for the batch's transaction (undefined: gone). */
  lockForBatch(importId: string): Promise<ImportLockRow | undefined> {
    return this.row<ImportLockRow>(
      `SELECT checkpoint_line, run, state FROM imports WHERE id = $1 FOR UPDATE`,
      [importId],
    );
  }

  /**
   * Adds a batch to the import: moves its checkpoint and progress, adds its counts and kept
   * rejections, and on the final batch marks it done. The import's counts after it.
   */
  async recordBatch(
    importId: string,
    b: ImportBatchRecord,
  ): Promise<ImportTotalsRow> {
    const { rows } = await this.change<ImportTotalsRow>(
      `UPDATE imports SET checkpoint_line = $2, progress = $3,
           rows_total = rows_total + $4, rows_imported = rows_imported + $5, rows_updated = rows_updated + $6,
           rows_unchanged = rows_unchanged + $7, rows_rejected = rows_rejected + $8,
           rejections = rejections || $9::jsonb,
           state = CASE WHEN $10 THEN 'done' ELSE state END,
           finished_at = CASE WHEN $10 THEN now() ELSE finished_at END
         WHERE id = $1
         RETURNING rows_total AS "rowsTotal", rows_imported AS "rowsImported", rows_updated AS "rowsUpdated",
                   rows_unchanged AS "rowsUnchanged", rows_rejected AS "rowsRejected"`,
      [
        importId,
        b.checkpointLine,
        b.progress,
        b.rowsTotal,
        b.rowsImported,
        b.rowsUpdated,
        b.rowsUnchanged,
        b.rowsRejected,
        JSON.stringify(b.rejections),
        b.final,
      ],
    );
    return rows[0];
  }

  /**
   * Inserts a hall's imported tickets (channel 'import'), leaving any whose hall, day and number
   * exist; the day and number of those inserted.
   */
  insertTickets(
    hallId: string,
    f: ImportedTicket[],
  ): Promise<{ d: string; number: string }[]> {
    return this.rows<{ d: string; number: string }>(
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
  }

  /** The hall's stored tickets of the given days and numbers (pairwise). */
  storedTickets(
    hallId: string,
    keys: { serviceDate: string; number: string }[],
  ): Promise<StoredTicketRow[]> {
    return this.rows<StoredTicketRow>(
      `SELECT to_char(t.service_date, 'YYYY-MM-DD') AS d, t.number, t.service_item_code, t.category_code,
            t.issued_at, t.called_at, t.completed_at, t.window_id, t.channel
     FROM tickets t JOIN unnest($2::date[], $3::text[]) AS k(d, n) ON t.service_date = k.d AND t.number = k.n
     WHERE t.hall_id = $1`,
      [hallId, keys.map((k) => k.serviceDate), keys.map((k) => k.number)],
    );
  }

  /**
   * Upserts a hall's handling records by their key, changing only a different count: one row
   * per record inserted (`inserted`) or changed.
   */
  upsertHandlingRecords(
    hallId: string,
    f: ImportedHandlingRecord[],
  ): Promise<{ inserted: boolean }[]> {
    return this.rows<{ inserted: boolean }>(
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
  }

  /**
   * Upserts a hall's consultation counts by their key, changing only a different count: one row
   * per count inserted (`inserted`) or changed.
   */
  upsertConsultations(
    hallId: string,
    f: ImportedConsultation[],
  ): Promise<{ inserted: boolean }[]> {
    return this.rows<{ inserted: boolean }>(
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
  }
}
