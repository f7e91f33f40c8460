import type { StoredEvent } from '@saeil/event-store';
import { buildMinistryReport } from '../report/build-ministry-report';
import { sources } from '@saeil/testing/report-fixtures';
import { ministryStatsKey, ministryStatsTopic, toStatsMessage } from './ministry-stats.reactor';

const figures = buildMinistryReport(
  { level: 'region', scopeId: '전라남도' },
  { key: '2026-03', kind: 'month', from: '2026-03-01', to: '2026-03-31' },
  sources(),
  5,
);
const event: StoredEvent = {
  eventId: '0b6f3c1e-7d55-4b0e-9a57-3b1f0c6e2a10',
  globalPosition: 1204,
  transactionId: '88121',
  streamId: 'ministry-report-region-전라남도-2026-03',
  streamVersion: 2,
  context: 'reports',
  type: 'MinistryReportSubmitted',
  schemaVersion: 1,
  data: {
    reportId: 'ministry-report-region-전라남도-2026-03',
    level: 'region',
    scopeId: '전라남도',
    period: '2026-03',
    version: 2,
    asOfPosition: 812,
    figures,
    contentHash: 'c0'.repeat(32),
    submittedOn: '2026-04-02',
  },
  metadata: {
    actorId: 'supervisor-lee',
    centerId: 'region:전라남도',
    correlationId: 'corr-1',
    occurredAt: '2026-04-02T01:00:00.000Z',
  },
  recordedAt: '2026-04-02T01:00:00.120Z',
};

describe('the Ministry stats message', () => {
  it('goes to the prefixed topic, keyed by level, scope and period', () => {
    expect(ministryStatsTopic('')).toBe('saeil.ministry.stats.v1');
    expect(ministryStatsTopic('t1.reports.')).toBe('t1.reports.saeil.ministry.stats.v1');
    expect(ministryStatsKey({ level: 'nation', period: '2026-Q1' })).toBe('nation:nation:2026-Q1');
    expect(toStatsMessage('saeil.ministry.stats.v1', event).key).toBe('region:전라남도:2026-03');
  });

  it('carries the frozen payload and nothing of the event metadata (no actor): only aggregates leave', () => {
    const message = toStatsMessage('saeil.ministry.stats.v1', event);
    expect(JSON.parse(message.value)).toEqual(event.data);
    expect(message.value).not.toContain('supervisor-lee');
    expect(message.headers).toEqual({
      'event-id': event.eventId,
      'event-type': 'MinistryReportSubmitted',
      'schema-version': '1',
      'correlation-id': 'corr-1',
      'global-position': '1204',
      'stream-version': '2',
      'content-hash': 'c0'.repeat(32),
    });
  });
});
