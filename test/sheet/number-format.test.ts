import { unitFromNumberFormat } from '../../src/sheet/number-format';

describe('unitFromNumberFormat', () => {
  it.each([
    ['#,##0,', { displayUnit: '£000' }],
    ['#,##0', {}],
    ['£#,##0.0,,"m"', { displayUnit: '£m' }],
    ['#,##0,,,', { displayUnit: '£bn' }],
    ['£0.0"m"', { valueUnit: '£m' }],
    ['0"k"', { valueUnit: '£k' }],
    ['0.0" billion"', { valueUnit: '£bn' }],
    ['#,##0.00', {}],
    ['General', {}],
    ['dd/mm/yyyy', {}],
  ])('%p says %p', (format, unit) => expect(unitFromNumberFormat(format)).toEqual(unit));

  it('says nothing without a format', () => expect(unitFromNumberFormat(undefined)).toEqual({}));
});
