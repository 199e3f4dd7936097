import { foldForSearch } from '@pilotage/contracts';

/**
 * The most cited difficulties: phrase frequency over report texts, pure.
 * - Vietnamese is written one syllable per space-separated token, so tokens are syllables; clauses are cut
 *   at punctuation and phrases never cross a clause or a stop word (function words such as "và", "của").
 * - Stop words are recognized on the lowercased text WITH its diacritics ("có" is a stop word, "cơ" in
 *   "cơ sở dữ liệu" is not; both fold to "co"); text typed without any diacritics uses an ASCII list.
 * - Bigrams and trigrams are grouped by their folded form (so "kinh phi" and "kinh phí" count together)
 *   and counted once per text (document frequency), with the number of distinct units.
 * - The phrase shown is the most frequent original spelling.
 * - Longer runs (up to MAX_GRAM syllables) are counted too, and a phrase inside a longer one cited by as
 *   many texts is dropped: overlapping bigrams/trigrams that always occur together merge into one phrase.
 */

const STOP = new Set(
  (
    'và của các những là có được cho trong với đã đang sẽ này đó một để từ theo về khi thì mà nên do bị tại trên ra vào còn ' +
    'cũng như nhưng hoặc vẫn rất lại đến việc nhiều hơn nữa đây đấy ở sự nào gì vì nếu tuy bởi qua sau trước cùng mới chỉ ' +
    'đều hết lên xuống ấy thế vậy rằng nhằm đối với tới'
  ).split(' '),
);
const ASCII_STOP = new Set(
  'va cua cac nhung la co duoc cho trong voi da dang se nay do mot de tu theo ve khi thi ma nen bi tai tren ra vao con cung nhu hoac van rat lai den viec nhieu hon nua day o su nao gi vi neu tuy boi qua sau truoc cung moi chi deu het len xuong ay the vay rang nham doi toi'.split(
    ' ',
  ),
);

interface Token {
  original: string;
  folded: string;
}

/** Clauses of tokens (syllables), stop words and numbers removed as phrase breaks. */
export function clauses(text: string): Token[][] {
  const out: Token[][] = [];
  for (const clause of text
    .normalize('NFC')
    .toLowerCase()
    .split(/[.,;:!?()[\]{}"“”'‘’\n\r\t/\\|•·–—-]+/)) {
    let run: Token[] = [];
    for (const word of clause.split(/\s+/)) {
      const original = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      const folded = foldForSearch(original).replace(/[^a-z0-9]/g, '');
      const isStop = original === folded ? ASCII_STOP.has(folded) : STOP.has(original);
      if (!original || isStop || /^\d+$/.test(folded) || folded.length < 2) {
        if (run.length) out.push(run);
        run = [];
      } else run.push({ original, folded });
    }
    if (run.length) out.push(run);
  }
  return out;
}

/** Bigrams and trigrams are ranked; runs that always occur together merge up to this many syllables. */
const MAX_GRAM = 5;

export interface CitedText {
  text: string;
  unitId: string;
}

export interface RankedPhrase {
  phrase: string;
  key: string;
  reports: number;
  units: number;
}

export function rankPhrases(texts: readonly CitedText[], top = 15): RankedPhrase[] {
  const stats = new Map<
    string,
    { n: number; reports: number; units: Set<string>; spellings: Map<string, number> }
  >();
  for (const { text, unitId } of texts) {
    const seen = new Set<string>();
    for (const run of clauses(text)) {
      for (let n = 2; n <= MAX_GRAM; n++) {
        for (let i = 0; i + n <= run.length; i++) {
          const gram = run.slice(i, i + n);
          const key = gram.map((t) => t.folded).join(' ');
          const spelling = gram.map((t) => t.original).join(' ');
          const s = stats.get(key) ?? {
            n,
            reports: 0,
            units: new Set<string>(),
            spellings: new Map<string, number>(),
          };
          s.spellings.set(spelling, (s.spellings.get(spelling) ?? 0) + 1);
          if (!seen.has(key)) {
            seen.add(key);
            s.reports += 1;
            s.units.add(unitId);
          }
          stats.set(key, s);
        }
      }
    }
  }
  const min = texts.length > 1 ? 2 : 1;
  const candidates = [...stats].filter(([, s]) => s.reports >= min);
  // a phrase inside a longer one cited by as many texts says less: drop it (kinh phí ⊂ thiếu kinh phí thực hiện)
  const dropped = new Set<string>();
  for (const [key, s] of candidates) {
    if (s.n === 2) continue;
    const words = key.split(' ');
    for (let n = 2; n < words.length; n++) {
      for (let i = 0; i + n <= words.length; i++) {
        const sub = words.slice(i, i + n).join(' ');
        if ((stats.get(sub)?.reports ?? 0) <= s.reports) dropped.add(sub);
      }
    }
  }
  const ranked = candidates
    .filter(([key]) => !dropped.has(key))
    .map(([key, s]) => ({
      phrase: bestSpelling(s.spellings),
      key,
      reports: s.reports,
      units: s.units.size,
      n: s.n,
    }))
    .sort((a, b) => b.reports - a.reports || b.units - a.units || b.n - a.n || a.key.localeCompare(b.key));
  return ranked.slice(0, top).map(({ phrase, key, reports, units }) => ({ phrase, key, reports, units }));
}

/** The most frequent original spelling; ties prefer one with diacritics, then alphabetical order. */
function bestSpelling(spellings: Map<string, number>): string {
  const accented = (s: string) => (s === foldForSearch(s) ? 0 : 1);
  return [...spellings].sort(
    (a, b) => b[1] - a[1] || accented(b[0]) - accented(a[0]) || a[0].localeCompare(b[0], 'vi'),
  )[0]![0];
}
