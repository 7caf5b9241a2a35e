/**
 * Ranking of service items for a citizen's query, in Chinese without spaces between words
 * ("医保卡余额给家人用", "开公司") or an item code. Pure: no I/O.
 *
 * A query goes through four steps before it is compared with the items:
 *
 * 1. normalisation: width, case, punctuation, ages in Chinese numerals ({@link normalizeQuery});
 * 2. dictation fillers and question frames are dropped ("嗯我想问一下那个…在哪里办",
 *    {@link stripFillers}); a query of function words only asks for nothing;
 * 3. a homophone typo of a catalog word is corrected ("护口" → "户口", {@link correctBySound});
 * 4. everyday words are also asked in the catalog's wording ("驾照" → "驾驶证",
 *    {@link EVERYDAY_WORDS}).
 *
 * Each item is then compared through its official name, its code and its plain-language
 * phrasings: a phrasing scores by how much of the query it covers, by weight ({@link scoreText}).
 * When no item reaches the normal threshold, a lower one is used so that a query with any word
 * the catalog knows still gets a few suggestions ({@link rankItems}).
 *
 * Measured on the query sets in ./search-eval (see service-item-search.eval.spec.ts); ranking
 * the 93 catalog items takes well under a millisecond per query once the phrasings are prepared.
 */
import { pinyin } from 'pinyin-pro';
import { EVERYDAY_WORDS, FILLER_WORDS } from './service-item-search.words';

export interface SearchableItem {
  code: string;
  name: string;
  aliases: string[];
}

const CHINESE_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** "八十" → 80, "六十五" → 65, "九" → 9 (ages: at most two digits). */
function chineseNumber(s: string): number {
  const ten = s.indexOf('十');
  if (ten < 0) return CHINESE_DIGITS[s] ?? 0;
  const tens = ten === 0 ? 1 : (CHINESE_DIGITS[s[ten - 1]] ?? 0);
  return tens * 10 + (CHINESE_DIGITS[s[ten + 1]] ?? 0);
}

/**
 * Full-width to half-width, lower case, no spaces or punctuation; an age written in Chinese
 * numerals becomes digits, as the catalog writes it ("八十多岁" → "80多岁").
 */
export function normalizeQuery(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    .replace(
      /([一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九])(?=多?周?岁)/g,
      (n) => String(chineseNumber(n)),
    );
}

const FILLER_RE = new RegExp(`${FILLER_WORDS.join('|')}|[呢吗]+$`, 'g');

export function stripFillers(normalized: string): string {
  // twice: removing "啊" can leave a question particle at the end ("…吗啊")
  return normalized.replace(FILLER_RE, '').replace(FILLER_RE, '');
}

