import Decimal from 'decimal.js';
import { Money, ZERO, fromNumber, withoutNegativeZero } from '../../src/money/decimal';

describe('Money', () => {
  it('adds decimal fractions exactly, unlike JS numbers', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(new Money('0.1').plus('0.2').toString()).toBe('0.3');
  });

  it('rounds half away from zero, as Excel does', () => {
    expect(new Money('2.5').toDecimalPlaces(0).toString()).toBe('3');
    expect(new Money('-2.5').toDecimalPlaces(0).toString()).toBe('-3');
    expect(new Money('0.05').toDecimalPlaces(1).toString()).toBe('0.1');
  });

  it('prints large and small amounts without exponents', () => {
    expect(new Money('123456789012345678901234567').toString()).toBe('123456789012345678901234567');
    expect(new Money('0.000000000000000000001').toString()).toBe('0.000000000000000000001');
  });

  it('keeps 40 significant digits in division', () => {
    expect(new Money(1).div(3).toString()).toBe(`0.${'3'.repeat(40)}`);
  });

  it('makes Decimal instances', () => {
    expect(new Money(1)).toBeInstanceOf(Decimal);
  });
});

describe('fromNumber', () => {
  it.each([
    [0.1, '0.1'],
    [0.35, '0.35'],
    [-0.36, '-0.36'],
    [1400000, '1400000'],
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [0.1 + 0.2, '0.30000000000000004'],
  ])('reads %p as its shortest text %s', (input, expected) => {
    expect(fromNumber(input).toString()).toBe(expected);
  });

  it('turns negative zero into zero', () => {
    expect(fromNumber(-0).isNegative()).toBe(false);
  });

  it.each([NaN, Infinity, -Infinity])('refuses %p', (input) => {
    expect(() => fromNumber(input)).toThrow(RangeError);
  });
});

describe('ZERO and withoutNegativeZero', () => {
  it('ZERO is zero', () => {
    expect(ZERO.isZero()).toBe(true);
  });

  it('drops the sign of a negative zero only', () => {
    expect(withoutNegativeZero(new Money('-0')).isNegative()).toBe(false);
    expect(withoutNegativeZero(new Money('-1')).toString()).toBe('-1');
  });
});
