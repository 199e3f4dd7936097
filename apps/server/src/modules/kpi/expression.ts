/**
 * DHIS2 indicator and validation-rule expressions (pure): `#{CODE}` data element references (a
 * `#{CODE.COMBO}` suffix is accepted and ignored: no category combos here), numbers, + - * /, unary minus,
 * parentheses. Missing values: an expression whose every reference is missing is null; otherwise a missing
 * reference counts 0 (DHIS2's SKIP_IF_ALL_VALUES_MISSING). Division by zero is null.
 */
export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'ref'; code: string }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr };

export class ExpressionError extends Error {
  constructor(
    /** Message key (kpi.messages.ts). */
    readonly key: 'expression_syntax' | 'expression_too_long',
    readonly position: number,
  ) {
    super(`${key} at ${position}`);
  }
}

const MAX_LENGTH = 2000;
const MAX_DEPTH = 50;
const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

type Token =
  | { t: 'num'; v: number; at: number }
  | { t: 'ref'; v: string; at: number }
  | { t: 'op'; v: string; at: number };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '#' && src[i + 1] === '{') {
      const close = src.indexOf('}', i + 2);
      if (close < 0) throw new ExpressionError('expression_syntax', i);
      const inner = src.slice(i + 2, close).trim();
      // #{ELEMENT} or #{ELEMENT.COMBO}: the element is what precedes the first dot-separated combo uid
      const code = inner.split('.')[0]!;
      if (!CODE.test(code)) throw new ExpressionError('expression_syntax', i);
      out.push({ t: 'ref', v: code, at: i });
      i = close + 1;
    } else if (/[0-9.]/.test(c)) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i));
      if (!m) throw new ExpressionError('expression_syntax', i);
      out.push({ t: 'num', v: Number(m[0]), at: i });
      i += m[0].length;
    } else if ('+-*/()'.includes(c)) {
      out.push({ t: 'op', v: c, at: i });
      i++;
    } else {
      throw new ExpressionError('expression_syntax', i);
    }
  }
  return out;
}

/** Parses an expression; throws ExpressionError with the position of the first problem. */
export function parseExpression(src: string): Expr {
  if (src.length > MAX_LENGTH) throw new ExpressionError('expression_too_long', MAX_LENGTH);
  const tokens = tokenize(src);
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (): never => {
    throw new ExpressionError('expression_syntax', peek()?.at ?? src.length);
  };
  const isOp = (v: string) => {
    const t = peek();
    return t?.t === 'op' && t.v === v;
  };

  const primary = (depth: number): Expr => {
    if (depth > MAX_DEPTH) fail();
    const t = peek();
    if (!t) return fail();
    if (t.t === 'num') {
      pos++;
      return { kind: 'num', value: t.v };
    }
    if (t.t === 'ref') {
      pos++;
      return { kind: 'ref', code: t.v };
    }
    if (t.v === '-') {
      pos++;
      return { kind: 'neg', arg: primary(depth + 1) };
    }
    if (t.v === '+') {
      pos++;
      return primary(depth + 1);
    }
    if (t.v === '(') {
      pos++;
      const e = sum(depth + 1);
      if (!isOp(')')) fail();
      pos++;
      return e;
    }
    return fail();
  };
  const product = (depth: number): Expr => {
    let left = primary(depth);
    while (isOp('*') || isOp('/')) {
      const op = (tokens[pos++] as { v: '*' | '/' }).v;
      left = { kind: 'bin', op, left, right: primary(depth) };
    }
    return left;
  };
  const sum = (depth: number): Expr => {
    let left = product(depth);
    while (isOp('+') || isOp('-')) {
      const op = (tokens[pos++] as { v: '+' | '-' }).v;
      left = { kind: 'bin', op, left, right: product(depth) };
    }
    return left;
  };

  const e = sum(0);
  if (pos !== tokens.length) fail();
  return e;
}

/** The data element codes an expression refers to (distinct, in order of appearance). */
export function referencedCodes(e: Expr): string[] {
  const out = new Set<string>();
  const walk = (x: Expr) => {
    if (x.kind === 'ref') out.add(x.code);
    else if (x.kind === 'neg') walk(x.arg);
    else if (x.kind === 'bin') {
      walk(x.left);
      walk(x.right);
    }
  };
  walk(e);
  return [...out];
}

/** Evaluates with the values of the referenced elements (absent or null = missing). */
export function evaluate(e: Expr, values: ReadonlyMap<string, number | null>): number | null {
  const codes = referencedCodes(e);
  if (codes.length > 0 && codes.every((c) => values.get(c) == null)) return null;
  const ev = (x: Expr): number | null => {
    switch (x.kind) {
      case 'num':
        return x.value;
      case 'ref':
        return values.get(x.code) ?? 0;
      case 'neg': {
        const v = ev(x.arg);
        return v === null ? null : -v;
      }
      case 'bin': {
        const l = ev(x.left);
        const r = ev(x.right);
        if (l === null || r === null) return null;
        if (x.op === '+') return l + r;
        if (x.op === '-') return l - r;
        if (x.op === '*') return l * r;
        return r === 0 ? null : l / r;
      }
    }
  };
  const v = ev(e);
  return v === null || !Number.isFinite(v) ? null : v;
}

/** Compares two sides of a validation rule; null when either side cannot be computed (rule skipped). */
export function compare(left: number | null, op: string, right: number | null): boolean | null {
  if (left === null || right === null) return null;
  const eps = 1e-9 * Math.max(1, Math.abs(left), Math.abs(right));
  switch (op) {
    case '==':
      return Math.abs(left - right) <= eps;
    case '!=':
      return Math.abs(left - right) > eps;
    case '>':
      return left > right + eps;
    case '>=':
      return left >= right - eps;
    case '<':
      return left < right - eps;
    case '<=':
      return left <= right + eps;
    default:
      return null;
  }
}
