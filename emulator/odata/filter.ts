// The OData $filter subset Graph accepts on list items and messages:
// eq ne lt gt le ge, and/or/not, parentheses, startswith/endswith/contains, `x/any(c:c eq 'v')`,
// string literals with doubled quotes, numbers, booleans, null and unquoted ISO date-times.
import { GraphHttpError } from '../errors';

export type CompareOp = 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge';
export type FuncName = 'startswith' | 'endswith' | 'contains';

export type Literal =
  | { type: 'literal'; kind: 'string'; value: string }
  | { type: 'literal'; kind: 'number'; value: number }
  | { type: 'literal'; kind: 'boolean'; value: boolean }
  | { type: 'literal'; kind: 'null'; value: null }
  | { type: 'literal'; kind: 'datetime'; value: string };

export interface PathOperand {
  type: 'path';
  path: string[];
}

export type Operand = Literal | PathOperand;

export type FilterExpr =
  | { type: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { type: 'not'; expr: FilterExpr }
  | { type: 'cmp'; op: CompareOp; left: Operand; right: Operand }
  | { type: 'func'; name: FuncName; args: [Operand, Operand] }
  | { type: 'any'; path: string[]; variable: string; body: FilterExpr };

export class FilterSyntaxError extends Error {}

type Token =
  | { t: 'str'; v: string; pos: number }
  | { t: 'word'; v: string; pos: number }
  | { t: 'punct'; v: '(' | ')' | ',' | ':'; pos: number };

const COMPARE_OPS = new Set<string>(['eq', 'ne', 'lt', 'gt', 'le', 'ge']);
const FUNCS = new Set<string>(['startswith', 'endswith', 'contains']);
const WORD_CHAR = /[A-Za-z0-9_./@$\-:+]/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      const start = i;
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new FilterSyntaxError(`Unterminated string literal at position ${start}`);
        const d = text[i] as string;
        if (d === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += d;
        i++;
      }
      tokens.push({ t: 'str', v: value, pos: start });
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ t: 'punct', v: c, pos: i });
      i++;
    } else if (c === ':' && !/[0-9]/.test(text[i - 1] ?? '')) {
      // A lambda separator (`c:c eq 'x'`); colons inside date-times stay in their word.
      tokens.push({ t: 'punct', v: ':', pos: i });
      i++;
    } else if (WORD_CHAR.test(c)) {
      const start = i;
      // A word never starts with ':'; inside a lambda header `c:c` the colon follows a letter.
      while (i < text.length && WORD_CHAR.test(text[i] as string)) {
        if (text[i] === ':' && !/[0-9]/.test(text[i - 1] ?? '')) break;
        i++;
      }
      tokens.push({ t: 'word', v: text.slice(start, i), pos: start });
    } else {
      throw new FilterSyntaxError(`Unexpected character '${c}' at position ${i}`);
    }
  }
  return tokens;
}

