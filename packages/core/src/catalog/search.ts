import MiniSearch from 'minisearch';
import type { Query, SearchResult, SearchOptions as MiniSearchSearchOptions } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { Agency, Service } from '../schemas/catalog.js';
import {
  CONCEPTS,
  INDEX_STOPWORDS,
  NOISE_WORDS,
  RENEWAL_MARKERS,
  RENEWAL_WORDS,
  SPELLING_FOLDS,
  stemIndonesian,
} from './synonyms.js';

export interface SearchOptions {
  agencyId?: string | null;
  limit?: number;
}

export interface CatalogIndex {
  readonly size: number;
  /** Ranked services; a clean empty array for empty / punctuation-only / absurd input; never throws. */
  search(query: string, options?: SearchOptions): Service[];
  /** Up to `limit` corrected query suggestions ("did you mean") for a query with no/weak results. */
  suggest(query: string, limit?: number): string[];
}

/** Raw input longer than this is cut before any Unicode work (a pasted essay must stay cheap). */
const MAX_INPUT_CHARS = 1000;
/** Normalised queries are capped to this many characters (at a word boundary). */
const MAX_QUERY_CHARS = 200;
/** At most this many meaningful terms of a query are searched. */
const MAX_TERMS = 6;
/** Index-time cap per field, so one absurd document cannot blow up the index. */
const MAX_FIELD_CHARS = 20_000;
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 1000;

/**
 * Indexed fields and their boosts. `title` is the name plus the aliases (what citizens type); the
 * agency's name, short name and aliases; the summary and product; the requirements (which mention
 * a KTP in nearly every service, hence the small boost).
 */
const BOOST = { title: 3, agency: 1.3, summary: 1, requirements: 0.2 } as const;
type Field = keyof typeof BOOST;
const FIELDS = Object.keys(BOOST) as Field[];
const TITLE = 0;

/** Score multipliers applied on top of BM25. */
const EXACT_PHRASE_BONUS = 4;
const EXACT_TERM_BONUS = 1.6;
const RENEWAL_BONUS = 1.8;
/** Stands for every renewal word in exact-phrase keys (cannot collide with a normalised word). */
const RENEWAL_MARK = '~renew';

/** Typo tolerance: edit distance = round(length × FUZZY), at most 2, for words of 4+ letters. */
const FUZZY = 0.2;
/** Score weight of a completion / fuzzy match relative to the word itself (as MiniSearch weighs them). */
const PREFIX_WEIGHT = 0.5;
const FUZZY_WEIGHT = 0.45;
/** Weight of the canonical token of a one-word synonym (`toko` also finds `usaha`). */
const SYNONYM_WEIGHT = 0.7;
const MAX_PREFIX_EXPANSIONS = 400;
/**
 * Work bound per query word: the planner searches the most valuable (term, field) pairs whose
 * posting lists add up to at most this many entries. Rare, informative pairs are cheap; a pair like
 * "ktp in requirements" (every service asks for a KTP) is expensive and nearly worthless for ranking.
 */
const POSTINGS_BUDGET = 2000;
const MAX_PAIRS_PER_WORD = 24;
/** Per-word result sets kept for the next keystrokes (the words before the one being typed). */
const WORD_CACHE_SIZE = 64;

// ---------------------------------------------------------------------------------------------
// Normalisation

const MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;
const HAS_DIGIT = /\d/;

/** Folds spelling variants (token by token) and the `e-` prefix of electronic documents. */
function foldTokens(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let t = tokens[i]!;
    // KTP-el -> ktp
    if (t === 'el' && out[out.length - 1] === 'ktp') continue;
    // e-KTP -> ktp; e-paspor / e-passport -> epaspor (a different product than a paspor); e-filing -> efiling
    const next = tokens[i + 1];
    if (t === 'e' && next !== undefined && next.length > 1 && /^[a-z]/.test(next)) {
      const f = foldWord(next);
      i++;
      if (f === 'ktp') t = 'ktp';
      else if (!f.includes(' ')) t = 'e' + f;
      else {
        out.push('e');
        t = next;
      }
    }
    for (const part of foldWord(t).split(' ')) out.push(part);
  }
  return out;
}

