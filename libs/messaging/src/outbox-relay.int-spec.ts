import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource, migrate, Notifications } from '@saeil/database';
import { EVENTS_CHANNEL, EventStore, readCheckpoint, StoredEvent, UpcasterRegistry } from '@saeil/event-store';
import { Metrics } from '@saeil/observability';
import {
  createTestDatabase,
  describeKafka,
  kafkaBrokers,
  TestDatabase,
  uniqueTopicPrefix,
  waitFor,
} from '../../../tests/support/env';
import { readWholeTopic } from '../../../tests/fault/support/topic-reader';
import { KafkajsMessageBus } from './kafka/kafkajs-message-bus';
import { toMessage } from './envelope';
import { OutboxRelay, RELAY_CHECKPOINT } from './outbox-relay';
import { Topics } from './topics';

const meta = {
  actorId: 'counselor-relay',
  centerId: 'center-naju',
  correlationId: 'c-relay',
  occurredAt: '2026-11-20T00:00:00.000Z',
};

/** A relay killed between its send and its checkpoint: the broker has the batch, PostgreSQL does not know. */
class RelayKilledAfterSend extends OutboxRelay {
  protected override async moveCheckpoint(): Promise<void> {
    throw new Error('killed after the send');
  }
}

/** A relay whose checkpoint write fails once (PostgreSQL away for a moment), then works. */
class RelayWithOneFailedCheckpoint extends OutboxRelay {
  failed = false;
  protected override async moveCheckpoint(last: StoredEvent): Promise<void> {
    if (!this.failed) {
      this.failed = true;
      throw new Error('connection terminated');
    }
    await super.moveCheckpoint(last);
  }
}

/**
 * The relay against a real broker and PostgreSQL: each event reaches its topic exactly once even
 * when the relay before it sent a batch and died before moving its checkpoint. Each test has its
 * own database (its own checkpoint) and its own topics.
 */
