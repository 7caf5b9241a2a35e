import { hallDay } from '../../testing/hall-day';
import { MAX_EMPIRICAL_SAMPLES } from '../limits';
import type { Scenario } from '../types';
import {
  validateMinimumWindowsRequest,
  validateScenario,
  validateSimulateRequest,
} from './index';

const day = hallDay(400);
/** The fixture with `patience` on its first category (anything: the validators take unknown). */
const withPatience = (patience: unknown): Scenario =>
  ({
    ...day,
    categories: day.categories.map((c, i) =>
      i === 0 ? { ...c, patience } : c,
    ),
  }) as Scenario;
const P = 'scenario.categories[0].patience';

describe('a category patience (PatienceSpec)', () => {
  it('accepts exponential, lognormal and empirical patience, as ServiceSpec does', () => {
    for (const p of [
      { distribution: 'exponential', meanMinutes: 12 },
      { distribution: 'exponential', meanMinutes: 12, cv: 1 },
      { distribution: 'lognormal', meanMinutes: 12, cv: 0.8 },
      { distribution: 'lognormal', meanMinutes: 12, cv: 0 },
      { distribution: 'empirical', samples: [3, 9, 30] },
      { distribution: 'empirical', samples: [3, 9, 30], meanMinutes: 14 },
      // all 0: people who leave rather than wait at all
      { distribution: 'empirical', samples: [0, 0] },
    ]) {
      expect(validateScenario(withPatience(p))).toEqual([]);
    }
    expect(validateScenario(day)).toEqual([]);
  });

  it('names the field of each bad patience', () => {
    const cases: [unknown, string][] = [
      [5, `${P} must be an object {distribution, meanMinutes, cv?}`],
      [
        { distribution: 'gamma', meanMinutes: 5, cv: 1 },
        `${P}.distribution must be one of exponential, lognormal, empirical`,
      ],
      [
        { distribution: 'deterministic', meanMinutes: 5 },
        `${P}.distribution must be one of exponential, lognormal, empirical`,
      ],
      [
        { distribution: 'exponential', meanMinutes: 0 },
        `${P}.meanMinutes must be > 0 (got 0)`,
      ],
      [
        { distribution: 'exponential', meanMinutes: Infinity },
        `${P}.meanMinutes must be a finite number`,
      ],
      [
        { distribution: 'exponential' },
        `${P}.meanMinutes must be a finite number`,
      ],
      [
        { distribution: 'exponential', meanMinutes: 2000 },
        `${P}.meanMinutes must be ≤ 1440 (got 2000)`,
      ],
      [
        { distribution: 'exponential', meanMinutes: 5, cv: 2 },
        `${P}.cv of an exponential patience is 1 (omit it)`,
      ],
      [
        { distribution: 'lognormal', meanMinutes: 5 },
        `${P}.cv is required for a lognormal patience`,
      ],
      [
        { distribution: 'lognormal', meanMinutes: 5, cv: -1 },
        `${P}.cv must be ≥ 0 (got -1)`,
      ],
      [
        { distribution: 'empirical', samples: [] },
        `${P}.samples must be a non-empty array of patience minutes`,
      ],
      [
        { distribution: 'empirical' },
        `${P}.samples must be a non-empty array of patience minutes`,
      ],
      [
        { distribution: 'empirical', samples: [1, -2, Number.NaN, 'x'] },
        `${P}.samples must be minutes in 0…1440 (3 are not)`,
      ],
      [
        {
          distribution: 'empirical',
          samples: new Array(MAX_EMPIRICAL_SAMPLES + 1).fill(1),
        },
        `${P}.samples must hold at most ${MAX_EMPIRICAL_SAMPLES} values`,
      ],
      [
        { distribution: 'empirical', samples: [1, 2, 3], meanMinutes: 3 },
        `${P}.meanMinutes (3) must agree with the mean of the samples (2) within 1 %`,
      ],
    ];
    for (const [p, message] of cases) {
      expect(validateScenario(withPatience(p))).toEqual([message]);
    }
  });

  it('the request validators accept patience and report its errors', () => {
    const good = withPatience({ distribution: 'exponential', meanMinutes: 9 });
    expect(
      validateMinimumWindowsRequest({
        scenario: good,
        layout: { kind: 'comprehensive' },
        criterion: 'day',
      }),
    ).toEqual([]);
    expect(
      validateSimulateRequest({
        scenario: good,
        layout: { kind: 'comprehensive', windows: 10 },
      }),
    ).toEqual([]);
    const bad = withPatience({ distribution: 'lognormal', meanMinutes: 9 });
    expect(
      validateMinimumWindowsRequest({
        scenario: bad,
        layout: { kind: 'department' },
      }),
    ).toEqual([`${P}.cv is required for a lognormal patience`]);
  });
});
