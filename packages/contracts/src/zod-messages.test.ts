import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IsoDate } from './common.ts';
import { Password } from './identity.ts';
import { BulkAcceptBody } from './tasks/review-queue.ts';
import { humanIssueMessage } from './zod-messages.ts';

const first = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  if (r.success) throw new Error('expected a failure');
  return r.error.issues[0]!;
};
const both = (schema: z.ZodType, value: unknown) => {
  const issue = first(schema, value);
  return [humanIssueMessage(issue, 'vi'), humanIssueMessage(issue, 'en')];
};

describe('validation messages written for people', () => {
  it('text length, numbers, lists, formats, choices', () => {
    expect(both(Password, 'short')).toEqual(['Cần ít nhất 10 ký tự', 'At least 10 characters']);
    expect(both(z.string().max(5), 'toolong')).toEqual(['Tối đa 5 ký tự', 'At most 5 characters']);
    expect(both(z.string().min(1), '')).toEqual(['Không được để trống', 'This cannot be empty']);
    expect(both(z.number().int().min(0).max(100), 120)).toEqual([
      'Không được lớn hơn 100',
      'Must be 100 or less',
    ]);
    expect(both(z.number().gt(0), 0)).toEqual(['Phải lớn hơn 0', 'Must be more than 0']);
    expect(both(z.number(), 'x')).toEqual(['Cần nhập một số', 'Please enter a number']);
    expect(both(BulkAcceptBody.shape.ids, [])).toEqual([
      'Cần chọn ít nhất một mục',
      'Choose at least one item',
    ]);
    expect(both(z.email(), 'x')[0]).toMatch(/^Địa chỉ thư điện tử không hợp lệ/);
    expect(both(IsoDate, '30/06/2025')).toEqual([
      'Ngày không hợp lệ (ngày/tháng/năm, ví dụ 30/06/2025)',
      'Not a valid date (day/month/year, for example 30/06/2025)',
    ]);
    expect(both(z.enum(['vi', 'en']), 'fr')).toEqual([
      'Hãy chọn một trong các giá trị: vi, en',
      'Choose one of: vi, en',
    ]);
    expect(both(z.object({ a: z.string() }), {})).toEqual([
      'Vui lòng nhập thông tin này',
      'Please fill this in',
    ]);
  });

  it('never shows zod wording, type names or operators', () => {
    const cases: [z.ZodType, unknown][] = [
      [Password, 'x'],
      [z.string(), 5],
      [z.array(z.string()).max(1), ['a', 'b']],
      [z.uuid(), 'nope'],
      [z.boolean(), 'yes'],
      [z.union([z.string(), z.number()]), true],
    ];
    for (const [schema, value] of cases)
      for (const text of both(schema, value)) {
        expect(text).toBeTruthy();
        expect(text).not.toMatch(/string|number|array|mong đợi|expected|>=|<=|Quá|Invalid|regex/i);
      }
  });

  it('leaves a custom issue to its own message key', () => {
    expect(humanIssueMessage(first(IsoDate, '1999-01-01'), 'vi')).toBeUndefined();
  });
});
