import { SERVICE_ITEMS, ServiceItemDef, itemMixWeights } from './catalog';
import { dayOf, isHallOpen, isoOf, yearOf } from './calendar';
import { HallSpec, hallCategoriesOn } from './halls';
import { hallId } from './ids';
import { Rng, apportion } from './rng';
import { SPAN_FROM, SPAN_TO, dayFactor, monthlyLevel } from './visitors';
import { HallWindows } from './windows';

export type HandlingChannel =
  | 'window'
  | 'online_web'
  | 'online_mobile'
  | 'self_service_terminal'
  | 'partner_outlet'
  | 'agent';
export const HANDLING_CHANNELS: readonly HandlingChannel[] = [
  'window',
  'online_web',
  'online_mobile',
  'self_service_terminal',
  'partner_outlet',
  'agent',
];

export interface HandlingRow {
  hall_id: string;
  record_date: string;
  service_item_code: string;
  channel: HandlingChannel;
  count: number;
}

/** Share of done tickets among issued ones: the window handling of a hall with tickets. */
const DONE_SHARE = 0.925;

const ONLINE_AFFINITY: Record<string, number> = {
  market_regulation: 1.6,
  tax: 1.6,
  provident_fund: 1.4,
  social_security: 1.2,
  medical_insurance: 1.2,
  real_estate: 0.8,
  police_vehicles: 0.7,
  civil_affairs: 0.5,
  family_planning: 0.8,
  disabled_persons: 0.6,
  urban_management: 0.8,
};
const SELF_AFFINITY: Record<string, number> = {
  social_security: 1.6,
  medical_insurance: 1.5,
  provident_fund: 1.5,
  tax: 1.2,
  police_vehicles: 0.6,
  real_estate: 0.5,
  market_regulation: 0.5,
  civil_affairs: 0.3,
  family_planning: 0.3,
  disabled_persons: 0.3,
  urban_management: 0.2,
};
const AGENT_AFFINITY: Record<string, number> = {
  social_security: 1,
  medical_insurance: 1.5,
  civil_affairs: 2,
  disabled_persons: 3,
  family_planning: 1,
  police_vehicles: 0.3,
  market_regulation: 0.4,
};
/** Items citizens mostly handle on a computer (companies, tax): more web, less mobile. */
const BUSINESS = new Set(['market_regulation', 'tax', 'urban_management']);

interface DayTotals {
  day: number;
  window: number;
  partner: number;
  self: number;
  agent: number;
  online: number;
}

/** The online-handling rate path of a hall: a logistic move from before 2019 to after 2020. */
function ratePath(spec: HallSpec, day: number): number {
  const r19 = spec.onlineRate[2019];
  const r20 = spec.onlineRate[2020];
  const lo = Math.max(0.03, r19 - (r20 - r19) * 0.3);
  const hi = Math.min(0.95, r20 + (r20 - r19) * 0.2);
  const x = (day - dayOf('2019-12-31')) / 90;
  return lo + (hi - lo) / (1 + Math.exp(-x));
}

/**
 * Handling records (办件量) of a hall per day, item and channel over 2019–2020, such that the
 * online-handling rate ((online_web + online_mobile) / all) of each year is the hall's rate
 * exactly (the facts' rates for Fuyang and Jiangbei). Yields one day's rows at a time.
 */
