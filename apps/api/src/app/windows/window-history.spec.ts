import { windowCountsByDay } from './window-history';

describe('windowCountsByDay', () => {
  it('starts from the events before the span and applies each day’s deltas on that day', () => {
    const days = windowCountsByDay(
      [
        { date: '2019-01-01', mode: 'department', delta: 3 },
        { date: '2019-06-01', mode: 'department', delta: -1 },
        { date: '2019-06-01', mode: 'comprehensive', delta: 1 },
        { date: '2019-06-03', mode: 'department', delta: -2 },
        { date: '2019-07-01', mode: 'comprehensive', delta: 5 },
      ],
      '2019-05-31',
      '2019-06-03',
    );
    expect(days).toEqual([
      { date: '2019-05-31', department: 3, comprehensive: 0, total: 3 },
      { date: '2019-06-01', department: 2, comprehensive: 1, total: 3 },
      { date: '2019-06-02', department: 2, comprehensive: 1, total: 3 },
      { date: '2019-06-03', department: 0, comprehensive: 1, total: 1 },
    ]);
  });

  it('gives one row per day across month and leap-year ends', () => {
    const days = windowCountsByDay([], '2020-02-27', '2020-03-01');
    expect(days.map((d) => d.date)).toEqual([
      '2020-02-27',
      '2020-02-28',
      '2020-02-29',
      '2020-03-01',
    ]);
  });
});
