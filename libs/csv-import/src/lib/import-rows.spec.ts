import { resolveHeader, type ResolvedHeader } from './csv-formats';
import {
  IMPORT_UNKNOWN_ITEM,
  validateConsultationRow,
  validateHandlingRow,
  validateTicketRow,
  type ImportContext,
} from './import-rows';
import { parseCount, parseDay, parseMoment } from './csv-values';

const ctx: ImportContext = {
  zone: 'Asia/Shanghai',
  today: '2020-06-30',
  items: new Map([
    ['MI-0001', 'medical_insurance'],
    ['SS-0001', 'social_security'],
  ]),
  categories: new Set(['medical_insurance', 'social_security']),
  windows: new Map([
    [
      'A01',
      [
        { id: 'w-old', openedOn: '2019-01-01', retiredOn: '2020-03-01' },
        { id: 'w-new', openedOn: '2020-03-01', retiredOn: null },
      ],
    ],
    ['B02', [{ id: 'w-b', openedOn: '2020-05-01', retiredOn: null }]],
  ]),
};

function header(
  kind: Parameters<typeof resolveHeader>[0],
  names: string[],
): ResolvedHeader {
  const h = resolveHeader(kind, names);
  if (!h.ok) throw new Error(JSON.stringify(h.problems));
  return h;
}

const TICKETS = header('tickets', [
  'number',
  'service_item_code',
  'category_code',
  'issued_at',
  'called_at',
  'completed_at',
  'window',
]);
const ticket = (...fields: string[]) => validateTicketRow(TICKETS, fields, ctx);

describe('value parsers', () => {
  it('reads days in the usual spellings and refuses impossible or out-of-range ones', () => {
    expect(parseDay('2020-03-02')).toEqual({ ok: true, value: '2020-03-02' });
    expect(parseDay(' 2020/3/2 ')).toEqual({ ok: true, value: '2020-03-02' });
    expect(parseDay('20200302')).toEqual({ ok: true, value: '2020-03-02' });
    expect(parseDay('2020-02-30')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not a real date'),
    });
    expect(parseDay('1999-12-31')).toMatchObject({ ok: false });
    expect(parseDay('2020-07-01', '2020-06-30')).toMatchObject({
      ok: false,
      reason: '2020-07-01 is after 2020-06-30',
    });
    expect(parseDay('02.03.2020')).toMatchObject({ ok: false });
  });

  it('reads local times in the hall zone, or with an offset', () => {
    const at = (s: string) => {
      const p = parseMoment(s, 'Asia/Shanghai');
      return p.ok ? p.value.toUTC().toISO() : p.reason;
    };
    expect(at('2020-03-02 09:14:05')).toBe('2020-03-02T01:14:05.000Z');
    expect(at('2020/3/2 9:14')).toBe('2020-03-02T01:14:00.000Z');
    expect(at('2020-03-02T09:14:05+08:00')).toBe('2020-03-02T01:14:05.000Z');
    expect(at('2020-03-02T01:14:05Z')).toBe('2020-03-02T01:14:05.000Z');
    expect(at('2020-03-02 24:00:00')).toMatch(/not a real date and time/);
    expect(at('2020-02-30 09:00:00')).toMatch(/not a real date and time/);
    expect(at('09:14:05')).toMatch(/not a date and time/);
    expect(at('yesterday')).toMatch(/not a date and time/);
  });

  it('reads counts as whole numbers ≥ 0 only', () => {
    expect(parseCount('0')).toEqual({ ok: true, value: 0 });
    expect(parseCount(' 1234 ')).toEqual({ ok: true, value: 1234 });
    for (const s of ['-1', '1.5', '1,234', '1e3', '', 'x', '99999999999'])
      expect(parseCount(s)).toMatchObject({ ok: false });
  });
});

