import { subsetsSummingTo } from '../../src/sheet/tables/subset-sums';

describe('sets of candidates adding up to a figure', () => {
  it('finds the sets of two or more that sum to the target in a screen column, largest first', () => {
    // Candidates 10, 20, 30, 5: target 30 = 10 + 20 (and 30 alone, which is one, so not a set).
    expect(subsetsSummingTo([30], [[10, 20, 30, 5]], 4)).toEqual([[0, 1]]);
    // Target 35: 10 + 20 + 5 and 30 + 5; the larger set first.
    expect(subsetsSummingTo([35], [[10, 20, 30, 5]], 4)).toEqual([
      [0, 1, 3],
      [2, 3],
    ]);
  });

  it('passes a set that holds in either screen column, so one wrong figure does not hide it', () => {
    const values = [
      [10, 20, 999],
      [1, 2, 3],
    ];
    expect(subsetsSummingTo([30, 3], values, 3)).toEqual([[0, 1]]);
  });

  it('finds nothing where a candidate has no figure or no set adds up', () => {
    expect(subsetsSummingTo([30], [[10, Number.NaN, 20]], 3)).toEqual([[0, 2]]);
    expect(subsetsSummingTo([31], [[10, 20, 30]], 3)).toEqual([]);
  });
});