export function* handlingDays(
  spec: HallSpec,
  hw: HallWindows,
  visitors: Map<number, number>,
  seed: number,
): Generator<HandlingRow[]> {
  const rng = Rng.derive(seed, 'handling', spec.key);
  const hid = hallId(spec.key);
  const a = dayOf(SPAN_FROM);
  const b = dayOf(SPAN_TO);
  const items: ServiceItemDef[] = SERVICE_ITEMS.filter(
    (i) => !spec.items || spec.items.includes(i.code),
  );
  const lerp = (p: [number, number], day: number): number =>
    p[0] + ((p[1] - p[0]) * (day - a)) / (b - a);

  // pass 1: daily totals per channel group
  const totals: DayTotals[] = [];
  for (let d = a; d <= b; d++) {
    const year = yearOf(d);
    const n1 = rng.noise(0.08);
    const n2 = rng.noise(0.1);
    const n3 = rng.noise(0.2);
    const n4 = rng.noise(0.06);
    const open = isHallOpen(d);
    const windowsOpen = hw.openOn(d).length;
    let base = 0; // expected counter handling of a regular open day at this time
    let window = 0;
    let partner = 0;
    if (spec.visitorLevels) {
      const share = (spec.ticketShare?.[year] ?? 0.58) * DONE_SHARE;
      base = monthlyLevel(spec.visitorLevels, d) * share;
      window = open ? (visitors.get(d) ?? 0) * share : 0;
    } else if (spec.windowLevels) {
      base = monthlyLevel(spec.windowLevels, d);
      window = open ? base * dayFactor(d) * n1 : 0;
    } else if (spec.servedPerClerk) {
      base = windowsOpen * (spec.servedPerClerk[year] ?? 10);
      window = open ? base * dayFactor(d) * n1 : 0;
    } else if (spec.partnerPerOutlet) {
      base = windowsOpen * spec.partnerPerOutlet;
      partner = open ? base * dayFactor(d) * n1 : 0;
    }
    const counter = window + partner;
    const ss = lerp(spec.selfServiceShare, d);
    const ag = lerp(spec.agentShare, d);
    const self = counter * ss * n2;
    const agent = counter * ag * n3;
    const r = ratePath(spec, d);
    const online =
      base * (1 + ss + ag) * (r / (1 - r)) * (open ? dayFactor(d) : 0.3) * n4;
    totals.push({
      day: d,
      window: Math.round(window),
      partner: Math.round(partner),
      self: Math.round(self),
      agent: Math.round(agent),
      online,
    });
  }
  // calibrate the online volume of each year to the hall's rate
  for (const [yearText, rate] of Object.entries(spec.onlineRate)) {
    const year = Number(yearText);
    let off = 0;
    let on = 0;
    for (const t of totals) {
      if (yearOf(t.day) !== year) continue;
      off += t.window + t.partner + t.self + t.agent;
      on += t.online;
    }
    const k = on > 0 ? (rate * off) / ((1 - rate) * on) : 0;
    for (const t of totals)
      if (yearOf(t.day) === year) t.online = Math.round(t.online * k);
  }

  // pass 2: split each day's totals over the items
  const mix2019 = itemMixWeights(items);
  const mix2020 = itemMixWeights(
    items,
    (c) =>
      ({
        market_regulation: 0.7,
        tax: 0.8,
        provident_fund: 0.85,
        medical_insurance: 1.05,
        civil_affairs: 1.15,
        police_vehicles: 1.1,
      })[c] ?? 1,
  );
  const catOf = items.map((i) => i.categoryCode);
  const onlineW = items.map((i, k) =>
    i.onlineAvailable ? mix2019[k] * (ONLINE_AFFINITY[i.categoryCode] ?? 1) : 0,
  );
  const webW = onlineW.map(
    (w, k) =>
      w *
      (BUSINESS.has(catOf[k]) || items[k].bundle === '企业开办一件事'
        ? 1.8
        : 0.8),
  );
  const mobW = onlineW.map(
    (w, k) =>
      w *
      (BUSINESS.has(catOf[k]) || items[k].bundle === '企业开办一件事'
        ? 0.5
        : 1.2),
  );
  const selfW = items.map((i, k) =>
    i.onlineAvailable ? mix2019[k] * (SELF_AFFINITY[i.categoryCode] ?? 0.3) : 0,
  );
  const agentW = items.map(
    (i, k) => mix2019[k] * (AGENT_AFFINITY[i.categoryCode] ?? 0),
  );
  const tmp = new Array<number>(items.length);
  const zeros = new Array<number>(items.length).fill(0);

  for (const t of totals) {
    const date = isoOf(t.day);
    const cats = hallCategoriesOn(spec, date);
    const inHall = items.map((i) => cats.includes(i.categoryCode));
    const mix = yearOf(t.day) >= 2020 ? mix2020 : mix2019;
    const split = (total: number, weights: readonly number[]): number[] => {
      if (total <= 0) return zeros;
      for (let k = 0; k < weights.length; k++)
        tmp[k] =
          inHall[k] && weights[k] > 0 ? weights[k] * (0.5 + rng.float()) : 0;
      return apportion(total, tmp);
    };
    const mobileShare = lerp(spec.mobileShare, t.day);
    const mobile = Math.round(t.online * mobileShare);
    const per: [HandlingChannel, number[]][] = [
      ['window', split(t.window, mix)],
      ['online_web', split(t.online - mobile, webW)],
      ['online_mobile', split(mobile, mobW)],
      ['self_service_terminal', split(t.self, selfW)],
      ['partner_outlet', split(t.partner, mix)],
      ['agent', split(t.agent, agentW)],
    ];
    const rows: HandlingRow[] = [];
    for (let k = 0; k < items.length; k++) {
      for (const [channel, counts] of per) {
        if (counts[k] > 0)
          rows.push({
            hall_id: hid,
            record_date: date,
            service_item_code: items[k].code,
            channel,
            count: counts[k],
          });
      }
    }
    yield rows;
  }
}

/** Online-handling rate of handling rows: (online_web + online_mobile) / all channels. */
export function onlineRate(
  rows: Iterable<Pick<HandlingRow, 'channel' | 'count'>>,
): number {
  let on = 0;
  let all = 0;
  for (const r of rows) {
    all += r.count;
    if (r.channel === 'online_web' || r.channel === 'online_mobile')
      on += r.count;
  }
  return all === 0 ? 0 : on / all;
}
