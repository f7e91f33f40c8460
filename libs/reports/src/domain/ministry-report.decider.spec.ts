import { assertMatchesContract } from '@saeil/testing/contract-validate';
import { deciderSpec } from '../../../../tests/support/decider-spec';
import { buildMinistryReport } from '../report/build-ministry-report';
import { sources } from '@saeil/testing/report-fixtures';
import { contentHash } from './canonical';
import { MinistryReportEvent, ministryReportDecider, SubmitMinistryReport } from './ministry-report.decider';

const figures = buildMinistryReport(
  { level: 'center', scopeId: 'center-naju' },
  { key: '2026-Q1', kind: 'quarter', from: '2026-01-01', to: '2026-03-31' },
  sources(),
  5,
);
const submit = (overrides: Partial<SubmitMinistryReport> = {}): SubmitMinistryReport => ({
  type: 'SubmitMinistryReport',
  reportId: 'ministry-report-center-center-naju-2026-Q1',
  level: 'center',
  scopeId: 'center-naju',
  period: '2026-Q1',
  periodEnds: '2026-03-31',
  figures,
  contentHash: contentHash(figures),
  today: '2026-04-03',
  ...overrides,
});

const { given, when } = deciderSpec(ministryReportDecider, { checkEvent: assertMatchesContract });

describe('Ministry report submissions', () => {
  it('the first submission freezes version 1 with its figures, position and hash', () => {
    const [event] = when(submit()).events();
    expect(event).toEqual({
      type: 'MinistryReportSubmitted',
      data: {
        reportId: 'ministry-report-center-center-naju-2026-Q1',
        level: 'center',
        scopeId: 'center-naju',
        period: '2026-Q1',
        version: 1,
        asOfPosition: 812,
        figures,
        contentHash: contentHash(figures),
        submittedOn: '2026-04-03',
      },
    });
  });

  it('a correction with other figures is version n + 1; the earlier one stays in the history', () => {
    const history: MinistryReportEvent[] = when(submit()).events();
    const corrected = { ...figures, asOfPosition: 950 };
    const [event] = given(...history)
      .when(submit({ figures: corrected, contentHash: contentHash(corrected), today: '2026-05-02' }))
      .events();
    expect(event.data).toMatchObject({ version: 2, asOfPosition: 950, submittedOn: '2026-05-02' });
    const [third] = given(...history, event)
      .when(submit())
      .events();
    expect(third.data.version).toBe(3);
  });

  it('a resubmission that changes nothing is refused (422), no new version', () => {
    const error = given(...when(submit()).events())
      .when(submit({ today: '2026-04-10' }))
      .thenRefuses('REPORT_UNCHANGED');
    expect(error.kind).toBe('rule');
  });

  it('a period is submitted only after it has ended (the last day itself is too early)', () => {
    expect(when(submit({ today: '2026-03-31' })).thenRefuses('REPORT_PERIOD_NOT_ENDED').kind).toBe('rule');
    expect(when(submit({ today: '2026-04-01' })).events()).toHaveLength(1);
  });

  it('the nation report has no scope id in its event', () => {
    const [event] = when(
      submit({ level: 'nation', scopeId: undefined, reportId: 'ministry-report-nation-nation-2026-Q1' }),
    ).events();
    expect(event.data).not.toHaveProperty('scopeId');
  });
});
