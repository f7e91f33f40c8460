import { MINISTRY_STATS_TOPIC, MinistryReportSubmittedV1, REPORTS_CONTEXT } from '@saeil/contracts';
import type { StoredEvent } from '@saeil/event-store';
import { eventHeaders, OutgoingMessage } from '@saeil/messaging';
import type { Reactor, WorkerServices } from '@saeil/runtime';

/** The dashboard topic with the installation's prefix (like every topic in libs/messaging Topics). */
export const ministryStatsTopic = (prefix: string): string => `${prefix}${MINISTRY_STATS_TOPIC}`;

/** `<level>:<scopeId|nation>:<period>`: every version of one report lands on one partition, in order. */
export const ministryStatsKey = (data: Pick<MinistryReportSubmittedV1, 'level' | 'scopeId' | 'period'>): string =>
  `${data.level}:${data.scopeId ?? 'nation'}:${data.period}`;

export function toStatsMessage(topic: string, event: StoredEvent): OutgoingMessage {
  const data = event.data as unknown as MinistryReportSubmittedV1;
  const value: MinistryReportSubmittedV1 = {
    reportId: data.reportId,
    level: data.level,
    ...(data.scopeId !== undefined ? { scopeId: data.scopeId } : {}),
    period: data.period,
    version: data.version,
    asOfPosition: data.asOfPosition,
    figures: data.figures,
    contentHash: data.contentHash,
    submittedOn: data.submittedOn,
  };
  return {
    topic,
    key: ministryStatsKey(data),
    value: JSON.stringify(value),
    headers: { ...eventHeaders(event), 'content-hash': data.contentHash },
  };
}

/** Topics already made by this process's bus (created on the first report, never at start). */
const readyTopics = new WeakMap<object, Set<string>>();

async function ensureTopic(services: WorkerServices, topic: string): Promise<void> {
  const bus = services.bus!;
  const ready = readyTopics.get(bus) ?? new Set<string>();
  readyTopics.set(bus, ready);
  if (ready.has(topic)) return;
  await bus.ensureTopics([{ topic }]);
  ready.add(topic);
}

/**
 * Publishes every submitted Ministry report to `saeil.ministry.stats.v1`, so the Ministry
 * dashboard reads aggregates and never the case database. A reactor in the worker: it follows
 * MinistryReportSubmitted through the same feed, checkpoint and consumer group as the
 * projections, so a report submitted while no worker runs, or while Kafka is away, is published
 * when they are back (a failed publish rolls its batch back to be tried again). A crash between
 * the publish and the checkpoint sends it again: the dashboard keeps one message per key and
 * version. In embedded mode there is no broker and nothing is published; the report is still
 * frozen in the store.
 */
export const ministryStatsReactor: Reactor = {
  name: 'ministry-stats-feed',
  contexts: [REPORTS_CONTEXT],
  eventTypes: ['MinistryReportSubmitted'],
  async react(event, services) {
    if (!services.bus) return;
    const topic = ministryStatsTopic(services.config.KAFKA_TOPIC_PREFIX);
    await ensureTopic(services, topic);
    await services.bus.publish([toStatsMessage(topic, event)]);
    services.logger.info({ report: event.streamId, topic }, 'Ministry report figures published');
  },
};
