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

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
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

class JsonSyntaxProblem {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Finds the first syntax error in JSON text, because JSON.parse reports no position for some errors
 * ("Unexpected token '}'"). Returns undefined when the text is valid JSON.
 */
export function locateJsonError(text: string): { offset: number; reason: string } | undefined {
  let i = 0;
  const fail = (reason: string): never => {
    throw new JsonSyntaxProblem(i, reason);
  };
  const unexpected = (expected: string): never =>
    fail(i >= text.length ? `the text ends where ${expected} should be` : `found ${JSON.stringify(text[i])} where ${expected} should be`);
  const skipSpace = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = (): void => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail('a string is not closed (missing ")');
      const ch = text[i];
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\\') {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('\\u must be followed by four hex digits');
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
          i += 2;
        } else {
          fail(`"\\${next ?? ''}" is not a JSON escape (write \\\\ for a backslash)`);
        }
        continue;
      }
      if (ch < ' ') fail('a string holds a line break or control character (write \\n instead)');
      i++;
    }
  };
  const value = (): void => {
    skipSpace();
    const ch = text[i];
    if (ch === '{') {
      i++;
      skipSpace();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        skipSpace();
        if (text[i] !== '"') unexpected('a property name in double quotes');
        string();
        skipSpace();
        if (text[i] !== ':') unexpected("':'");
        i++;
        value();
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        unexpected("',' or '}'");
      }
    }
    if (ch === '[') {
      i++;
      skipSpace();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        unexpected("',' or ']'");
      }
    }
    if (ch === '"') return string();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number && number[0] !== '-') {
      i += number[0].length;
      return;
    }
    unexpected('a value');
  };
  try {
    value();
    skipSpace();
    if (i < text.length) fail(`unexpected ${JSON.stringify(text[i])} after the end of the JSON value`);
    return undefined;
  } catch (problem) {
    if (problem instanceof JsonSyntaxProblem) return { offset: problem.offset, reason: problem.reason };
    throw problem;
  }
}
