/** Messages of field rules the contracts name by key (zod refinements with a message key). */
export const validationMessages = {
  vi: {
    username_format:
      'Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số và các dấu . _ - (ví dụ: nguyen.van.a)',
  },
  en: {
    username_format:
      'A username has only lower-case letters without accents, digits and . _ - (for example: nguyen.van.a)',
  },
} as const;
