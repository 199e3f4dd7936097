import { describe, expect, it } from 'vitest';
import { foldForSearch } from './search.ts';

describe('foldForSearch', () => {
  it.each([
    ['Đắk Lắk', 'dak lak'],
    ['ĐÀ NẴNG', 'da nang'],
    ['Thừa Thiên Huế', 'thua thien hue'],
    ['Hà Nội', 'ha noi'],
    ['Hồ Chí Minh', 'ho chi minh'],
    ['Phường Bạch Mai', 'phuong bach mai'],
    ['Quảng Ngãi', 'quang ngai'],
    ['Ủy ban nhân dân', 'uy ban nhan dan'],
  ])('folds %s to %s', (input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });

  it('maps đ and Đ to d although they do not decompose under NFD', () => {
    expect('đ'.normalize('NFD')).toBe('đ');
    expect(foldForSearch('đĐđ')).toBe('ddd');
  });

  it('gives the same key to precomposed (NFC) and decomposed (NFD) input', () => {
    const nfc = 'Đắk Lắk'.normalize('NFC');
    const nfd = 'Đắk Lắk'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(foldForSearch(nfc)).toBe(foldForSearch(nfd));
  });

  it('collapses and trims whitespace, and is idempotent', () => {
    expect(foldForSearch('  Đà \t Nẵng \n ')).toBe('da nang');
    const once = foldForSearch('Thừa Thiên Huế');
    expect(foldForSearch(once)).toBe(once);
  });

  it('keeps digits and punctuation', () => {
    expect(foldForSearch('Sở KH&CN 01')).toBe('so kh&cn 01');
  });
});
