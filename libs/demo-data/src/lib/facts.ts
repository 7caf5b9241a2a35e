import factsJson from '../data/zhejiang-2020-facts.json';

/**
 * The anchor figures of the demo: a verbatim copy of shared/data/zhejiang-2020-facts.json
 * (Zhejiang Daily, 2020-09-23). Everything else in the data set is generated around them.
 */
export interface FactsRegion {
  code: string;
  name: string;
  nameEn: string;
  level: 'province' | 'city' | 'county' | 'township';
  parent: string | null;
}

export interface FactsHall {
  key: string;
  name: string;
  region: string;
  kind: 'city_center' | 'county_center' | 'township_center' | 'partner_outlet';
  windows?: { date: string; count: number }[];
  targets?: { metric: string; value: number; comparison: string; by: string }[];
  dailyVisitors?: { period: string; value: number; note?: string }[];
  onlineRate?: { year: number; value: number; note?: string }[];
  consultationTarget?: {
    robot: number;
    onlineHuman: number;
    offlineWindow: number;
  };
  dailyServedPerClerk?: { year: number; value: number }[];
  [more: string]: unknown;
}

export interface Facts {
  source: string;
  regions: FactsRegion[];
  halls: FactsHall[];
  province: {
    region: string;
    onlineAcceptanceTarget2020: number;
    [more: string]: unknown;
  };
  serviceItemTranslations: {
    official: string;
    plain: string;
    category: string;
  }[];
  serviceChannels: string[];
}

export const FACTS: Facts = factsJson as unknown as Facts;

export function factsHall(key: string): FactsHall {
  const h = FACTS.halls.find((x) => x.key === key);
  if (!h) throw new Error(`no hall ${key} in the facts file`);
  return h;
}
