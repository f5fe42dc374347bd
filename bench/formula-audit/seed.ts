/**
 * Seeded formula faults: deterministic copies of a real workbook, each with ONE injected fault at a
 * formula cell, written by a small edit of the sheet XML inside the package (everything else byte for
 * byte as published). The cached value of the changed cell is set to what Excel would compute, and the
 * change is carried to the cached values of the sums and differences that depend on it (on any sheet),
 * so the copy reads as a workbook that was recalculated and saved with the fault in it. Dependents that
 * are not plain sums (lookups, IF, products) keep their old cached value; they are listed as `stale`
 * and left out of the scoring of that copy.
 */
import JSZip from 'jszip';
import { mulberry32 } from '../../test/corpus/random';
import { toA1 } from '../../src/sheet/a1';
import { toR1C1 } from '../../src/sheet/formulas/r1c1';
import type { Cell, Grid, GridWorkbook } from '../../src/sheet/grid';
import { linearOf, plainArithmetic, referencesOf, replaceRef, type Linear, type PlacedRef } from './linear';

export const SEED_KINDS = ['range-short', 'ref-shift', 'constant-plug', 'value-plug', 'subtotal-in-total', 'blank-operand'] as const;
export type SeedKind = (typeof SEED_KINDS)[number];

/** The fault kind (annotations.json's vocabulary) each seeding makes. */
export const SEED_FAULT_KIND: Record<SeedKind, string> = {
  'range-short': 'range',
  'ref-shift': 'inconsistent',
  'constant-plug': 'constant',
  'value-plug': 'missing',
  'subtotal-in-total': 'double-count',
  'blank-operand': 'blank-or-text',
};

export interface Seeded {
  readonly kind: SeedKind;
  readonly sheet: string;
  readonly cell: string;
  readonly before: string;
  /** The new formula, or the typed value for value-plug. */
  readonly after: string;
  readonly bytes: Uint8Array;
  /** Cells (sheet!A1) whose cached value could not be recomputed. */
  readonly stale: readonly string[];
}

export function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

interface FormulaCell {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly formula: string;
  readonly value: number | undefined;
  readonly linear: Linear | undefined;
  readonly refs: readonly PlacedRef[];
}

const key = (sheet: string, row: number, col: number): string => `${sheet}!${toA1(row, col)}`;

function numeric(cell: Cell | undefined): number | undefined {
  if (!cell || cell.value === null || cell.value === undefined) return 0;
  if (typeof cell.value === 'number') return cell.value;
  if (typeof cell.value === 'string' && cell.value.trim() === '') return 0;
  return undefined;
}

function isBlank(cell: Cell | undefined): boolean {
  return !cell || (!cell.formula && (cell.value === null || (typeof cell.value === 'string' && cell.value.trim() === '')));
}

/** The workbook's formula cells, parsed once. */
export class FormulaIndex {
  readonly cells: FormulaCell[] = [];
  private readonly grids = new Map<string, Grid>();

  constructor(readonly workbook: GridWorkbook) {
    for (const grid of workbook.sheets) {
      this.grids.set(grid.name, grid);
      for (const r of grid.rowIndexes()) {
        grid.row(r).forEach((cell, c) => {
          if (!cell?.formula) return;
          const value = typeof cell.value === 'number' ? cell.value : undefined;
          this.cells.push({ sheet: grid.name, row: r, col: c, formula: cell.formula, value, linear: linearOf(cell.formula), refs: referencesOf(cell.formula) });
        });
      }
    }
  }

  grid(sheet: string): Grid | undefined {
    return this.grids.get(sheet);
  }

  valueAt(sheet: string, row: number, col: number): number | undefined {
    return numeric(this.grids.get(sheet)?.cell(row, col));
  }

  cellAt(sheet: string, row: number, col: number): Cell | undefined {
    return this.grids.get(sheet)?.cell(row, col);
  }

  /** The value of a sum/difference, or undefined when an operand is text or an error. */
  evaluate(sheet: string, linear: Linear): number | undefined {
    let total = linear.constant;
    for (const t of linear.terms) {
      const s = t.ref.sheet ?? sheet;
      for (let r = t.ref.r1; r <= t.ref.r2; r++)
        for (let c = t.ref.c1; c <= t.ref.c2; c++) {
          const v = this.valueAt(s, r, c);
          if (v === undefined) {
            if (t.ref.isRange) continue; // SUM skips text
            return undefined;
          }
          total += t.coef * v;
        }
    }
    return total;
  }

  /** How many times a sum/difference counts one cell. */
  coefficient(ownSheet: string, linear: Linear, sheet: string, row: number, col: number): number {
    let k = 0;
    for (const t of linear.terms)
      if ((t.ref.sheet ?? ownSheet) === sheet && t.ref.r1 <= row && row <= t.ref.r2 && t.ref.c1 <= col && col <= t.ref.c2) k += t.coef;
    return k;
  }

