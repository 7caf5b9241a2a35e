import {
  CONSULTATION_CHANNELS,
  HANDLING_CHANNELS,
  type ConsultationChannel,
  type HandlingChannel,
} from '@onewindow/contracts';
import type { DateTime } from 'luxon';
import {
  parseChoice,
  parseCount,
  parseDay,
  parseMoment,
  IMPORT_MIN_DAY,
  type Parsed,
} from './csv-values';
import type { ResolvedHeader } from './csv-formats';

/** The service item code of an imported ticket whose old system recorded only the category. */
export const IMPORT_UNKNOWN_ITEM = '*';

/** Longest a ticket may take from issue to completion (a longer span is a broken row). */
const MAX_TICKET_SPAN_HOURS = 24;

/** Channel names of the provincial platform and of people, besides the canonical ones. */
export const HANDLING_CHANNEL_ALIASES: Readonly<
  Record<string, HandlingChannel>
> = {
  窗口: 'window',
  窗口办理: 'window',
  网上: 'online_web',
  网页: 'online_web',
  pc端: 'online_web',
  pc: 'online_web',
  web: 'online_web',
  移动端: 'online_mobile',
  掌上办: 'online_mobile',
  app: 'online_mobile',
  mobile: 'online_mobile',
  自助终端: 'self_service_terminal',
  自助机: 'self_service_terminal',
  合作网点: 'partner_outlet',
  代办: 'agent',
};

export const CONSULTATION_CHANNEL_ALIASES: Readonly<
  Record<string, ConsultationChannel>
> = {
  机器人: 'robot',
  智能客服: 'robot',
  在线人工: 'online_human',
  人工客服: 'online_human',
  online: 'online_human',
  窗口: 'window',
};

/** A window of the hall, by label. */
export interface ImportWindow {
  id: string;
  /** YYYY-MM-DD */
  openedOn: string;
  retiredOn: string | null;
}

/** What row validation needs to know about the hall and the catalog. */
export interface ImportContext {
  /** the hall's time zone (local times and service days are read in it) */
  zone: string;
  /** today in that zone (YYYY-MM-DD) */
  today: string;
  /** service item code → its category code */
  items: ReadonlyMap<string, string>;
  categories: ReadonlySet<string>;
  /** window label → the hall's windows of that label */
  windows: ReadonlyMap<string, readonly ImportWindow[]>;
}

export interface TicketFact {
  serviceDate: string;
  number: string;
  prefix: string;
  sequence: number;
  serviceItemCode: string;
  categoryCode: string;
  issuedAt: Date;
  calledAt: Date | null;
  completedAt: Date | null;
  windowId: string | null;
  state: 'done' | 'no_show' | 'cancelled';
}

export interface HandlingFact {
  date: string;
  serviceItemCode: string;
  channel: HandlingChannel;
  count: number;
}

export interface ConsultationFact {
  date: string;
  channel: ConsultationChannel;
  count: number;
}

export interface ImportFacts {
  tickets: TicketFact;
  handling_records: HandlingFact;
  consultations: ConsultationFact;
}

/** A row's fact and the key that makes it unique within the file and the table. */
export type RowResult<T> =
  | { ok: true; fact: T; key: string }
  | { ok: false; reason: string };

const reject = <T>(reason: string): RowResult<T> => ({ ok: false, reason });

/** The field of a column, trimmed; '' when the header has no such column. */
function field(
  header: ResolvedHeader,
  fields: readonly string[],
  name: string,
): string {
  const i = header.index[name];
  return i === undefined ? '' : (fields[i] ?? '').trim();
}

function why<T>(column: string, p: Parsed<T> & { ok: false }): string {
  return `${column}: ${p.reason}`;
}

const NUMBER = /^([A-Z]{0,2})(\d{1,10})$/;