describe('validateTicketRow', () => {
  it('turns a served ticket into a done ticket of the service day, in the window in service that day', () => {
    const r = ticket(
      'a0012',
      'MI-0001',
      '',
      '2020-03-02 09:14:05',
      '09:20:00',
      '2020-03-02 09:31:10',
      'A01',
    );
    expect(r).toEqual({
      ok: true,
      key: '2020-03-02|A0012',
      fact: {
        serviceDate: '2020-03-02',
        number: 'A0012',
        prefix: 'A',
        sequence: 12,
        serviceItemCode: 'MI-0001',
        categoryCode: 'medical_insurance',
        issuedAt: new Date('2020-03-02T01:14:05Z'),
        calledAt: new Date('2020-03-02T01:20:00Z'),
        completedAt: new Date('2020-03-02T01:31:10Z'),
        windowId: 'w-new',
        state: 'done',
      },
    });
    // the day before the new window opened: the old one
    const before = ticket(
      'A0001',
      'MI-0001',
      '',
      '2020-02-29 10:00:00',
      '2020-02-29 10:05:00',
      '',
      'A01',
    );
    expect(before.ok && before.fact.windowId).toBe('w-old');
  });

  it('derives no_show and cancelled from the missing times', () => {
    const noShow = ticket(
      'B7',
      'SS-0001',
      '',
      '2020-03-02 10:00',
      '2020-03-02 10:30',
      '',
      '',
    );
    expect(noShow.ok && noShow.fact.state).toBe('no_show');
    const left = ticket('B8', 'SS-0001', '', '2020-03-02 10:00', '', '', '');
    expect(left.ok && left.fact).toMatchObject({
      state: 'cancelled',
      calledAt: null,
      windowId: null,
    });
  });

  it('takes a category instead of an item (item unknown), also in the item column', () => {
    const byCategory = ticket(
      'C1',
      '',
      'Social_Security',
      '2020-03-02 10:00',
      '',
      '',
      '',
    );
    expect(byCategory.ok && byCategory.fact).toMatchObject({
      serviceItemCode: IMPORT_UNKNOWN_ITEM,
      categoryCode: 'social_security',
    });
    const inItemColumn = ticket(
      'C2',
      'social_security',
      '',
      '2020-03-02 10:00',
      '',
      '',
      '',
    );
    expect(inItemColumn.ok && inItemColumn.fact.categoryCode).toBe(
      'social_security',
    );
  });

  it('uses the service day of the issue in the hall zone (a UTC time after 16:00 is the next day)', () => {
    const r = ticket('A1', 'MI-0001', '', '2020-03-01T16:30:00Z', '', '', '');
    expect(r.ok && r.key).toBe('2020-03-02|A1');
  });

  it.each([
    [['', 'MI-0001', '', '2020-03-02 09:00'], 'number: is empty'],
    [
      ['A-12', 'MI-0001', '', '2020-03-02 09:00'],
      'number: "A-12" is not a ticket number',
    ],
    [
      ['ABC1', 'MI-0001', '', '2020-03-02 09:00'],
      'number: "ABC1" is not a ticket number',
    ],
    [
      ['A1', 'XX-9999', '', '2020-03-02 09:00'],
      'service_item_code: "XX-9999" is not a service item (or category) of the catalog',
    ],
    [
      ['A1', 'MI-0001', 'social_security', '2020-03-02 09:00'],
      'category_code: "social_security" is not the category of item MI-0001 (medical_insurance)',
    ],
    [
      ['A1', '', 'tax', '2020-03-02 09:00'],
      'category_code: "tax" is not a category of the catalog',
    ],
    [
      ['A1', '', '', '2020-03-02 09:00'],
      'service_item_code and category_code: both empty',
    ],
    [['A1', 'MI-0001', '', ''], 'issued_at: is empty'],
    [
      ['A1', 'MI-0001', '', '2020-13-02 09:00'],
      'issued_at: "2020-13-02 09:00" is not a real date and time',
    ],
    [
      ['A1', 'MI-0001', '', '2020-06-30 09:00'],
      'issued_at: 2020-06-30 is not before today (2020-06-30); only past days can be imported',
    ],
    [
      ['A1', 'MI-0001', '', '1999-06-30 09:00'],
      'issued_at: 1999-06-30 is before 2000-01-01',
    ],
    [
      ['A1', 'MI-0001', '', '2020-03-02 09:00', '08:59:59'],
      'called_at: is before issued_at',
    ],
    [
      ['A1', 'MI-0001', '', '2020-03-02 09:00', '2020-03-04 09:00'],
      'called_at: more than 24 hours after issued_at',
    ],
    [
      ['A1', 'MI-0001', '', '2020-03-02 09:00', '09:10', '09:05'],
      'completed_at: is before called_at',
    ],
    [
      ['A1', 'MI-0001', '', '2020-03-02 09:00', '', '09:05'],
      'completed_at: given, but called_at is empty',
    ],
    [
      ['A1', 'MI-0001', '', '2020-03-02 09:00', '9:75'],
      'called_at: "9:75" is not a real date and time',
    ],
    [
      ['A1', 'MI-0001', '', '2020-03-02 09:00', '09:10', '09:20', 'Z99'],
      'window: "Z99" is not a window of this hall',
    ],
  ])('rejects %j: %s', (fields, reason) => {
    const padded = [...fields, '', '', ''].slice(0, 7);
    // (rows here list number, item, category, issued, called, completed, window)
    const r = ticket(...padded);
    expect(r).toEqual({ ok: false, reason: expect.stringContaining(reason) });
  });
});

