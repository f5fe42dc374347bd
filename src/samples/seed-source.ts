import type { SourceNote } from '../model/types';
import { asArray, asObject, DataFileError, optionalStringField, stringField } from './json-fields';

export function readSource(value: unknown, where: string): SourceNote {
  const obj = asObject(value, where);
  const quote = optionalStringField(obj, 'quote', where);
  return {
    document: stringField(obj, 'document', where),
    locator: stringField(obj, 'locator', where),
    ...(quote === undefined ? {} : { quote }),
  };
}

export function readSources(value: unknown, where: string): readonly SourceNote[] {
  const sources = asArray(value, where).map((item, i) => readSource(item, `${where}[${i}]`));
  if (sources.length === 0) throw new DataFileError(where, 'every table needs at least one source');
  return sources;
}

/** "Source (LCPF 2019/20): seed 000_5be5cdee322bf63c.txt, Appendix 1, slide 'London Crime Prevention Fund', ...". */
export function sourceLine(source: SourceNote, subject?: string): string {
  const about = subject === undefined ? '' : ` (${subject})`;
  return `Source${about}: seed ${source.document}, ${source.locator}.`;
}
