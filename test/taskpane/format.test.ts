/** The pane's one way to show money: display unit and decimals, separators, negatives per setting, no unsigned zero for a small amount. */
import { Money } from '../../src/money/decimal';
import { showMoney } from '../../src/taskpane/format';

const settings = { displayUnit: '£m', displayDecimals: 1 } as const;

describe('showMoney', () => {
  it('shows money in the display unit with separators, negatives with a minus unless brackets are chosen', () => {
    expect(showMoney(new Money('1234567890'), settings)).toBe('£1,234.6m');
    expect(showMoney(new Money('-1000000'), settings)).toBe('-£1.0m');
    expect(showMoney(new Money('-1000000'), { ...settings, negatives: 'minus' })).toBe('-£1.0m');
    expect(showMoney(new Money('-1000000'), { ...settings, negatives: 'brackets' })).toBe('(£1.0m)');
    expect(showMoney(new Money('7700000'), { displayUnit: '£', displayDecimals: 0, negatives: 'minus' })).toBe('£7,700,000');
  });

  it('never shows −£22,900 in £m to 1 dp as "£0.0m": enough places for its sign and first figure', () => {
    expect(showMoney(new Money('-22900'), { ...settings, negatives: 'minus' })).toBe('-£0.02m');
    expect(showMoney(new Money('-22900'), { ...settings, negatives: 'brackets' })).toBe('(£0.02m)');
    expect(showMoney(new Money('0'), settings)).toBe('£0.0m');
  });
});
