/** CSV imports of facts kept elsewhere (docs/imports.md describes the file formats). */

/**
 * tickets: a ticket log exported by an existing queue system; handling_records: daily cases
 * handled per service item and channel (provincial platform); consultations: daily consultations
 * per channel.
 */
export const IMPORT_KINDS = [
  'tickets',
  'handling_records',
  'consultations',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

export const CONSULTATION_CHANNELS = [
  'robot',
  'online_human',
  'window',
] as const;
export type ConsultationChannel = (typeof CONSULTATION_CHANNELS)[number];

/** How many rejected rows an import keeps (with their line numbers); the count covers all. */
export const IMPORT_MAX_STORED_REJECTIONS = 1000;

/** A row of the file that was not imported. */
export interface ImportRejection {
  /** line of the file where the row starts (the header is line 1) */
  line: number;
  reason: string;
}

/** An import as listed (GET /halls/{hallId}/imports). */
export interface ImportSummary {
  id: string;
  hallId: string;
  kind: ImportKind;
  fileName: string | null;
  /** SHA-256 (hex) of the file's text: the same file uploaded again is the same import */
  sha256: string;
  sizeBytes: number;
  state: ImportState;
  /** 0…1 */
  progress: number;
  /** data rows read so far (all of them once done) */
  rowsTotal: number;
  /** rows written as new facts */
  rowsImported: number;
  /** rows that changed a fact already stored (handling records and consultations only) */
  rowsUpdated: number;
  /** rows equal to a fact already stored: nothing to do */
  rowsUnchanged: number;
  rowsRejected: number;
  /** why the import as a whole failed (state failed) */
  error: string | null;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** An import with its rejected rows (GET /imports/{id}, and the answer to an upload). */
export interface ImportView extends ImportSummary {
  /** header columns that were recognised, in file order, as their canonical names */
  columns: string[];
  /** header columns that are not part of the format and were ignored */
  ignoredColumns: string[];
  /** the first IMPORT_MAX_STORED_REJECTIONS rejected rows, in file order */
  rejections: ImportRejection[];
  /** true when more rows were rejected than are listed */
  rejectionsTruncated: boolean;
}
