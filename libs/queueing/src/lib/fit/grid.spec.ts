import { QueueingInputError } from '../errors';
import { gridBounds, intervalOf, localDateAndMinute } from './grid';

describe('gridBounds', () => {
  it('gives the grid as minute bounds', () => {
    expect(
      gridBounds([
        { start: '09:00', end: '09:30' },
        { start: 570, end: '10:30' },
      ]),
    ).toEqual([540, 570, 630]);
  });

  it('refuses an empty, inverted or gapped grid with every message', () => {
    expect(() => gridBounds([])).toThrow('intervals must not be empty');
    let caught: unknown;
    try {
      gridBounds([
        { start: '10:00', end: '09:00' },
        { start: '09:30', end: '11:00' },
        { start: '11:00', end: 'noon' },
      ]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(QueueingInputError);
    expect((caught as QueueingInputError).errors).toEqual([
      'intervals[0] is not a valid interval',
      'intervals[1] must start where the previous ends',
      'intervals[2] is not a valid interval',
    ]);
  });
});

describe('intervalOf', () => {
  const bounds = [540, 570, 600, 660];

  it('finds the interval with bounds[k] ≤ minute < bounds[k+1]', () => {
    expect(
      [540, 569.9, 570, 599, 600, 659.9].map((m) => intervalOf(bounds, m)),
    ).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('is -1 before the first bound and from the last bound on', () => {
    expect([539.9, 660, 700].map((m) => intervalOf(bounds, m))).toEqual([
      -1, -1, -1,
    ]);
  });

  it('agrees with a linear scan on a long uneven grid', () => {
    const long = [0];
    for (let k = 1; k <= 97; k++) long.push(long[k - 1] + 1 + (k % 7));
    for (let m = -2; m <= long[97] + 2; m += 0.5) {
      const linear = long.findIndex(
        (b, k) => k < 97 && b <= m && m < long[k + 1],
      );
      expect(intervalOf(long, m)).toBe(linear);
    }
  });
});

describe('localDateAndMinute', () => {
  it('shifts an instant to local time and splits it into date and minute of day', () => {
    // 2024-03-04T23:30Z is 07:30 on 5 March at UTC+8, 15:30 on 4 March at UTC−8
    const ms = Date.UTC(2024, 2, 4, 23, 30);
    expect(localDateAndMinute(ms, 480)).toEqual({
      date: '2024-03-05',
      minute: 450,
    });
    expect(localDateAndMinute(ms, -480)).toEqual({
      date: '2024-03-04',
      minute: 930,
    });
  });
});
