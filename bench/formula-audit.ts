/**
 * Formula audit, scored: cell-level precision and recall of the checker on formula faults in public
 * (Open Government Licence) workbooks: the faults found in them by hand (natural, from
 * bench/formula-audit/annotations.json) and faults seeded into copies of them, one per copy (seed.ts).
 * Prints one JSON line.
 *
 * A cell is FLAGGED when the checker reports a finding of severity error or warning at it from one of
 * FLAG_RULES: the formula-* rules and the two arithmetic rules that find a formula fault by its effect
 * (a total or a variance that does not add up). Info findings, and the rules about names, registers
 * and dates, are not claims that a formula is wrong. Only sheets an annotation marks as reviewed are
 * scored; there every formula cell not annotated is taken as clean, and any flagged cell that is not a
 * fault (natural or seeded) counts against precision. `ignore` cells (a typed figure that disagrees
 * with its parts, which is not a formula fault) count either way for nothing.
 *
 * Seeded copies are scored against their original: a seeded fault is found when its cell is flagged in
 * the copy; a cell flagged in the copy but not in the original (and not a fault) is a false positive the
 * fault caused (`fpNearSeed` counts those on the seed's row or column within ten cells, typically the
 * fault seen at the total it upsets). The original's own flags are counted once, with the natural
 * faults, not once per copy.
 *
 *   node bench/.build/bench/formula-audit.js [--copies N (default 5)] [--seed S] [--keep] [--verbose]
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { inflateRawSync } from 'zlib';
import { chooseModel } from '../src/app/model-in-effect';
import { checkWorkbook } from '../src/checks/runner';
import { RULE_IDS, type Finding } from '../src/checks/finding';
import { parseA1, parseRange, toA1 } from '../src/sheet/a1';
import type { GridWorkbook } from '../src/sheet/grid';
import { readXlsxFast } from '../src/workbook/xlsx/fast/read';
import type { Annotated } from './formula-audit/annotations';
import { FormulaIndex, SEED_FAULT_KIND, SEED_KINDS, seed, type Seeded } from './formula-audit/seed';

const ROOT = path.join(__dirname, '..', '..', '..');
const ANNOTATIONS = path.join(ROOT, 'bench', 'formula-audit', 'annotations.json');

/** The formula audit's rules (not formula-error, which reports Excel's own error values), and the arithmetic rules a formula fault shows through. */
export const FLAG_RULES: readonly string[] = [
  ...RULE_IDS.filter((id) => id.startsWith('formula-') && id !== 'formula-error'),
  'total-mismatch',
  'variance-mismatch',
];
const FLAG_SEVERITIES = new Set(['error', 'warning']);

function args(): { copies: number; seed: number; keep: boolean; verbose: boolean } {
  const a = process.argv.slice(2);
  const value = (name: string, fallback: number): number => {
    const i = a.indexOf(name);
    return i >= 0 ? Number(a[i + 1]) : fallback;
  };
  return { copies: value('--copies', 5), seed: value('--seed', 20_240_601), keep: a.includes('--keep'), verbose: a.includes('--verbose') };
}

function read(bytes: Uint8Array): GridWorkbook {
  return readXlsxFast(bytes, (d) => inflateRawSync(d));
}

function check(workbook: GridWorkbook, label: string): readonly Finding[] {
  const { model } = chooseModel(workbook, { workbookLabel: label });
  return checkWorkbook(workbook, model, { today: new Date('2026-01-01') }).findings;
}

/** Flagged cells (sheet!A1) of the reviewed sheets, each with the rules that flagged it. */
function flagged(findings: readonly Finding[], reviewed: ReadonlySet<string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const f of findings) {
    if (!FLAG_SEVERITIES.has(f.severity) || !FLAG_RULES.includes(f.rule) || !reviewed.has(f.sheet)) continue;
    const one = parseA1(f.cell);
    const range = one ? { start: one, end: one } : parseRange(f.cell);
    if (!range) continue;
    const size = (range.end.row - range.start.row + 1) * (range.end.col - range.start.col + 1);
    if (size > 100) continue;
    for (let r = range.start.row; r <= range.end.row; r++)
      for (let c = range.start.col; c <= range.end.col; c++) {
        const k = `${f.sheet}!${toA1(r, c)}`;
        out.set(k, (out.get(k) ?? new Set()).add(f.rule));
      }
  }
  return out;
}

interface Tally {
  tp: number;
  fp: number;
  faults: number;
  found: number;
}
const tally = (): Tally => ({ tp: 0, fp: 0, faults: 0, found: 0 });
function figures(t: Tally): Tally & { precision: number | null; recall: number | null } {
  return { ...t, precision: t.tp + t.fp === 0 ? null : t.tp / (t.tp + t.fp), recall: t.faults === 0 ? null : t.found / t.faults };
}

