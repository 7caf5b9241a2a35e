import { hallDayJobs } from './rollup-jobs';

describe('hallDayJobs', () => {
  it('gives each hall one job of its distinct days in date order, named after the newest outbox row', () => {
    expect(
      hallDayJobs([
        { id: '7', hall_id: 'b', date: '2020-06-02' },
        { id: '3', hall_id: 'a', date: '2020-06-02' },
        { id: '12', hall_id: 'a', date: '2020-06-02' },
        { id: '9', hall_id: 'a', date: '2020-06-01' },
        { id: '10', hall_id: 'b', date: '2020-06-02' },
      ]),
    ).toEqual([
      { hallId: 'a', dates: ['2020-06-01', '2020-06-02'], lastId: '12' },
      { hallId: 'b', dates: ['2020-06-02'], lastId: '10' },
    ]);
  });

  it('cuts a hall into jobs of at most maxDays days, each named after its own newest row', () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({
      id: String(100 - i),
      hall_id: 'a',
      date: `2020-06-0${i + 1}`,
    }));
    expect(hallDayJobs(rows, 2)).toEqual([
      { hallId: 'a', dates: ['2020-06-01', '2020-06-02'], lastId: '100' },
      { hallId: 'a', dates: ['2020-06-03', '2020-06-04'], lastId: '98' },
      { hallId: 'a', dates: ['2020-06-05'], lastId: '96' },
    ]);
  });

  it('compares ids as numbers, not as text', () => {
    expect(
      hallDayJobs([
        { id: '99', hall_id: 'a', date: '2020-06-01' },
        { id: '100', hall_id: 'a', date: '2020-06-01' },
      ]),
    ).toEqual([{ hallId: 'a', dates: ['2020-06-01'], lastId: '100' }]);
  });

  it('gives nothing for nothing', () => {
    expect(hallDayJobs([])).toEqual([]);
  });
});
