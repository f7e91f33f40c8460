import { MINISTRY_STATS_TOPIC, MinistryStatsMessageV1, REPORTS_CONTEXT } from '@saeil/contracts';
import type { StoredEvent } from '@saeil/event-store';
import { IncomingMessage, MalformedEventMessage } from '@saeil/messaging';
import type { Projection } from '@saeil/projections';
import { indicatorsOf } from '../domain/indicators';

/**
 * Only what the Ministry feed carries, field by field: a payload that grew a field tomorrow (or
 * an event's metadata: its actor) never reaches the dashboard's store.
 */
export function statsMessageOf(data: Record<string, unknown>): MinistryStatsMessageV1 {
  const m = data as unknown as MinistryStatsMessageV1;
  if (
    typeof m.reportId !== 'string' ||
    typeof m.period !== 'string' ||
    typeof m.version !== 'number' ||
    typeof m.figures !== 'object' ||
    m.figures === null
  ) {
    throw new MalformedEventMessage('not a Ministry stats message (reportId, period, version, figures)');
  }
  return {
    reportId: m.reportId,
    level: m.level,
    ...(m.scopeId !== undefined ? { scopeId: m.scopeId } : {}),
    period: m.period,
    version: m.version,
    asOfPosition: m.asOfPosition,
    figures: m.figures,
    contentHash: m.contentHash,
    submittedOn: m.submittedOn,
  };
}

/**
 * A message of `saeil.ministry.stats.v1` as the projections' runner sees an event: the stream is
 * the report, its version the report's version (so a re-sent version is skipped like any
 * redelivery), the position the one the publisher's header names. No metadata: the topic has none.
 */
export function statsMessageToEvent(message: IncomingMessage): StoredEvent {
  if (!message.value)
    throw new MalformedEventMessage(`empty message at ${message.topic}/${message.partition}@${message.offset}`);
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(message.value) as Record<string, unknown>;
  } catch {
    throw new MalformedEventMessage(`message at ${message.topic}/${message.partition}@${message.offset} is not JSON`);
  }
  const data = statsMessageOf(parsed);
  const header = (name: string) => message.headers?.[name];
  return {
    eventId: header('event-id') ?? `${data.reportId}#${data.version}`,
    globalPosition: Number(header('global-position') ?? 0),
    transactionId: '0',
    streamId: data.reportId,
    streamVersion: data.version,
    context: REPORTS_CONTEXT,
    type: 'MinistryReportSubmitted',
    schemaVersion: Number(header('schema-version') ?? 1),
    data: data as unknown as Record<string, unknown>,
    metadata: {} as StoredEvent['metadata'],
    recordedAt: new Date().toISOString(),
  };
}

/**
 * The dashboard's only input. Embedded mode: MinistryReportSubmitted followed from the event
 * store by the projections' feed (checkpoint and per-stream positions in its transaction).
 * Kafka mode: the topic `saeil.ministry.stats.v1` (`kafkaSource`), never the case topics. Either
 * way each submitted version becomes one row of ministry_dashboard.report_versions; a version
 * seen again changes nothing.
 *
 * `tables` is empty on purpose: the rows live in the schema `ministry_dashboard` and a replay
 * inserts nothing twice (ON CONFLICT DO NOTHING), so there is no shadow table to swap.
 */
export const ministryDashboardProjection: Projection = {
  name: 'ministry-dashboard',
  tables: [],
  contexts: [REPORTS_CONTEXT],
  eventTypes: ['MinistryReportSubmitted'],
  kafkaSource: { topic: (prefix) => `${prefix}${MINISTRY_STATS_TOPIC}`, toEvent: statsMessageToEvent },
  async apply(event, ctx) {
    const m = statsMessageOf(event.data);
    await ctx.query(
      `INSERT INTO ministry_dashboard.report_versions
         (report_id, level, scope_id, period, period_kind, version, as_of_position, content_hash, submitted_on, figures, indicators, feed_position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (report_id, version) DO NOTHING`,
      [
        m.reportId,
        m.level,
        m.scopeId ?? null,
        m.period,
        m.figures.period.kind,
        m.version,
        m.asOfPosition,
        m.contentHash,
        m.submittedOn,
        JSON.stringify(m.figures),
        JSON.stringify(indicatorsOf(m.figures)),
        event.globalPosition,
      ],
    );
  },
};