function foldWord(t: string): string {
  return Object.hasOwn(SPELLING_FOLDS, t) ? SPELLING_FOLDS[t]! : t;
}

function normalizeTokens(text: unknown, maxChars: number): string[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  let s = text.length > maxChars * 4 ? text.slice(0, maxChars * 4) : text;
  s = s.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(NON_WORD, ' ').trim();
  if (!s) return [];
  if (s.length > maxChars) {
    const cut = s.lastIndexOf(' ', maxChars);
    s = s.slice(0, cut > 0 ? cut : maxChars);
  }
  return foldTokens(s.split(' '));
}

/** Lowercase, strip diacritics/punctuation/emoji, collapse spaces, cap length (e.g. 200 chars), Indonesian spelling folds. */
export function normalizeIndonesian(text: string): string {
  const tokens = normalizeTokens(typeof text === 'string' ? text.slice(0, MAX_INPUT_CHARS) : '', MAX_QUERY_CHARS);
  let s = tokens.join(' ');
  if (s.length > MAX_QUERY_CHARS) {
    const cut = s.lastIndexOf(' ', MAX_QUERY_CHARS);
    s = s.slice(0, cut > 0 ? cut : MAX_QUERY_CHARS);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Concepts (abbreviations and synonyms)

interface ConceptVariant {
  readonly words: readonly string[];
  readonly canon: string;
}

/** Variants by first word, longest first, so matching is greedy. */
const CONCEPT_BY_FIRST: ReadonlyMap<string, readonly ConceptVariant[]> = (() => {
  const m = new Map<string, ConceptVariant[]>();
  for (const c of CONCEPTS) {
    for (const v of [c.canon, ...c.variants]) {
      const words = foldTokens(v.split(' '));
      const first = words[0];
      if (!first || (words.length === 1 && words[0] === c.canon)) continue;
      let list = m.get(first);
      if (!list) m.set(first, (list = []));
      list.push({ words, canon: c.canon });
    }
  }
  for (const list of m.values()) list.sort((a, b) => b.words.length - a.words.length);
  return m;
})();

function matchConcept(tokens: readonly string[], i: number): ConceptVariant | undefined {
  const list = CONCEPT_BY_FIRST.get(tokens[i]!);
  if (!list) return undefined;
  outer: for (const v of list) {
    if (i + v.words.length > tokens.length) continue;
    for (let k = 1; k < v.words.length; k++) if (tokens[i + k] !== v.words[k]) continue outer;
    return v;
  }
  return undefined;
}

/** Index side: keeps every token and appends the canonical token of every concept found. */
function expandForIndex(tokens: string[]): string[] {
  let extra: string[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const list = CONCEPT_BY_FIRST.get(tokens[i]!);
    if (!list) continue;
    for (const v of list) {
      let ok = i + v.words.length <= tokens.length;
      for (let k = 1; ok && k < v.words.length; k++) ok = tokens[i + k] === v.words[k];
      if (ok) (extra ??= []).push(v.canon);
    }
  }
  return extra ? tokens.concat(extra) : tokens;
}

interface QueryToken {
  term: string;
  /** The canonical token of a one-word synonym (`toko` -> `usaha`), searched with less weight. */
  alt: string | null;
  /** True when the token cannot be a word still being typed. */
  complete: boolean;
}

/**
 * Query side: a multi-word variant is replaced by its canonical token (`kartu keluarga` -> `kk`,
 * greedy, longest first); a one-word variant is kept and carries its canonical token as `alt`.
 */
function canonicalize(tokens: readonly string[], lastComplete: boolean): QueryToken[] {
  const out: QueryToken[] = [];
  for (let i = 0; i < tokens.length; ) {
    const v = matchConcept(tokens, i);
    const n = v ? v.words.length : 1;
    const isLast = i + n === tokens.length;
    // A multi-word variant is complete; a one-word variant at the end may still be typed on.
    const complete = !isLast || lastComplete || n > 1;
    if (v && n > 1) out.push({ term: v.canon, alt: null, complete });
    else out.push({ term: tokens[i]!, alt: v ? v.canon : null, complete });
    i += n;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Query planning

interface Word {
  term: string;
  alt: string | null;
}

interface Plan {
  /** Normalised input tokens (for suggestions). */
  tokens: string[];
  /** Meaningful words to search, deduplicated, at most MAX_TERMS. */
  words: Word[];
  /** Whether the last word is searched as a prefix (the user is still typing it). */
  prefixLast: boolean;
  /** The query asks for a renewal/replacement. */
  renewal: boolean;
}

function planQuery(query: unknown): Plan | null {
  if (typeof query !== 'string') return null;
  const raw = query.length > MAX_INPUT_CHARS ? query.slice(0, MAX_INPUT_CHARS) : query;
  const tokens = normalizeTokens(raw, MAX_QUERY_CHARS);
  if (!tokens.length) return null;
  // The last word is complete when the input ends with a space or punctuation, or was cut.
  const lastComplete = raw !== query || !/[\p{L}\p{N}]$/u.test(raw.slice(-2));
  const qt = canonicalize(tokens, lastComplete);
  let renewal = false;
  const content: QueryToken[] = [];
  const noise: QueryToken[] = [];
  for (const t of qt) {
    if (RENEWAL_WORDS.has(t.term)) {
      renewal = true;
      noise.push(t);
    } else if (NOISE_WORDS.has(t.term)) noise.push(t);
    else content.push(t);
  }
  // Only noise ("cara daftar", "perpanjang"): search the words themselves.
  let kept = content.length ? content : noise;
  if (!content.length) renewal = false;
  // One-letter words carry nothing, except a lone letter typed as the first keystroke.
  if (kept.length > 1) kept = kept.filter((t) => t.term.length > 1);
  const seen = new Set<string>();
  const words: Word[] = [];
  let prefixLast = false;
  for (const t of kept) {
    if (words.length >= MAX_TERMS) break;
    if (seen.has(t.term)) continue;
    seen.add(t.term);
    words.push({ term: t.term, alt: t.alt });
    prefixLast = !t.complete;
  }
  if (!words.length) return null;
  return { tokens, words, prefixLast, renewal };
}

// ---------------------------------------------------------------------------------------------
// Edit distance for suggestions (optimal string alignment: a swap of two letters costs 1)

function osaDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

// ---------------------------------------------------------------------------------------------
// The index

/**
 * Canonical "alias phrase" of a name, an alias or a query: its meaningful words and concepts,
 * renewal words as one marker, sorted (`SKCK perpanjangan` = `perpanjang skck`).
 */
function phraseKey(terms: readonly string[], renewal: boolean): string {
  const words = [...new Set(terms)].sort();
  if (renewal) words.push(RENEWAL_MARK);
  return words.join(' ');
}

function aliasKey(text: string): string {
  const qt = canonicalize(normalizeTokens(text, MAX_QUERY_CHARS), true);
  const kept = qt.filter((t) => !NOISE_WORDS.has(t.term) && !RENEWAL_WORDS.has(t.term)).map((t) => t.term);
  const renewal = qt.some((t) => RENEWAL_WORDS.has(t.term));
  return kept.length ? phraseKey(kept, renewal) : phraseKey(qt.map((t) => t.term), false);
}

/** A MiniSearch document: the already analysed tokens of each field, joined by spaces. */
type Doc = { i: number } & Record<Field, string>;

/** A candidate term for one query word: the word itself, a completion, or a fuzzy match. */
interface Expansion {
  term: string;
  weight: number;
  /** Documents containing the term, per field (index in FIELDS). */
  df: readonly number[];
}

/** The scored documents of one query word (already filtered by agency). */
interface WordHits {
  ids: Int32Array;
  scores: Float64Array;
}

const EMPTY_HITS: WordHits = { ids: new Int32Array(0), scores: new Float64Array(0) };

function boundedSet<K, V>(map: Map<K, V>, key: K, value: V, max: number): V {
  if (map.size >= max) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
  return value;
}

export function createCatalogIndex(services: readonly Service[], agencies: readonly Agency[]): CatalogIndex {
  const list: readonly Service[] = Array.isArray(services) ? services : [];
  const N = list.length;
  const agencyText = new Map<string, string[]>();
  for (const a of Array.isArray(agencies) ? agencies : []) {
    if (a && typeof a.id === 'string') agencyText.set(a.id, [a.name, a.shortName, ...(a.aliases ?? [])]);
  }
  const agencyIdOf: string[] = list.map((s) => s?.agencyId);

  // --- Analysis: tokens per field, cached per distinct string (service names, requirements and
  // agency texts repeat a lot in real catalogs).
  const analysed = new Map<string, string[]>();
  const analyse = (text: unknown): string[] => {
    if (typeof text !== 'string' || !text) return [];
    let t = analysed.get(text);
    if (t) return t;
    t = [];
    for (const w of expandForIndex(normalizeTokens(text, MAX_FIELD_CHARS))) {
      if (INDEX_STOPWORDS.has(w)) continue;
      t.push(w);
      for (const s of stemIndonesian(w)) t.push(s);
    }
    if (text.length < 500) analysed.set(text, t);
    return t;
  };
  const analyseAll = (texts: readonly unknown[]): string[] => {
    const out: string[] = [];
    for (const text of texts) for (const w of analyse(text)) out.push(w);
    return out;
  };
  const agencyTokens = new Map<string, string[]>();
  for (const [id, texts] of agencyText) agencyTokens.set(id, analyseAll(texts));

  /** Every indexed term with its document frequency per field: drives the query planner. */
  const stats = new SearchableMap<number[]>();
  const docs: Doc[] = [];
  for (let i = 0; i < N; i++) {
    const s = list[i]!;
    const fields: Record<Field, string[]> = {
      title: analyseAll([s.name, ...(s.aliases ?? [])]),
      agency: agencyTokens.get(s.agencyId) ?? [],
      summary: analyseAll([s.summary, s.product]),
      requirements: analyseAll(s.requirements ?? []),
    };
    const doc = { i } as Doc;
    for (let f = 0; f < FIELDS.length; f++) {
      const field = FIELDS[f]!;
      const tokens = fields[field];
      doc[field] = tokens.join(' ');
      for (const t of new Set(tokens)) {
        const df = stats.get(t);
        if (df) df[f]!++;
        else {
          const fresh = FIELDS.map(() => 0);
          fresh[f] = 1;
          stats.set(t, fresh);
        }
      }
    }
    docs.push(doc);
  }

  const mini = new MiniSearch<Doc>({
    fields: FIELDS,
    idField: 'i',
    // Documents arrive analysed (see above): split on the spaces we joined them with.
    tokenize: (text) => (text ? text.split(' ') : []),
    processTerm: (term) => term || null,
    searchOptions: {
      bm25: { k: 1.2, b: 0.5, d: 0.5 },
      combineWith: 'OR',
      prefix: false,
      fuzzy: false,
      tokenize: (q) => q.split(' '),
      processTerm: (t) => t,
    },
  });
  mini.addAll(docs);
  docs.length = 0;

  // --- Side tables: exact alias/name phrases, renewal services, first letters, display words.
  const exact = new Map<string, number[]>();
  const renewalDoc = new Uint8Array(N);
  const byLetter = new Map<string, number[]>();
  /** Words offered as corrections: names, aliases and agency names (no stems, no requirements). */
  const words = new SearchableMap<number>();
  const known = new Set<string>([...NOISE_WORDS, ...RENEWAL_WORDS]);
  for (const c of CONCEPTS) for (const v of c.variants) for (const w of v.split(' ')) known.add(w);
  const addWords = (tokens: Iterable<string>) => {
    for (const t of tokens) if (t.length > 1 && !INDEX_STOPWORDS.has(t)) words.update(t, (n = 0) => n + 1);
  };
  for (const texts of agencyText.values()) addWords(new Set(texts.flatMap((t) => normalizeTokens(t, MAX_QUERY_CHARS))));
  const keyCache = new Map<string, string>();
  const wordCache = new Map<string, string[]>();
  const nameStart = new Map<number, string>();
  for (let i = 0; i < N; i++) {
    const s = list[i]!;
    const phrases = new Set<string>();
    const own = new Set<string>();
    for (const text of [s.name, ...(s.aliases ?? [])]) {
      if (typeof text !== 'string') continue;
      let key = keyCache.get(text);
      if (key === undefined) keyCache.set(text, (key = aliasKey(text)));
      if (key) phrases.add(key);
      let ws = wordCache.get(text);
      if (!ws) wordCache.set(text, (ws = normalizeTokens(text, MAX_QUERY_CHARS)));
      for (const w of ws) own.add(w);
      if (text === s.name && ws[0]) nameStart.set(i, ws[0][0]!);
    }
    for (const p of phrases) {
      let ids = exact.get(p);
      if (!ids) exact.set(p, (ids = []));
      ids.push(i);
    }
    const letters = new Set<string>();
    for (const w of own) {
      if (RENEWAL_MARKERS.has(w)) renewalDoc[i] = 1;
      letters.add(w[0]!);
    }
    addWords(own);
    for (const l of letters) {
      let ids = byLetter.get(l);
      if (!ids) byLetter.set(l, (ids = []));
      ids.push(i);
    }
  }
  // Services whose name starts with the letter come first in one-letter results.
  for (const [l, ids] of byLetter) {
    const rank = (i: number) => (nameStart.get(i) === l ? 0 : 1);
    ids.sort((a, b) => rank(a) - rank(b) || a - b);
  }
  analysed.clear();
  keyCache.clear();
  wordCache.clear();
  nameStart.clear();

  // --- Query planning: expansions per word, then a postings budget over (term, field) pairs.
  const idf = (df: number) => Math.log(1 + (N - df + 0.5) / (df + 0.5));
  const expansionCache = new Map<string, Expansion[]>();

  function expansions(term: string, prefix: boolean): Expansion[] {
    const key = (prefix ? '>' : '=') + term;
    const cached = expansionCache.get(key);
    if (cached) return cached;
    const out: Expansion[] = [];
    const exactDf = stats.get(term);
    if (exactDf) out.push({ term, weight: 1, df: exactDf });
    const seen = new Set<string>([term]);
    if (prefix && term.length >= 2) {
      let n = 0;
      for (const [t, df] of stats.atPrefix(term)) {
        if (seen.has(t)) continue;
        seen.add(t);
        const distance = t.length - term.length;
        out.push({ term: t, weight: (PREFIX_WEIGHT * t.length) / (t.length + 0.3 * distance), df });
        if (++n >= MAX_PREFIX_EXPANSIONS) break;
      }
    }
    if (term.length >= 4 && !HAS_DIGIT.test(term)) {
      const max = Math.min(2, Math.round(term.length * FUZZY));
      for (const [t, [df, distance]] of stats.fuzzyGet(term, max)) {
        if (seen.has(t)) continue;
        seen.add(t);
        out.push({ term: t, weight: (FUZZY_WEIGHT * t.length) / (t.length + distance), df });
      }
    }
    return boundedSet(expansionCache, key, out, 2000);
  }

  /**
   * The MiniSearch query for one word: the word itself in titles always, then the most valuable
   * (term, field) pairs while their posting lists fit the budget. Returns null when nothing matches.
   */
  function wordQuery(word: Word, prefix: boolean): { key: string; query: Query } | null {
    const { term, alt } = word;
    const pairs: { term: string; field: number; cost: number; weight: number; value: number }[] = [];
    const chosen: typeof pairs = [];
    let spent = 0;
    const all = expansions(term, prefix);
    const candidates = alt ? all.concat(expansions(alt, false).map((e) => ({ ...e, weight: e.weight * SYNONYM_WEIGHT }))) : all;
    for (const e of candidates) {
      for (let f = 0; f < FIELDS.length; f++) {
        const cost = e.df[f]!;
        if (!cost) continue;
        const pair = { term: e.term, field: f, cost, weight: e.weight, value: e.weight * BOOST[FIELDS[f]!] * idf(cost) };
        if ((e.term === term || e.term === alt) && f === TITLE) {
          chosen.push(pair);
          spent += cost;
        } else pairs.push(pair);
      }
    }
    pairs.sort((a, b) => b.value - a.value);
    for (const p of pairs) {
      if (chosen.length >= MAX_PAIRS_PER_WORD) break;
      if (spent + p.cost > POSTINGS_BUDGET) continue;
      chosen.push(p);
      spent += p.cost;
    }
    // A word found only in expensive places still counts: take its cheapest pair.
    if (!chosen.length && pairs.length) chosen.push(pairs.reduce((a, b) => (b.cost < a.cost ? b : a)));
    if (!chosen.length) return null;
    // One leaf per set of fields (few leaves keep MiniSearch's per-query overhead low); each term
    // carries its own weight through `boostTerm`.
    const fieldsOf = new Map<string, number>();
    const weightOf = new Map<string, number>();
    for (const p of chosen) {
      fieldsOf.set(p.term, (fieldsOf.get(p.term) ?? 0) | (1 << p.field));
      weightOf.set(p.term, Math.max(p.weight, weightOf.get(p.term) ?? 0));
    }
    const byFields = new Map<number, string[]>();
    for (const [t, mask] of fieldsOf) {
      const terms = byFields.get(mask);
      if (terms) terms.push(t);
      else byFields.set(mask, [t]);
    }
    const boostTerm = (t: string) => weightOf.get(t) ?? 1;
    const leaves: Query[] = [];
    let key = '';
    for (const [mask, terms] of byFields) {
      const fields = FIELDS.filter((_, f) => mask & (1 << f));
      const boost: Partial<Record<Field, number>> = {};
      for (const f of fields) boost[f] = BOOST[f];
      leaves.push({ queries: [terms.join(' ')], fields, boost, boostTerm, combineWith: 'OR' });
      key += `${mask}:${terms.map((t) => `${t}*${weightOf.get(t)}`).join(' ')};`;
    }
    return { key, query: { combineWith: 'OR', queries: leaves } };
  }

  /** Scored documents of one word, cached so the words before the one being typed cost nothing. */
  const hitsCache = new Map<string, WordHits>();
  function wordHits(word: Word, prefix: boolean, agencyId: string | null): WordHits {
    const q = wordQuery(word, prefix);
    if (!q) return EMPTY_HITS;
    const key = `${agencyId ?? ''}\u0000${q.key}`;
    const cached = hitsCache.get(key);
    if (cached) return cached;
    const options: MiniSearchSearchOptions = {};
    if (agencyId != null) options.filter = (r: SearchResult) => agencyIdOf[r.id as number] === agencyId;
    const results = mini.search(q.query, options);
    const hits: WordHits = { ids: new Int32Array(results.length), scores: new Float64Array(results.length) };
    for (let k = 0; k < results.length; k++) {
      const r = results[k]!;
      hits.ids[k] = r.id as number;
      // MiniSearch multiplies by the number of terms matched; two completions of one word are one word.
      hits.scores[k] = r.score / (r.queryTerms.length || 1);
    }
    return boundedSet(hitsCache, key, hits, WORD_CACHE_SIZE);
  }

  // Scratch space reused by every search (no allocation proportional to the catalog per keystroke).
  const acc = new Float64Array(N);
  const matched = new Uint8Array(N);
  const touched = new Int32Array(N);

  const clampLimit = (limit: unknown): number => {
    if (typeof limit !== 'number' || !Number.isFinite(limit)) return DEFAULT_LIMIT;
    return Math.max(0, Math.min(MAX_LIMIT, Math.floor(limit)));
  };

  function runPlan(plan: Plan, agencyId: string | null, limit: number): Service[] {
    const { words: terms } = plan;
    // A lone first letter: answered from the first-letter table.
    if (terms.length === 1 && terms[0]!.term.length === 1) {
      const out: Service[] = [];
      for (const i of byLetter.get(terms[0]!.term) ?? []) {
        if (out.length >= limit) break;
        if (agencyId == null || agencyIdOf[i] === agencyId) out.push(list[i]!);
      }
      return out;
    }

    // OR over the words: BM25 scores add up, then × the number of words matched (as MiniSearch does).
    let n = 0;
    for (let g = 0; g < terms.length; g++) {
      const hits = wordHits(terms[g]!, plan.prefixLast && g === terms.length - 1, agencyId);
      const { ids, scores } = hits;
      for (let k = 0; k < ids.length; k++) {
        const i = ids[k]!;
        if (matched[i] === 0) touched[n++] = i;
        matched[i]!++;
        acc[i]! += scores[k]!;
      }
    }
    if (!n) return [];

    // Bonuses: exact alias/name phrase, each word that is itself an alias, renewal intent.
    const bonus = new Map<number, number>();
    const mult = (ids: readonly number[] | undefined, f: number) => {
      if (ids) for (const i of ids) if (matched[i]) bonus.set(i, (bonus.get(i) ?? 1) * f);
    };
    mult(exact.get(phraseKey(plan.words.map((w) => w.term), plan.renewal)), EXACT_PHRASE_BONUS);
    if (terms.length > 1) for (const t of terms) mult(exact.get(phraseKey([t.term], false)), EXACT_TERM_BONUS);

    // Top-k selection; ties keep catalog order.
    const topI: number[] = [];
    const topS: number[] = [];
    for (let k = 0; k < n; k++) {
      const i = touched[k]!;
      let score = acc[i]! * matched[i]!;
      const b = bonus.get(i);
      if (b !== undefined) score *= b;
      if (plan.renewal && renewalDoc[i]) score *= RENEWAL_BONUS;
      acc[i] = 0;
      matched[i] = 0;
      const m = topS.length;
      if (m >= limit && (score < topS[m - 1]! || (score === topS[m - 1]! && i > topI[m - 1]!))) continue;
      let pos = m;
      while (pos > 0 && (topS[pos - 1]! < score || (topS[pos - 1]! === score && topI[pos - 1]! > i))) pos--;
      topS.splice(pos, 0, score);
      topI.splice(pos, 0, i);
      if (topS.length > limit) {
        topS.pop();
        topI.pop();
      }
    }
    return topI.map((i) => list[i]!);
  }

  function corrections(plan: Plan): string[][] {
    // For each normalised input word: itself if known, else its closest vocabulary words.
    return plan.tokens.map((t, idx) => {
      if (t.length < 2 || known.has(t) || words.has(t) || HAS_DIGIT.test(t)) return [t];
      const max = t.length <= 4 ? 1 : 2;
      const cands: { w: string; d: number; df: number }[] = [];
      for (const [w, [df]] of words.fuzzyGet(t, 2)) {
        const d = osaDistance(t, w, max);
        if (d <= max) cands.push({ w, d, df });
      }
      // The word being typed may also be completed.
      if (idx === plan.tokens.length - 1 && plan.prefixLast) {
        let n = 0;
        for (const [w, df] of words.atPrefix(t)) {
          if (w !== t) cands.push({ w, d: 1, df });
          if (++n > 50) break;
        }
      }
      cands.sort((a, b) => a.d - b.d || b.df - a.df || (a.w < b.w ? -1 : 1));
      const best = [...new Set(cands.map((c) => c.w))].slice(0, 3);
      return best.length ? best : [t];
    });
  }

  function suggestions(plan: Plan, limit: number): string[] {
    const alts = corrections(plan);
    const original = plan.tokens.join(' ');
    const out: string[] = [];
    for (let rank = 0; rank < 3 && out.length < limit; rank++) {
      const s = alts.map((a) => a[Math.min(rank, a.length - 1)]!).join(' ');
      if (s === original || out.includes(s)) continue;
      const p = planQuery(s + ' ');
      if (p && runPlan(p, null, 1).length) out.push(s);
    }
    return out;
  }

  return {
    get size() {
      return N;
    },
    search(query: string, options?: SearchOptions): Service[] {
      try {
        const limit = clampLimit(options?.limit);
        if (limit === 0) return [];
        const agencyId = typeof options?.agencyId === 'string' ? options.agencyId : null;
        const plan = planQuery(query);
        if (!plan) return [];
        const found = runPlan(plan, agencyId, limit);
        if (found.length) return found;
        // Nothing: retry once with the best spelling correction.
        const fix = suggestions(plan, 1)[0];
        const fixed = fix ? planQuery(fix + ' ') : null;
        return fixed ? runPlan(fixed, agencyId, limit) : [];
      } catch {
        acc.fill(0);
        matched.fill(0);
        return [];
      }
    },
    suggest(query: string, limit = 3): string[] {
      try {
        const n = clampLimit(limit);
        const plan = planQuery(query);
        if (!plan || n === 0) return [];
        return suggestions(plan, Math.min(n, 10));
      } catch {
        return [];
      }
    },
  };
}
