/** Shared by the model tests: where the seed documents are, and small generated models for property tests. */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import type { CommissioningModel, FundFigure, NamedEntry, SourceNote } from '../../src/model/types';
import { requireSharedPath } from '../helpers/shared-folder';

/** The seed documents: seeds/ in the shared folder (test/helpers/shared-folder.ts says where that is). */
export function seedsDir(): string {
  return requireSharedPath('seeds');
}

/** Seed text as a reader sees it: markdown emphasis (*) and HTML tags dropped, whitespace collapsed. */
export function readableSeedText(text: string): string {
  return normaliseQuote(text.replace(/<[^>]+>/g, ''));
}

export function normaliseQuote(text: string): string {
  return text.replace(/\*/g, '').replace(/\s+/g, ' ').trim();
}

// ---- generated models ---------------------------------------------------------------------------

const word = fc
  .string({ minLength: 1, maxLength: 12 })
  .map((s) => s.replace(/;/g, ',').trim())
  .filter((s) => s !== '');

const sourceNote: fc.Arbitrary<SourceNote> = fc
  .record({ document: word, locator: word, quote: fc.option(word, { nil: undefined }) })
  .map(({ document, locator, quote }) => (quote === undefined ? { document, locator } : { document, locator, quote }));

/** Decimal strings in pounds, including forms that only text can keep exactly ("0.50", "-0", huge values). */
const amountText: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.stringMatching(/^\d{1,3}$/)).map(([w, f]) => `${w}.${f}`),
  fc.bigInt({ min: 10n ** 17n, max: 10n ** 24n }).map(String),
  fc.constantFrom('0', '-0', '0.50', '007'),
);

const fiscalYear = (start: number): string => `${start}/${String((start + 1) % 100).padStart(2, '0')}`;

/** Names that stay distinct after normalising: a tag unique to the entry, then free text. */
function named(tag: string, i: number, extraText: string, aliasTexts: readonly string[], code: string): NamedEntry {
  return {
    code,
    name: `${tag}${i}: ${extraText}`,
    aliases: aliasTexts.map((text, j) => `${tag}${i}x${j} ${text}`),
  };
}

const namedParts = fc.record({
  text: word,
  aliases: fc.array(word, { maxLength: 3 }),
  source: fc.option(sourceNote, { nil: undefined }),
});

