import { DataSource } from 'typeorm';
import pino, { Logger } from 'pino';
import { SaeilConfig } from '@saeil/config';
import { Clock, clockFor } from '@saeil/core';
import {
  createDataSource,
  prepareDataDir,
  reportPooledConnectionErrors,
  ensureDatabase,
  migrate,
  Notifications,
  embeddedClusterDir,
  runningEmbeddedPostgres,
  startEmbeddedPostgres,
} from '@saeil/database';
import { EventStore, EVENTS_CHANNEL, UpcasterRegistry } from '@saeil/event-store';
import { KafkajsMessageBus, MessageBus, OutboxRelay, Topics } from '@saeil/messaging';
import { Metrics } from '@saeil/observability';
import {
  EventStoreFeed,
  KafkaProjectionFeed,
  Projection,
  ProjectionRebuilder,
  ProjectionRunner,
  ReadModelConsistency,
} from '@saeil/projections';
import { SaeilModuleDefinition } from './module-definition';
import { reactorProjection, WorkerServices } from './reactor';
import { WorkerJobs } from './worker-jobs';

/**
 * Everything a process needs, built once outside Nest (the composition root) and handed to
 * the Nest modules as providers. Tests build several of these side by side.
 */
export interface Runtime {
  config: SaeilConfig;
  databaseUrl: string;
  logger: Logger;
  dataSource: DataSource;
  store: EventStore;
  metrics: Metrics;
  notifications: Notifications;
  topics: Topics;
  bus?: MessageBus;
  modules: SaeilModuleDefinition[];
  /** Read models only: reactors are not listed here (they are never rebuilt). */
  projections: Projection[];
  /** "Today" for the follow-up sweep and the commands that judge dates against it (SAEIL_CLOCK_TODAY pins it in tests). */
  clock: Clock;
  consistency: ReadModelConsistency;
  worker: Worker;
  rebuilder: ProjectionRebuilder;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  modules: SaeilModuleDefinition[];
  logger?: Logger;
  /** Start the relay and projection feeds now (the worker role). */
  startWorker?: boolean;
}

/** The worker role: outbox relay, projection and reactor feeds, and the modules' interval jobs. */
export class Worker {
  private started = false;
  readonly runners: ProjectionRunner[];
  readonly relay?: OutboxRelay;
  readonly storeFeed?: EventStoreFeed;
  readonly kafkaFeed?: KafkaProjectionFeed;
  readonly jobs: WorkerJobs;

  constructor(rt: Omit<Runtime, 'worker' | 'close' | 'rebuilder'>) {
    const services: WorkerServices = {
      config: rt.config,
      store: rt.store,
      dataSource: rt.dataSource,
      clock: rt.clock,
      logger: rt.logger.child({ component: 'worker' }),
      bus: rt.bus,
    };
    const reactors = rt.modules.flatMap((m) => m.reactors ?? []).map((r) => reactorProjection(r, services));
    this.runners = [...rt.projections, ...reactors].map(
      (p) => new ProjectionRunner(p, 'live', rt.config.PROJECTION_MAX_ATTEMPTS, rt.metrics),
    );
    this.jobs = new WorkerJobs(
      rt.modules.flatMap((m) => m.jobs ?? []),
      services,
      rt.metrics,
    );
    const feedOptions = { batchSize: rt.config.PROJECTION_BATCH_SIZE, pollIntervalMs: rt.config.POLL_INTERVAL_MS };
    // A process whose modules write no events (the Ministry dashboard on its own) relays none.
    const writesEvents = rt.modules.some((m) => m.contexts.length > 0);
    if (rt.bus) {
      if (writesEvents)
        this.relay = new OutboxRelay(
          rt.dataSource,
          rt.store,
          rt.bus,
          rt.topics,
          rt.notifications,
          rt.metrics,
          rt.logger.child({ component: 'relay' }),
          { batchSize: rt.config.RELAY_BATCH_SIZE, pollIntervalMs: rt.config.POLL_INTERVAL_MS },
          rt.databaseUrl,
        );
      this.kafkaFeed = new KafkaProjectionFeed(
        rt.dataSource,
        rt.bus,
        rt.topics,
        this.runners,
        rt.metrics,
        rt.logger.child({ component: 'projections' }),
      );
    } else {
      this.storeFeed = new EventStoreFeed(
        rt.dataSource,
        rt.store,
        this.runners,
        rt.notifications,
        rt.metrics,
        rt.logger.child({ component: 'projections' }),
        feedOptions,
      );
    }
  }

  get running(): boolean {
    return this.started;
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.relay?.start();
    this.storeFeed?.start();
    await this.kafkaFeed?.start();
    this.jobs.start();
  }

  /**
   * Every loop is told to stop at once (each stop() clears its running flag before it awaits
   * anything), then waited for: a loop told later would go on reading while the others are
   * awaited, and log the database going away under it as a failure.
   */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await Promise.all([this.jobs.stop(), this.kafkaFeed?.stop(), this.storeFeed?.stop(), this.relay?.stop()]);
  }

  /** Lag per projection: events behind the store (embedded) or messages behind the topic (Kafka). */
  async projectionLags(): Promise<Record<string, number>> {
    const lags: Record<string, number> = {};
    for (const runner of this.runners) {
      lags[runner.projection.name] = this.kafkaFeed
        ? await this.kafkaFeed.lag(runner)
        : await this.storeFeed!.lag(runner);
    }
    return lags;
  }
}

/** The process's logger: bearer tokens and cookies never reach a log line. To stdout unless a stream is given. */
export function createLogger(config: SaeilConfig, stream?: pino.DestinationStream): Logger {
  const options = {
    level: config.LOG_LEVEL,
    base: { service: 'saeil' },
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  };
  return stream ? pino(options, stream) : pino(options);
}

