import type { MinistryReportFigures, PublishedCount, PublishedRate } from '@saeil/contracts';

/** A figure as the dashboard shows it: a number, nothing to count (null), or suppressed — never a 0 for a hidden cell. */
export type Cell = number | null | { suppressed: true };

export const SUPPRESSED = { suppressed: true } as const;
export const isSuppressed = (c: Cell | PublishedCount | PublishedRate | undefined): c is { suppressed: true } =>
  typeof c === 'object' && c !== null && (c as { suppressed?: boolean }).suppressed === true;

/**
 * The headline figures of one submitted report (or of a sum of them): what the ranked table,
 * the map and the trends show. The counts a rate is made of are kept beside it, so a sum of
 * reports recomputes its rates from them instead of averaging rates.
 */
export interface Indicators {
  clientsRegistered: Cell;
  placements: Cell;
  employedClients: Cell;
  /** The 1-, 2- and 3-month retention (same employer): eligible, retained, rate in %. */
  retention: { n: 1 | 2 | 3; eligible: Cell; sameEmployer: Cell; rate: Cell }[];
  trainingCompleters: Cell;
  trainingCompletersEmployed: Cell;
  trainingEmploymentRate: Cell;
  /** KPI achievement (%): the mean of the plans' overall achievement, null without a plan. */
  kpiAchievement: Cell;
}

export const METRICS = [
  'clientsRegistered',
  'placements',
  'employedClients',
  'retention1',
  'retention2',
  'retention3',
  'trainingEmploymentRate',
  'kpiAchievement',
] as const;
export type Metric = (typeof METRICS)[number];

const cell = (v: PublishedCount | PublishedRate | undefined): Cell =>
  v === undefined ? null : isSuppressed(v) ? SUPPRESSED : v;

function mean(values: Cell[]): Cell {
  if (values.some(isSuppressed)) return SUPPRESSED;
  const numbers = values.filter((v): v is number => typeof v === 'number');
  return numbers.length ? numbers.reduce((a, b) => a + b, 0) / numbers.length : null;
}

/** Taken field by field from the report's figures: nothing of a person can be in them, and nothing else is kept. */
export function indicatorsOf(figures: MinistryReportFigures): Indicators {
  const e = figures.employment;
  return {
    clientsRegistered: cell(e.clientsRegistered),
    placements: cell(e.placements),
    employedClients: cell(e.employedClients),
    retention: ([1, 2, 3] as const).map((n) => {
      const row = figures.retention.find((r) => r.n === n);
      return {
        n,
        eligible: cell(row?.eligible),
        sameEmployer: cell(row?.sameEmployer),
        rate: cell(row?.retentionRate),
      };
    }),
    trainingCompleters: cell(e.trainingCompleters),
    trainingCompletersEmployed: cell(e.trainingCompletersEmployed),
    trainingEmploymentRate: cell(e.trainingEmploymentRate),
    kpiAchievement: mean(figures.kpi.map((p) => cell(p.overall))),
  };
}

/** A sum of counts: known only when every part is (a part suppressed hides the whole; nothing is guessed). */
function sum(values: Cell[]): Cell {
  if (values.some(isSuppressed)) return SUPPRESSED;
  return values.reduce<number>((a, b) => a + (typeof b === 'number' ? b : 0), 0);
}

function rate(numerator: Cell, denominator: Cell): Cell {
  if (isSuppressed(numerator) || isSuppressed(denominator)) return SUPPRESSED;
  if (typeof denominator !== 'number' || denominator === 0) return null;
  return (((numerator as number) ?? 0) / denominator) * 100;
}

/**
 * Several reports' indicators as one (a 시·도 from its centers' reports, the nation from its
 * 시·도): counts added, rates recomputed from the added counts, KPI achievement the mean of the
 * parts'. A suppressed part makes the figure it is in suppressed: a published sum never lets a
 * hidden cell be worked out, and a hidden cell never counts as 0.
 */
export function sumIndicators(parts: Indicators[]): Indicators {
  const retention = ([1, 2, 3] as const).map((n) => {
    const eligible = sum(parts.map((p) => p.retention[n - 1].eligible));
    const sameEmployer = sum(parts.map((p) => p.retention[n - 1].sameEmployer));
    return { n, eligible, sameEmployer, rate: rate(sameEmployer, eligible) };
  });
  const trainingCompleters = sum(parts.map((p) => p.trainingCompleters));
  const trainingCompletersEmployed = sum(parts.map((p) => p.trainingCompletersEmployed));
  return {
    clientsRegistered: sum(parts.map((p) => p.clientsRegistered)),
    placements: sum(parts.map((p) => p.placements)),
    employedClients: sum(parts.map((p) => p.employedClients)),
    retention,
    trainingCompleters,
    trainingCompletersEmployed,
    trainingEmploymentRate: rate(trainingCompletersEmployed, trainingCompleters),
    kpiAchievement: mean(parts.map((p) => p.kpiAchievement)),
  };
}

export function metricOf(indicators: Indicators, metric: Metric): Cell {
  switch (metric) {
    case 'retention1':
      return indicators.retention[0].rate;
    case 'retention2':
      return indicators.retention[1].rate;
    case 'retention3':
      return indicators.retention[2].rate;
    default:
      return indicators[metric];
  }
}
