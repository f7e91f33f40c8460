import { addDays, occurredAtOfDay } from '@saeil/core';
import { clientStreamId, IntakeEvent } from '@saeil/contracts';
import { foldStream } from '@saeil/event-store';
import { keylessEraser } from '@saeil/privacy';
import type { WorkerJob, WorkerServices } from '@saeil/runtime';
import { clientDecider, ClientState, retentionEndsOn, retentionPeriodEnded } from '../domain/client.decider';
import { eraseClientData } from './erase-client-data';

/** Clients looked at per run; the rest wait for the next run. */
const BATCH = 200;
/** The retention period is counted in days: a few runs a day are plenty. */
const INTERVAL_MS = 6 * 60 * 60_000;
export const RETENTION_ERASURE_ACTOR = 'system:retention';

/**
 * One run: every client whose case was closed more than PERSONAL_DATA_RETENTION_DAYS ago (by
 * `closedOn`, on the clock's today) and not reopened or erased since is erased with reason
 * `retention_period_ended`, actor `system:retention`. Candidates come from the events (her last
 * CaseClosed with nothing reopening or erasing after it); her stream then decides, so a case
 * reopened a moment ago is left alone, and two workers running this at once erase her once (the
 * erasure is idempotent and a lost race is read again). Returns how many clients it erased.
 */
export async function eraseClientsPastRetention(services: WorkerServices): Promise<number> {
  const today = services.clock.today();
  const days = services.config.PERSONAL_DATA_RETENTION_DAYS;
  // Past her period today when closedOn + days < today, i.e. closedOn < today - days. Compared as
  // ISO day text (it sorts as the date does), so the partial index events_case_closed_on serves
  // the filter and the order.
  const closedBefore = addDays(today, -days);
  const candidates: { client_id: string }[] = await services.dataSource.query(
    `SELECT c.data->>'clientId' AS client_id
       FROM events c
      WHERE c.event_type = 'CaseClosed' AND c.context = 'intake' AND c.data->>'closedOn' < $1
        AND NOT EXISTS (SELECT 1 FROM events later
                         WHERE later.stream_id = c.stream_id AND later.stream_version > c.stream_version
                           AND later.event_type IN ('CaseReopened', 'ClientDataErased'))
      ORDER BY c.data->>'closedOn', c.stream_id
      LIMIT $2`,
    [closedBefore, BATCH],
  );
  const eraser = keylessEraser(services.dataSource, services.logger);
  let erased = 0;
  for (const { client_id: clientId } of candidates) {
    try {
      const state = foldStream<ClientState, IntakeEvent>(
        clientDecider,
        await services.store.readStream(clientStreamId(clientId)),
      );
      if (state.erased || !retentionPeriodEnded(state, today, days)) continue;
      const metadata = {
        actorId: RETENTION_ERASURE_ACTOR,
        centerId: state.centerId!,
        correlationId: `personal-data-retention:${today}`,
        occurredAt: occurredAtOfDay(today),
      };
      const result = await eraseClientData(services.store, eraser, {
        clientId,
        reason: 'retention_period_ended',
        metadata,
        today,
        retentionDays: days,
      });
      if (!result.duplicate) {
        erased += 1;
        services.logger.info(
          { clientId, closedOn: state.closedOn, retentionEndedOn: retentionEndsOn(state.closedOn!, days) },
          'personal data erased: retention period ended',
        );
      }
    } catch (error) {
      services.logger.warn({ err: error, clientId }, 'retention erasure failed for a client; the next run tries again');
    }
  }
  return erased;
}

/** The worker erases, a few times a day, the clients whose retention period has ended. */
export const retentionErasureJob: WorkerJob = {
  name: 'personal-data-retention',
  intervalMs: () => INTERVAL_MS,
  async run(services) {
    const erased = await eraseClientsPastRetention(services);
    if (erased > 0)
      services.logger.info({ erased, today: services.clock.today() }, 'retention erasure: clients erased');
  },
};
