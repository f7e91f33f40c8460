import { buildMinistryReport } from '../../../reports/src/report/build-ministry-report';
import { sources } from '@saeil/testing/report-fixtures';
import { indicatorsOf, Indicators, SUPPRESSED, sumIndicators } from './indicators';

const S = SUPPRESSED;
const part = (over: Partial<Indicators>): Indicators => ({
  clientsRegistered: 10,
  placements: 8,
  employedClients: 7,
  retention: [
    { n: 1, eligible: 10, sameEmployer: 8, rate: 80 },
    { n: 2, eligible: 6, sameEmployer: 3, rate: 50 },
    { n: 3, eligible: 5, sameEmployer: 5, rate: 100 },
  ],
  trainingCompleters: 10,
  trainingCompletersEmployed: 5,
  trainingEmploymentRate: 50,
  kpiAchievement: 90,
  ...over,
});

describe('the dashboard indicators', () => {
  it('are taken from a report field by field, its suppressed cells still suppressed', () => {
    const figures = buildMinistryReport(
      { level: 'region', scopeId: '전라남도' },
      { key: '2026-03', kind: 'month', from: '2026-03-01', to: '2026-03-31' },
      sources(),
      5,
    );
    const indicators = indicatorsOf(figures);
    expect(indicators.placements).toEqual(figures.employment.placements);
    expect(indicators.retention.map((r) => r.rate)).toEqual(figures.retention.map((r) => r.retentionRate));
    expect(JSON.stringify(indicators)).not.toMatch(/client[A-Z_]?[iI]d|name|phone/);
  });

  it('add counts and recompute rates from the added counts (not an average of rates)', () => {
    const sum = sumIndicators([
      part({}),
      part({
        retention: [
          { n: 1, eligible: 30, sameEmployer: 15, rate: 50 },
          { n: 2, eligible: 6, sameEmployer: 3, rate: 50 },
          { n: 3, eligible: 5, sameEmployer: 5, rate: 100 },
        ],
      }),
    ]);
    expect(sum.placements).toBe(16);
    expect(sum.retention[0]).toMatchObject({ n: 1, eligible: 40, sameEmployer: 23 });
    expect(sum.retention[0].rate).toBeCloseTo(57.5, 10);
    expect(sum.trainingEmploymentRate).toBe(50);
    expect(sum.kpiAchievement).toBe(90);
  });

  it('hide a sum when a part is hidden: a suppressed cell never counts as 0, and no hidden cell can be worked out', () => {
    const sum = sumIndicators([part({}), part({ placements: S, trainingCompleters: S })]);
    expect(sum.placements).toEqual(S);
    expect(sum.trainingCompleters).toEqual(S);
    expect(sum.trainingEmploymentRate).toEqual(S);
    expect(sum.clientsRegistered).toBe(20);
  });

  it('give null, not 0 %, for a rate nobody was eligible for', () => {
    const none = part({
      retention: [
        { n: 1, eligible: 0, sameEmployer: 0, rate: null },
        { n: 2, eligible: 0, sameEmployer: 0, rate: null },
        { n: 3, eligible: 0, sameEmployer: 0, rate: null },
      ],
      kpiAchievement: null,
    });
    const sum = sumIndicators([none, none]);
    expect(sum.retention[0].rate).toBeNull();
    expect(sum.kpiAchievement).toBeNull();
  });
});
