/**
 * Scenario from a fit: the contract scenario the planner simulates, built from a hall's history
 * (HistoryFit).
 */
import { assertValid, QueueingInputError } from '../errors';
import type { Scenario, ServiceSpec, ServiceTarget, TimeOfDay } from '../types';
import { validateScenario } from '../validate';
import type { HandlingFit } from './handling';
import type { HistoryFit } from './history';
import { applyOnlineShift, type OnlineShift } from './online-shift';

export type FittedServiceModel = 'lognormal' | 'empirical' | 'exponential';

/**
 * A contract scenario from a fit: arrivalsPerDay and the profile from all categories together,
 * category shares from their totals (the scenario has one profile for all categories, so a
 * category's own daily shape is averaged away), handling times as a lognormal fitted on the logs
 * (default), the empirical samples, or exponential with the observed mean. A category without
 * handling records borrows the hall-wide fit. Categories without arrivals are left out.
 * `onlineShift` applies `applyOnlineShift` to the result.
 */
export function scenarioFromFit(
  fit: HistoryFit,
  options: {
    target: ServiceTarget;
    service?: FittedServiceModel;
    open?: TimeOfDay;
    close?: TimeOfDay;
    onlineShift?: OnlineShift;
  },
): Scenario {
  const total = fit.arrivalsPerDay;
  if (!(total > 0))
    throw new QueueingInputError([
      'the history has no arrivals inside the interval grid',
    ]);
  const model = options.service ?? 'lognormal';
  const cats = fit.categories.filter((c) => c.arrivalsPerDay > 0);
  const errors: string[] = [];
  const scenario: Scenario = {
    open: options.open ?? fit.intervals[0].start,
    close: options.close ?? fit.intervals[fit.intervals.length - 1].end,
    arrivalsPerDay: total,
    profile: fit.intervals.map((iv, i) => ({
      start: iv.start,
      end: iv.end,
      share: fit.byInterval[i] / total,
    })),
    categories: cats.map((c) => {
      const h = c.handling ?? fit.handlingOverall;
      if (!h) {
        errors.push(
          `category ${c.code}: no handling times recorded (and none in the hall)`,
        );
        return {
          code: c.code,
          share: c.arrivalsPerDay / total,
          service: { distribution: 'exponential', meanMinutes: 1 },
        };
      }
      return {
        code: c.code,
        share: c.arrivalsPerDay / total,
        service: serviceOf(h, model),
      };
    }),
    target: { ...options.target },
  };
  assertValid(errors);
  const out = options.onlineShift
    ? applyOnlineShift(scenario, options.onlineShift)
    : scenario;
  const v = validateScenario(out);
  assertValid(v);
  return out;
}

/**
 * A handling fit as `model`; exponential with the observed mean (at least 1e-6) when the model has
 * nothing to stand on (no lognormal fit, or empirical samples with a zero mean).
 */
function serviceOf(h: HandlingFit, model: FittedServiceModel): ServiceSpec {
  if (model === 'empirical' && h.meanMinutes > 0) {
    return { distribution: 'empirical', samples: h.samples };
  }
  if (model === 'lognormal' && h.lognormal) {
    return {
      distribution: 'lognormal',
      meanMinutes: h.lognormal.meanMinutes,
      cv: h.lognormal.cv,
    };
  }
  return {
    distribution: 'exponential',
    meanMinutes: Math.max(h.meanMinutes, 1e-6),
  };
}
