import { formatShanghaiDateTime } from './shanghai-time';

describe('Beijing time', () => {
  it('shows an instant in Asia/Shanghai whatever the machine zone (tests run in UTC)', () => {
    const instant = new Date('2020-12-31T16:30:00Z');
    expect(formatShanghaiDateTime(instant, 'zh-CN')).toBe('2021-01-01 00:30');
    expect(formatShanghaiDateTime(instant, 'en')).toBe('2021-01-01 00:30');
  });
});