export const smallModel: fc.Arbitrary<CommissioningModel> = fc
  .record({
    firstYear: fc.integer({ min: 2010, max: 2030 }),
    yearCount: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ firstYear, yearCount }) => {
    const years = Array.from({ length: yearCount }, (_, i) => fiscalYear(firstYear + i));
    const periods = years.flatMap((start, i) => years.slice(i).map((end) => (start === end ? start : `${start}-${end}`)));
    const yearFigures = fc
      .subarray(years)
      .chain((chosen) => fc.tuple(...chosen.map((year) => fc.record({ amount: amountText, source: sourceNote }).map((f) => ({ year, ...f })))));
    return fc
      .record({
        org: fc.record({ name: word, shortName: word, orgTail: fc.stringMatching(/^[A-Z0-9]{1,8}$/) }),
        defaultUnit: fc.constantFrom('£', '£k', '£000', '£m' as const),
        month: fc.integer({ min: 1, max: 12 }),
        areas: fc.array(fc.tuple(namedParts, yearFigures), { maxLength: 3 }),
        streams: fc.array(fc.tuple(namedParts, fc.option(word, { nil: undefined })), { maxLength: 3 }),
        programmes: fc.array(
          fc.tuple(
            namedParts,
            fc.nat(),
            fc.nat(),
            fc.boolean(),
            fc.boolean(),
            fc.subarray(periods).chain((chosen) =>
              fc.tuple(
                ...chosen.map((year) =>
                  fc
                    .record({
                      total: amountText,
                      source: sourceNote,
                      components: fc.array(fc.record({ text: word, aliases: fc.array(word, { maxLength: 2 }), amount: amountText, source: sourceNote }), {
                        maxLength: 3,
                      }),
                    })
                    .map((f) => ({ year, ...f })),
                ),
              ),
            ),
          ),
          { maxLength: 3 },
        ),
        boroughs: fc
          .uniqueArray(fc.integer({ min: 1, max: 33 }), { maxLength: 4 })
          .chain((numbers) => fc.tuple(...numbers.map((n) => fc.record({ n: fc.constant(n), aliases: fc.array(word, { maxLength: 2 }) })))),
        models: fc.array(namedParts, { maxLength: 2 }),
        totals: yearFigures,
        convention: fc.constantFrom('forecast-minus-budget', 'budget-minus-forecast' as const),
        pct: fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })),
        abs: fc.tuple(amountText, amountText),
        displayUnit: fc.constantFrom('£', '£k', '£000', '£m' as const),
        decimals: fc.integer({ min: 0, max: 10 }),
        rounding: fc.constantFrom('as-stated', 'largest-remainder' as const),
      })
      .map((g): CommissioningModel => {
        const withSource = <T extends NamedEntry>(entry: T, source: SourceNote | undefined): T => (source ? { ...entry, source } : entry);
        const priorityAreas = g.areas.map(([p, figures], i) => ({
          ...withSource(named('pa', i, p.text, p.aliases, `PA${i}`), p.source),
          figures,
        }));
        const fundingStreams = g.streams.map(([p, funder], i) => ({
          ...withSource(named('fs', i, p.text, p.aliases, `FS-${i}`), p.source),
          ...(funder ? { funder } : {}),
        }));
        const programmes = g.programmes.map(([p, s, a, useStream, useArea, figures], i) => ({
          ...withSource(named('pr', i, p.text, p.aliases, `PR_${i}`), p.source),
          ...(useStream && fundingStreams.length > 0 ? { fundingStream: fundingStreams[s % fundingStreams.length].code } : {}),
          ...(useArea && priorityAreas.length > 0 ? { priorityArea: priorityAreas[a % priorityAreas.length].code } : {}),
          figures: figures.map((f): FundFigure => ({
            year: f.year,
            total: f.total,
            source: f.source,
            components: f.components.map((c, j) => ({
              name: `c${j} ${c.text}`,
              aliases: c.aliases.map((alias, k) => `c${j}x${k} ${alias}`),
              amount: c.amount,
              source: c.source,
            })),
          })),
        }));
        const [amberPct, redPct] = [...g.pct].sort((x, y) => x - y).map(String);
        const [amberAbs, redAbs] = [...g.abs].map((a) => a.replace(/^-/, '')).sort((x, y) => new Decimal(x).comparedTo(y));
        return {
          schemaVersion: 1,
          organisation: { name: g.org.name, shortName: g.org.shortName, orgId: `GB-TST-${g.org.orgTail}` },
          currency: 'GBP',
          defaultUnit: g.defaultUnit,
          fiscalYearStartMonth: g.month,
          years,
          priorityAreas,
          fundingStreams,
          programmes,
          boroughs: g.boroughs.map((b) => ({
            name: `Borough ${b.n}`,
            aliases: b.aliases.map((alias, k) => `b${b.n}x${k} ${alias}`),
            gss: `E09${String(b.n).padStart(6, '0')}`,
            orgId: `GB-LAE-B${String(b.n).padStart(2, '0')}`,
          })),
          commissioningModels: g.models.map((p, i) => withSource(named('cm', i, p.text, p.aliases, `CM${i}`), p.source)),
          totals: g.totals,
          settings: {
            varianceConvention: g.convention,
            rag: { amberPct, redPct, amberAbs, redAbs },
            displayUnit: g.displayUnit,
            displayDecimals: g.decimals,
            roundingPolicy: g.rounding,
          },
        };
      });
  });