export async function createRuntime(config: SaeilConfig, options: RuntimeOptions): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config);
  let stopEmbedded: (() => Promise<void>) | undefined;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    if (prepareDataDir(config.SAEIL_DATA_DIR))
      logger.info(
        { dataDir: config.SAEIL_DATA_DIR },
        'the data directory may now be passed through by the postgres user (execute bit only): embedded PostgreSQL runs as that user under root',
      );
    const clusterDir = embeddedClusterDir(config.SAEIL_DATA_DIR);
    if (clusterDir === config.SAEIL_DATA_DIR)
      logger.warn(
        { dataDir: clusterDir },
        'the embedded PostgreSQL cluster is the data directory itself (made by an older Saeil): generated keys and anchors sit inside its files; move it to <SAEIL_DATA_DIR>/postgres while stopped',
      );
    let serverUrl = runningEmbeddedPostgres(clusterDir);
    if (serverUrl) {
      logger.info({ dataDir: config.SAEIL_DATA_DIR }, 'using the embedded PostgreSQL another Saeil process is running');
    } else {
      const embedded = await startEmbeddedPostgres({
        dataDir: clusterDir,
        port: config.EMBEDDED_PG_PORT,
        persistent: true,
        logger: (line) => logger.debug({ component: 'postgres' }, line),
      });
      serverUrl = embedded.url;
      stopEmbedded = embedded.stop;
      logger.info({ dataDir: config.SAEIL_DATA_DIR, port: config.EMBEDDED_PG_PORT }, 'embedded PostgreSQL started');
    }
    databaseUrl = await ensureDatabase(serverUrl, 'saeil');
  }
  const dataSource = createDataSource(
    databaseUrl,
    options.modules.flatMap((m) => m.migrations),
    config.DATABASE_POOL_SIZE,
  );
  try {
    await dataSource.initialize();
    reportPooledConnectionErrors(dataSource, (error) => {
      // 57P01/57P03: PostgreSQL is shutting down (Ctrl-C reaches the embedded one too): expected, not a fault.
      const level = error.code === '57P01' || error.code === '57P03' ? 'info' : 'warn';
      logger[level]({ code: error.code, err: error.message }, 'a database connection was closed by the server');
    });
    await migrate(dataSource);
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    await stopEmbedded?.();
    throw error;
  }

  const upcasters = new UpcasterRegistry();
  options.modules.forEach((m) => m.registerUpcasters?.(upcasters));
  const metrics = new Metrics({ defaultMetrics: true });
  const store = new EventStore(dataSource, upcasters);
  store.onAppended((events) => events.forEach((e) => metrics.eventsAppended.inc({ type: e.type })));
  const notifications = new Notifications(databaseUrl, EVENTS_CHANNEL, logger);
  await notifications.start();
  const topics = new Topics(config.KAFKA_TOPIC_PREFIX);

  let bus: MessageBus | undefined;
  if (config.kafkaEnabled) {
    bus = new KafkajsMessageBus({
      brokers: config.kafkaBrokers,
      clientId: config.KAFKA_CLIENT_ID,
      defaultPartitions: config.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: config.KAFKA_REPLICATION_FACTOR,
      sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
      logger: logger.child({ component: 'kafka' }),
    });
    // Also the topics projections read: a projection may follow a context this build does not
    // run (yet), and a consumer cannot join a group on a topic that does not exist.
    const contexts = [
      ...new Set(
        options.modules.flatMap((m) => [
          ...m.contexts,
          ...m.projections.filter((p) => !p.kafkaSource).flatMap((p) => p.contexts),
        ]),
      ),
    ];
    const sourceTopics = [
      ...new Set(
        options.modules.flatMap((m) =>
          m.projections.flatMap((p) => (p.kafkaSource ? [p.kafkaSource.topic(config.KAFKA_TOPIC_PREFIX)] : [])),
        ),
      ),
    ];
    await bus.ensureTopics([
      ...contexts.map((c) => ({ topic: topics.events(c) })),
      ...sourceTopics.map((topic) => ({ topic })),
      { topic: topics.deadLetter() },
      { topic: topics.commands() },
      { topic: topics.commandReplies() },
      { topic: topics.commandDeadLetter() },
    ]);
  }

  const projections = options.modules.flatMap((m) => m.projections);
  const clock = clockFor(config.SAEIL_CLOCK_TODAY);
  if (config.SAEIL_CLOCK_TODAY)
    logger.warn({ today: config.SAEIL_CLOCK_TODAY }, 'SAEIL_CLOCK_TODAY pins today: for tests and drills only');
  const base = {
    config,
    databaseUrl,
    logger,
    dataSource,
    store,
    metrics,
    notifications,
    topics,
    bus,
    modules: options.modules,
    projections,
    clock,
    consistency: new ReadModelConsistency(dataSource, store),
  };
  const worker = new Worker(base);
  const rebuilder = new ProjectionRebuilder(dataSource, store, logger.child({ component: 'rebuild' }), {
    batchSize: config.PROJECTION_BATCH_SIZE,
    maxAttempts: config.PROJECTION_MAX_ATTEMPTS,
  });
  if (options.startWorker) await worker.start();

  let closed = false;
  return {
    ...base,
    worker,
    rebuilder,
    async close() {
      if (closed) return;
      closed = true;
      await worker.stop();
      await bus?.close();
      await notifications.stop();
      await dataSource.destroy().catch(() => undefined);
      await stopEmbedded?.();
    },
  };
}
