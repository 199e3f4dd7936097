import type { z } from 'zod';
import type { Lang } from './common.ts';

/**
 * Validation messages written for people, in Vietnamese and English — instead of zod's own locale text
 * ("Quá nhỏ: mong đợi string có >=10 ký tự"). One map for the server's problem+json and for any check the
 * web runs with the same schemas. Messages never name a type ("string", "number") or a regex.
 */
type Issue = z.core.$ZodIssue | (Record<string, unknown> & { code?: string });
type Dict = Record<string, string>;

const VI: Dict = {
  required: 'Vui lòng nhập thông tin này',
  text: 'Cần nhập chữ',
  number: 'Cần nhập một số',
  integer: 'Cần nhập một số nguyên',
  boolean: 'Cần chọn có hoặc không',
  list: 'Cần một danh sách',
  object: 'Dữ liệu không đúng cấu trúc',
  wrong: 'Giá trị không hợp lệ',
  empty: 'Không được để trống',
  minText: 'Cần ít nhất {n} ký tự',
  maxText: 'Tối đa {n} ký tự',
  exactText: 'Cần đúng {n} ký tự',
  minNumber: 'Phải từ {n} trở lên',
  minNumberEx: 'Phải lớn hơn {n}',
  maxNumber: 'Không được lớn hơn {n}',
  maxNumberEx: 'Phải nhỏ hơn {n}',
  minList: 'Cần chọn ít nhất {n} mục',
  emptyList: 'Cần chọn ít nhất một mục',
  maxList: 'Chọn tối đa {n} mục',
  minDate: 'Ngày phải từ {n} trở đi',
  maxDate: 'Ngày không được sau {n}',
  email: 'Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@coquan.gov.vn)',
  uuid: 'Mã định danh không hợp lệ',
  date: 'Ngày không hợp lệ (ngày/tháng/năm, ví dụ 30/06/2025)',
  datetime: 'Thời điểm không hợp lệ',
  url: 'Địa chỉ trang web không hợp lệ',
  format: 'Sai định dạng',
  oneOf: 'Hãy chọn một trong các giá trị: {values}',
  multipleOf: 'Phải là bội số của {n}',
};

const EN: Dict = {
  required: 'Please fill this in',
  text: 'Please enter text',
  number: 'Please enter a number',
  integer: 'Please enter a whole number',
  boolean: 'Please choose yes or no',
  list: 'A list is expected',
  object: 'The data does not have the expected structure',
  wrong: 'This value is not valid',
  empty: 'This cannot be empty',
  minText: 'At least {n} characters',
  maxText: 'At most {n} characters',
  exactText: 'Exactly {n} characters',
  minNumber: 'Must be {n} or more',
  minNumberEx: 'Must be more than {n}',
  maxNumber: 'Must be {n} or less',
  maxNumberEx: 'Must be less than {n}',
  minList: 'Choose at least {n} items',
  emptyList: 'Choose at least one item',
  maxList: 'Choose at most {n} items',
  minDate: 'The date must be {n} or later',
  maxDate: 'The date cannot be after {n}',
  email: 'Not a valid e-mail address (for example name@agency.gov.vn)',
  uuid: 'Not a valid identifier',
  date: 'Not a valid date (day/month/year, for example 30/06/2025)',
  datetime: 'Not a valid date and time',
  url: 'Not a valid web address',
  format: 'Wrong format',
  oneOf: 'Choose one of: {values}',
  multipleOf: 'Must be a multiple of {n}',
};

const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

const num = (v: unknown) => (typeof v === 'bigint' ? Number(v) : Number(v));
const dayOf = (v: unknown) => {
  const d = v instanceof Date ? v : new Date(num(v));
  return Number.isNaN(d.getTime()) ? String(v) : d.toISOString().slice(0, 10).split('-').reverse().join('/');
};

/** The message for one zod issue in the given language; undefined when the issue carries its own (custom). */
export function humanIssueMessage(issue: Issue, lang: Lang): string | undefined {
  const m = lang === 'en' ? EN : VI;
  const i = issue as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const origin = str(i.origin) || str(i.type);
  switch (i.code) {
    case 'invalid_type': {
      // zod keeps the input only when asked; its own message still says what was received
      const missing =
        'input' in i
          ? i.input === undefined || i.input === null
          : /received (undefined|null)/.test(str(i.message));
      if (missing) return m.required;
      const expected = str(i.expected);
      if (expected === 'string') return m.text;
      if (expected === 'number' || expected === 'bigint') return m.number;
      if (expected === 'int') return m.integer;
      if (expected === 'boolean') return m.boolean;
      if (expected === 'array' || expected === 'tuple' || expected === 'set') return m.list;
      if (expected === 'object' || expected === 'record') return m.object;
      if (expected === 'date') return m.date;
      return m.wrong;
    }
    case 'too_small': {
      const n = num(i.minimum);
      const inclusive = i.inclusive !== false;
      if (origin === 'string') return n <= 1 ? m.empty : fill(i.exact ? m.exactText! : m.minText!, { n });
      if (origin === 'array' || origin === 'set') return n <= 1 ? m.emptyList : fill(m.minList!, { n });
      if (origin === 'date') return fill(m.minDate!, { n: dayOf(i.minimum) });
      return fill(inclusive ? m.minNumber! : m.minNumberEx!, { n });
    }
    case 'too_big': {
      const n = num(i.maximum);
      const inclusive = i.inclusive !== false;
      if (origin === 'string') return fill(i.exact ? m.exactText! : m.maxText!, { n });
      if (origin === 'array' || origin === 'set') return fill(m.maxList!, { n });
      if (origin === 'date') return fill(m.maxDate!, { n: dayOf(i.maximum) });
      return fill(inclusive ? m.maxNumber! : m.maxNumberEx!, { n });
    }
    case 'invalid_format': {
      const format = str(i.format);
      if (format === 'email') return m.email;
      if (format === 'uuid' || format === 'guid' || format.startsWith('uuid')) return m.uuid;
      if (format === 'date') return m.date;
      if (format === 'datetime') return m.datetime;
      if (format === 'url') return m.url;
      return m.format;
    }
    case 'invalid_value': {
      const values = Array.isArray(i.values) ? i.values.map(String) : [];
      return values.length > 0 && values.length <= 8
        ? fill(m.oneOf!, { values: values.join(', ') })
        : m.wrong;
    }
    case 'not_multiple_of':
      return fill(m.multipleOf!, { n: num(i.divisor) });
    case 'custom':
      return undefined;
    default:
      return m.wrong;
  }
}
