/**
 * How alike two texts are, on Vietnamese-normalised text (pure). Text is folded with the project's one
 * diacritic folding (`foldForSearch`: "Hòa", "Hoà" and "hoa" are the same word; đ → d), reduced to words,
 * then compared as sets of character trigrams of each padded word (Jaccard index, 0..1). Word order and
 * small spelling slips matter little; the measure is symmetric.
 */
import { foldForSearch } from '@pilotage/contracts';

/** Folded words joined by single spaces (the stored `similarity_key`). */
export function normaliseForSimilarity(text: string): string {
  return foldForSearch(text.normalize('NFC'))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function trigrams(normalised: string): Set<string> {
  const out = new Set<string>();
  for (const word of normalised.split(' ')) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let common = 0;
  for (const t of a) if (b.has(t)) common++;
  return common / (a.size + b.size - common);
}

/** Similarity of two raw texts, 0 (nothing in common) to 1 (same words). */
export function similarity(a: string, b: string): number {
  return jaccard(trigrams(normaliseForSimilarity(a)), trigrams(normaliseForSimilarity(b)));
}

/** The words worth looking up to find candidates (the longest distinct ones, at least 4 letters). */
export function keyWords(normalised: string, max = 6): string[] {
  const words = [...new Set(normalised.split(' ').filter((w) => w.length >= 4))];
  return words.sort((x, y) => y.length - x.length || x.localeCompare(y)).slice(0, max);
}

export interface Scored<T> {
  item: T;
  score: number;
}

/** Candidates ranked by similarity to `query`, those under `threshold` left out. */
export function rankBySimilarity<T>(
  query: string,
  candidates: readonly T[],
  textOf: (c: T) => string,
  { threshold = 0.15, limit = 5 } = {},
): Scored<T>[] {
  const q = trigrams(normaliseForSimilarity(query));
  return candidates
    .map((item) => ({ item, score: jaccard(q, trigrams(normaliseForSimilarity(textOf(item)))) }))
    .filter((s) => s.score >= threshold)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
