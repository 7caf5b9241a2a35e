import type { ErrorDetail, ImportKind } from '@onewindow/contracts';

/** One column of an import format. */
export interface ImportColumn {
  /** canonical name (what docs/imports.md and the API call it) */
  name: string;
  required: boolean;
  /** other header names accepted for it (compared after normalizeHeaderName) */
  aliases: readonly string[];
  description: string;
}

export interface ImportFormat {
  columns: readonly ImportColumn[];
  /** groups of columns of which the header must name at least one */
  atLeastOneOf?: readonly (readonly string[])[];
}

const col = (
  name: string,
  required: boolean,
  aliases: string[],
  description: string,
): ImportColumn => ({ name, required, aliases, description });

/** The CSV formats, by kind (docs/imports.md is the prose version of this table). */
export const IMPORT_FORMATS: Readonly<Record<ImportKind, ImportFormat>> = {
  tickets: {
    columns: [
      col(
        'number',
        true,
        [
          'ticket_number',
          'ticket_no',
          'ticket',
          '票号',
          '号码',
          '排队号',
          '取号号码',
        ],
        'printed ticket number: up to 2 letters and up to 10 digits (A0012); unique per day',
      ),
      col(
        'service_item_code',
        false,
        ['item', 'item_code', 'service_item', '事项编码', '事项代码'],
        'code of a service item of the catalog (or, when the old system kept only categories, a category code)',
      ),
      col(
        'category_code',
        false,
        ['category', '业务类别', '类别编码', '业务类别编码'],
        'code of a category of the catalog (must match the item when both are given)',
      ),
      col(
        'issued_at',
        true,
        ['issued', 'issue_time', '取号时间'],
        'when the ticket was issued (local time of the hall, or with an offset); fixes the service day',
      ),
      col(
        'called_at',
        false,
        ['called', 'call_time', '叫号时间'],
        'when it was first called; empty when it never was (the person left: cancelled)',
      ),
      col(
        'completed_at',
        false,
        ['completed', 'finished_at', 'complete_time', '办结时间', '完成时间'],
        'when its business was done; empty after a call means no-show',
      ),
      col(
        'window',
        false,
        ['window_label', '窗口', '窗口号', '受理窗口'],
        "label of the window that called it, as in the hall's window list",
      ),
    ],
    atLeastOneOf: [['service_item_code', 'category_code']],
  },
  handling_records: {
    columns: [
      col(
        'date',
        true,
        ['record_date', 'day', '日期', '办件日期'],
        'the day (YYYY-MM-DD)',
      ),
      col(
        'service_item_code',
        true,
        ['item', 'item_code', 'service_item', '事项编码', '事项代码'],
        'code of a service item of the catalog',
      ),
      col(
        'channel',
        true,
        ['渠道', '办理渠道'],
        'window, online_web, online_mobile, self_service_terminal, partner_outlet or agent',
      ),
      col(
        'count',
        true,
        ['cases', '件数', '办件量', '数量'],
        'cases handled that day through that channel (whole number ≥ 0)',
      ),
    ],
  },
  consultations: {
    columns: [
      col(
        'date',
        true,
        ['record_date', 'day', '日期', '咨询日期'],
        'the day (YYYY-MM-DD)',
      ),
      col(
        'channel',
        true,
        ['渠道', '咨询渠道'],
        'robot, online_human or window',
      ),
      col(
        'count',
        true,
        ['consultations', '数量', '咨询量'],
        'consultations answered that day through that channel (whole number ≥ 0)',
      ),
    ],
  },
};

/** Header names compare without case, surrounding blanks, a BOM, and with blanks or '-' as '_'. */
export function normalizeHeaderName(raw: string): string {
  return raw
    .replace(/^\ufeff/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** The columns a header names: field index by canonical name. */
export interface ResolvedHeader {
  /** canonical name → index of the field in each row */
  index: Readonly<Record<string, number>>;
  /** recognised columns by canonical name, in file order */
  columns: string[];
  /** header names that are not part of the format (kept as written) */
  ignored: string[];
  /** fields per row (the header's field count) */
  width: number;
}

export type HeaderResult =
  | ({ ok: true } & ResolvedHeader)
  | { ok: false; problems: ErrorDetail[] };

/** Matches a header row against the format of `kind`. */
export function resolveHeader(
  kind: ImportKind,
  fields: readonly string[],
): HeaderResult {
  const format = IMPORT_FORMATS[kind];
  const byName = new Map<string, ImportColumn>();
  for (const c of format.columns) {
    byName.set(c.name, c);
    for (const a of c.aliases) byName.set(normalizeHeaderName(a), c);
  }
  const index: Record<string, number> = {};
  const columns: string[] = [];
  const ignored: string[] = [];
  const problems: ErrorDetail[] = [];
  fields.forEach((raw, i) => {
    const name = normalizeHeaderName(raw);
    const c = byName.get(name);
    if (!c) {
      if (name) ignored.push(raw.trim());
      return;
    }
    if (index[c.name] !== undefined) {
      problems.push({
        field: c.name,
        problems: [
          `named twice in the header ("${fields[index[c.name]].trim()}" and "${raw.trim()}")`,
        ],
      });
      return;
    }
    index[c.name] = i;
    columns.push(c.name);
  });
  for (const c of format.columns) {
    if (c.required && index[c.name] === undefined)
      problems.push({
        field: c.name,
        problems: [
          `missing from the header (accepted names: ${[c.name, ...c.aliases].join(', ')})`,
        ],
      });
  }
  for (const group of format.atLeastOneOf ?? []) {
    if (group.every((n) => index[n] === undefined))
      problems.push({
        field: group.join('|'),
        problems: [`the header must name at least one of ${group.join(', ')}`],
      });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, index, columns, ignored, width: fields.length };
}