  /** Formula cells that name this cell, directly or through a range (sheet-qualified or not). */
  dependents(sheet: string, row: number, col: number): FormulaCell[] {
    return this.cells.filter((f) => f.refs.some((ref) => (ref.sheet ?? f.sheet) === sheet && ref.r1 <= row && row <= ref.r2 && ref.c1 <= col && col <= ref.c2));
  }
}

interface Mutation {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  /** New formula text, or undefined for a typed value. */
  readonly formula: string | undefined;
  readonly value: number;
  readonly delta: number;
}

/** Candidate mutations of one kind, in sheet order; the caller draws from them. */
export function candidates(index: FormulaIndex, kind: SeedKind, sheets: ReadonlySet<string>): Mutation[] {
  const out: Mutation[] = [];
  for (const f of index.cells) {
    if (!sheets.has(f.sheet) || f.value === undefined) continue;
    const m = mutate(index, kind, f);
    if (m && Number.isFinite(m.delta) && m.delta !== 0) out.push(m);
  }
  return out;
}

function sameShapeNeighbour(index: FormulaIndex, f: FormulaCell): boolean {
  const shape = toR1C1(f.formula, f.row, f.col);
  if (shape === undefined) return false;
  for (const [dr, dc] of [
    [-1, 0],
    [1, 0],
    [0, -1],
    [0, 1],
  ]) {
    const n = index.cellAt(f.sheet, f.row + dr, f.col + dc);
    if (n?.formula && toR1C1(n.formula, f.row + dr, f.col + dc) === shape) return true;
  }
  return false;
}

function formulaNeighbour(index: FormulaIndex, f: FormulaCell): boolean {
  return [
    [-1, 0],
    [1, 0],
    [0, -1],
    [0, 1],
  ].some(([dr, dc]) => index.cellAt(f.sheet, f.row + dr, f.col + dc)?.formula !== undefined);
}

function sameSheetTerms(f: FormulaCell): { coef: number; ref: PlacedRef }[] {
  return (f.linear?.terms ?? []).filter((t) => t.ref.sheet === undefined || t.ref.sheet === f.sheet);
}

const CONSTANTS = [40, 250, 1200];

