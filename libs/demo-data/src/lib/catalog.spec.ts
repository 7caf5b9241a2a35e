import { existsSync, readFileSync } from 'node:fs';
import { CATEGORIES, SERVICE_ITEMS } from './catalog';
import { FACTS } from './facts';
import { DemoDataset } from './dataset';

describe('catalog', () => {
  it('has at least 8 categories with unique one-letter ticket prefixes and names in Chinese and English', () => {
    expect(CATEGORIES.length).toBeGreaterThanOrEqual(8);
    const prefixes = CATEGORIES.map((c) => c.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const c of CATEGORIES) {
      expect(c.prefix).toMatch(/^[A-Z]$/);
      expect(c.name).toMatch(/[\u4e00-\u9fff]/);
      expect(c.nameEn).toMatch(/^[A-Z]/);
    }
    for (const code of [
      'social_security',
      'medical_insurance',
      'market_regulation',
      'real_estate',
      'police_vehicles',
      'provident_fund',
      'tax',
      'civil_affairs',
      'family_planning',
      'disabled_persons',
      'urban_management',
    ]) {
      expect(CATEGORIES.some((c) => c.code === code)).toBe(true);
    }
  });

  it('marks vehicles and licences and real estate specialist, and no other category', () => {
    expect(CATEGORIES.filter((c) => c.specialist).map((c) => c.code)).toEqual([
      'real_estate',
      'police_vehicles',
    ]);
    for (const c of CATEGORIES) expect(typeof c.specialist).toBe('boolean');
  });

  it('writes the specialist flag into the categories table', () => {
    const ds = new DemoDataset();
    const table = ds.tableStreams().find((t) => t.table === 'categories');
    expect(table?.columns).toEqual([
      'code',
      'name',
      'name_en',
      'ticket_prefix',
      'sort_order',
      'specialist',
    ]);
    const lines = [...(table?.chunks() ?? [])]
      .map((c) => c.text)
      .join('')
      .split('\n')
      .filter((l) => l.length > 0);
    expect(lines).toHaveLength(CATEGORIES.length);
    const flags = Object.fromEntries(
      lines.map((l) => {
        const cells = l.split('\t');
        return [cells[0], cells[cells.length - 1]];
      }),
    );
    expect(flags['police_vehicles']).toBe('t');
    expect(flags['real_estate']).toBe('t');
    expect(flags['social_security']).toBe('f');
    expect(Object.values(flags).filter((f) => f === 't')).toHaveLength(2);
  });

  it('has at least 80 service items with codes, 1–4 plain phrasings, realistic handling times and bundles', () => {
    expect(SERVICE_ITEMS.length).toBeGreaterThanOrEqual(80);
    const codes = SERVICE_ITEMS.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    const names = SERVICE_ITEMS.map((i) => i.name);
    expect(new Set(names).size).toBe(names.length);
    for (const i of SERVICE_ITEMS) {
      expect(i.code).toMatch(/^[A-Z]{2}-\d{4}$/);
      expect(i.aliases.length).toBeGreaterThanOrEqual(1);
      expect(i.aliases.length).toBeLessThanOrEqual(4);
      expect(i.typicalHandlingMinutes).toBeGreaterThanOrEqual(3);
      expect(i.typicalHandlingMinutes).toBeLessThanOrEqual(40);
      expect(CATEGORIES.some((c) => c.code === i.categoryCode)).toBe(true);
    }
    expect(
      new Set(SERVICE_ITEMS.map((i) => i.typicalHandlingMinutes)).size,
    ).toBeGreaterThan(8);
    expect(SERVICE_ITEMS.filter((i) => i.bundle).length).toBeGreaterThan(10);
    expect(SERVICE_ITEMS.some((i) => !i.onlineAvailable)).toBe(true);
    for (const n of [
      '企业设立登记',
      '个体工商户设立登记',
      '营业执照遗失补领',
      '社会保障卡申领',
      '不动产转移登记',
      '机动车驾驶证换证',
      '最低生活保障申请',
    ]) {
      expect(names).toContain(n);
    }
  });

  it("carries the report's translation verbatim", () => {
    for (const t of FACTS.serviceItemTranslations) {
      const item = SERVICE_ITEMS.find((i) => i.name === t.official);
      expect(item).toBeDefined();
      expect(item?.categoryCode).toBe(t.category);
      expect(item?.aliases).toContain(t.plain);
    }
  });

  it('uses an unchanged copy of the shared facts file', () => {
    const shared = '/work/shared/data/zhejiang-2020-facts.json';
    if (!existsSync(shared)) return;
    expect(FACTS).toEqual(JSON.parse(readFileSync(shared, 'utf8')));
  });

  it('has every region and hall of the facts file, with the facts names, keys and kinds', () => {
    const ds = new DemoDataset();
    const regions = ds.regions();
    for (const r of FACTS.regions)
      expect(regions).toContainEqual({
        code: r.code,
        name: r.name,
        name_en: r.nameEn,
        level: r.level,
        parent_code: r.parent,
      });
    const halls = ds.halls();
    for (const h of FACTS.halls) {
      const row = halls.find((x) => x.key === h.key);
      expect(row).toMatchObject({
        name: h.name,
        region_code: h.region,
        kind: h.kind,
      });
    }
    // parents before children (the COPY order must satisfy the foreign key)
    const seen = new Set<string>();
    for (const r of regions) {
      if (r.parent_code) expect(seen.has(r.parent_code)).toBe(true);
      seen.add(r.code);
    }
    // generated halls say so
    for (const h of halls.filter(
      (x) => !FACTS.halls.some((f) => f.key === x.key),
    ))
      expect(h.name_en).toMatch(/generated/);
  });
});
