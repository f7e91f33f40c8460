import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The process's Prometheus metrics, in a registry of its own (tests start several app
 * instances in one process, and the global registry would mix them).
 */
export class Metrics {
  readonly registry = new Registry();

  readonly eventsAppended = new Counter({
    name: 'saeil_events_appended_total',
    help: 'Events appended to the event store, by type',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });

  readonly commandDuration = new Histogram({
    name: 'saeil_command_duration_seconds',
    help: 'Command handling latency, by command and outcome',
    labelNames: ['command', 'outcome'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly relayLag = new Gauge({
    name: 'saeil_relay_lag_events',
    help: 'Events in the store not yet acknowledged by Kafka',
    registers: [this.registry],
  });

  readonly relayPublished = new Counter({
    name: 'saeil_relay_published_total',
    help: 'Events published to Kafka by the outbox relay',
    registers: [this.registry],
  });

  readonly relayAlreadyPublished = new Counter({
    name: 'saeil_relay_already_published_total',
    help: 'Events the outbox relay found on Kafka already when taking over (sent before a crash, checkpoint not moved) and did not send again',
    registers: [this.registry],
  });

  readonly projectionLag = new Gauge({
    name: 'saeil_projection_lag',
    help: 'Embedded mode: events in the store after the projection checkpoint. Kafka mode: consumer-group lag in messages.',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly projectionApplied = new Counter({
    name: 'saeil_projection_events_applied_total',
    help: 'Events applied by each projection',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly workerJobRuns = new Counter({
    name: 'saeil_worker_job_runs_total',
    help: 'Completed runs of each scheduled worker job (the follow-up sweep …): a job that stopped running shows as a flat line',
    labelNames: ['job'] as const,
    registers: [this.registry],
  });

  readonly deadLetters = new Counter({
    name: 'saeil_dead_letters_total',
    help: 'Events a projection gave up on and sent to the dead-letter topic/table',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'saeil_' });
  }
}
