/**
 * Whether a model describes a workbook: the evidence that the workbook's own cells name the model's
 * priority areas, funds and organisation. The default model describes one organisation, so it is
 * applied only where a workbook gives this evidence; a model the user chose (a Model sheet, --model)
 * applies because the user chose it.
 *
 * The evidence needed (DESIGN.md "Which model applies"): cells whose whole text names at least
 * EVIDENCE.entries different entries of the model (priority areas, programmes, funding streams, or
 * the organisation itself), at least one of them a priority area. A name counts only when it is
 * distinctive: the organisation's or an entry's full name, or any of their names of three words or
 * more, or an upper-case code of three letters or more (VAWG, LCPF). Short everyday aliases
 * ("Policing", "Young people", "Core") are how the model recognises a name it already expects, not
 * evidence that a workbook is the organisation's. London boroughs are not evidence: every London-wide
 * table names them.
 */
import type { Grid, GridWorkbook } from '../sheet/grid';
import { normaliseName } from './names';
import type { CommissioningModel, NamedEntry } from './types';

export const EVIDENCE = { entries: 3, priorityAreas: 1 } as const;

type EvidenceKind = 'organisation' | 'priority area' | 'programme' | 'funding stream';

/** A name of the model found in the workbook, at the first cell that names it. */
interface NamedInWorkbook {
  readonly kind: EvidenceKind;
  /** The entry's own name (not the alias the cell used). */
  readonly name: string;
  readonly sheet: string;
  readonly cell: { readonly row: number; readonly col: number };
}

export interface ModelEvidence {
  readonly applies: boolean;
  /** The distinct entries named, in the order found (scanning stops once the evidence suffices). */
  readonly named: readonly NamedInWorkbook[];
}

interface Distinctive {
  readonly kind: EvidenceKind;
  readonly key: string;
  readonly name: string;
}

/** Longer cells are sentences or notes: a name is a cell's whole text. */
const MAX_NAME_LENGTH = 120;

export function modelEvidence(workbook: GridWorkbook, model: CommissioningModel, skipSheet: (grid: Grid) => boolean = () => false): ModelEvidence {
  const names = distinctiveNames(model);
  const found = new Map<string, NamedInWorkbook>();
  const judged = new Set<string>();
  for (const grid of workbook.sheets) {
    if (grid.generated || skipSheet(grid)) continue;
    for (const row of grid.rowIndexes()) {
      const cells = grid.row(row);
      for (let col = 0; col < cells.length; col++) {
        const value = cells[col]?.value;
        if (typeof value !== 'string' || value.length > MAX_NAME_LENGTH || judged.has(value)) continue;
        judged.add(value);
        const entry = names.get(normaliseName(value));
        if (!entry || found.has(entry.key)) continue;
        found.set(entry.key, { kind: entry.kind, name: entry.name, sheet: grid.name, cell: { row, col } });
        if (suffices([...found.values()])) return { applies: true, named: [...found.values()] };
      }
    }
  }
  return { applies: false, named: [...found.values()] };
}

function suffices(named: readonly NamedInWorkbook[]): boolean {
  return named.length >= EVIDENCE.entries && named.filter((n) => n.kind === 'priority area').length >= EVIDENCE.priorityAreas;
}

/** Each distinctive name of the model, normalised, to the entry it names. */
function distinctiveNames(model: CommissioningModel): Map<string, Distinctive> {
  const names = new Map<string, Distinctive>();
  const add = (kind: EvidenceKind, key: string, name: string, texts: readonly string[]) => {
    for (const text of texts) {
      const normalised = normaliseName(text);
      if (normalised !== '' && !names.has(normalised)) names.set(normalised, { kind, key, name });
    }
  };
  const organisation = model.organisation;
  if (organisation.name.trim() !== '') {
    add('organisation', 'organisation', organisation.name, [organisation.name, ...[organisation.shortName].filter(isCode)]);
  }
  const entries: [EvidenceKind, readonly NamedEntry[]][] = [
    ['priority area', model.priorityAreas],
    ['programme', model.programmes],
    ['funding stream', model.fundingStreams],
  ];
  for (const [kind, list] of entries) {
    // A programme and the funding stream that pays for it often share a name: one entry of evidence.
    for (const entry of list)
      add(kind, kind === 'priority area' ? `pa:${entry.code}` : `fund:${normaliseName(entry.name)}`, entry.name, distinctiveTexts(entry));
  }
  return names;
}

function distinctiveTexts(entry: NamedEntry): string[] {
  return [entry.name, ...entry.aliases.filter((alias) => wordCount(alias) >= 3 || isCode(alias))];
}

function wordCount(text: string): number {
  return text.trim().split(/\s+/).length;
}

/** VAWG, LCPF, MOPAC: an upper-case code of three letters or more. */
function isCode(text: string): boolean {
  return /^[A-Z]{3,}$/.test(text.trim());
}

/** "A Better Criminal Justice Service (Budget lines!B4)", "London Crime Prevention Fund (LCPF boroughs!A2)". */
export function describeEvidence(named: readonly NamedInWorkbook[], cellName: (n: NamedInWorkbook) => string): string {
  return named.map((n) => `${n.name} (${cellName(n)})`).join(', ');
}
