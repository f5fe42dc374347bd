/** The model as a JSON file: load (with line and column for bad JSON), save (stable), and the shipped default. */
import type { CommissioningModel } from './types';
import { ModelError, validateModel } from './validate';
import defaultModelData from './default-model.json';

/** Parses and validates a model file. Bad JSON or a bad model throws ModelError; `path` starts the message. */
export function loadModelJson(text: string, path?: string): CommissioningModel {
  const where = path ?? 'model JSON';
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') throw new ModelError([`${where}: the file is empty (expected a JSON model)`]);
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    throw new ModelError([`${where}: ${describeJsonError(body, error)}`]);
  }
  return validateModel(data, where);
}

/** The model as JSON: keys in the canonical order, 2-space indent, one trailing newline. Validates first. */
export function saveModelJson(model: CommissioningModel): string {
  return `${JSON.stringify(validateModel(model), null, 2)}\n`;
}

let shipped: CommissioningModel | undefined;

/** The default model built from the seed documents: validated once, frozen, the same object every call. */
export function defaultModel(): CommissioningModel {
  if (!shipped) shipped = deepFreeze(validateModel(defaultModelData, 'default-model.json'));
  return shipped;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** "not valid JSON at line 3, column 5: expected ',' or '}'"; never the parser's stack or a copy of the text. */
export function describeJsonError(text: string, error: unknown): string {
  const found = locateJsonError(text);
  if (found) {
    const { line, column } = lineAndColumn(text, found.offset);
    return `not valid JSON at line ${line}, column ${column}: ${found.reason}`;
  }
  // The scanner agrees the text is JSON, so trust the parser's own words, minus any quoted copy of the input.
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  const reason = message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
  if (position) {
    const { line, column } = lineAndColumn(text, Number(position[1]));
    return `not valid JSON at line ${line}, column ${column}: ${reason}`;
  }
  return `not valid JSON: ${reason}`;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class JsonSyntaxProblem extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'JsonSyntaxProblem';
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Finds the first syntax error in JSON text, because JSON.parse reports no position for some errors
 * ("Unexpected token '}'"). Returns undefined when the text is valid JSON.
 */
export function locateJsonError(text: string): { offset: number; reason: string } | undefined {
  const scanner = new JsonScanner(text);
  try {
    scanner.document();
    return undefined;
  } catch (problem) {
    if (problem instanceof JsonSyntaxProblem) return { offset: problem.offset, reason: problem.reason };
    throw problem;
  }
}

/** Walks JSON text once, throwing JsonSyntaxProblem at the first place it stops being JSON. */
class JsonScanner {
  private i = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.value();
    this.skipSpace();
    if (this.i < this.text.length) this.fail(`unexpected ${JSON.stringify(this.text[this.i])} after the end of the JSON value`);
  }

  private fail(reason: string): never {
    throw new JsonSyntaxProblem(this.i, reason);
  }

  private unexpected(expected: string): never {
    const { text, i } = this;
    return this.fail(i >= text.length ? `the text ends where ${expected} should be` : `found ${JSON.stringify(text[i])} where ${expected} should be`);
  }

  private skipSpace(): void {
    const text = this.text;
    while (this.i < text.length && (text[this.i] === ' ' || text[this.i] === '\t' || text[this.i] === '\n' || text[this.i] === '\r')) this.i++;
  }

  private value(): void {
    this.skipSpace();
    const ch = this.text[this.i];
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    if (ch === '"') return this.string();
    for (const literal of ['true', 'false', 'null']) {
      if (this.text.startsWith(literal, this.i)) {
        this.i += literal.length;
        return;
      }
    }
    NUMBER.lastIndex = this.i;
    const number = NUMBER.exec(this.text);
    if (number && number[0] !== '-') {
      this.i += number[0].length;
      return;
    }
    this.unexpected('a value');
  }

  private object(): void {
    this.i++;
    this.skipSpace();
    if (this.text[this.i] === '}') {
      this.i++;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.i] !== '"') this.unexpected('a property name in double quotes');
      this.string();
      this.skipSpace();
      if (this.text[this.i] !== ':') this.unexpected("':'");
      this.i++;
      this.value();
      if (this.endOfItem('}')) return;
    }
  }

  private array(): void {
    this.i++;
    this.skipSpace();
    if (this.text[this.i] === ']') {
      this.i++;
      return;
    }
    for (;;) {
      this.value();
      if (this.endOfItem(']')) return;
    }
  }

  /** After an item of an object or array: true at its closing bracket, false after a comma. */
  private endOfItem(close: '}' | ']'): boolean {
    this.skipSpace();
    const ch = this.text[this.i];
    if (ch === ',' || ch === close) {
      this.i++;
      return ch === close;
    }
    return this.unexpected(`',' or '${close}'`);
  }

  private string(): void {
    const text = this.text;
    this.i++; // opening quote
    for (;;) {
      if (this.i >= text.length) this.fail('a string is not closed (missing ")');
      const ch = text[this.i];
      if (ch === '"') {
        this.i++;
        return;
      }
      if (ch === '\\') {
        this.escape();
        continue;
      }
      if (ch < ' ') this.fail('a string holds a line break or control character (write \\n instead)');
      this.i++;
    }
  }

  private escape(): void {
    const next = this.text[this.i + 1];
    if (next === 'u') {
      if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6))) this.fail('\\u must be followed by four hex digits');
      this.i += 6;
    } else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
      this.i += 2;
    } else {
      this.fail(`"\\${next ?? ''}" is not a JSON escape (write \\\\ for a backslash)`);
    }
  }
}