async function main(): Promise<void> {
  const opts = args();
  const annotations = JSON.parse(fs.readFileSync(ANNOTATIONS, 'utf8')) as { workbooks: Annotated[] };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'formula-audit-'));
  const natural = tally();
  const seeded = tally();
  const byKind: Record<string, { faults: number; found: number }> = {};
  const byRule: Record<string, { tp: number; fp: number }> = {};
  const rule = (r: string): { tp: number; fp: number } => (byRule[r] ??= { tp: 0, fp: 0 });
  const kind = (k: string): { faults: number; found: number } => (byKind[k] ??= { faults: 0, found: 0 });
  const perWorkbook: Record<string, unknown>[] = [];
  const details: string[] = [];
  let formulaCells = 0;
  let copies = 0;
  let nearSeed = 0;

  for (const wb of annotations.workbooks) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(ROOT, wb.file)));
    const workbook = read(bytes);
    const reviewed = new Set(wb.reviewed);
    const index = new FormulaIndex(workbook);
    const cells = index.cells.filter((c) => reviewed.has(c.sheet)).length;
    formulaCells += cells;
    const faults = new Map(wb.faults.map((f) => [`${f.sheet}!${f.cell}`, f]));
    const ignore = new Set((wb.ignore ?? []).map((f) => `${f.sheet}!${f.cell}`));

    // The original: natural faults, and every flag it raises.
    const base = flagged(check(workbook, wb.file), reviewed);
    for (const [k, rules] of base) {
      if (ignore.has(k)) continue;
      const hit = faults.has(k);
      if (hit) natural.tp++;
      else natural.fp++;
      for (const r of rules) rule(r)[hit ? 'tp' : 'fp']++;
      if (!hit && opts.verbose) details.push(`original FP ${path.basename(wb.file)} ${k} ${[...rules].join(',')}`);
    }
    for (const [k, f] of faults) {
      natural.faults++;
      kind(f.kind ?? 'unknown').faults++;
      if (base.has(k)) {
        natural.found++;
        kind(f.kind ?? 'unknown').found++;
      }
    }

    // Seeded copies: one fault each.
    const made: Seeded[] = [];
    const skipped: string[] = [];
    for (const k of SEED_KINDS) {
      const s = await seed(bytes, index, wb.file, k, reviewed, opts.copies, opts.seed);
      if (s.length < opts.copies) skipped.push(`${k}: ${s.length} of ${opts.copies}`);
      made.push(...s);
    }
    let wbFound = 0;
    for (const s of made) {
      copies++;
      const name = `${path.basename(wb.file, '.xlsx')}--${s.kind}--${s.sheet.replace(/[^A-Za-z0-9]+/g, '_')}-${s.cell}.xlsx`;
      const file = path.join(tmp, name);
      fs.writeFileSync(file, s.bytes);
      const flags = flagged(check(read(s.bytes), file), reviewed);
      const target = `${s.sheet}!${s.cell}`;
      const stale = new Set(s.stale);
      const faultKind = SEED_FAULT_KIND[s.kind];
      seeded.faults++;
      kind(faultKind).faults++;
      const hit = flags.get(target);
      if (hit) {
        seeded.found++;
        seeded.tp++;
        wbFound++;
        kind(faultKind).found++;
        for (const r of hit) rule(r).tp++;
      }
      if (opts.verbose) details.push(`${hit ? 'FOUND ' : 'missed'} ${s.kind} ${target} ${s.before} -> ${s.after}${hit ? ` by ${[...hit].join(',')}` : ''}`);
      const seedAt = parseA1(s.cell)!;
      for (const [k, rules] of flags) {
        if (k === target || base.has(k) || faults.has(k) || ignore.has(k) || stale.has(k)) continue;
        seeded.fp++;
        // A wrong flag on the seed's own row or column, within ten cells: the fault seen at a total, say.
        const at = parseA1(k.slice(k.lastIndexOf('!') + 1));
        if (
          k.startsWith(`${s.sheet}!`) &&
          at &&
          ((at.row === seedAt.row && Math.abs(at.col - seedAt.col) <= 10) || (at.col === seedAt.col && Math.abs(at.row - seedAt.row) <= 10))
        )
          nearSeed++;
        for (const r of rules) rule(r).fp++;
        if (opts.verbose) details.push(`  new FP ${k} ${[...rules].join(',')} (seed ${s.kind} at ${target})`);
      }
    }
    perWorkbook.push({
      file: path.basename(wb.file),
      formulaCells: cells,
      naturalFaults: faults.size,
      originalFlags: base.size,
      seeded: made.length,
      seededFound: wbFound,
      ...(skipped.length > 0 ? { seedingShort: skipped } : {}),
    });
  }

  if (!opts.keep) fs.rmSync(tmp, { recursive: true, force: true });
  const overall: Tally = {
    tp: natural.tp + seeded.tp,
    fp: natural.fp + seeded.fp,
    faults: natural.faults + seeded.faults,
    found: natural.found + seeded.found,
  };
  if (opts.verbose) for (const d of details) process.stderr.write(`${d}\n`);
  console.log(
    JSON.stringify({
      workbooks: annotations.workbooks.length,
      formulaCells,
      copies,
      flagRules: FLAG_RULES,
      overall: figures(overall),
      natural: figures(natural),
      seeded: { ...figures(seeded), fpNearSeed: nearSeed },
      byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, { ...v, recall: v.faults === 0 ? null : v.found / v.faults }])),
      byRule,
      perWorkbook,
      ...(opts.keep ? { copiesIn: tmp } : {}),
    }),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