/**
 * A row of a ticket log. The service day is the local day of issue, which must be before today
 * (today's queue is live: its numbers belong to the kiosks). The state follows from the times:
 * completed → done; called only → no_show; never called → cancelled.
 */
export function validateTicketRow(
  header: ResolvedHeader,
  fields: readonly string[],
  ctx: ImportContext,
): RowResult<TicketFact> {
  const number = field(header, fields, 'number').toUpperCase();
  if (!number) return reject('number: is empty');
  const n = NUMBER.exec(number);
  if (!n || number.length > 12)
    return reject(
      `number: "${number}" is not a ticket number (up to 2 letters, then up to 10 digits)`,
    );
  const sequence = Number(n[2]);
  if (sequence > 2_147_483_647) return reject(`number: ${number} is too large`);

  const itemRaw = field(header, fields, 'service_item_code');
  const categoryRaw = field(header, fields, 'category_code');
  let item = IMPORT_UNKNOWN_ITEM;
  let category: string;
  if (itemRaw) {
    const itemCategory =
      ctx.items.get(itemRaw) ?? ctx.items.get(itemRaw.toUpperCase());
    if (itemCategory) {
      item = ctx.items.has(itemRaw) ? itemRaw : itemRaw.toUpperCase();
      category = itemCategory;
    } else if (ctx.categories.has(itemRaw.toLowerCase()) && !categoryRaw) {
      category = itemRaw.toLowerCase();
    } else {
      return reject(
        `service_item_code: "${itemRaw}" is not a service item (or category) of the catalog`,
      );
    }
    if (categoryRaw && categoryRaw.toLowerCase() !== category)
      return reject(
        `category_code: "${categoryRaw}" is not the category of item ${item} (${category})`,
      );
  } else if (categoryRaw) {
    if (!ctx.categories.has(categoryRaw.toLowerCase()))
      return reject(
        `category_code: "${categoryRaw}" is not a category of the catalog`,
      );
    category = categoryRaw.toLowerCase();
  } else {
    return reject('service_item_code and category_code: both empty');
  }

  const issuedRaw = field(header, fields, 'issued_at');
  const issued = parseMoment(issuedRaw, ctx.zone);
  if (!issued.ok) return reject(why('issued_at', issued));
  const issuedLocal = issued.value.setZone(ctx.zone);
  const serviceDate = issuedLocal.toISODate() as string;
  if (serviceDate < IMPORT_MIN_DAY)
    return reject(`issued_at: ${serviceDate} is before ${IMPORT_MIN_DAY}`);
  if (serviceDate >= ctx.today)
    return reject(
      `issued_at: ${serviceDate} is not before today (${ctx.today}); only past days can be imported`,
    );

  const later = (
    column: string,
    raw: string,
    after: DateTime,
    afterName: string,
  ): Parsed<DateTime | null> => {
    if (!raw) return { ok: true, value: null };
    const p = parseMoment(raw, ctx.zone, issuedLocal);
    if (!p.ok) return { ok: false, reason: why(column, p) };
    if (p.value < after)
      return { ok: false, reason: `${column}: is before ${afterName}` };
    if (p.value.diff(issuedLocal, 'hours').hours > MAX_TICKET_SPAN_HOURS)
      return {
        ok: false,
        reason: `${column}: more than ${MAX_TICKET_SPAN_HOURS} hours after issued_at`,
      };
    return p;
  };
  const called = later(
    'called_at',
    field(header, fields, 'called_at'),
    issued.value,
    'issued_at',
  );
  if (!called.ok) return reject(called.reason);
  const completedRaw = field(header, fields, 'completed_at');
  if (completedRaw && !called.value)
    return reject('completed_at: given, but called_at is empty');
  const completed = called.value
    ? later('completed_at', completedRaw, called.value, 'called_at')
    : ({ ok: true, value: null } as const);
  if (!completed.ok) return reject(completed.reason);

  let windowId: string | null = null;
  const label = field(header, fields, 'window');
  if (label) {
    const candidates =
      ctx.windows.get(label) ?? ctx.windows.get(label.toUpperCase());
    if (!candidates?.length)
      return reject(`window: "${label}" is not a window of this hall`);
    const inService = candidates.find(
      (w) =>
        w.openedOn <= serviceDate &&
        (!w.retiredOn || w.retiredOn > serviceDate),
    );
    windowId = (inService ?? candidates[0]).id;
  }

  return {
    ok: true,
    key: `${serviceDate}|${number}`,
    fact: {
      serviceDate,
      number,
      prefix: n[1],
      sequence,
      serviceItemCode: item,
      categoryCode: category,
      issuedAt: issued.value.toJSDate(),
      calledAt: called.value?.toJSDate() ?? null,
      completedAt: completed.value?.toJSDate() ?? null,
      windowId,
      state: completed.value ? 'done' : called.value ? 'no_show' : 'cancelled',
    },
  };
}

