import { describe, expect, it } from 'vitest';
import { keyWords, normaliseForSimilarity, rankBySimilarity, similarity } from './similarity.ts';

describe('similarity on Vietnamese-normalised text', () => {
  it('treats Hòa and Hoà (and hoa) alike, and đ as d', () => {
    expect(normaliseForSimilarity('Hòa Bình')).toBe(normaliseForSimilarity('Hoà Bình'));
    expect(normaliseForSimilarity('Hòa Bình')).toBe('hoa binh');
    expect(similarity('Thủ tục Hòa giải', 'thu tuc hoa giai')).toBe(1);
    expect(similarity('Đắk Lắk', 'dak lak')).toBe(1);
  });

  it('is symmetric, 1 for the same words in any order, 0 for nothing in common', () => {
    const a = 'Chữ ký số cho doanh nghiệp nhỏ';
    const b = 'doanh nghiệp nhỏ cần chữ ký số';
    expect(similarity(a, b)).toBeCloseTo(similarity(b, a));
    expect(similarity('chữ ký số doanh nghiệp', 'doanh nghiệp chữ ký số')).toBe(1);
    expect(similarity('chữ ký số', 'băng thông 5G')).toBe(0);
  });

  it('ranks the closest earlier submission first and drops unrelated ones', () => {
    const earlier = [
      'Thủ tục cấp chữ ký số cho hộ kinh doanh còn phức tạp',
      'Đề xuất mở rộng vùng phủ sóng 5G ở xã miền núi',
      'Dịch vụ công trực tuyến về đất đai hay bị lỗi',
    ];
    const ranked = rankBySimilarity('Thu tuc cap chu ky so qua phuc tap', earlier, (t) => t);
    expect(ranked[0]!.item).toBe(earlier[0]);
    expect(ranked.map((r) => r.item)).not.toContain(earlier[1]);
  });

  it('picks the longest distinct words to look candidates up', () => {
    expect(keyWords(normaliseForSimilarity('Phủ sóng 5G ở xã miền núi, phủ sóng'))).toEqual(['mien', 'song']);
  });
});
