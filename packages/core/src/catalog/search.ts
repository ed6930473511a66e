import MiniSearch from 'minisearch';
import type { SearchResult, SearchOptions as MiniSearchSearchOptions } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { Agency } from '../schemas/catalog.js';
import type { ServiceSummary } from '../schemas/catalog-index.js';
import { CONCEPTS, INDEX_STOPWORDS, NOISE_WORDS, RENEWAL_MARKERS, RENEWAL_WORDS, SPELLING_FOLDS, stemIndonesian } from './synonyms.js';

export interface SearchOptions {
  agencyId?: string | null;
  limit?: number;
}

/**
 * What the index reads of a service: the compact summary's words (`ServiceSummary`, what the
 * catalog index ships); requirements and conditions only where a caller passes full records.
 */
export type Searchable = Pick<ServiceSummary, 'id' | 'agencyId' | 'name' | 'aliases' | 'summary' | 'product'> & {
  requirements?: readonly unknown[];
  conditions?: readonly unknown[];
};

export interface CatalogIndex<S extends Searchable = Searchable> {
  readonly size: number;
  /** Ranked services; a clean empty array for empty / punctuation-only / absurd input; never throws. */
  search(query: string, options?: SearchOptions): S[];
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
/** Queries longer than this many words get no spelling suggestions. */
const MAX_SUGGEST_WORDS = 8;
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 1000;

/**
 * Indexed fields and their boosts. `title` is the name plus the aliases (what citizens type); the
 * agency's name, short name and aliases; the summary and product; the requirements, documents and
 * conditions together (they mention a KTP in nearly every service, hence the small boost).
 */
const BOOST = { title: 3, agency: 1.3, summary: 1, requirements: 0.2 } as const;
// The field order is relied upon by the analysis in `createCatalogIndex`.
type Field = keyof typeof BOOST;
const FIELDS = Object.keys(BOOST) as Field[];
const TITLE = 0;

/** Score multipliers applied on top of BM25. */
const EXACT_PHRASE_BONUS = 4;
const EXACT_PHRASE_BONUS_LENIENT = 2.5;
const EXACT_PHRASE_BONUS_NO_RENEWAL = 2.5;
/** The same for a phrase completed from the word being typed ('skc' -> 'skck'). */
const COMPLETION_BONUS = 2;
const COMPLETION_BONUS_LENIENT = 1.5;
const EXACT_TERM_BONUS = 1.6;
const RENEWAL_BONUS = 1.8;
/** Score factor of a result per higher-ranked copy of the same service in another region. */
const DUPLICATE_FACTOR = 0.5;
/** Stands for every renewal word in exact-phrase keys (cannot collide with a normalised word). */
const RENEWAL_MARK = '~renew';

/** Typo tolerance: edit distance = round(length × FUZZY), at most 2, for words of 4+ letters. */
const FUZZY = 0.2;
/** Longer "words" (a held-down key, a pasted hash) get no typo tolerance: fuzzy matching costs length × vocabulary. */
const MAX_FUZZY_LENGTH = 24;
/** Score weight of a completion / fuzzy match relative to the word itself (as MiniSearch weighs them). */
const PREFIX_WEIGHT = 0.5;
const FUZZY_WEIGHT = 0.45;
/** Weight of the canonical token of a one-word synonym (`toko` also finds `usaha`). */
const SYNONYM_WEIGHT = 0.7;
const MAX_PREFIX_EXPANSIONS = 3000;
/**
 * Work bound per query word: the planner searches the most valuable (term, field) pairs whose
 * posting lists add up to at most this many entries. Rare, informative pairs are cheap; a pair like
 * "ktp in requirements" (every service asks for a KTP) is expensive and nearly worthless for ranking.
 */
const POSTINGS_BUDGET = 1000;
/** A word being typed has a smaller budget while it is short: its completions are many and fleeting. */
const PREFIX_BUDGET = [0, 0, 300, 600] as const;
const MAX_PAIRS_PER_WORD = 24;
/** Leaf results kept for the next keystrokes (LRU), bounded in entries and in postings. */
const MAX_CACHED_LEAVES = 4000;
const MAX_CACHED_POSTINGS = 400_000;

// ---------------------------------------------------------------------------------------------
// Normalisation

const MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;
const HAS_DIGIT = /\d/;
const NON_ASCII = /[^\p{ASCII}]/u;

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
    // SIM A / SIM C: the class letter would be dropped as a one-letter word; keep it as `sima`/`simc`.
    if (t === 'sim' && next !== undefined && /^[abcd]$/.test(next)) {
      out.push('sim' + next);
      i++;
    }
  }
  return out;
}