const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const IDENT = /^[A-Za-z_$@][A-Za-z0-9_.$@]*$/;

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly text: string,
  ) {}

  parse(): FilterExpr {
    if (this.tokens.length === 0) throw new FilterSyntaxError('Empty filter clause');
    const expr = this.or();
    const rest = this.peek();
    if (rest) throw new FilterSyntaxError(`Unexpected '${rest.v}' at position ${rest.pos}`);
    return expr;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private next(what: string): Token {
    const tok = this.tokens[this.i++];
    if (!tok) throw new FilterSyntaxError(`Expected ${what} at the end of '${this.text}'`);
    return tok;
  }

  private isWord(v: string): boolean {
    const tok = this.peek();
    return tok?.t === 'word' && tok.v.toLowerCase() === v;
  }

  private expectPunct(v: string): void {
    const tok = this.next(`'${v}'`);
    if (tok.t !== 'punct' || tok.v !== v)
      throw new FilterSyntaxError(`Expected '${v}' at position ${tok.pos}`);
  }

  private or(): FilterExpr {
    let left = this.and();
    while (this.isWord('or')) {
      this.i++;
      left = { type: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): FilterExpr {
    let left = this.unary();
    while (this.isWord('and')) {
      this.i++;
      left = { type: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterExpr {
    if (this.isWord('not')) {
      this.i++;
      return { type: 'not', expr: this.unary() };
    }
    return this.primary();
  }

  private primary(): FilterExpr {
    const tok = this.peek();
    if (tok?.t === 'punct' && tok.v === '(') {
      this.i++;
      const inner = this.or();
      this.expectPunct(')');
      return inner;
    }
    if (tok?.t === 'word') {
      const lower = tok.v.toLowerCase();
      const after = this.tokens[this.i + 1];
      if (FUNCS.has(lower) && after?.t === 'punct' && after.v === '(') {
        this.i += 2;
        const a = this.operand();
        this.expectPunct(',');
        const b = this.operand();
        this.expectPunct(')');
        return { type: 'func', name: lower as FuncName, args: [a, b] };
      }
      if (/\/any$/i.test(tok.v) && after?.t === 'punct' && after.v === '(') {
        this.i += 2;
        const variable = this.next('lambda variable');
        if (variable.t !== 'word' || !IDENT.test(variable.v))
          throw new FilterSyntaxError(`Expected a lambda variable at position ${variable.pos}`);
        this.expectPunct(':');
        const body = this.or();
        this.expectPunct(')');
        return { type: 'any', path: splitPath(tok.v.slice(0, -4)), variable: variable.v, body };
      }
    }
    const left = this.operand();
    const opTok = this.next('a comparison operator');
    const op = opTok.v.toLowerCase();
    if (opTok.t !== 'word' || !COMPARE_OPS.has(op))
      throw new FilterSyntaxError(
        `Expected a comparison operator at position ${opTok.pos}, found '${opTok.v}'`,
      );
    const right = this.operand();
    return { type: 'cmp', op: op as CompareOp, left, right };
  }

  private operand(): Operand {
    const tok = this.next('a value or property');
    if (tok.t === 'str') return { type: 'literal', kind: 'string', value: tok.v };
    if (tok.t !== 'word') throw new FilterSyntaxError(`Unexpected '${tok.v}' at position ${tok.pos}`);
    const lower = tok.v.toLowerCase();
    if (lower === 'true' || lower === 'false')
      return { type: 'literal', kind: 'boolean', value: lower === 'true' };
    if (lower === 'null') return { type: 'literal', kind: 'null', value: null };
    if (NUMBER.test(tok.v)) return { type: 'literal', kind: 'number', value: Number(tok.v) };
    if (DATETIME.test(tok.v)) return { type: 'literal', kind: 'datetime', value: tok.v };
    const path = splitPath(tok.v);
    if (path.length === 0 || !path.every((p) => IDENT.test(p)))
      throw new FilterSyntaxError(`'${tok.v}' at position ${tok.pos} is not a property or a value`);
    return { type: 'path', path };
  }
}

function splitPath(text: string): string[] {
  return text.split('/').filter((p) => p.length > 0);
}

export function parseFilter(text: string): FilterExpr {
  return new Parser(tokenize(text), text).parse();
}

/** The paths an expression reads (lambda bodies relative to their variable are left out). */
export function filterPaths(expr: FilterExpr): string[][] {
  const out: string[][] = [];
  const visitOperand = (o: Operand): void => {
    if (o.type === 'path') out.push(o.path);
  };
  const visit = (e: FilterExpr): void => {
    switch (e.type) {
      case 'and':
      case 'or':
        visit(e.left);
        visit(e.right);
        break;
      case 'not':
        visit(e.expr);
        break;
      case 'cmp':
        visitOperand(e.left);
        visitOperand(e.right);
        break;
      case 'func':
        e.args.forEach(visitOperand);
        break;
      case 'any':
        out.push(e.path);
        break;
    }
  };
  visit(expr);
  return out;
}

// ---------- printing (used by property tests and for building filters in tests) ----------

export function quoteString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function printOperand(o: Operand): string {
  if (o.type === 'path') return o.path.join('/');
  switch (o.kind) {
    case 'string':
      return quoteString(o.value);
    case 'null':
      return 'null';
    case 'datetime':
      return o.value;
    default:
      return String(o.value);
  }
}

export function printFilter(e: FilterExpr): string {
  switch (e.type) {
    case 'and':
    case 'or':
      return `(${printFilter(e.left)} ${e.type} ${printFilter(e.right)})`;
    case 'not':
      return `not (${printFilter(e.expr)})`;
    case 'cmp':
      return `${printOperand(e.left)} ${e.op} ${printOperand(e.right)}`;
    case 'func':
      return `${e.name}(${printOperand(e.args[0])},${printOperand(e.args[1])})`;
    case 'any':
      return `${e.path.join('/')}/any(${e.variable}:${printFilter(e.body)})`;
  }
}

// ---------- evaluation ----------

/** Resolves a path to a value; `typeOf` says how a path's values compare (dates by instant). */
export interface FilterScope {
  get(path: string[]): unknown;
  isDate?(path: string[]): boolean;
}

type Scalar = string | number | boolean | null;

function toScalar(v: unknown): Scalar {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

function literalValue(o: Literal): Scalar {
  return o.value;
}

function compareScalars(a: Scalar, b: Scalar, asDate: boolean): number | null {
  if (a === null || b === null) return a === b ? 0 : null;
  if (asDate || (typeof a === 'string' && typeof b === 'string' && DATETIME.test(a) && DATETIME.test(b))) {
    const ta = Date.parse(String(a));
    const tb = Date.parse(String(b));
    if (!Number.isNaN(ta) && !Number.isNaN(tb)) return ta - tb;
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const sa = fold(String(a));
  const sb = fold(String(b));
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

const NON_ASCII = /[^ -~\t\n\r]/;

/** SharePoint and Exchange compare text case-insensitively; NFC only matters beyond ASCII. */
function fold(s: string): string {
  return NON_ASCII.test(s) ? s.normalize('NFC').toLowerCase() : s.toLowerCase();
}

function applyOp(op: CompareOp, cmp: number | null): boolean {
  if (cmp === null) return op === 'ne';
  switch (op) {
    case 'eq':
      return cmp === 0;
    case 'ne':
      return cmp !== 0;
    case 'lt':
      return cmp < 0;
    case 'gt':
      return cmp > 0;
    case 'le':
      return cmp <= 0;
    case 'ge':
      return cmp >= 0;
  }
}

const resolveOperand = (o: Operand, scope: FilterScope): unknown =>
  o.type === 'path' ? scope.get(o.path) : literalValue(o);

const operandIsDate = (o: Operand, scope: FilterScope): boolean =>
  o.type === 'path' ? (scope.isDate?.(o.path) ?? false) : o.kind === 'datetime';

/** Evaluates without allocating per call, so scanning a large list stays cheap. */
export function evaluateFilter(expr: FilterExpr, scope: FilterScope): boolean {
  switch (expr.type) {
    case 'and':
      return evaluateFilter(expr.left, scope) && evaluateFilter(expr.right, scope);
    case 'or':
      return evaluateFilter(expr.left, scope) || evaluateFilter(expr.right, scope);
    case 'not':
      return !evaluateFilter(expr.expr, scope);
    case 'cmp': {
      const left = resolveOperand(expr.left, scope);
      const right = toScalar(resolveOperand(expr.right, scope));
      const asDate = operandIsDate(expr.left, scope) || operandIsDate(expr.right, scope);
      // A multi-value field equals a value when one of its values does (SharePoint multi-choice).
      if (Array.isArray(left)) {
        const hits = left.some((v) => compareScalars(toScalar(v), right, asDate) === 0);
        if (expr.op === 'eq') return hits;
        if (expr.op === 'ne') return !hits;
        return left.some((v) => applyOp(expr.op, compareScalars(toScalar(v), right, asDate)));
      }
      return applyOp(expr.op, compareScalars(toScalar(left), right, asDate));
    }
    case 'func': {
      const a = toScalar(resolveOperand(expr.args[0], scope));
      const b = toScalar(resolveOperand(expr.args[1], scope));
      if (a === null || b === null) return false;
      const sa = fold(String(a));
      const sb = fold(String(b));
      if (expr.name === 'startswith') return sa.startsWith(sb);
      if (expr.name === 'endswith') return sa.endsWith(sb);
      return sa.includes(sb);
    }
    case 'any': {
      const collection = scope.get(expr.path);
      if (!Array.isArray(collection)) return false;
      return collection.some((element) =>
        evaluateFilter(expr.body, {
          get: (path) => {
            if (path[0] !== expr.variable) return scope.get(path);
            let v: unknown = element;
            for (const p of path.slice(1)) v = (v as Record<string, unknown> | null)?.[p];
            return v;
          },
        }),
      );
    }
  }
}

/** Parses a request's $filter, answering a syntax error as Graph does (400 with `code`). */
export function parseRequestFilter(text: string, code: string): FilterExpr {
  try {
    return parseFilter(text);
  } catch (e) {
    if (e instanceof FilterSyntaxError)
      throw new GraphHttpError(400, code, `Invalid filter clause: ${e.message}`);
    throw e;
  }
}
