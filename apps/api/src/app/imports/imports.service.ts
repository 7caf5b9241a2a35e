import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  IMPORT_MAX_STORED_REJECTIONS,
  type ImportKind,
  type ImportSummary,
  type ImportView,
  type ListResponse,
} from '@onewindow/contracts';
import { ImportEntity, ImportQueries } from '@onewindow/persistence';
import { readCsvHead, resolveHeader } from '@onewindow/csv-import';
import { createHash } from 'node:crypto';
import type { DataSource, FindOptionsWhere } from 'typeorm';
import type { Actor } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { ScopeService } from '../auth/scope.service';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { CsvUpload } from './csv-body';
import type { ListImportsQuery } from './dto/list-imports.query';
import { ImportJobs } from './import-jobs';

/** Charsets an upload may declare; without one the file must be UTF-8. */
const CHARSETS: Readonly<Record<string, string>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'us-ascii': 'utf-8',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
};

/** The answer to an upload: the import, and whether this upload queued it (202) or not (200). */
export interface UploadResult {
  queued: boolean;
  view: ImportView;
}

/** Uploads (validated up to the header, stored, handed to the worker) and their status. */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly imports: ImportQueries,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly jobs: ImportJobs,
  ) {}

  /**
   * Stores the file and queues its import. The same file (same text) for the same hall and kind
   * answers the import it already has; a failed one is queued again (it resumes where it stopped).
   */
  async upload(
    actor: Actor,
    hallId: string,
    kind: ImportKind,
    body: unknown,
    fileName: string | null,
  ): Promise<UploadResult> {
    const text = decode(body);
    const head = await readCsvHead(text);
    if (head.malformed)
      throw DomainError.invalid(`The header row: ${head.malformed}`, [
        { field: 'header', problems: [head.malformed] },
      ]);
    if (!head.header)
      throw DomainError.invalid('The file has no header row', [
        { field: 'body', problems: ['is blank'] },
      ]);
    const header = resolveHeader(kind, head.header);
    if (!header.ok)
      throw DomainError.invalid(
        `The header row does not fit the ${kind} format (docs/imports.md): ${header.problems.map((p) => p.field).join(', ')}`,
        header.problems,
      );
    if (!head.hasRows)
      throw DomainError.invalid('The file has a header but no rows', [
        { field: 'body', problems: ['has no rows after the header'] },
      ]);

    const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
    const sizeBytes = Buffer.byteLength(text, 'utf8');
    const outcome = await this.db.transaction(async (m) => {
      const imports = this.imports.on(m);
      const inserted = await imports.store({
        hallId,
        kind,
        fileName,
        sha256,
        sizeBytes,
        content: text,
        columns: header.columns,
        ignoredColumns: header.ignored,
        createdBy: actor.principal.type === 'user' ? actor.principal.id : null,
      });
      let id: string;
      let run: number;
      let action: string;
      let queued = true;
      if (inserted) {
        ({ id, run } = inserted);
        action = 'import.create';
      } else {
        // the same file again: its import, queued again only if it failed
        const existing = await imports.lockBySha(hallId, kind, sha256);
        id = existing.id;
        run = existing.run;
        if (existing.state === 'failed') {
          run = await imports.requeue(id);
          action = 'import.retry';
        } else {
          queued = false;
          action = 'import.repeat';
        }
      }
      await this.audit.record(m, actor, {
        action,
        entityType: 'import',
        entityId: id,
        hallId,
        after: { kind, fileName, sha256, sizeBytes, run },
      });
      return { id, run, queued };
    });
    // the answer shows the import as uploaded (a worker may take it up the moment it is queued)
    const view = await this.view(outcome.id);
    if (outcome.queued) await this.jobs.enqueue(outcome.id, outcome.run);
    return { queued: outcome.queued, view };
  }

  /** One import with its rejected rows: its hall's manager or an admin. */
  async get(p: Principal, id: string): Promise<ImportView> {
    const row = await this.db
      .getRepository(ImportEntity)
      .findOne({ where: { id } });
    if (!row) throw DomainError.notFound('Import');
    await this.scope.assertHall(p, row.hallId, 'manage');
    return toView(row);
  }

  /** A hall's imports, newest first (without their rejected rows). */
  async list(
    hallId: string,
    q: ListImportsQuery,
  ): Promise<ListResponse<ImportSummary>> {
    const where: FindOptionsWhere<ImportEntity> = { hallId };
    if (q.kind) where.kind = q.kind;
    if (q.state) where.state = q.state;
    const [rows, total] = await this.db
      .getRepository(ImportEntity)
      .findAndCount({
        where,
        order: { createdAt: 'DESC', id: 'DESC' },
        take: q.limit,
        skip: q.offset,
      });
    return { items: rows.map(toSummary), total };
  }

  private async view(id: string): Promise<ImportView> {
    const row = await this.db
      .getRepository(ImportEntity)
      .findOneOrFail({ where: { id } });
    return toView(row);
  }
}

/** The uploaded bytes as text, without a BOM: UTF-8 unless the Content-Type names another charset. */
function decode(body: unknown): string {
  if (body === undefined || body === null)
    throw DomainError.invalid(
      'The request has no body: send the CSV file as the body, with Content-Type: text/csv',
      [{ field: 'body', problems: ['is missing'] }],
    );
  if (!(body instanceof CsvUpload))
    throw new DomainError(
      'unsupported_media',
      'Send the file as the body with Content-Type: text/csv',
    );
  const charset = body.charset ?? 'utf-8';
  const encoding = CHARSETS[charset];
  if (!encoding)
    throw new DomainError(
      'unsupported_media',
      `Unsupported charset "${charset}": send UTF-8 (or GB18030/GBK, declared as text/csv; charset=gb18030)`,
    );
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(body.bytes);
  } catch {
    throw DomainError.invalid(
      encoding === 'utf-8'
        ? 'The file is not UTF-8 text: save it as "CSV UTF-8", or declare its charset (text/csv; charset=gb18030)'
        : `The file is not ${charset} text`,
      [{ field: 'body', problems: [`is not valid ${encoding}`] }],
    );
  }
  text = text.replace(/^\ufeff/, '');
  if (!text.trim())
    throw DomainError.invalid(
      'The request body is empty: send the CSV file as the body',
      [{ field: 'body', problems: ['is empty'] }],
    );
  return text;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toSummary(r: ImportEntity): ImportSummary {
  return {
    id: r.id,
    hallId: r.hallId,
    kind: r.kind,
    fileName: r.fileName,
    sha256: r.sha256,
    sizeBytes: r.sizeBytes,
    state: r.state,
    progress: r.progress,
    rowsTotal: r.rowsTotal,
    rowsImported: r.rowsImported,
    rowsUpdated: r.rowsUpdated,
    rowsUnchanged: r.rowsUnchanged,
    rowsRejected: r.rowsRejected,
    error: r.error,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    startedAt: iso(r.startedAt),
    finishedAt: iso(r.finishedAt),
  };
}

function toView(r: ImportEntity): ImportView {
  return {
    ...toSummary(r),
    columns: r.columns,
    ignoredColumns: r.ignoredColumns,
    rejections: r.rejections,
    rejectionsTruncated:
      r.rowsRejected >
      Math.min(r.rejections.length, IMPORT_MAX_STORED_REJECTIONS),
  };
}
