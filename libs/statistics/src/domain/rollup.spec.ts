import { RuleViolation } from '@saeil/core';
import { display } from './kpi';
import { rate } from './rates';
import { CenterCounts, rollup, RollupDefinition } from './rollup';

function violation(fn: () => unknown): RuleViolation {
  try {
    fn();
  } catch (e) {
    if (e instanceof RuleViolation) return e;
    throw e;
  }
  throw new Error('expected a RuleViolation');
}

type Count = 'completers' | 'employed' | 'placed' | 'retained3';
const definition: RollupDefinition<Count, 'trainingEmploymentRate' | 'retentionRate3'> = {
  counts: ['completers', 'employed', 'placed', 'retained3'],
  rates: {
    trainingEmploymentRate: { numerator: 'employed', denominator: 'completers' },
    retentionRate3: { numerator: 'retained3', denominator: 'placed' },
  },
};

const center = (
  centerId: string,
  regionId: string,
  completers: number,
  employed: number,
  placed: number,
  retained3: number,
): CenterCounts<Count> => ({
  centerId,
  regionId,
  counts: { completers, employed, placed, retained3 },
});

const centers = [
  center('jinju', 'gyeongnam', 78, 45, 120, 80),
  center('changwon', 'gyeongnam', 10, 9, 30, 27),
  center('naju', 'jeonnam', 40, 12, 211, 150),
  center('mokpo', 'jeonnam', 0, 0, 15, 4),
  center('suwon', 'gyeonggi', 5, 1, 60, 30),
];

describe('rollup center → region → nation', () => {
  const nation = rollup(centers, definition);
  const keys = definition.counts;
  const sumOf = (parts: Array<{ counts: Record<Count, number> }>, key: Count) =>
    parts.reduce((a, p) => a + p.counts[key], 0);

  it("the nation's counts equal the sum of the regions, which equal the sum of the centers", () => {
    for (const key of keys) {
      expect(nation.counts[key]).toBe(sumOf(nation.regions, key));
      expect(nation.counts[key]).toBe(sumOf(centers, key));
      for (const region of nation.regions) {
        expect(region.counts[key]).toBe(sumOf(region.centers, key));
        expect(region.counts[key]).toBe(
          sumOf(
            centers.filter((c) => c.regionId === region.regionId),
            key,
          ),
        );
      }
    }
    expect(nation.counts).toEqual({ completers: 133, employed: 67, placed: 436, retained3: 291 });
    expect(nation.regions.map((r) => [r.regionId, r.counts])).toEqual([
      ['gyeongnam', { completers: 88, employed: 54, placed: 150, retained3: 107 }],
      ['jeonnam', { completers: 40, employed: 12, placed: 226, retained3: 154 }],
      ['gyeonggi', { completers: 5, employed: 1, placed: 60, retained3: 30 }],
    ]);
    expect(nation.regions[0].centers.map((c) => c.centerId)).toEqual(['jinju', 'changwon']);
  });

  it('rates are recomputed from the summed numerator and denominator at every level, never averaged', () => {
    const gyeongnam = nation.regions[0];
    expect(gyeongnam.centers[0].rates.trainingEmploymentRate).toBeCloseTo((45 / 78) * 100, 12);
    expect(display(gyeongnam.centers[0].rates.trainingEmploymentRate, 1)).toBe('57.7');
    expect(gyeongnam.rates.trainingEmploymentRate).toBe(rate(54, 88));
    expect(display(gyeongnam.rates.trainingEmploymentRate, 1)).toBe('61.4');
    // The mean of the two centers' rates ((57.69 + 90) / 2 = 73.85) is not the region's rate.
    const meanOfRates =
      ((gyeongnam.centers[0].rates.trainingEmploymentRate as number) +
        (gyeongnam.centers[1].rates.trainingEmploymentRate as number)) /
      2;
    expect(display(meanOfRates, 1)).toBe('73.8');
    expect(nation.rates.trainingEmploymentRate).toBe(rate(67, 133));
    expect(nation.rates.retentionRate3).toBe(rate(291, 436));
    for (const region of nation.regions)
      expect(region.rates.retentionRate3).toBe(rate(region.counts.retained3, region.counts.placed));
  });

  it('a denominator of 0 gives null at that level only', () => {
    const jeonnam = nation.regions[1];
    expect(jeonnam.centers[1].rates.trainingEmploymentRate).toBeNull();
    expect(jeonnam.rates.trainingEmploymentRate).toBe(30);
  });

  it('no centers: zero counts, null rates; a definition without rates gives none', () => {
    expect(rollup([], definition)).toEqual({
      counts: { completers: 0, employed: 0, placed: 0, retained3: 0 },
      rates: { trainingEmploymentRate: null, retentionRate3: null },
      regions: [],
    });
    expect(rollup(centers, { counts: ['placed'] as Count[] }).rates).toEqual({});
  });

  it('is pure: the input is untouched', () => {
    const copy = JSON.parse(JSON.stringify(centers));
    rollup(centers, definition);
    expect(centers).toEqual(copy);
  });

  it('refuses missing, negative or fractional counts, a center counted twice and a rate over an unknown count', () => {
    const code = (fn: () => unknown) => violation(fn).code;
    expect(
      code(() =>
        rollup(
          [
            {
              centerId: 'x',
              regionId: 'r',
              counts: { completers: 1, employed: 1, placed: 1 } as Record<Count, number>,
            },
          ],
          definition,
        ),
      ),
    ).toBe('ROLLUP_MISSING_COUNT');
    expect(code(() => rollup([center('x', 'r', -1, 0, 0, 0)], definition))).toBe('ROLLUP_INVALID_COUNT');
    expect(code(() => rollup([center('x', 'r', 1.5, 0, 0, 0)], definition))).toBe('ROLLUP_INVALID_COUNT');
    expect(code(() => rollup([center('x', 'r', 1, 0, 0, 0), center('x', 's', 1, 0, 0, 0)], definition))).toBe(
      'ROLLUP_DUPLICATE_CENTER',
    );
    expect(
      code(() =>
        rollup(centers, { counts: ['placed'], rates: { r: { numerator: 'retained3', denominator: 'placed' } } }),
      ),
    ).toBe('ROLLUP_UNKNOWN_COUNT');
    expect(code(() => rollup(centers, { counts: ['placed', 'placed'] }))).toBe('ROLLUP_DUPLICATE_COUNT');
  });
});