/** A row of daily handling records (days up to today). */
export function validateHandlingRow(
  header: ResolvedHeader,
  fields: readonly string[],
  ctx: ImportContext,
): RowResult<HandlingFact> {
  const date = parseDay(field(header, fields, 'date'), ctx.today);
  if (!date.ok) return reject(why('date', date));
  const itemRaw = field(header, fields, 'service_item_code');
  if (!itemRaw) return reject('service_item_code: is empty');
  const item = ctx.items.has(itemRaw)
    ? itemRaw
    : ctx.items.has(itemRaw.toUpperCase())
      ? itemRaw.toUpperCase()
      : null;
  if (!item)
    return reject(
      `service_item_code: "${itemRaw}" is not a service item of the catalog`,
    );
  const channel = parseChoice(
    field(header, fields, 'channel'),
    HANDLING_CHANNELS,
    HANDLING_CHANNEL_ALIASES,
  );
  if (!channel.ok) return reject(why('channel', channel));
  const count = parseCount(field(header, fields, 'count'));
  if (!count.ok) return reject(why('count', count));
  return {
    ok: true,
    key: `${date.value}|${item}|${channel.value}`,
    fact: {
      date: date.value,
      serviceItemCode: item,
      channel: channel.value,
      count: count.value,
    },
  };
}

/** A row of daily consultation counts (days up to today). */
export function validateConsultationRow(
  header: ResolvedHeader,
  fields: readonly string[],
  ctx: ImportContext,
): RowResult<ConsultationFact> {
  const date = parseDay(field(header, fields, 'date'), ctx.today);
  if (!date.ok) return reject(why('date', date));
  const channel = parseChoice(
    field(header, fields, 'channel'),
    CONSULTATION_CHANNELS,
    CONSULTATION_CHANNEL_ALIASES,
  );
  if (!channel.ok) return reject(why('channel', channel));
  const count = parseCount(field(header, fields, 'count'));
  if (!count.ok) return reject(why('count', count));
  return {
    ok: true,
    key: `${date.value}|${channel.value}`,
    fact: { date: date.value, channel: channel.value, count: count.value },
  };
}

/** The validator of each kind. */
export const ROW_VALIDATORS: {
  [K in keyof ImportFacts]: (
    header: ResolvedHeader,
    fields: readonly string[],
    ctx: ImportContext,
  ) => RowResult<ImportFacts[K]>;
} = {
  tickets: validateTicketRow,
  handling_records: validateHandlingRow,
  consultations: validateConsultationRow,
};

/** How a duplicate key reads in a rejection. */
export function describeKey(kind: keyof ImportFacts, key: string): string {
  const parts = key.split('|');
  switch (kind) {
    case 'tickets':
      return `ticket ${parts[1]} of ${parts[0]}`;
    case 'handling_records':
      return `${parts[0]}, item ${parts[1]}, channel ${parts[2]}`;
    case 'consultations':
      return `${parts[0]}, channel ${parts[1]}`;
  }
}
