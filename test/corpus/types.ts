/** The shape every corpus generator returns: a workbook and what each of its tables must be read as. */
import type { GridWorkbook } from '../../src/sheet/grid';
import type { ExpectedTable } from '../structure/expected';

export interface CorpusCase {
  /** Unique within a corpus: the layout and seed ("subjective-budget#3"), plus the fault when one was put in. */
  readonly name: string;
  /** The generator that made it (a key of LAYOUTS). */
  readonly layout: string;
  readonly workbook: GridWorkbook;
  readonly tables: readonly ExpectedTable[];
}

/** A layout generator: deterministic for its seed, and the workbook it returns is clean (every total holds). */
export type LayoutGenerator = (seed: number) => CorpusCase;
