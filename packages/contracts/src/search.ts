/**
 * Folds text for diacritic- and case-insensitive search: "Đắk Lắk" and "dak lak" fold to the same key.
 * NFD splits most Vietnamese letters into base + combining marks; đ/Đ have no decomposition, so they are
 * mapped by hand. Shared by the server (stored search keys, queries) and the web (client-side filtering).
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