/** A total-like formula: a sum or difference of cells, or a SUM/SUMIF/SUBTOTAL over ranges (not a lookup, a rate, a counter). */
function aggregate(f: FormulaCell): boolean {
  if (f.linear) return f.linear.terms.some((t) => t.ref.isRange) || f.linear.terms.length >= 2;
  return /^\s*(SUM|SUMIF|SUMIFS|SUBTOTAL)\(/i.test(f.formula);
}

function mutate(index: FormulaIndex, kind: SeedKind, f: FormulaCell): Mutation | undefined {
  const at = { sheet: f.sheet, row: f.row, col: f.col };
  const v = f.value as number;
  switch (kind) {
    case 'range-short': {
      // SUM over a line of at least three cells loses its last one.
      const t = sameSheetTerms(f).find(
        (x) => x.ref.isRange && (x.ref.c1 === x.ref.c2 ? x.ref.r2 - x.ref.r1 >= 2 : x.ref.r1 === x.ref.r2 && x.ref.c2 - x.ref.c1 >= 2),
      );
      if (!t) return undefined;
      const vertical = t.ref.c1 === t.ref.c2;
      const dropped = vertical ? index.valueAt(f.sheet, t.ref.r2, t.ref.c1) : index.valueAt(f.sheet, t.ref.r1, t.ref.c2);
      if (dropped === undefined) return undefined;
      const shorter = vertical ? { ...t.ref, r2: t.ref.r2 - 1 } : { ...t.ref, c2: t.ref.c2 - 1 };
      return { ...at, formula: replaceRef(f.formula, t.ref, shorter), value: v - t.coef * dropped, delta: -t.coef * dropped };
    }
    case 'ref-shift': {
      // One reference of a formula that matches its neighbours moves one row down.
      if (!f.linear || !aggregate(f) || !sameShapeNeighbour(index, f)) return undefined;
      const t = sameSheetTerms(f)[0];
      if (!t) return undefined;
      const moved = { ...t.ref, r1: t.ref.r1 + 1, r2: t.ref.r2 + 1 };
      const formula = replaceRef(f.formula, t.ref, moved);
      const linear = linearOf(formula);
      const value = linear && index.evaluate(f.sheet, linear);
      return value === undefined ? undefined : { ...at, formula, value, delta: value - v };
    }
    case 'constant-plug': {
      if (!aggregate(f) || !plainArithmetic(f.formula)) return undefined;
      const k = CONSTANTS[hash(key(f.sheet, f.row, f.col)) % CONSTANTS.length];
      return { ...at, formula: `${f.formula}+${k}`, value: v + k, delta: k };
    }
    case 'value-plug': {
      // The formula is typed over with its value, slightly changed, among formulas.
      if (!aggregate(f) || !formulaNeighbour(index, f)) return undefined;
      const change = Math.abs(v) >= 1000 ? Math.round(Math.abs(v) * 0.01) : CONSTANTS[hash(key(f.sheet, f.row, f.col)) % CONSTANTS.length];
      return { ...at, formula: undefined, value: v + change, delta: change };
    }
    case 'subtotal-in-total': {
      // A subtotal whose lines the total already counts is added to the total as well.
      if (!f.linear) return undefined;
      const linear = f.linear;
      const subtotals = index.cells.filter(
        (s) =>
          s.sheet === f.sheet &&
          s !== f &&
          s.linear &&
          s.value !== undefined &&
          s.value !== 0 &&
          (s.col === f.col || s.row === f.row) &&
          index.coefficient(f.sheet, linear, s.sheet, s.row, s.col) === 0 &&
          sameSheetTerms(s).length === s.linear.terms.length &&
          s.linear.terms.every((t) => {
            for (let r = t.ref.r1; r <= t.ref.r2; r++)
              for (let c = t.ref.c1; c <= t.ref.c2; c++) if (index.coefficient(f.sheet, linear, s.sheet, r, c) !== t.coef) return false;
            return true;
          }),
      );
      const s = subtotals[0];
      if (!s) return undefined;
      // Next to a single SUM range, the range is stretched over it; otherwise it is added on.
      const only = f.linear.terms.length === 1 ? f.linear.terms[0].ref : undefined;
      let formula = `${f.formula}+${toA1(s.row, s.col)}`;
      if (only?.isRange && only.sheet === undefined && only.c1 === only.c2 && s.col === only.c1 && (s.row === only.r1 - 1 || s.row === only.r2 + 1))
        formula = replaceRef(f.formula, only, { ...only, r1: Math.min(only.r1, s.row), r2: Math.max(only.r2, s.row) });
      return { ...at, formula, value: v + (s.value as number), delta: s.value as number };
    }
    case 'blank-operand': {
      // One cell operand is pointed at the nearest empty cell of its column.
      if (!aggregate(f)) return undefined;
      const t = sameSheetTerms(f).find((x) => !x.ref.isRange && (index.valueAt(f.sheet, x.ref.r1, x.ref.c1) ?? 0) !== 0);
      if (!t) return undefined;
      const grid = index.grid(f.sheet);
      if (!grid) return undefined;
      for (let d = 1; d <= 15; d++)
        for (const r of [t.ref.r1 + d, t.ref.r1 - d]) {
          if (r < 0 || (r === f.row && t.ref.c1 === f.col) || !isBlank(grid.cell(r, t.ref.c1))) continue;
          if (r >= grid.rowCount) continue;
          const formula = replaceRef(f.formula, t.ref, { ...t.ref, r1: r, r2: r });
          const old = index.valueAt(f.sheet, t.ref.r1, t.ref.c1) as number;
          return { ...at, formula, value: v - t.coef * old, delta: -t.coef * old };
        }
      return undefined;
    }
  }
}

/** Carries a change of one cell through the sums and differences that depend on it. */
function propagate(index: FormulaIndex, m: Mutation): { deltas: Map<string, { sheet: string; row: number; col: number; delta: number }>; stale: Set<string> } {
  const deltas = new Map<string, { sheet: string; row: number; col: number; delta: number }>();
  const stale = new Set<string>();
  const origin = key(m.sheet, m.row, m.col);
  const queue: { sheet: string; row: number; col: number; delta: number }[] = [{ sheet: m.sheet, row: m.row, col: m.col, delta: m.delta }];
  let steps = 0;
  while (queue.length > 0 && steps++ < 20_000) {
    const item = queue.shift()!;
    for (const d of index.dependents(item.sheet, item.row, item.col)) {
      const k = key(d.sheet, d.row, d.col);
      if (k === origin) continue;
      const coef = d.linear ? index.coefficient(d.sheet, d.linear, item.sheet, item.row, item.col) : NaN;
      if (!d.linear || d.value === undefined || !Number.isFinite(coef)) {
        stale.add(k);
        continue;
      }
      if (coef === 0) continue;
      const change = coef * item.delta;
      const prev = deltas.get(k);
      deltas.set(k, { sheet: d.sheet, row: d.row, col: d.col, delta: (prev?.delta ?? 0) + change });
      queue.push({ sheet: d.sheet, row: d.row, col: d.col, delta: change });
    }
  }
  return { deltas, stale };
}

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function cellPattern(address: string): RegExp {
  return new RegExp(String.raw`<c\b(?=[^>]*\br="${address}")([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)`);
}

async function sheetPaths(zip: JSZip): Promise<Map<string, string>> {
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  const unescape = (s: string): string =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    if (name !== undefined && id && targets.has(id)) out.set(unescape(name), targets.get(id)!);
  }
  return out;
}

