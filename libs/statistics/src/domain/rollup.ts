import { RuleViolation } from '@saeil/core';
import { rate } from './rates';

/**
 * Rollups basic center (기초) → region (광역, 시·도) → nation (중앙) that agree exactly with the sum
 * of their parts: integer counts are summed; rates are never averaged but recomputed from the
 * summed numerator and denominator (the mean of two centers' rates is not the region's rate).
 *
 * Counts of distinct persons add up only when every person is attributed to one center (her
 * center of record); the caller supplies counts built that way.
 */

export interface CenterCounts<K extends string = string> {
  centerId: string;
  regionId: string;
  /** Every count of the definition, as a non-negative integer (a center reporting nothing sends 0s, not gaps). */
  counts: Readonly<Record<K, number>>;
}

export interface RateDefinition<K extends string = string> {
  numerator: K;
  denominator: K;
}

export interface RollupDefinition<K extends string = string, R extends string = string> {
  counts: readonly K[];
  rates?: Readonly<Record<R, RateDefinition<K>>>;
}

export interface Totals<K extends string = string, R extends string = string> {
  counts: Record<K, number>;
  /** Percent, unrounded; null when the denominator is 0. */
  rates: Record<R, number | null>;
}

export interface CenterRollup<K extends string = string, R extends string = string> extends Totals<K, R> {
  centerId: string;
}

export interface RegionRollup<K extends string = string, R extends string = string> extends Totals<K, R> {
  regionId: string;
  centers: CenterRollup<K, R>[];
}

export interface NationRollup<K extends string = string, R extends string = string> extends Totals<K, R> {
  regions: RegionRollup<K, R>[];
}

function totalsOf<K extends string, R extends string>(
  definition: RollupDefinition<K, R>,
  counts: Record<K, number>,
): Totals<K, R> {
  const rates = {} as Record<R, number | null>;
  for (const [name, { numerator, denominator }] of Object.entries(definition.rates ?? {}) as Array<
    [R, RateDefinition<K>]
  >) {
    rates[name] = rate(counts[numerator], counts[denominator]);
  }
  return { counts, rates };
}

function sumCounts<K extends string>(
  keys: readonly K[],
  parts: ReadonlyArray<{ counts: Readonly<Record<K, number>> }>,
): Record<K, number> {
  const summed = {} as Record<K, number>;
  for (const key of keys) summed[key] = parts.reduce<number>((total, part) => total + part.counts[key], 0);
  return summed;
}

function validate<K extends string, R extends string>(
  centers: ReadonlyArray<CenterCounts<K>>,
  definition: RollupDefinition<K, R>,
): void {
  const keys = new Set<string>(definition.counts);
  if (keys.size !== definition.counts.length)
    throw new RuleViolation('ROLLUP_DUPLICATE_COUNT', '집계 항목이 중복되었습니다.', { counts: definition.counts });
  for (const [name, { numerator, denominator }] of Object.entries(definition.rates ?? {}) as Array<
    [string, RateDefinition<K>]
  >) {
    for (const key of [numerator, denominator]) {
      if (!keys.has(key))
        throw new RuleViolation('ROLLUP_UNKNOWN_COUNT', `비율 ${name}이(가) 집계 항목에 없는 ${key}을(를) 씁니다.`, {
          rate: name,
          count: key,
        });
    }
  }
  const seen = new Set<string>();
  for (const center of centers) {
    if (seen.has(center.centerId))
      throw new RuleViolation('ROLLUP_DUPLICATE_CENTER', `센터 ${center.centerId}이(가) 두 번 집계되었습니다.`, {
        centerId: center.centerId,
      });
    seen.add(center.centerId);
    for (const key of definition.counts) {
      const value = center.counts[key];
      if (value === undefined)
        throw new RuleViolation('ROLLUP_MISSING_COUNT', `센터 ${center.centerId}의 ${key}이(가) 없습니다.`, {
          centerId: center.centerId,
          count: key,
        });
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
        throw new RuleViolation(
          'ROLLUP_INVALID_COUNT',
          `센터 ${center.centerId}의 ${key}은(는) 0 이상의 정수여야 합니다: ${String(value)}`,
          { centerId: center.centerId, count: key, value },
        );
      }
    }
  }
}

/**
 * Center → region → nation. Regions and centers keep the order in which they first appear.
 * Every level's counts are exactly the sum of the level below; rates are recomputed at each level.
 */
export function rollup<K extends string, R extends string = never>(
  centers: ReadonlyArray<CenterCounts<K>>,
  definition: RollupDefinition<K, R>,
): NationRollup<K, R> {
  validate(centers, definition);
  const byRegion = new Map<string, CenterCounts<K>[]>();
  for (const center of centers) byRegion.set(center.regionId, [...(byRegion.get(center.regionId) ?? []), center]);

  const regions: RegionRollup<K, R>[] = [...byRegion.entries()].map(([regionId, members]) => {
    const centerRollups = members.map((c) => ({
      centerId: c.centerId,
      ...totalsOf(definition, sumCounts(definition.counts, [c])),
    }));
    return { regionId, ...totalsOf(definition, sumCounts(definition.counts, centerRollups)), centers: centerRollups };
  });
  return { ...totalsOf(definition, sumCounts(definition.counts, regions)), regions };
}
