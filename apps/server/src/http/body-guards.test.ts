import { describe, expect, it } from 'vitest';
import { isMalformedMultipart, jsonDepth, MAX_JSON_DEPTH } from './body-guards.ts';

describe('body guards', () => {
  it('measures JSON nesting without recursion, ignoring brackets in strings', () => {
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth('{"a":"[[[[[[\\"[[["}')).toBe(1);
    expect(jsonDepth('1')).toBe(0);
    // a 1 MB body nested 500,000 levels stops at the limit
    expect(jsonDepth(`${'['.repeat(500_000)}${']'.repeat(500_000)}`)).toBe(MAX_JSON_DEPTH + 1);
  });

  it('recognises broken multipart framing', () => {
    expect(isMalformedMultipart(new Error('Multipart: Boundary not found'))).toBe(true);
    expect(isMalformedMultipart(new Error('Unexpected end of form'))).toBe(true);
    expect(
      isMalformedMultipart(
        Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }),
      ),
    ).toBe(true);
    expect(isMalformedMultipart(new Error('something else'))).toBe(false);
  });
});