const num = (n: number): string => String(Number(n.toPrecision(15)));

/** Writes one mutated copy; undefined when the cell cannot be edited safely (a shared-formula master, an array). */
export async function writeMutation(bytes: Uint8Array, index: FormulaIndex, kind: SeedKind, m: Mutation): Promise<Seeded | undefined> {
  const zip = await JSZip.loadAsync(bytes);
  const paths = await sheetPaths(zip);
  const { deltas, stale } = propagate(index, m);
  const bySheet = new Map<string, { address: string; edit: (attrs: string, inner: string | undefined) => string | undefined }[]>();
  const add = (sheet: string, address: string, edit: (attrs: string, inner: string | undefined) => string | undefined): void => {
    bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), { address, edit }]);
  };
  const address = toA1(m.row, m.col);
  add(m.sheet, address, (attrs, inner) => {
    if (/<f\b[^>]*\b(ref|t="array")/.test(inner ?? '')) return undefined; // a shared master or an array formula
    const style = /\bs="\d+"/.exec(attrs)?.[0];
    const open = `<c r="${address}"${style ? ` ${style}` : ''}>`;
    return m.formula === undefined ? `${open}<v>${num(m.value)}</v></c>` : `${open}<f>${xmlEscape(m.formula)}</f><v>${num(m.value)}</v></c>`;
  });
  for (const d of deltas.values()) {
    const before = index.valueAt(d.sheet, d.row, d.col) ?? 0;
    add(d.sheet, toA1(d.row, d.col), (attrs, inner) => {
      if (inner === undefined || /\bt="(?!n")/.test(attrs) || !/<v>/.test(inner)) return undefined;
      return `<c${attrs}>${inner.replace(/<v>[^<]*<\/v>/, `<v>${num(before + d.delta)}</v>`)}</c>`;
    });
  }
  for (const [sheet, edits] of bySheet) {
    const part = paths.get(sheet);
    const file = part && zip.file(part);
    if (!file) return undefined;
    let xml = await file.async('string');
    for (const e of edits) {
      const match = cellPattern(e.address).exec(xml);
      if (!match) {
        if (e.address === address && sheet === m.sheet) return undefined;
        stale.add(`${sheet}!${e.address}`);
        continue;
      }
      const replacement = e.edit(match[1], match[2]);
      if (replacement === undefined) {
        if (e.address === address && sheet === m.sheet) return undefined;
        stale.add(`${sheet}!${e.address}`);
        continue;
      }
      xml = xml.slice(0, match.index) + replacement + xml.slice(match.index + match[0].length);
    }
    zip.file(part, xml);
  }
  // The calculation chain names formula cells; one that lost its formula would make Excel repair the file.
  if (zip.file('xl/calcChain.xml')) {
    zip.remove('xl/calcChain.xml');
    const relsPath = 'xl/_rels/workbook.xml.rels';
    zip.file(relsPath, (await zip.file(relsPath)!.async('string')).replace(/<Relationship\b[^>]*calcChain[^>]*\/>/g, ''));
    zip.file('[Content_Types].xml', (await zip.file('[Content_Types].xml')!.async('string')).replace(/<Override\b[^>]*calcChain[^>]*\/>/g, ''));
  }
  const out = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  const original = index.cellAt(m.sheet, m.row, m.col);
  return {
    kind,
    sheet: m.sheet,
    cell: address,
    before: `=${original?.formula ?? ''}`,
    after: m.formula === undefined ? num(m.value) : `=${m.formula}`,
    bytes: out,
    stale: [...stale].filter((s) => s !== `${m.sheet}!${address}`),
  };
}

/** Draws up to `count` mutations of one kind for a workbook, the same ones on every run. */
export async function seed(
  bytes: Uint8Array,
  index: FormulaIndex,
  file: string,
  kind: SeedKind,
  sheets: ReadonlySet<string>,
  count: number,
  baseSeed: number,
): Promise<Seeded[]> {
  const pool = candidates(index, kind, sheets);
  const random = mulberry32(baseSeed ^ hash(`${file}|${kind}`));
  // Fisher-Yates with the seeded generator, then the first that can be written.
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  const out: Seeded[] = [];
  const used = new Set<string>();
  for (const m of pool) {
    if (out.length >= count) break;
    const k = key(m.sheet, m.row, m.col);
    if (used.has(k)) continue;
    const s = await writeMutation(bytes, index, kind, m);
    if (s) {
      out.push(s);
      used.add(k);
    }
  }
  return out;
}
