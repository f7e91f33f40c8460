import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { SaeilConfig } from '@saeil/config';
import { Clock, SaeilError } from '@saeil/core';
import type { EventStore, StoredEvent } from '@saeil/event-store';
import type { MessageBus } from '@saeil/messaging';
import { Projection, RetryLater } from '@saeil/projections';

/** What a reactor or a worker job may use: the runtime's store, database, configuration and clock. */
export interface WorkerServices {
  config: SaeilConfig;
  store: EventStore;
  dataSource: DataSource;
  clock: Clock;
  logger: Logger;
  /** The Kafka bus; absent in embedded mode (a reactor that feeds a topic then has nothing to do). */
  bus?: MessageBus;
}

/**
 * A follower that acts instead of keeping a read model: for each event it handles it runs a
 * command on another stream (EmploymentStarted → schedule her follow-ups). It is fed exactly like
 * a projection (the same feeds, checkpoint and per-stream positions, one consumer group in Kafka
 * mode) but its command commits in its own transaction, before the feed's checkpoint: after a
 * crash in between the event comes again, so a reaction must be idempotent — an idempotency key
 * derived from the causing event's id (`reactionKey`) and a decider that decides nothing twice.
 *
 * A reactor owns no tables and is never rebuilt: replaying it from position zero would issue
 * every command again (ProjectionRebuilder refuses it; runtime.projections does not list it).
 */
export interface Reactor {
  readonly name: string;
  /** Bounded contexts whose event topics it consumes in Kafka mode. */
  readonly contexts: string[];
  readonly eventTypes: string[];
  react(event: StoredEvent, services: WorkerServices): Promise<void>;
}

/** A job the worker runs every `intervalMs` (one run at a time per process; several workers may run it at once). */
export interface WorkerJob {
  readonly name: string;
  intervalMs(config: SaeilConfig): number;
  run(services: WorkerServices): Promise<void>;
}

/** The idempotency key of the command a reactor runs for one event: the same event never acts twice. */
export function reactionKey(reactor: string, event: Pick<StoredEvent, 'eventId'>): string {
  return `reaction:${reactor}:${event.eventId}`;
}

/**
 * The reactor as the feeds see it. A domain refusal (the event's fault: RuleViolation, NotFound …)
 * is retried and then dead-lettered like a projection's failure; anything else (the database
 * went away) rolls the batch back to be tried again later, so no reaction is skipped for a blip.
 */
export function reactorProjection(reactor: Reactor, services: WorkerServices): Projection {
  return {
    name: reactor.name,
    tables: [],
    contexts: reactor.contexts,
    eventTypes: reactor.eventTypes,
    async apply(event) {
      try {
        await reactor.react(event, services);
      } catch (error) {
        if (error instanceof SaeilError) throw error;
        throw new RetryLater(error);
      }
    },
  };
}
