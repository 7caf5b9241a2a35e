import {
  IMPORT_FORMATS,
  normalizeHeaderName,
  resolveHeader,
} from './csv-formats';

describe('resolveHeader', () => {
  it('matches names without case, blanks or BOM, keeps field positions and lists what it ignores', () => {
    const r = resolveHeader('tickets', [
      '\ufeffNumber',
      ' Service Item Code ',
      'remark',
      'ISSUED-AT',
      'called_at',
      'completed_at',
      'Window',
    ]);
    expect(r).toEqual({
      ok: true,
      index: {
        number: 0,
        service_item_code: 1,
        issued_at: 3,
        called_at: 4,
        completed_at: 5,
        window: 6,
      },
      columns: [
        'number',
        'service_item_code',
        'issued_at',
        'called_at',
        'completed_at',
        'window',
      ],
      ignored: ['remark'],
      width: 7,
    });
  });

  it('reads the Chinese headers of the old queue systems and the provincial platform', () => {
    const t = resolveHeader('tickets', [
      '票号',
      '事项编码',
      '取号时间',
      '叫号时间',
      '办结时间',
      '窗口',
    ]);
    expect(t.ok && t.columns).toEqual([
      'number',
      'service_item_code',
      'issued_at',
      'called_at',
      'completed_at',
      'window',
    ]);
    const h = resolveHeader('handling_records', [
      '日期',
      '事项编码',
      '渠道',
      '办件量',
    ]);
    expect(h.ok && h.columns).toEqual([
      'date',
      'service_item_code',
      'channel',
      'count',
    ]);
    const c = resolveHeader('consultations', ['日期', '咨询渠道', '咨询量']);
    expect(c.ok && c.columns).toEqual(['date', 'channel', 'count']);
  });

  it('accepts a category column instead of the item column for tickets', () => {
    const r = resolveHeader('tickets', ['number', 'category', 'issued_at']);
    expect(r.ok && r.index).toEqual({
      number: 0,
      category_code: 1,
      issued_at: 2,
    });
  });

  it('names every missing or doubled column, with the accepted names', () => {
    const r = resolveHeader('tickets', ['票号', 'number', 'called_at']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      {
        field: 'number',
        problems: ['named twice in the header ("票号" and "number")'],
      },
      {
        field: 'issued_at',
        problems: [
          expect.stringContaining(
            'missing from the header (accepted names: issued_at, issued, issue_time, 取号时间)',
          ),
        ],
      },
      {
        field: 'service_item_code|category_code',
        problems: [
          'the header must name at least one of service_item_code, category_code',
        ],
      },
    ]);
  });

  it('rejects a header of another kind', () => {
    const r = resolveHeader('consultations', [
      'date',
      'service_item_code',
      'channel',
      'count',
    ]);
    expect(r.ok).toBe(true);
    const wrong = resolveHeader('handling_records', [
      'date',
      'channel',
      'count',
    ]);
    expect(!wrong.ok && wrong.problems.map((p) => p.field)).toEqual([
      'service_item_code',
    ]);
  });

  it('has no alias that two columns of one format share', () => {
    for (const [kind, format] of Object.entries(IMPORT_FORMATS)) {
      const names = format.columns.flatMap((c) =>
        [c.name, ...c.aliases].map(normalizeHeaderName),
      );
      expect({
        kind,
        duplicates: names.filter((n, i) => names.indexOf(n) !== i),
      }).toEqual({
        kind,
        duplicates: [],
      });
    }
  });
});