/** Tone-less pinyin per character ("护口" → ["hu", "kou"]); other characters stay as they are. */
function syllables(text: string): string[] {
  return pinyin(text, { toneType: 'none', type: 'array' });
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** A phrasing or name prepared once: normalised text, its bigrams and their sounds. */
interface PreparedText {
  text: string;
  bigrams: Set<string>;
  /** "hu kou" → "户口" for every bigram of the text */
  bigramBySound: Map<string, string>;
}

/**
 * Prepared texts by raw text. Keyed by content rather than by item object because
 * DirectoryService loads fresh entities for every request; the pinyin of a phrasing is thus
 * computed once per process, not once per keystroke.
 */
const PREPARED = new Map<string, PreparedText>();
const MAX_PREPARED = 20_000;

function prepare(raw: string): PreparedText {
  let p = PREPARED.get(raw);
  if (p) return p;
  const text = stripFillers(normalizeQuery(raw));
  const sounds = syllables(text);
  const bigramBySound = new Map<string, string>();
  if (sounds.length === text.length)
    for (let i = 0; i + 1 < text.length; i++)
      bigramBySound.set(`${sounds[i]} ${sounds[i + 1]}`, text.slice(i, i + 2));
  p = { text, bigrams: new Set(bigrams(text)), bigramBySound };
  if (PREPARED.size >= MAX_PREPARED) PREPARED.clear();
  PREPARED.set(raw, p);
  return p;
}

/**
 * Every bigram the items use, and how each sounds: what {@link correctBySound} corrects to.
 * Words of the everyday-word table count as known too, so they are never "corrected".
 */
export interface Vocabulary {
  bigrams: Set<string>;
  /** "hu kou" → "户口": of the bigrams sounding alike, the one the items use most often */
  bigramBySound: Map<string, string>;
}

const VOCABULARIES = new Map<string, Vocabulary>();

export function vocabularyOf(items: readonly SearchableItem[]): Vocabulary {
  const texts = items.flatMap((i) => [i.name, ...i.aliases]);
  const key = texts.join('\n');
  let v = VOCABULARIES.get(key);
  if (v) return v;
  const uses = new Map<string, number>();
  const bySound = new Map<string, string>();
  for (const t of texts)
    for (const [sound, b] of prepare(t).bigramBySound) {
      const n = (uses.get(b) ?? 0) + 1;
      uses.set(b, n);
      const current = bySound.get(sound);
      if (!current || n > (uses.get(current) ?? 0)) bySound.set(sound, b);
    }
  v = {
    bigrams: new Set([
      ...uses.keys(),
      ...EVERYDAY_WORDS.flatMap(([from]) => bigrams(from)),
    ]),
    bigramBySound: bySound,
  };
  if (VOCABULARIES.size >= 16) VOCABULARIES.clear();
  VOCABULARIES.set(key, v);
  return v;
}

/**
 * Homophone typos, from pinyin input and dictation ("护口迁移", "公基金", "驾驶正"): in a pair
 * of characters the catalog never uses but which sounds exactly like a pair it does use, the
 * one wrong character is replaced. Conservative, so that real words are not "corrected" into
 * others: only one character of the pair may differ, and not one that already forms a known
 * pair with its other neighbour ("办驾驶证" keeps "驾", it is not "搬家驶证").
 */
export function correctBySound(query: string, vocabulary: Vocabulary): string {
  if (query.length < 2) return query;
  const sounds = syllables(query);
  const chars = query.split('');
  if (chars.length !== sounds.length) return query; // characters outside the BMP
  const known = (i: number) =>
    i >= 0 &&
    i + 1 < chars.length &&
    vocabulary.bigrams.has(chars[i] + chars[i + 1]);
  for (let i = 0; i + 1 < chars.length; i++) {
    if (known(i)) continue;
    const like = vocabulary.bigramBySound.get(`${sounds[i]} ${sounds[i + 1]}`);
    if (!like) continue;
    if (like[1] === chars[i + 1] && !known(i - 1)) chars[i] = like[0];
    else if (like[0] === chars[i] && !known(i + 1)) chars[i + 1] = like[1];
  }
  return chars.join('');
}

/** Characters that say little about the business (function words): they weigh 0.2. */
const LIGHT_CHARS = new Set(
  '的了吗呢啊我你他她它要想能否该怎么办理如何什么可以在给用和与及或去到把被是有没'.split(
    '',
  ),
);

/**
 * A query text with a weight per character: function words weigh little, and an official term
 * put in for an everyday word weighs, in all, what the word did ("社保" → "社会保险" must not
 * count twice as much as "社保" did in the rest of the query).
 */
interface WeightedQuery {
  text: string;
  weights: number[];
  /** bigram i is text[i] + text[i + 1], weighing the mean of its two characters */
  bigrams: string[];
  bigramWeights: number[];
  total: number;
  bigramTotal: number;
}

function weighted(text: string, weights?: number[]): WeightedQuery {
  const w =
    weights ?? text.split('').map((c) => (LIGHT_CHARS.has(c) ? 0.2 : 1));
  const bigramWeights = w.slice(1).map((x, i) => (x + w[i]) / 2);
  return {
    text,
    weights: w,
    bigrams: bigrams(text),
    bigramWeights,
    total: w.reduce((a, b) => a + b, 0),
    bigramTotal: bigramWeights.reduce((a, b) => a + b, 0),
  };
}

/** 0..1: how well `field` answers `query` (normalised, without fillers). */
export function fieldScore(query: string, field: string): number {
  return scoreText(weighted(query), prepare(field));
}

/**
 * How well one name or phrasing answers one query variant, 0..1: the whole query contained in
 * it first, then it contained in the query (by the weight of what it covers), then the share of
 * the query's bigrams and characters it shares, each counted with its weight.
 */
function scoreText(q: WeightedQuery, f: PreparedText): number {
  const query = q.text;
  const field = f.text;
  if (!query || !field) return 0;
  if (field === query) return 1;
  if (field.includes(query)) return 0.9 + 0.05 * (query.length / field.length);
  if (field.length >= 2) {
    const at = query.indexOf(field);
    if (at >= 0) {
      let covered = 0;
      for (let i = at; i < at + field.length; i++) covered += q.weights[i];
      return 0.8 * (covered / q.total) + 0.1;
    }
  }
  let sharedBigrams = 0;
  for (let i = 0; i < q.bigrams.length; i++)
    if (f.bigrams.has(q.bigrams[i])) sharedBigrams += q.bigramWeights[i];
  const bigramCover = q.bigramTotal ? sharedBigrams / q.bigramTotal : 0;
  let hit = 0;
  for (let i = 0; i < query.length; i++)
    if (field.includes(query[i])) hit += q.weights[i];
  const charCover = q.total ? hit / q.total : 0;
  return 0.55 * bigramCover + 0.3 * charCover * charCover;
}

const MAX_VARIANTS = 12;

/** The query (already cleaned) and its everyday-word variants. */
function expandEveryday(q: string): WeightedQuery[] {
  const out = new Map([[q, weighted(q)]]);
  for (const [from, to] of EVERYDAY_WORDS) {
    for (const v of [...out.values()]) {
      if (out.size >= MAX_VARIANTS) break;
      const at = v.text.indexOf(from);
      if (at < 0 || v.text.includes(to)) continue;
      const text = v.text.slice(0, at) + to + v.text.slice(at + from.length);
      if (out.has(text)) continue;
      let replaced = 0;
      for (let i = at; i < at + from.length; i++) replaced += v.weights[i];
      const weights = [
        ...v.weights.slice(0, at),
        ...Array<number>(to.length).fill(replaced / to.length),
        ...v.weights.slice(at + from.length),
      ];
      out.set(text, weighted(text, weights));
    }
  }
  return [...out.values()];
}

/**
 * The query after steps 1–3 (see the top of the file), or '' when nothing meaningful is left:
 * a query of fillers and function words only ("你好", "怎么办", "的") asks for nothing.
 */
function cleanQuery(query: string, vocabulary?: Vocabulary): string {
  const q = stripFillers(normalizeQuery(query));
  if ([...q].every((c) => LIGHT_CHARS.has(c))) return '';
  return vocabulary ? correctBySound(q, vocabulary) : q;
}

/** The texts that are scored for `query`: after steps 1–4 (see the top of the file). */
export function queryVariants(
  query: string,
  vocabulary?: Vocabulary,
): string[] {
  const q = cleanQuery(query, vocabulary);
  return q ? expandEveryday(q).map((v) => v.text) : [];
}

export function scoreItem(
  query: string,
  item: SearchableItem,
  vocabulary: Vocabulary = vocabularyOf([item]),
): number {
  return scoreQuery(prepareQuery(query, vocabulary), item);
}

interface PreparedQuery {
  /** normalised as typed, for item codes */
  raw: string;
  variants: WeightedQuery[];
}

function prepareQuery(query: string, vocabulary: Vocabulary): PreparedQuery {
  const q = cleanQuery(query, vocabulary);
  return { raw: normalizeQuery(query), variants: q ? expandEveryday(q) : [] };
}

/** The best field score over all variants; an alias counts a little less than the name. */
function scoreQuery(query: PreparedQuery, item: SearchableItem): number {
  const code = normalizeQuery(item.code);
  if (query.raw && code === query.raw) return 1;
  let best = query.raw && code.includes(query.raw) ? 0.85 : 0;
  const fields = [prepare(item.name), ...item.aliases.map(prepare)];
  for (const q of query.variants) {
    best = Math.max(best, scoreText(q, fields[0]));
    for (let i = 1; i < fields.length; i++)
      best = Math.max(best, 0.97 * scoreText(q, fields[i]));
  }
  return Math.round(best * 1000) / 1000;
}

/** Below the normal threshold, what still counts as a suggestion when nothing else matches. */
const FALLBACK_MIN_SCORE = 0.05;
const FALLBACK_LIMIT = 5;

/**
 * Items scoring above `minScore`, best first (ties by code), at most `limit`. When none does,
 * the best few above a lower threshold ({@link FALLBACK_MIN_SCORE}): a citizen who typed
 * something the catalog partly knows should see suggestions rather than an empty screen.
 */
export function rankItems<T extends SearchableItem>(
  items: readonly T[],
  query: string,
  limit: number,
  minScore = 0.15,
): { item: T; score: number }[] {
  const prepared = prepareQuery(query, vocabularyOf(items));
  const scored = items
    .map((item) => ({ item, score: scoreQuery(prepared, item) }))
    .sort(
      (a, b) => b.score - a.score || a.item.code.localeCompare(b.item.code),
    );
  const passing = scored.filter((r) => r.score >= minScore);
  if (passing.length) return passing.slice(0, limit);
  return scored
    .filter((r) => r.score >= FALLBACK_MIN_SCORE)
    .slice(0, Math.min(limit, FALLBACK_LIMIT));
}
