import { distinctHallDays } from './outbox-drainer.service';

describe('distinctHallDays', () => {
  it('keeps one job per hall and day, named after the newest outbox row of it', () => {
    expect(
      distinctHallDays([
        { id: '7', hall_id: 'b', date: '2020-06-02' },
        { id: '3', hall_id: 'a', date: '2020-06-02' },
        { id: '12', hall_id: 'a', date: '2020-06-02' },
        { id: '9', hall_id: 'a', date: '2020-06-01' },
        { id: '10', hall_id: 'b', date: '2020-06-02' },
      ]),
    ).toEqual([
      { hallId: 'a', date: '2020-06-01', lastId: '9' },
      { hallId: 'a', date: '2020-06-02', lastId: '12' },
      { hallId: 'b', date: '2020-06-02', lastId: '10' },
    ]);
  });

  it('compares ids as numbers, not as text', () => {
    expect(
      distinctHallDays([
        { id: '99', hall_id: 'a', date: '2020-06-01' },
        { id: '100', hall_id: 'a', date: '2020-06-01' },
      ]),
    ).toEqual([{ hallId: 'a', date: '2020-06-01', lastId: '100' }]);
  });

  it('gives nothing for nothing', () => {
    expect(distinctHallDays([])).toEqual([]);
  });
});