const FOLDS: ReadonlyMap<string, string> = new Map(Object.entries(SPELLING_FOLDS));

function foldWord(t: string): string {
  return FOLDS.get(t) ?? t;
}

function normalizeTokens(text: unknown, maxChars: number): string[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  let s = text.length > maxChars * 4 ? text.slice(0, maxChars * 4) : text;
  // Plain ASCII (almost every catalog string) needs no Unicode decomposition.
  if (NON_ASCII.test(s)) s = s.normalize('NFKD').replace(MARKS, '');
  s = s.toLowerCase().replace(NON_WORD, ' ').trim();
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
  for (let i = 0; i < tokens.length;) {
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

/**
 * The exact-phrase keys of a name or alias. Lenient: without its noise words (`bikin KTP` and
 * `info pajak motor` count as `ktp` and `pkb`, as a query would); strict: with them (only `KTP`
 * itself is exactly `ktp`). A strict match weighs more than a lenient one.
 */
function aliasKeys(tokens: readonly string[]): { lenient: string; strict: string } {
  // One-letter words are dropped from queries (see planQuery), so from keys too.
  const qt = canonicalize(tokens.length > 1 ? tokens.filter((t) => t.length > 1) : tokens, true);
  const renewal = qt.some((t) => RENEWAL_WORDS.has(t.term));
  const meaningful = qt.filter((t) => !RENEWAL_WORDS.has(t.term));
  const kept = meaningful.filter((t) => !NOISE_WORDS.has(t.term)).map((t) => t.term);
  if (!kept.length) {
    const all = phraseKey(
      qt.map((t) => t.term),
      false,
    );
    return { lenient: all, strict: all };
  }
  return {
    lenient: phraseKey(kept, renewal),
    strict: phraseKey(
      meaningful.map((t) => t.term),
      renewal,
    ),
  };
}

/** A candidate term for one query word: the word itself, a completion, or a fuzzy match. */
interface Expansion {
  term: string;
  weight: number;
  /** Documents containing the term, per field (index in FIELDS). */
  df: readonly number[];
}

/** One (term, field) pair searched for a query word, with the weight of its kind of match. */
interface Leaf {
  term: string;
  field: number;
  weight: number;
}

/** The documents of one leaf with their boosted BM25 scores (already filtered by agency). */
interface Hits {
  ids: Int32Array;
  scores: Float64Array;
}

/** Number of set bits of a word mask (at most MAX_TERMS bits). */
const BITS = Uint8Array.from({ length: 1 << MAX_TERMS }, (_, m) => {
  let c = 0;
  for (let x = m; x; x &= x - 1) c++;
  return c;
});

const asArray = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

function boundedSet<K, V>(map: Map<K, V>, key: K, value: V, max: number): V {
  if (map.size >= max) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
  return value;
}

export function createCatalogIndex<S extends Searchable>(
  services: readonly S[],
  agencies: readonly Pick<Agency, 'id' | 'name' | 'shortName' | 'aliases'>[],
): CatalogIndex<S> {
  // Untyped callers may pass anything: only objects are indexed.
  const list: readonly S[] = Array.isArray(services) ? services.filter((s) => s !== null && typeof s === 'object') : [];
  const N = list.length;
  const agencyText = new Map<string, string[]>();
  for (const a of Array.isArray(agencies) ? agencies : []) {
    if (a && typeof a.id === 'string') agencyText.set(a.id, [a.name, a.shortName, ...asArray(a.aliases)]);
  }
  const agencyIdOf: string[] = list.map((s) => s.agencyId);

  // --- Analysis, cached per distinct string (aliases, requirements and agency texts repeat a lot).
  const normalised = new Map<string, string[]>();
  const norm = (text: unknown): string[] => {
    if (typeof text !== 'string' || !text) return [];
    let t = normalised.get(text);
    if (!t) {
      t = normalizeTokens(text, MAX_FIELD_CHARS);
      if (text.length < 500) normalised.set(text, t);
    }
    return t;
  };
  // Index tokens: words, canonical tokens of the concepts found, and (names, summaries) stems.
  const analysed = [new Map<string, string[]>(), new Map<string, string[]>()];
  const stemCache = new Map<string, string[]>();
  const originals = new Set<string>();
  const analyse = (text: unknown, stems: boolean): string[] => {
    if (typeof text !== 'string' || !text) return [];
    const cache = analysed[stems ? 1 : 0]!;
    let t = cache.get(text);
    if (t) return t;
    t = [];
    for (const w of expandForIndex(norm(text))) {
      if (INDEX_STOPWORDS.has(w)) continue;
      t.push(w);
      originals.add(w);
      if (stems) {
        let st = stemCache.get(w);
        if (!st) stemCache.set(w, (st = stemIndonesian(w)));
        for (const x of st) t.push(x);
      }
    }
    if (text.length < 500) cache.set(text, t);
    return t;
  };
  const analyseAll = (texts: readonly unknown[], stems: boolean): string[] => {
    if (texts.length === 1) return analyse(texts[0], stems);
    const out: string[] = [];
    for (const text of texts) for (const w of analyse(text, stems)) out.push(w);
    return out;
  };
  // An agency's words count once per service (a long agency name must not drown the service's own words).
  const agencyTokens = new Map<string, string[]>();
  for (const [id, texts] of agencyText) agencyTokens.set(id, [...new Set(analyseAll(texts, false))]);

  // Documents are analysed here and handed to MiniSearch as token lists: `extractField` for the id
  // (always called first by `add`) selects the document, `tokenize` returns its field's tokens.
  let current: string[][] = [];
  const mini = new MiniSearch<{ i: number }>({
    fields: FIELDS,
    idField: 'i',
    extractField: (doc, field) => (field === 'i' ? doc.i : field),
    tokenize: (_text, field) => current[FIELDS.indexOf(field as Field)] ?? [],
    processTerm: (term) => term,
    searchOptions: {
      bm25: { k: 1.2, b: 0.5, d: 0.5 },
      combineWith: 'OR',
      prefix: false,
      fuzzy: false,
      // Queries are planned by us: terms arrive normalised, one MiniSearch term per word.
      tokenize: (q) => q.split(' '),
      processTerm: (t) => t,
    },
  });

  /** Every indexed term with its document frequency per field: drives the query planner. */
  const df = new Map<string, number[]>();
  // Side tables: exact alias/name phrases, renewal services, first letters, words for corrections.
  const exact = new Map<string, number[]>();
  const exactStrict = new Map<string, number[]>();
  const renewalDoc = new Uint8Array(N);
  const byLetter = new Map<string, number[]>();
  const nameFirst: string[] = [];
  /** Services with the same alias list are copies of one service (in different regions); -1: none. */
  const template = new Int32Array(N).fill(-1);
  const templates = new Map<string, number>();
  const wordCount = new Map<string, number>();
  const countWords = (tokens: Iterable<string>) => {
    for (const t of tokens) if (t.length > 1 && !INDEX_STOPWORDS.has(t)) wordCount.set(t, (wordCount.get(t) ?? 0) + 1);
  };
  for (const texts of agencyText.values()) countWords(new Set(texts.flatMap(norm)));
  const keys = new Map<string, { lenient: string; strict: string }>();

  for (let i = 0; i < N; i++) {
    const s = list[i]!;
    const aliases = asArray(s.aliases);
    const titles = [s.name, ...aliases];
    current = [
      analyseAll(titles, true),
      agencyTokens.get(s.agencyId) ?? [],
      analyseAll([s.summary, s.product], true),
      [...new Set(analyseAll([...asArray(s.requirements), ...asArray(s.conditions)], false))],
    ];
    for (let f = 0; f < current.length; f++) {
      for (const t of f === 0 || f === 2 ? new Set(current[f]) : current[f]!) {
        const counts = df.get(t);
        if (counts) counts[f]!++;
        else {
          const fresh = [0, 0, 0, 0];
          fresh[f] = 1;
          df.set(t, fresh);
        }
      }
    }
    mini.add({ i });

    if (aliases.length) {
      const sig = aliases.join('\u0000');
      let t = templates.get(sig);
      if (t === undefined) templates.set(sig, (t = templates.size));
      template[i] = t;
    }
    const own = new Set<string>();
    const lenient = new Set<string>();
    const strict = new Set<string>();
    for (const text of titles) {
      if (typeof text !== 'string') continue;
      let key = keys.get(text);
      if (key === undefined) keys.set(text, (key = aliasKeys(norm(text))));
      if (key.lenient) lenient.add(key.lenient);
      if (key.strict) strict.add(key.strict);
      for (const w of norm(text)) own.add(w);
    }
    nameFirst.push(norm(s.name)[0]?.[0] ?? '');
    const addExact = (map: Map<string, number[]>, phrases: Set<string>) => {
      for (const p of phrases) {
        let ids = map.get(p);
        if (!ids) map.set(p, (ids = []));
        ids.push(i);
      }
    };
    addExact(exact, lenient);
    addExact(exactStrict, strict);
    const letters = new Set<string>();
    for (const w of own) {
      if (RENEWAL_MARKERS.has(w)) renewalDoc[i] = 1;
      letters.add(w[0]!);
    }
    countWords(own);
    for (const l of letters) {
      let ids = byLetter.get(l);
      if (!ids) byLetter.set(l, (ids = []));
      ids.push(i);
    }
  }
  current = [];
  const stats: SearchableMap<number[]> = SearchableMap.from(df);
  /** Terms indexed only as the stem of another word. */
  const stemOnly = new Set<string>();
  for (const st of stemCache.values()) for (const x of st) if (!originals.has(x)) stemOnly.add(x);
  originals.clear();
  /** Words offered as corrections: names, aliases and agency names (no stems, no requirements). */
  const words: SearchableMap<number> = SearchableMap.from(wordCount);
  // Services whose name starts with the letter come first in one-letter results.
  for (const [l, ids] of byLetter) {
    const rank = (i: number) => (nameFirst[i] === l ? 0 : 1);
    ids.sort((a, b) => rank(a) - rank(b) || a - b);
  }
  const known = new Set<string>([...NOISE_WORDS, ...RENEWAL_WORDS]);
  for (const c of CONCEPTS) for (const v of c.variants) for (const w of v.split(' ')) known.add(w);
  df.clear();
  wordCount.clear();
  normalised.clear();
  for (const cache of analysed) cache.clear();
  stemCache.clear();
  keys.clear();
  templates.clear();

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
    if (term.length >= 4 && term.length <= MAX_FUZZY_LENGTH && !HAS_DIGIT.test(term)) {
      const max = Math.min(2, Math.round(term.length * FUZZY));
      for (const [t, [df, distance]] of stats.fuzzyGet(term, max)) {
        // A typo is corrected to a word of the catalog, not to a stem (`halal` is not `halam`-an).
        if (seen.has(t) || stemOnly.has(t)) continue;
        seen.add(t);
        out.push({ term: t, weight: (FUZZY_WEIGHT * t.length) / (t.length + distance), df });
      }
    }
    return boundedSet(expansionCache, key, out, 2000);
  }

  /**
   * The (term, field, weight) leaves searched for one word: the word itself (and its one-word
   * synonym) in titles always, then the most valuable pairs of its expansions while their posting
   * lists fit the budget. Deterministic: it depends on the word and the index, never on the cache.
   */
  const leafPlans = new Map<string, readonly Leaf[]>();
  function wordLeaves(word: Word, prefix: boolean): readonly Leaf[] {
    const { term, alt } = word;
    const key = `${prefix ? '>' : '='}${term}|${alt ?? ''}`;
    const cached = leafPlans.get(key);
    if (cached) return cached;
    const budget = (prefix && PREFIX_BUDGET[term.length]) || POSTINGS_BUDGET;
    const pairs: (Leaf & { cost: number; value: number })[] = [];
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
    pairs.sort((a, b) => b.value - a.value || (a.term < b.term ? -1 : a.term > b.term ? 1 : a.field - b.field));
    for (const p of pairs) {
      if (chosen.length >= MAX_PAIRS_PER_WORD) break;
      if (spent + p.cost > budget) continue;
      chosen.push(p);
      spent += p.cost;
    }
    // A word found only in expensive places still counts: take its cheapest pair.
    if (!chosen.length && pairs.length) chosen.push(pairs.reduce((a, b) => (b.cost < a.cost ? b : a)));
    // The same (term, field) can come twice (a word that is also a completion): keep the best weight.
    const leaves = new Map<string, Leaf>();
    for (const p of chosen) {
      const k = `${p.field}${p.term}`;
      const prev = leaves.get(k);
      if (!prev || prev.weight < p.weight) leaves.set(k, { term: p.term, field: p.field, weight: p.weight });
    }
    return boundedSet(leafPlans, key, [...leaves.values()], 2000);
  }

  /**
   * BM25 scores of one term in one field (boosted, unweighted), from MiniSearch. Cached (LRU):
   * successive keystrokes share most leaves ('pa', 'pas', 'pasp' complete to the same words) and
   * the words before the one being typed do not change.
   */
  const leafCache = new Map<string, Hits>();
  let cachedPostings = 0;
  function leafHits(leaf: Leaf, agencyId: string | null): Hits {
    const key = `${leaf.field}${leaf.term}\u0000${agencyId ?? ''}`;
    const cached = leafCache.get(key);
    if (cached) {
      leafCache.delete(key);
      leafCache.set(key, cached);
      return cached;
    }
    const field = FIELDS[leaf.field]!;
    const options: MiniSearchSearchOptions = { fields: [field], boost: { [field]: BOOST[field] } };
    if (agencyId != null) options.filter = (r: SearchResult) => agencyIdOf[r.id as number] === agencyId;
    const results = mini.search(leaf.term, options);
    const hits: Hits = { ids: new Int32Array(results.length), scores: new Float64Array(results.length) };
    for (let k = 0; k < results.length; k++) {
      const r = results[k]!;
      hits.ids[k] = r.id as number;
      hits.scores[k] = r.score;
    }
    leafCache.set(key, hits);
    cachedPostings += results.length;
    for (const [k, h] of leafCache) {
      if (cachedPostings <= MAX_CACHED_POSTINGS && leafCache.size <= MAX_CACHED_LEAVES) break;
      leafCache.delete(k);
      cachedPostings -= h.ids.length;
    }
    return hits;
  }

  // Scratch space reused by every search (no allocation proportional to the catalog per keystroke).
  const acc = new Float64Array(N);
  const matched = new Uint8Array(N);
  const touched = new Int32Array(N);
  const bonus = new Float64Array(N).fill(1);
  const heapS = new Float64Array(N);
  const heapI = new Int32Array(N);
  /** Max-heap order: higher score first, then lower catalog index. */
  const above = (a: number, b: number) => heapS[a]! > heapS[b]! || (heapS[a] === heapS[b] && heapI[a]! < heapI[b]!);
  function siftDown(k: number, size: number): void {
    for (;;) {
      const l = 2 * k + 1;
      if (l >= size) return;
      const r = l + 1;
      const c = r < size && above(r, l) ? r : l;
      if (!above(c, k)) return;
      const s = heapS[k]!;
      const i = heapI[k]!;
      heapS[k] = heapS[c]!;
      heapI[k] = heapI[c]!;
      heapS[c] = s;
      heapI[c] = i;
      k = c;
    }
  }

  const clampLimit = (limit: unknown): number => {
    if (typeof limit !== 'number' || !Number.isFinite(limit)) return DEFAULT_LIMIT;
    return Math.max(0, Math.min(MAX_LIMIT, Math.floor(limit)));
  };

  function runPlan(plan: Plan, agencyId: string | null, limit: number): S[] {
    const { words: terms } = plan;
    // A lone first letter: answered from the first-letter table.
    if (terms.length === 1 && terms[0]!.term.length === 1) {
      const out: S[] = [];
      for (const i of byLetter.get(terms[0]!.term) ?? []) {
        if (out.length >= limit) break;
        if (agencyId == null || agencyIdOf[i] === agencyId) out.push(list[i]!);
      }
      return out;
    }

    // OR over the words: BM25 scores add up, then × the number of words matched (as MiniSearch
    // does, but counting words, not terms: two completions of one word are one word).
    let n = 0;
    for (let g = 0; g < terms.length; g++) {
      const bit = 1 << g;
      for (const leaf of wordLeaves(terms[g]!, plan.prefixLast && g === terms.length - 1)) {
        const { ids, scores } = leafHits(leaf, agencyId);
        const w = leaf.weight;
        for (let k = 0; k < ids.length; k++) {
          const i = ids[k]!;
          if (matched[i] === 0) touched[n++] = i;
          matched[i]! |= bit;
          acc[i]! += w * scores[k]!;
        }
      }
    }
    if (!n) return [];

    // Bonuses: exact alias/name phrase, each word that is itself an alias, renewal intent.
    const boosted: number[] = [];
    const mult = (ids: readonly number[] | undefined, f: number) => {
      if (ids) {
        for (const i of ids) {
          if (!matched[i]) continue;
          if (bonus[i] === 1) boosted.push(i);
          bonus[i]! *= f;
        }
      }
    };
    const phraseTerms = plan.words.map((w) => w.term);
    const phrase = phraseKey(phraseTerms, plan.renewal);
    mult(exact.get(phrase), EXACT_PHRASE_BONUS_LENIENT);
    // Strict keys are lenient keys too: together they make EXACT_PHRASE_BONUS.
    mult(exactStrict.get(phrase), EXACT_PHRASE_BONUS / EXACT_PHRASE_BONUS_LENIENT);
    // While the last word is typed, its completions may already spell an alias ('skc' -> SKCK).
    if (plan.prefixLast) {
      const head = phraseTerms.slice(0, -1);
      const last = phraseTerms[phraseTerms.length - 1]!;
      const seenTerms = new Set<string>([last]);
      for (const leaf of wordLeaves(terms[terms.length - 1]!, true)) {
        if (seenTerms.has(leaf.term)) continue;
        seenTerms.add(leaf.term);
        const key = phraseKey([...head, leaf.term], plan.renewal);
        mult(exact.get(key), COMPLETION_BONUS_LENIENT);
        mult(exactStrict.get(key), COMPLETION_BONUS / COMPLETION_BONUS_LENIENT);
      }
    }
    // "perpanjang stnk 5 tahun" also matches the alias "STNK 5 tahun", with less confidence.
    if (plan.renewal) mult(exact.get(phraseKey(phraseTerms, false)), EXACT_PHRASE_BONUS_NO_RENEWAL);
    if (terms.length > 1) for (const t of terms) mult(exact.get(phraseKey([t.term], false)), EXACT_TERM_BONUS);

    // Final scores, then the top `limit` (ties keep catalog order).
    const renewal = plan.renewal;
    const scoreOf = (i: number) => acc[i]! * BITS[matched[i]!]! * bonus[i]! * (renewal && renewalDoc[i] ? RENEWAL_BONUS : 1);
    // Results in order of score, except that a copy of a service already listed (the same service
    // in another region: same alias list) counts half per earlier copy, so that other services come
    // before the 95th region's KTP. The best result never moves. Documents are taken from a max-heap
    // in raw-score order until no remaining one can enter the top `limit` (effective <= raw).
    let size = n;
    for (let k = 0; k < n; k++) {
      const i = touched[k]!;
      heapI[k] = i;
      heapS[k] = scoreOf(i);
    }
    for (let k = (size >> 1) - 1; k >= 0; k--) siftDown(k, size);
    const copies = new Map<number, number>();
    const topI: number[] = [];
    const topE: number[] = [];
    while (size > 0) {
      const raw = heapS[0]!;
      const i = heapI[0]!;
      if (topI.length >= limit && raw < topE[topE.length - 1]!) break;
      size--;
      heapS[0] = heapS[size]!;
      heapI[0] = heapI[size]!;
      siftDown(0, size);
      let e = raw;
      const sig = template[i]!;
      if (sig >= 0) {
        const c = copies.get(sig) ?? 0;
        copies.set(sig, c + 1);
        e = raw * DUPLICATE_FACTOR ** c;
      }
      const m = topE.length;
      if (m >= limit && e <= topE[m - 1]!) continue;
      let pos = m;
      while (pos > 0 && topE[pos - 1]! < e) pos--;
      topE.splice(pos, 0, e);
      topI.splice(pos, 0, i);
      if (topE.length > limit) {
        topE.pop();
        topI.pop();
      }
    }
    const top = topI;
    // Leave the scratch space clean for the next search.
    for (let k = 0; k < n; k++) {
      const i = touched[k]!;
      acc[i] = 0;
      matched[i] = 0;
    }
    for (const i of boosted) bonus[i] = 1;
    return top.map((i) => list[i]!);
  }

  function corrections(plan: Plan): string[][] {
    // For each normalised input word: itself if known, else its closest vocabulary words.
    return plan.tokens.map((t, idx) => {
      if (t.length < 2 || t.length > MAX_FUZZY_LENGTH || known.has(t) || words.has(t) || HAS_DIGIT.test(t)) return [t];
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
    // A pasted paragraph is not a misspelled query.
    if (plan.tokens.length > MAX_SUGGEST_WORDS) return [];
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
    search(query: string, options?: SearchOptions): S[] {
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
        bonus.fill(1);
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
