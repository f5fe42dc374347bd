import * as fs from 'fs';
import * as path from 'path';
import Decimal from 'decimal.js';
import { defaultModel } from '../../src/model/json';
import type { SourceNote } from '../../src/model/types';
import { normaliseQuote, readableSeedText, seedsDir } from './fixtures';

const model = defaultModel();
const millions = (pounds: string): string => new Decimal(pounds).div(1_000_000).toString();

function sourcesIn(value: unknown, where = ''): { where: string; source: SourceNote }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => sourcesIn(v, `${where}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const found: { where: string; source: SourceNote }[] = [];
  for (const [key, child] of Object.entries(value)) {
    const here = where === '' ? key : `${where}.${key}`;
    if (key === 'source') found.push({ where: here, source: child as SourceNote });
    else found.push(...sourcesIn(child, here));
  }
  return found;
}

describe('the default model', () => {
  it('is the same frozen object on every call', () => {
    expect(defaultModel()).toBe(model);
    expect(Object.isFrozen(model)).toBe(true);
    expect(Object.isFrozen(model.boroughs[0].aliases)).toBe(true);
  });

  it('describes MOPAC in GBP, £m, with an April fiscal year and the years the seeds cover', () => {
    expect(model.organisation.shortName).toBe('MOPAC');
    expect(model.organisation.name).toBe("Mayor's Office for Policing and Crime");
    expect(model.currency).toBe('GBP');
    expect(model.defaultUnit).toBe('£m');
    expect(model.fiscalYearStartMonth).toBe(4);
    expect(model.years).toEqual(['2018/19', '2019/20', '2020/21', '2021/22']);
  });

  it('has the five Police and Crime Plan priority areas with their stated 2019/20 headlines', () => {
    const headlines = model.priorityAreas.map((a) => [a.code, a.name, millions(a.figures.find((f) => f.year === '2019/20')!.amount)]);
    expect(headlines).toEqual([
      ['CYP', 'Keeping Children and Young People Safe', '15'],
      ['CJS', 'A Better Criminal Justice Service', '17.9'],
      ['POL', 'A Better Policing Service for London', '2.3'],
      ['HATE', 'Standing Together Against Hatred, Intolerance and Extremism', '2.1'],
      ['VAWG', 'Tackling Violence Against Women and Girls', '16.3'],
    ]);
  });

  it('states yearly totals of £46.1m, £53.6m and £62.6m, and the priority headlines add up to 2019/20', () => {
    expect(model.totals.map((t) => [t.year, millions(t.amount)])).toEqual([
      ['2018/19', '46.1'],
      ['2019/20', '53.6'],
      ['2020/21', '62.6'],
    ]);
    const headlineSum = model.priorityAreas.reduce((sum, a) => sum.plus(a.figures[0].amount), new Decimal(0));
    expect(headlineSum.toString()).toBe(model.totals[1].amount);
  });

  it('lists the 32 boroughs and the City of London with GSS codes E09000001..33 in order and GB-LAE ids', () => {
    expect(model.boroughs).toHaveLength(33);
    model.boroughs.forEach((b, i) => expect(b.gss).toBe(`E09${String(i + 1).padStart(6, '0')}`));
    expect(new Set(model.boroughs.map((b) => b.orgId)).size).toBe(33);
    for (const b of model.boroughs) expect(b.orgId).toMatch(/^GB-LAE-[A-Z]{3}$/);
    const byName = new Map(model.boroughs.map((b) => [b.name, b]));
    expect(byName.get('City of London')?.gss).toBe('E09000001');
    expect(byName.get('Lambeth')?.orgId).toBe('GB-LAE-LBH');
    expect(byName.get('Westminster')?.gss).toBe('E09000033');
    expect(byName.get('Westminster')?.orgId).toBe('GB-LAE-WSM');
  });

  it('states the fund compositions as published, including the ones that do not add up', () => {
    const figure = (code: string, year: string) => model.programmes.find((p) => p.code === code)!.figures.find((f) => f.year === year)!;
    const parts = (code: string, year: string) => figure(code, year).components.map((c) => millions(c.amount));

    expect(millions(figure('LCPF', '2019/20').total)).toBe('18.7');
    expect(parts('LCPF', '2019/20')).toEqual(['13.4', '5.3']);
    expect(millions(figure('VAWG-FUND', '2019/20-2021/22').total)).toBe('15');
    expect(parts('VAWG-FUND', '2019/20-2021/22')).toEqual(['1.4', '3.4', '3.4', '6.9']); // 15.1: as stated
    expect(millions(figure('SV-UPLIFT', '2019/20-2021/22').total)).toBe('20.4');
    expect(parts('SV-UPLIFT', '2019/20-2021/22')).toEqual(['15', '5.4']);
    expect(millions(figure('VRU-EXT', '2019/20').total)).toBe('1.8');
    expect(millions(figure('VRU-EXT', '2020/21').total)).toBe('2.6');
    expect(parts('YLF', '2019/20')).toEqual(['0.5', '0.64']);
    expect(millions(figure('PTF', '2019/20').total)).toBe('4.4');
    expect(millions(figure('PTF-MOPAC', '2019/20').total)).toBe('2.8');
    expect(millions(figure('EIYF', '2018/19-2019/20').total)).toBe('4.2');
    expect(millions(figure('VRU-LCPF', '2019/20-2020/21').total)).toBe('3.4');
  });

  it('links every programme to a funding stream, and names the funders the seeds give', () => {
    const streams = new Map(model.fundingStreams.map((s) => [s.code, s]));
    for (const p of model.programmes) expect(streams.has(p.fundingStream!)).toBe(true);
    expect(streams.get('MOJ')?.funder).toBe('Ministry of Justice');
    expect(streams.get('PTF')?.funder).toBe('Home Office');
    expect(streams.get('EIYF')?.funder).toBe('Home Office');
    expect(streams.get('YLF')?.funder).toBe('GLA');
  });

  describe('sources', () => {
    const dir = seedsDir();
    const seeds = new Map<string, string>();
    const seedText = (document: string): string => {
      if (!seeds.has(document)) seeds.set(document, readableSeedText(fs.readFileSync(path.join(dir, document), 'utf8')));
      return seeds.get(document)!;
    };
    const all = sourcesIn(model);

    it('every figure has a source', () => {
      const figures = [
        ...model.priorityAreas.flatMap((a) => a.figures),
        ...model.totals,
        ...model.programmes.flatMap((p) => p.figures.flatMap((f) => [f, ...f.components])),
      ];
      expect(figures.length).toBeGreaterThan(30);
      for (const f of figures) expect(f.source.quote).toBeTruthy();
    });

    it.each(all.map((s) => [s.where, s.source] as const))('%s quotes its seed verbatim', (_where, source) => {
      expect(['000_5be5cdee322bf63c.txt', '001_7f6f3a7fccdb483a.txt']).toContain(source.document);
      expect(source.locator.trim()).not.toBe('');
      expect(seedText(source.document)).toContain(normaliseQuote(source.quote ?? ''));
    });

    it('each stated amount appears in its quote (in £m, £ million or as a table cell)', () => {
      const stated = [
        ...model.priorityAreas.flatMap((a) => a.figures.map((f) => ({ amount: f.amount, quote: f.source.quote! }))),
        ...model.totals.map((f) => ({ amount: f.amount, quote: f.source.quote! })),
        ...model.programmes.flatMap((p) =>
          p.figures.flatMap((f) => [{ amount: f.total, quote: f.source.quote! }, ...f.components.map((c) => ({ amount: c.amount, quote: c.source.quote! }))]),
        ),
      ];
      for (const { amount, quote } of stated) {
        const m = new Decimal(amount).div(1_000_000);
        const forms = [m.toFixed(1), m.toFixed(2), m.toString()];
        // The VAWG fund total is written "£15.0m" in one sentence; the tranche figures are "£1.4m" and so on.
        expect({ amount, quote, found: forms.some((f) => quote.includes(f)) }).toEqual({ amount, quote, found: true });
      }
    });
  });
});
