import { testRule } from '../rule-tester';
import { defaultModel } from '../../../src/model/json';

/** The default model's priority areas with their 2019/20 figures in £m, as a summary table states them. */
function summaryLines(): (string | number)[][] {
  return defaultModel().priorityAreas.map((p) => [p.name, Number(p.figures.find((f) => f.year === '2019/20')?.amount) / 1e6]);
}

/** The summary with A Better Criminal Justice Service (£17.9m in the model) split over two lines adding to £18.1m. */
function splitSummary(): (string | number)[][] {
  const lines = summaryLines();
  return [lines[0], [lines[1][0], 9.0], [lines[1][0], 9.1], ...lines.slice(2)];
}

testRule('reconciliation-mismatch', {
  valid: [
    { name: 'a summary that agrees with the model', sheet: [['Priority area', '2019/20 £m'], ...summaryLines(), ['Total', 53.6]] },
    {
      name: 'a lone line that shares a component’s name',
      sheet: [
        ['Service', '2019/20 Budget £m'],
        ['London Gang Exit', 0.06],
        ['Prison Pathfinder', 0.08],
      ],
    },
  ],
  invalid: [
    {
      name: 'a fund’s components and total',
      sheet: [
        ['Programme', '2019/20 Budget £m'],
        ['London Gang Exit', 0.5],
        ['Major Trauma Centre and A&E Youth Work', 0.74],
        ['Total', 1.24],
      ],
      findings: [
        {
          cell: 'B3',
          severity: 'error',
          expected: '0.64',
          actual: '0.74',
          message:
            'Major Trauma Centre and A&E Youth Work (Young Londoners Fund programmes) 2019/20 is £0.74m here, but the model states £0.64m ' +
            '(January 2020 panel report, Appendix 1, slide: GLA Young Londoners Fund (YLF), table, 2019/20 Budget £m column): £0.10m apart, more than the ' +
            '£0.01m that rounding could explain.',
        },
        {
          cell: 'B4',
          severity: 'error',
          expected: '1.14',
          message: /^Young Londoners Fund programmes 2019\/20 is £1\.24m here, but the model states £1\.14m \(.+\): £0\.10m apart, /,
        },
      ],
    },
    {
      name: 'an area over two lines, and all lines without a total row',
      sheet: [['Priority area', '2019/20 £m'], ...splitSummary()],
      findings: [
        {
          cell: 'B1',
          message: /^All lines \(total commissioning spend\) 2019\/20 sum to £53\.8m over 6 lines here, but the model states £53\.6m \(.+\): £0\.2m apart, /,
        },
        {
          cell: 'B3',
          message:
            /^Lines for A Better Criminal Justice Service 2019\/20 sum to £18\.1m over 2 lines here, but the model states £17\.9m \(.+\): £0\.2m apart, /,
        },
      ],
    },
  ],
});
