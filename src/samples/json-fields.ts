/**
 * Reading the sample's data files with clear messages: the JSON is typed loosely by the compiler,
 * so each field is checked once here and a mistake names the file and the field.
 */

type JsonObject = Readonly<Record<string, unknown>>;

export class DataFileError extends Error {
  constructor(where: string, problem: string) {
    super(`${where}: ${problem}`);
    this.name = 'DataFileError';
  }
}

export function asObject(value: unknown, where: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DataFileError(where, 'expected an object');
  }
  return value as JsonObject;
}

export function asArray(value: unknown, where: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new DataFileError(where, 'expected a list');
  return value;
}

export function stringField(obj: JsonObject, key: string, where: string): string {
  const value = obj[key];
  if (typeof value !== 'string') throw new DataFileError(`${where}.${key}`, 'expected text');
  return value;
}

export function optionalStringField(obj: JsonObject, key: string, where: string): string | undefined {
  return obj[key] === undefined ? undefined : stringField(obj, key, where);
}

export function stringList(value: unknown, where: string): readonly string[] {
  return asArray(value, where).map((item, i) => {
    if (typeof item !== 'string') throw new DataFileError(`${where}[${i}]`, 'expected text');
    return item;
  });
}

export function oneOf<T extends string>(obj: JsonObject, key: string, allowed: readonly T[], where: string): T {
  const value = stringField(obj, key, where);
  if (!(allowed as readonly string[]).includes(value)) {
    throw new DataFileError(`${where}.${key}`, `"${value}" is not one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** An ISO date ("2019-04-01") or month ("2021-06") as a UTC Date, which ExcelJS stores as that day. */
export function isoDateField(obj: JsonObject, key: string, where: string): Date {
  const text = stringField(obj, key, where);
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (!match) throw new DataFileError(`${where}.${key}`, `"${text}" is not a date written 2019-04-01 or a month written 2019-04`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3] ?? '1')];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new DataFileError(`${where}.${key}`, `"${text}" is not a real date`);
  }
  return date;
}
