import {
  CATEGORIES,
  CATEGORY_INDEX,
  SERVICE_ITEMS,
  ServiceItemDef,
  itemMixWeights,
} from '../catalog';
import { HallSpec } from '../halls';
import { Rng, cumulative } from '../rng';
import { ActiveWindow } from '../windows';
import { handlingSeconds } from './handling-times';
import { Channel, Outcome, Priority, TicketState, Visit } from './ticket';

/** 2020: business-registration and tax tickets fell fastest (企业开办全程网办). */
const MIX_2020: Record<string, number> = {
  market_regulation: 0.7,
  tax: 0.8,
  provident_fund: 0.85,
  medical_insurance: 1.05,
  civil_affairs: 1.15,
  police_vehicles: 1.1,
};

/** The service items a hall handles, with what the day's simulation needs of each. */
export class HallItems {
  readonly items: ServiceItemDef[];
  /** CATEGORIES index of each item */
  readonly category: Int32Array;
  /** the catalog's typical handling of each item, in seconds */
  readonly meanSeconds: Float64Array;
  private readonly mixByYear = new Map<number, number[]>();

  constructor(spec: HallSpec) {
    this.items = SERVICE_ITEMS.filter(
      (i) => !spec.items || spec.items.includes(i.code),
    );
    this.category = Int32Array.from(
      this.items.map((i) => CATEGORY_INDEX.get(i.categoryCode) as number),
    );
    this.meanSeconds = Float64Array.from(
      this.items.map((i) => i.typicalHandlingMinutes * 60),
    );
  }

  /** The item mix of a year (weights by item). */
  mix(year: number): number[] {
    let m = this.mixByYear.get(year);
    if (!m) {
      m = itemMixWeights(this.items, (c) =>
        year >= 2020 ? (MIX_2020[c] ?? 1) : 1,
      );
      this.mixByYear.set(year, m);
    }
    return m;
  }

  /**
   * The cumulative item mix of a day: the year's mix over the items of the categories the hall
   * serves that day and some open window takes (the others weigh 0).
   */
  dayMix(
    year: number,
    active: readonly ActiveWindow[],
    categories: readonly string[],
  ): Float64Array {
    let servedMask = 0;
    for (const w of active) servedMask |= w.mask;
    const mixW = this.mix(year).map((w, i) =>
      (servedMask >> this.category[i]) & 1 &&
      categories.includes(CATEGORIES[this.category[i]].code)
        ? w
        : 0,
    );
    return cumulative(mixW);
  }
}

/**
 * Who comes for what, drawn when the ticket is issued: the item (by the day's mix), priority,
 * channel, fate, outcome and the handling seconds.
 */
export function drawVisit(
  rng: Rng,
  hall: HallItems,
  mixCum: Float64Array,
  factor: number,
  issued: number,
): Visit {
  const item = rng.pick(mixCum);
  const def = hall.items[item];
  const cat = hall.category[item];
  const u = rng.float();
  const priority: Priority =
    u < 0.05 ? 'priority' : u < 0.13 ? 'appointment' : 'normal';
  const v = rng.float();
  const channel: Channel =
    priority === 'appointment'
      ? 'appointment'
      : v < 0.84
        ? 'kiosk'
        : v < 0.985
          ? 'mobile'
          : 'staff';
  const f = rng.float();
  const fate: TicketState =
    f < 0.02
      ? 'cancelled'
      : f < 0.07
        ? 'no_show'
        : f < 0.074
          ? 'transferred'
          : 'done';
  const o = rng.float();
  const outcome: Outcome =
    o < 0.9 ? 'done' : o < 0.98 ? 'needs_materials' : 'rejected';
  const serviceSeconds = handlingSeconds(
    rng,
    hall.meanSeconds[item] * factor,
    outcome,
  );
  return {
    ticket: {
      id: '',
      number: '',
      prefix: CATEGORIES[cat].prefix,
      sequence: 0,
      itemCode: def.code,
      categoryCode: def.categoryCode,
      priority,
      channel,
      state: fate,
      issued,
      queued: issued,
      called: null,
      started: null,
      completed: null,
      cancelled: null,
      cancelledBy: null,
      expired: null,
      windowId: null,
      recallCount: 0,
      outcome: null,
      rating: null,
      transferredFromId: null,
    },
    item,
    cat,
    high: priority !== 'normal',
    fate,
    // drawn when the ticket is issued (callDay), from a stream of its own
    patience: Infinity,
    serviceSeconds,
    outcome,
  };
}

/**
 * The follow-up of a transferred ticket: an item of another department (eight draws at most),
 * issued by the staff at `issued`, keeping the original's place in the queue (its queue_at) and
 * priority; always done.
 */
export function drawFollowUp(
  rng: Rng,
  hall: HallItems,
  mixCum: Float64Array,
  factor: number,
  from: Visit,
  issued: number,
): Visit {
  const t = from.ticket;
  let item = rng.pick(mixCum);
  for (let k = 0; k < 8 && hall.category[item] === from.cat; k++)
    item = rng.pick(mixCum);
  const def = hall.items[item];
  const cat = hall.category[item];
  return {
    ticket: {
      ...t,
      id: '',
      number: '',
      prefix: CATEGORIES[cat].prefix,
      sequence: 0,
      itemCode: def.code,
      categoryCode: def.categoryCode,
      channel: 'staff',
      state: 'done',
      issued,
      queued: t.queued,
      called: null,
      started: null,
      completed: null,
      cancelled: null,
      cancelledBy: null,
      expired: null,
      windowId: null,
      recallCount: 0,
      outcome: null,
      rating: null,
      transferredFromId: t.id,
    },
    item,
    cat,
    high: from.high,
    fate: 'done',
    patience: Infinity,
    serviceSeconds: handlingSeconds(
      rng,
      hall.meanSeconds[item] * factor,
      'done',
    ),
    outcome: 'done',
  };
}
