import { categoryName } from './category';
import { safeFileName, toCsv } from './csv';
import { formatMinutes, formatNumber, formatPercent } from './format';
import { formatMetricValue, formatTarget } from './targets';

describe('formatting', () => {
  it('formats numbers, percentages and minutes, a dash for no value', () => {
    expect(formatNumber(2500, 'en')).toBe('2,500');
    expect(formatNumber(2500.46, 'zh-CN', 1)).toBe('2,500.5');
    expect(formatNumber(null, 'en')).toBe('—');
    expect(formatPercent(0.784, 'en')).toBe('78.4%');
    expect(formatPercent(undefined, 'zh-CN')).toBe('—');
    expect(formatMinutes(12.345, 'en')).toBe('12.3');
  });

  it('writes CSV with a BOM, CRLF, quotes where needed and empty cells for no value', () => {
    expect(
      toCsv({
        header: ['日期', 'note'],
        rows: [
          ['2020-01-01', 'a, "b"'],
          ['2020-01-02', null],
        ],
      }),
    ).toBe('\uFEFF日期,note\r\n2020-01-01,"a, ""b"""\r\n2020-01-02,\r\n');
    expect(safeFileName('windows_杭州 中心/2020')).toBe(
      'windows_杭州_中心_2020',
    );
  });

  it('names categories in the language, falling back to the catalog and the code', () => {
    expect(categoryName('tax', 'zh-CN')).toBe('税务');
    expect(categoryName('tax', 'en')).toBe('Taxation');
    expect(
      categoryName('x_new', 'en', [
        { code: 'x_new', name: '新类别', ticketPrefix: 'X', specialist: false },
      ]),
    ).toBe('新类别');
    expect(categoryName('unknown', 'en')).toBe('unknown');
  });

  it('formats targets in their unit', () => {
    const base = {
      id: 't',
      scope: { hallId: 'h' },
      dueDate: '2020-12-31',
      note: null,
      actual: null,
      status: 'no_data' as const,
      parameter: null,
    };
    expect(
      formatTarget(
        { ...base, metric: 'windows', comparison: 'lt', value: 30 },
        'zh-CN',
      ),
    ).toBe('< 30');
    expect(
      formatTarget(
        { ...base, metric: 'online_rate', comparison: 'ge', value: 0.8 },
        'en',
      ),
    ).toBe('≥ 80%');
    expect(
      formatTarget(
        {
          ...base,
          metric: 'within_minutes_share',
          comparison: 'ge',
          value: 0.8,
          parameter: 15,
        },
        'en',
      ),
    ).toBe('≥ 80% (Called within 15 min)');
    expect(formatMetricValue('mean_wait', 12.34, 'en')).toBe('12.3');
  });
});
