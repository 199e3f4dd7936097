import { describe, expect, it } from 'vitest';
import { clauses, rankPhrases } from './review.phrases.ts';

describe('difficulty phrases', () => {
  it('tokenizes by syllable, cuts at punctuation and stop words, keeps "cơ" while dropping "có"', () => {
    const runs = clauses('Chưa có cơ sở dữ liệu dùng chung, thiếu kinh phí và nhân lực.');
    expect(runs.map((r) => r.map((t) => t.original).join(' '))).toEqual([
      'chưa',
      'cơ sở dữ liệu dùng chung',
      'thiếu kinh phí',
      'nhân lực',
    ]);
    expect(runs[1]!.map((t) => t.folded)).toEqual(['co', 'so', 'du', 'lieu', 'dung', 'chung']);
  });

  it('groups spellings with and without diacritics, counts reports once each, shows the usual spelling', () => {
    const ranked = rankPhrases(
      [
        { text: 'Thiếu kinh phí thực hiện; thiếu kinh phí cho năm 2025', unitId: 'a' },
        { text: 'Thiếu kinh phí. Hạ tầng mạng yếu', unitId: 'b' },
        { text: 'thieu kinh phi, ha tang mang yeu', unitId: 'c' },
        { text: 'Hạ tầng mạng yếu ở vùng sâu', unitId: 'c' },
        { text: 'Cán bộ thiếu kỹ năng số', unitId: 'd' },
      ],
      5,
    );
    expect(ranked[0]).toEqual({ phrase: 'thiếu kinh phí', key: 'thieu kinh phi', reports: 3, units: 3 });
    expect(ranked[1]).toEqual({ phrase: 'hạ tầng mạng yếu', key: 'ha tang mang yeu', reports: 3, units: 2 });
    // phrases inside an equally cited longer one are dropped; phrases cited once are not "most cited"
    expect(ranked.map((r) => r.key)).not.toContain('kinh phi');
    expect(ranked.map((r) => r.key)).not.toContain('ky nang so');
  });

  it('handles no text at all', () => {
    expect(rankPhrases([])).toEqual([]);
  });
});
