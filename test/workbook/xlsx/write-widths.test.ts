import { wrappedLines } from '../../../src/workbook/xlsx/write-widths';

describe('wrappedLines', () => {
  it('is one line for text that fits, more as the text grows', () => {
    expect(wrappedLines('short words', 20)).toBe(1);
    expect(wrappedLines('one two three four five six seven eight nine ten', 20)).toBe(3);
    expect(wrappedLines('first line\nsecond line', 40)).toBe(2);
  });

  it('breaks a word longer than a line wherever it must', () => {
    expect(wrappedLines('x'.repeat(45), 20)).toBe(3);
    expect(wrappedLines(`ab ${'x'.repeat(45)}`, 20)).toBe(4);
  });

  it('takes capitals as wider than lower-case letters', () => {
    expect(wrappedLines('ABCDEFGHKL ABCDEFGHKL', 22)).toBe(2);
    expect(wrappedLines('abcdefghkl abcdefghkl', 22)).toBe(1);
  });

  it('never counts fewer lines for longer text', () => {
    const words = 'the panel asked for quarterly publication of the contracts and grants registers'.split(' ');
    let previous = 0;
    for (let n = 1; n <= words.length; n++) {
      const lines = wrappedLines(words.slice(0, n).join(' '), 18);
      expect(lines).toBeGreaterThanOrEqual(previous);
      previous = lines;
    }
  });
});
