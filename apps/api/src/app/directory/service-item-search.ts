/**
 * Ranking of service items for a citizen's query, in Chinese without spaces between words
 * ("医保卡余额给家人用", "开公司") or an item code. Pure: no I/O.
 *
 * Each item is compared through its official name, its code and its plain-language phrasings.
 * A field scores by how much of the query it covers: whole-query containment first, then shared
 * character bigrams and single characters (function words like 的/我/怎么 count little).
 */
export interface SearchableItem {
  code: string;
  name: string;
  aliases: string[];
}

const FILLER = new Set(
  '的了吗呢啊我你他她它要想能否该怎么办理如何什么可以在给用和与及或去到把被是有没'.split(
    '',
  ),
);

export function normalizeQuery(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** 0..1: how well `field` answers `query` (both normalised). */
export function fieldScore(query: string, field: string): number {
  if (!query || !field) return 0;
  if (field === query) return 1;
  if (field.includes(query)) return 0.9 + 0.05 * (query.length / field.length);
  if (query.includes(field) && field.length >= 2)
    return 0.8 * (field.length / query.length) + 0.1;
  const qb = bigrams(query);
  const fb = new Set(bigrams(field));
  const sharedBigrams = qb.filter((b) => fb.has(b)).length;
  const bigramCover = qb.length ? sharedBigrams / qb.length : 0;
  const chars = [...query];
  let weight = 0;
  let hit = 0;
  for (const c of chars) {
    const w = FILLER.has(c) ? 0.2 : 1;
    weight += w;
    if (field.includes(c)) hit += w;
  }
  const charCover = weight ? hit / weight : 0;
  return 0.55 * bigramCover + 0.3 * charCover * charCover;
}

/**
 * Everyday words and the words the catalog uses for them; a query is also scored with each
 * replacement applied ("公司搬家了" is asked as "公司改地址了" too).
 */
const SYNONYMS: [string, string][] = [
  ['搬家', '改地址'],
  ['搬迁', '改地址'],
  ['过期', '到期'],
  ['丢失', '丢了'],
  ['遗失', '丢了'],
  ['爸爸', '父亲'],
  ['妈妈', '母亲'],
  ['小孩', '孩子'],
  ['宝宝', '孩子'],
  ['驾驶证', '驾照'],
  ['执照', '营业执照'],
];

/** The query and its synonym variants, normalised. */
export function queryVariants(query: string): string[] {
  const q = normalizeQuery(query);
  const out = new Set([q]);
  for (const [from, to] of SYNONYMS) {
    for (const v of [...out])
      if (v.includes(from) && !v.includes(to)) out.add(v.replace(from, to));
  }
  return [...out];
}

export function scoreItem(query: string, item: SearchableItem): number {
  let best = 0;
  for (const q of queryVariants(query))
    best = Math.max(best, scoreNormalized(q, item));
  return best;
}

function scoreNormalized(q: string, item: SearchableItem): number {
  if (!q) return 0;
  const code = normalizeQuery(item.code);
  if (code === q) return 1;
  let best = fieldScore(q, normalizeQuery(item.name));
  for (const a of item.aliases)
    best = Math.max(best, 0.97 * fieldScore(q, normalizeQuery(a)));
  if (code.includes(q)) best = Math.max(best, 0.85);
  return Math.round(best * 1000) / 1000;
}

/** Items scoring above `minScore`, best first (ties by code), at most `limit`. */
export function rankItems<T extends SearchableItem>(
  items: readonly T[],
  query: string,
  limit: number,
  minScore = 0.15,
): { item: T; score: number }[] {
  return items
    .map((item) => ({ item, score: scoreItem(query, item) }))
    .filter((r) => r.score >= minScore)
    .sort((a, b) => b.score - a.score || a.item.code.localeCompare(b.item.code))
    .slice(0, limit);
}