describeKafka('outbox relay: exactly once on the topics across a takeover', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let store: EventStore;
  let bus: KafkajsMessageBus;
  let notifications: Notifications;
  let topics: Topics;
  let logLines: { msg: string; alreadyOnKafka?: number }[];
  const relays: OutboxRelay[] = [];

  const logger = () =>
    pino(
      { level: 'info' },
      new Writable({
        write(chunk, _encoding, done) {
          logLines.push(JSON.parse(String(chunk)));
          done();
        },
      }),
    );

  const relay = <R extends OutboxRelay>(
    Kind: new (...args: ConstructorParameters<typeof OutboxRelay>) => R,
    batchSize: number,
    metrics = new Metrics(),
  ): R => {
    const made = new Kind(
      dataSource,
      store,
      bus,
      topics,
      notifications,
      metrics,
      logger(),
      { batchSize, pollIntervalMs: 50 },
      db.url,
    );
    relays.push(made);
    return made;
  };

  /** Relays until nothing is left; returns the events the checkpoint passed. */
  const drain = async (r: OutboxRelay): Promise<number> => {
    let passed = 0;
    for (let n = await r.publishBatch(); n > 0; n = await r.publishBatch()) passed += n;
    return passed;
  };

  const storedEvents = async (): Promise<StoredEvent[]> =>
    store.readAll({ transactionId: '0', globalPosition: 0 }, 10_000);

  /**
   * Readers see only below the oldest transaction still running on the server, and other test
   * files share the server: wait until every event written is readable, as the relay reads.
   */
  const untilReadable = async () => {
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM events`);
    await waitFor(async () => (await storedEvents()).length === n, {
      description: `${n} events readable in commit order`,
      timeoutMs: 30_000,
      intervalMs: 20,
    });
  };

  /** `clients` cases: each registered in intake, then `sessions` counseling sessions, written client after client in turns. */
  const writeCases = async (clients: number, sessions: number): Promise<string[]> => {
    const streams = Array.from({ length: clients }, () => `case-${randomUUID()}`);
    for (const stream of streams)
      await store.append(stream, [{ type: 'ClientRegistered', data: {} }], {
        context: 'intake',
        expectedVersion: 0,
        metadata: meta,
      });
    for (let n = 0; n < sessions; n++) {
      for (const stream of streams) {
        await store.append(stream, [{ type: 'CounselingSessionRecorded', data: { n } }], {
          context: 'counseling',
          expectedVersion: n + 1,
          metadata: meta,
        });
      }
    }
    await untilReadable();
    return streams;
  };

  /** Every message on the two topics, by event id: the same list as the store's means each event once. */
  const onKafka = async () => [
    ...(await readWholeTopic(kafkaBrokers()!, topics.events('intake'))),
    ...(await readWholeTopic(kafkaBrokers()!, topics.events('counseling'))),
  ];

  const counterValue = async (counter: Metrics['relayPublished']) => (await counter.get()).values[0]?.value ?? 0;

  const expectEachEventOnceInStreamOrder = async () => {
    const events = await storedEvents();
    const messages = await onKafka();
    expect(messages.map((m) => m.eventId).sort()).toEqual(events.map((e) => e.eventId).sort());
    // Kafka keeps one stream's events on one partition: they must be there in stream order.
    for (const stream of new Set(events.map((e) => e.streamId))) {
      expect(messages.filter((m) => m.key === stream).map((m) => m.eventId)).toEqual(
        events.filter((e) => e.streamId === stream).map((e) => e.eventId),
      );
    }
    const checkpoint = await readCheckpoint(dataSource, RELAY_CHECKPOINT);
    expect(checkpoint.globalPosition).toBe(events[events.length - 1].globalPosition);
  };

  beforeEach(async () => {
    db = await createTestDatabase('outbox_relay');
    dataSource = createDataSource(db.url, [], 4);
    await dataSource.initialize();
    await migrate(dataSource);
    store = new EventStore(dataSource, new UpcasterRegistry());
    notifications = new Notifications(db.url, EVENTS_CHANNEL);
    topics = new Topics(uniqueTopicPrefix('relay'));
    bus = new KafkajsMessageBus({
      brokers: kafkaBrokers()!,
      clientId: 'saeil-relay-spec',
      defaultPartitions: 3,
      replicationFactor: 1,
      logger: pino({ level: 'error' }),
    });
    await bus.ensureTopics([{ topic: topics.events('intake') }, { topic: topics.events('counseling') }]);
    logLines = [];
  });

  afterEach(async () => {
    for (const r of relays.splice(0)) await r.stop();
    await bus?.close();
    await dataSource?.destroy();
    await db?.drop();
  });

  it('a batch sent by a relay that died before its checkpoint is not sent again by the next relay', async () => {
    await writeCases(3, 7); // 3 registrations + 21 sessions = 24 events
    const killed = relay(RelayKilledAfterSend, 10);
    await expect(killed.publishBatch()).rejects.toThrow('killed after the send');
    expect((await onKafka()).length).toBe(10); // the broker has the first batch; the checkpoint is still at the start
    expect(await readCheckpoint(dataSource, RELAY_CHECKPOINT)).toEqual({ transactionId: '0', globalPosition: 0 });

    const metrics = new Metrics();
    const next = relay(OutboxRelay, 10, metrics);
    expect(await drain(next)).toBe(24);

    await expectEachEventOnceInStreamOrder();
    expect(await counterValue(metrics.relayAlreadyPublished)).toBe(10);
    expect(await counterValue(metrics.relayPublished)).toBe(14);
    expect(logLines.filter((l) => l.msg.startsWith('relay resumed')).map((l) => l.msg)).toEqual([
      'relay resumed: 0 events already on Kafka skipped', // the relay that died, at its start
      'relay resumed: 10 events already on Kafka skipped',
    ]);
  });

  it('of a batch the broker took only in part (one topic, some streams), sends exactly the missing events', async () => {
    const streams = await writeCases(4, 5); // 4 registrations + 20 sessions = 24 events
    const batch = (await storedEvents()).slice(0, 12); // the 4 registrations, then 2 sessions of each case
    // The in-flight batch reached the intake topic, and of the counseling topic only the
    // partition(s) of the first two cases: written with the real bus, checkpoint not moved.
    const landed = batch.filter((e) => e.context === 'intake' || streams.slice(0, 2).includes(e.streamId));
    expect(landed).toHaveLength(8); // 4 registrations + 2 sessions of each of the first two cases
    await bus.publish(landed.map((e) => toMessage(topics.events(e.context), e)));

    const metrics = new Metrics();
    expect(await drain(relay(OutboxRelay, 12, metrics))).toBe(24);

    await expectEachEventOnceInStreamOrder();
    expect(await counterValue(metrics.relayAlreadyPublished)).toBe(8);
    expect(await counterValue(metrics.relayPublished)).toBe(16);
  });

  it('reads further back than its own batch size when the relay before it sent larger batches', async () => {
    // One partition: the in-flight batch is deeper there than the new relay's batch size.
    topics = new Topics(uniqueTopicPrefix('relay-one-partition'));
    await bus.ensureTopics([
      { topic: topics.events('intake'), partitions: 1 },
      { topic: topics.events('counseling'), partitions: 1 },
    ]);
    const streams = await writeCases(1, 0);
    for (let n = 0; n < 19; n++)
      await store.append(streams[0], [{ type: 'CounselingSessionRecorded', data: { n } }], {
        context: 'counseling',
        expectedVersion: n + 1,
        metadata: meta,
      });
    await untilReadable();
    // 20 events. The first relay relays 5 properly (batch 5), then one sends 10 and dies.
    const first = relay(OutboxRelay, 5);
    expect(await first.publishBatch()).toBe(5);
    await first.stop();
    await expect(relay(RelayKilledAfterSend, 10).publishBatch()).rejects.toThrow('killed after the send');

    const metrics = new Metrics();
    expect(await drain(relay(OutboxRelay, 3, metrics))).toBe(15);

    await expectEachEventOnceInStreamOrder();
    expect(await counterValue(metrics.relayAlreadyPublished)).toBe(10);
    expect(await counterValue(metrics.relayPublished)).toBe(5);
  });

  it('checks the topics again after a failure of its own: a checkpoint that could not be written does not double the batch', async () => {
    await writeCases(2, 5); // 12 events
    const metrics = new Metrics();
    const flaky = relay(RelayWithOneFailedCheckpoint, 5, metrics);
    await expect(flaky.publishBatch()).rejects.toThrow('connection terminated');
    expect(await drain(flaky)).toBe(12);

    await expectEachEventOnceInStreamOrder();
    expect(await counterValue(metrics.relayAlreadyPublished)).toBe(5);
    expect(await counterValue(metrics.relayPublished)).toBe(7); // counted as the checkpoint passes them: the 5 sent before the failure are the 5 skipped
  });

  it('running its loop as the leader, relays a steady stream once, and finds nothing to skip at its start', async () => {
    await writeCases(3, 2); // 9 events
    const metrics = new Metrics();
    const running = relay(OutboxRelay, 4, metrics);
    running.start();
    await writeCases(2, 3); // 8 more: 17 in all, these written while it runs
    const last = (await storedEvents()).at(-1)!.globalPosition;
    await waitFor(async () => (await readCheckpoint(dataSource, RELAY_CHECKPOINT)).globalPosition === last, {
      description: 'the relay to reach the last event',
      timeoutMs: 30_000,
    });
    await running.stop();

    await expectEachEventOnceInStreamOrder();
    expect(await counterValue(metrics.relayPublished)).toBe(17);
    expect(await counterValue(metrics.relayAlreadyPublished)).toBe(0);
    expect(logLines.filter((l) => l.msg.startsWith('relay resumed')).map((l) => l.alreadyOnKafka)).toEqual([0]);
  });

  it('an event committed behind a transaction still open goes out soon after that one ends, not at the next poll', async () => {
    await notifications.start();
    const metrics = new Metrics();
    // A poll an hour away: only the relay's own look-again can send the event within the test.
    const running = new OutboxRelay(
      dataSource,
      store,
      bus,
      topics,
      notifications,
      metrics,
      logger(),
      { batchSize: 10, pollIntervalMs: 3_600_000 },
      db.url,
    );
    relays.push(running);
    const blocker = new Client({ connectionString: db.url });
    try {
      const [stream] = await writeCases(1, 0);
      running.start();
      const first = (await storedEvents())[0].globalPosition;
      await waitFor(async () => (await readCheckpoint(dataSource, RELAY_CHECKPOINT)).globalPosition === first, {
        description: 'the registration relayed at the start',
      });

      // A transaction with an id, open: the session committed after it sits above the snapshot's
      // xmin, so the relay, woken by the session's notification, cannot take it yet.
      await blocker.connect();
      await blocker.query('BEGIN');
      await blocker.query('SELECT pg_current_xact_id()');
      const { globalPosition: session } = await store.append(
        stream,
        [{ type: 'CounselingSessionRecorded', data: { n: 0 } }],
        { context: 'counseling', expectedVersion: 1, metadata: meta },
      );
      await waitFor(async () => (await metrics.relayLag.get()).values[0]?.value === 1, {
        description: 'the woken relay seeing one committed event it may not take yet',
      });
      expect((await readCheckpoint(dataSource, RELAY_CHECKPOINT)).globalPosition).toBe(first);

      await blocker.query('COMMIT'); // no notification comes of this
      await waitFor(async () => (await readCheckpoint(dataSource, RELAY_CHECKPOINT)).globalPosition === session, {
        description: 'the session relayed after the blocker ended',
        timeoutMs: 20_000,
      });
      expect(await counterValue(metrics.relayPublished)).toBe(2);
    } finally {
      await blocker.end().catch(() => undefined);
      await running.stop();
      await notifications.stop();
    }
  });
});