describe('validateHandlingRow', () => {
  const H = header('handling_records', [
    'date',
    'service_item_code',
    'channel',
    'count',
  ]);
  const row = (...f: string[]) => validateHandlingRow(H, f, ctx);

  it('reads a row, with channel names of the platform', () => {
    expect(row('2020/6/1', 'mi-0001', '掌上办', '17')).toEqual({
      ok: true,
      key: '2020-06-01|MI-0001|online_mobile',
      fact: {
        date: '2020-06-01',
        serviceItemCode: 'MI-0001',
        channel: 'online_mobile',
        count: 17,
      },
    });
    expect(
      row('2020-06-30', 'SS-0001', 'Self Service Terminal', '0'),
    ).toMatchObject({
      ok: true,
      fact: { channel: 'self_service_terminal', count: 0 },
    });
  });

  it.each([
    [
      ['2020-07-01', 'MI-0001', 'window', '1'],
      'date: 2020-07-01 is after 2020-06-30',
    ],
    [['x', 'MI-0001', 'window', '1'], 'date: "x" is not a date'],
    [
      ['2020-06-01', 'NOPE', 'window', '1'],
      'service_item_code: "NOPE" is not a service item of the catalog',
    ],
    [
      ['2020-06-01', 'social_security', 'window', '1'],
      'service_item_code: "social_security" is not a service item',
    ],
    [
      ['2020-06-01', 'MI-0001', 'fax', '1'],
      'channel: "fax" is not one of window, online_web',
    ],
    [
      ['2020-06-01', 'MI-0001', 'window', '-3'],
      'count: "-3" is not a whole number ≥ 0',
    ],
    [['2020-06-01', 'MI-0001', 'window', ''], 'count: is empty'],
  ])('rejects %j: %s', (fields, reason) => {
    expect(row(...fields)).toEqual({
      ok: false,
      reason: expect.stringContaining(reason),
    });
  });
});

describe('validateConsultationRow', () => {
  const C = header('consultations', ['日期', '渠道', '数量']);
  const row = (...f: string[]) => validateConsultationRow(C, f, ctx);

  it('reads a row, with Chinese channel names', () => {
    expect(row('2020-06-01', '智能客服', '600')).toEqual({
      ok: true,
      key: '2020-06-01|robot',
      fact: { date: '2020-06-01', channel: 'robot', count: 600 },
    });
    expect(row('2020-06-01', 'online_human', '300')).toMatchObject({
      ok: true,
      key: '2020-06-01|online_human',
    });
  });

  it.each([
    [
      ['2020-06-01', 'phone', '1'],
      'channel: "phone" is not one of robot, online_human, window',
    ],
    [['2020-06-01', 'robot', '1.5'], 'count: "1.5" is not a whole number ≥ 0'],
    [['', 'robot', '1'], 'date: is empty'],
  ])('rejects %j: %s', (fields, reason) => {
    expect(row(...fields)).toEqual({
      ok: false,
      reason: expect.stringContaining(reason),
    });
  });
});
