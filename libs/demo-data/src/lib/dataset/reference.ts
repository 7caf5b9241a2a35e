/** The reference tables: regions, halls, categories and service items, from the facts and the catalog. */
import { CATEGORIES, SERVICE_ITEMS } from '../catalog';
import { FACTS } from '../facts';
import { GENERATED_REGIONS, HALL_SPECS, HallSpec } from '../halls';
import { hallId } from '../ids';

export interface RegionRow {
  code: string;
  name: string;
  name_en: string;
  level: 'province' | 'city' | 'county' | 'township';
  parent_code: string | null;
}

export interface HallRow {
  id: string;
  key: string;
  name: string;
  name_en: string;
  region_code: string;
  kind: HallSpec['kind'];
}

export interface CategoryRow {
  code: string;
  name: string;
  name_en: string;
  ticket_prefix: string;
  sort_order: number;
  specialist: boolean;
}

export interface ServiceItemRow {
  code: string;
  name: string;
  category_code: string;
  aliases: string[];
  online_available: boolean;
  typical_handling_minutes: number;
  bundle: string | null;
}

/** The facts' regions and the generated townships. */
export function regionRows(): RegionRow[] {
  return [...FACTS.regions, ...GENERATED_REGIONS].map((r) => ({
    code: r.code,
    name: r.name,
    name_en: r.nameEn,
    level: r.level,
    parent_code: r.parent,
  }));
}

export function hallRows(): HallRow[] {
  return HALL_SPECS.map((h) => ({
    id: hallId(h.key),
    key: h.key,
    name: h.name,
    name_en: h.nameEn,
    region_code: h.regionCode,
    kind: h.kind,
  }));
}

export function categoryRows(): CategoryRow[] {
  return CATEGORIES.map((c) => ({
    code: c.code,
    name: c.name,
    name_en: c.nameEn,
    ticket_prefix: c.prefix,
    sort_order: c.sortOrder,
    specialist: c.specialist,
  }));
}

export function serviceItemRows(): ServiceItemRow[] {
  return SERVICE_ITEMS.map((i) => ({
    code: i.code,
    name: i.name,
    category_code: i.categoryCode,
    aliases: i.aliases,
    online_available: i.onlineAvailable,
    typical_handling_minutes: i.typicalHandlingMinutes,
    bundle: i.bundle,
  }));
}
