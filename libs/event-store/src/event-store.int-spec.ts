import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CENTER_FROM_RECORD, ConcurrencyConflict, IdempotencyKeyReused, SaeilError } from '@saeil/core';
import { createDataSource, migrate } from '@saeil/database';
import { createTestDatabase, TestDatabase, waitFor, waitForLockWaiter } from '../../../tests/support/env';
import { EventStore } from './event-store';
import { UpcasterRegistry } from './upcasters';
import { Checkpoint, EventMetadata, START, StoredEvent } from './types';

const meta: EventMetadata = {
  actorId: 'counselor-kim',
  centerId: 'center-naju',
  correlationId: 'c-1',
  occurredAt: '2026-11-20T09:00:00.000Z',
};
const event = (n = 0) => ({ type: 'CounselingSessionRecorded', data: { n } });

describe('PostgreSQL event store', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase('event_store');
    dataSource = createDataSource(db.url, [], 40);
    await dataSource.initialize();
    await migrate(dataSource);
    store = new EventStore(
      dataSource,
      new UpcasterRegistry().register('ClientRegistered', 1, (d) => ({ ...d, region: d.region ?? 'unknown' })),
    );
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('of two concurrent appends at the same expected version, exactly one succeeds and the other is a ConcurrencyConflict', async () => {
    const stream = `case-${randomUUID()}`;
    await store.append(stream, [event()], { context: 'counseling', expectedVersion: 0, metadata: meta });
    for (let round = 0; round < 10; round++) {
      const expected = round + 1;
      const results = await Promise.allSettled([
        store.append(stream, [event(round)], { context: 'counseling', expectedVersion: expected, metadata: meta }),
        store.append(stream, [event(round)], { context: 'counseling', expectedVersion: expected, metadata: meta }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(rejected).toHaveLength(1);
      expect(rejected[0].reason).toBeInstanceOf(ConcurrencyConflict);
    }
    expect((await store.readStream(stream)).map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('refuses an append whose expected version is stale, without writing', async () => {
    const stream = `case-${randomUUID()}`;
    await store.append(stream, [event(), event()], { context: 'counseling', expectedVersion: 0, metadata: meta });
    await expect(
      store.append(stream, [event()], { context: 'counseling', expectedVersion: 1, metadata: meta }),
    ).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
      actualVersion: 2,
    });
    expect(await store.streamVersion(stream)).toBe(2);
  });

  it('stores the writing transaction, type, schema version, data and metadata of each event', async () => {
    const stream = `case-${randomUUID()}`;
    const result = await store.append(stream, [event(7)], {
      context: 'counseling',
      expectedVersion: 0,
      metadata: { ...meta, causationId: 'cmd-1', idempotencyKey: 'k-abcdefgh' },
    });
    const [stored] = await store.readStream(stream);
    expect(stored).toMatchObject({
      globalPosition: result.globalPosition,
      streamVersion: 1,
      context: 'counseling',
      type: 'CounselingSessionRecorded',
      schemaVersion: 1,
      data: { n: 7 },
      metadata: {
        actorId: 'counselor-kim',
        centerId: 'center-naju',
        correlationId: 'c-1',
        causationId: 'cmd-1',
        idempotencyKey: 'k-abcdefgh',
        occurredAt: '2026-11-20T09:00:00.000Z',
      },
    });
    expect(BigInt(stored.transactionId)).toBeGreaterThan(0n);
    expect(Date.parse(stored.recordedAt)).toBeGreaterThan(Date.parse(meta.occurredAt));
  });

  it('a repeated idempotency key returns the first result and appends nothing; reused for another request it is refused', async () => {
    const key = `register-${randomUUID()}`;
    const idempotency = { owner: 'account-naju', key, commandType: 'RegisterClient', request: { name: '김영희' } };
    const first = await store.append(`client-${randomUUID()}`, [event()], {
      context: 'intake',
      expectedVersion: 0,
      metadata: meta,
      idempotency,
    });
    const before = await store.headPosition();
    const again = await store.append(`client-${randomUUID()}`, [event()], {
      context: 'intake',
      expectedVersion: 0,
      metadata: meta,
      idempotency,
    });
    expect(again).toEqual({ ...first, duplicate: true });
    expect(await store.headPosition()).toBe(before);
    await expect(
      store.append(`client-${randomUUID()}`, [event()], {
        context: 'intake',
        expectedVersion: 0,
        metadata: meta,
        idempotency: { ...idempotency, request: { name: '이순자' } },
      }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReused);
  });

  it("a key belongs to the account that used it: another account's identical key appends its own events, never answers with the first result", async () => {
    const key = `shared-${randomUUID()}`;
    const naju = await store.append(`client-${randomUUID()}`, [event()], {
      context: 'intake',
      expectedVersion: 0,
      metadata: meta,
      idempotency: { owner: 'account-naju', key, commandType: 'RegisterClient', request: { name: '김영희' } },
    });
    // Even with the same command and body, and after the first body is forgotten (her erasure).
    await dataSource.query(`UPDATE idempotency_keys SET request_hash = 'forgotten' WHERE idempotency_key = $1`, [key]);
    const jinju = await store.append(`client-${randomUUID()}`, [event()], {
      context: 'intake',
      expectedVersion: 0,
      metadata: meta,
      idempotency: { owner: 'account-jinju', key, commandType: 'RegisterClient', request: { name: '김영희' } },
    });
    expect(jinju.duplicate).toBe(false);
    expect(jinju.streamId).not.toBe(naju.streamId);
    expect(await store.streamVersion(jinju.streamId)).toBe(1);
    // Each account's retry still answers its own first result.
    const najuRetry = await store.findIdempotentResult({
      owner: 'account-naju',
      key,
      commandType: 'RegisterClient',
      request: { name: '김영희' },
    });
    const jinjuRetry = await store.findIdempotentResult({
      owner: 'account-jinju',
      key,
      commandType: 'RegisterClient',
      request: { name: '김영희' },
    });
    expect([najuRetry?.streamId, jinjuRetry?.streamId]).toEqual([naju.streamId, jinju.streamId]);
    // Concurrent first uses by two accounts: one write each.
    const raced = `race-${randomUUID()}`;
    const results = await Promise.all(
      ['a', 'b', 'a', 'b', 'a', 'b'].map((owner) =>
        store.append(`client-${randomUUID()}`, [event()], {
          context: 'intake',
          expectedVersion: 0,
          metadata: meta,
          idempotency: { owner, key: raced, commandType: 'RegisterClient', request: { n: 1 } },
        }),
      ),
    );
    expect(new Set(results.map((r) => r.streamId)).size).toBe(2);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(2);
  });

  it('a retry whose first attempt succeeded gets the first answer even after the stream moved on (not a 409)', async () => {
    const stream = `case-${randomUUID()}`;
    const idempotency = {
      owner: 'account-naju',
      key: `session-${randomUUID()}`,
      commandType: 'RecordSession',
      request: { n: 1 },
    };
    const first = await store.append(stream, [event(1)], {
      context: 'counseling',
      expectedVersion: 0,
      metadata: meta,
      idempotency,
    });
    await store.append(stream, [event(2)], { context: 'counseling', expectedVersion: 1, metadata: meta });
    const retry = await store.append(stream, [event(1)], {
      context: 'counseling',
      expectedVersion: 0,
      metadata: meta,
      idempotency,
    });
    expect(retry).toEqual({ ...first, duplicate: true });
    expect(await store.streamVersion(stream)).toBe(2);
  });

  it('concurrent requests with one idempotency key write once and all get the same answer', async () => {
    const key = `burst-${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        store.append(`client-${randomUUID()}`, [event()], {
          context: 'intake',
          expectedVersion: 0,
          metadata: meta,
          idempotency: { owner: 'account-naju', key, commandType: 'RegisterClient', request: { n: 1 } },
        }),
      ),
    );
    expect(new Set(results.map((r) => r.streamId)).size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
  });

  it('a guard on another stream refuses the append when that stream moved since the decision', async () => {
    const caseStream = `client-${randomUUID()}`;
    const placements = `placements-${randomUUID()}`;
    await store.append(caseStream, [event()], { context: 'intake', expectedVersion: 0, metadata: meta });
    await store.append(caseStream, [{ type: 'CaseClosed', data: {} }], {
      context: 'intake',
      expectedVersion: 1,
      metadata: meta,
    });
    await expect(
      store.append(placements, [event()], {
        context: 'placement',
        expectedVersion: 0,
        metadata: meta,
        guards: [{ streamId: caseStream, expectedVersion: 1 }],
      }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT', streamId: caseStream, actualVersion: 2 });
    expect(await store.streamVersion(placements)).toBeNull();
    await store.append(placements, [event()], {
      context: 'placement',
      expectedVersion: 0,
      metadata: meta,
      guards: [{ streamId: caseStream, expectedVersion: 2 }],
    });
    expect(await store.streamVersion(placements)).toBe(1);
  });

  it('a guard sees a write that commits while the append waits for the guard’s lock (versions are read after the locks, never with them)', async () => {
    const caseStream = `client-${randomUUID()}`;
    const placements = `placements-${randomUUID()}`;
    await store.append(caseStream, [event()], { context: 'intake', expectedVersion: 0, metadata: meta });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: (pid: number) => void;
    const closing = new Promise<number>((resolve) => (locked = resolve));
    // The closure holds the case stream's exclusive lock until we let it commit.
    const closure = store.append(caseStream, [{ type: 'CaseClosed', data: {} }], {
      context: 'intake',
      expectedVersion: 1,
      metadata: meta,
      inTransaction: async (runner) => {
        const [{ pid }] = await runner.query('SELECT pg_backend_pid() AS pid');
        locked(pid);
        await held;
      },
    });
    const closurePid = await closing;
    const placement = store.append(placements, [event()], {
      context: 'placement',
      expectedVersion: 0,
      metadata: meta,
      guards: [{ streamId: caseStream, expectedVersion: 1 }],
    });
    await waitForLockWaiter(dataSource, closurePid, 'the placement waiting for the case stream lock the closure holds');
    release();
    await closure;
    await expect(placement).rejects.toMatchObject({ code: 'VERSION_CONFLICT', streamId: caseStream, actualVersion: 2 });
    expect(await store.streamVersion(placements)).toBeNull();
  });

  it('refuses an event without the center of its record (a handler that left CENTER_FROM_RECORD in place), writing nothing', async () => {
    const stream = `counseling-${randomUUID()}`;
    const refused = store.append(stream, [event()], {
      context: 'counseling',
      expectedVersion: 0,
      metadata: { ...meta, centerId: CENTER_FROM_RECORD },
    });
    await expect(refused).rejects.toThrow(
      'event metadata needs centerId: the handler must set the center of the record',
    );
    await expect(refused).rejects.not.toBeInstanceOf(SaeilError);
    expect(await store.streamVersion(stream)).toBeNull();
  });

  it('work done in the append transaction is rolled back with it when it throws', async () => {
    const stream = `client-${randomUUID()}`;
    const key = `reservation-${randomUUID()}`;
    await expect(
      store.append(stream, [event()], {
        context: 'intake',
        expectedVersion: 0,
        metadata: meta,
        inTransaction: async (runner) => {
          await runner.query(`INSERT INTO checkpoints (name) VALUES ($1)`, [key]);
          throw new Error('duplicate client');
        },
      }),
    ).rejects.toThrow('duplicate client');
    expect(await store.streamVersion(stream)).toBeNull();
    expect(await dataSource.query(`SELECT name FROM checkpoints WHERE name = $1`, [key])).toEqual([]);
  });

  it('upcasts old event versions on read and leaves the stored payload as written', async () => {
    const stream = `client-${randomUUID()}`;
    await store.append(stream, [{ type: 'ClientRegistered', data: { name: '김영희' }, schemaVersion: 1 }], {
      context: 'intake',
      expectedVersion: 0,
      metadata: meta,
    });
    const [read] = await store.readStream(stream);
    expect(read).toMatchObject({ schemaVersion: 2, data: { name: '김영희', region: 'unknown' } });
    const [raw] = await dataSource.query(`SELECT schema_version, data FROM events WHERE stream_id = $1`, [stream]);
    expect(raw).toEqual({ schema_version: 1, data: { name: '김영희' } });
    await store.append(stream, [{ type: 'ClientRegistered', data: { name: 'x', region: '전남' } }], {
      context: 'intake',
      expectedVersion: 1,
      metadata: meta,
    });
    const [, written] = await dataSource.query(
      `SELECT schema_version FROM events WHERE stream_id = $1 ORDER BY stream_version`,
      [stream],
    );
    expect(written.schema_version).toBe(2);
  });

  describe('following all events in commit order', () => {
    async function drain(from: Checkpoint): Promise<{ events: StoredEvent[]; checkpoint: Checkpoint }> {
      const events: StoredEvent[] = [];
      let checkpoint = from;
      for (;;) {
        const batch = await store.readAll(checkpoint, 100);
        if (batch.length === 0) return { events, checkpoint };
        events.push(...batch);
        const last = batch[batch.length - 1];
        checkpoint = { transactionId: last.transactionId, globalPosition: last.globalPosition };
      }
    }

    it('does not pass over an event whose transaction took a lower position but commits after a higher one', async () => {
      const start = (await drain(START)).checkpoint;
      const slow = dataSource.createQueryRunner();
      await slow.connect();
      await slow.startTransaction();
      const [{ global_position: lowPosition }] = await slow.query(
        `INSERT INTO events (event_id, stream_id, stream_version, context, event_type, data, metadata) VALUES ($1, $2, 1, 'intake', 'Late', '{}', '{}') RETURNING global_position`,
        [randomUUID(), `late-${randomUUID()}`],
      );
      const fast = await store.append(`fast-${randomUUID()}`, [event()], {
        context: 'intake',
        expectedVersion: 0,
        metadata: meta,
      });
      expect(fast.globalPosition).toBeGreaterThan(Number(lowPosition));

      const whileOpen = await drain(start);
      expect(whileOpen.events.map((e) => e.globalPosition)).not.toContain(fast.globalPosition);

      await slow.commitTransaction();
      await slow.release();
      // Readable once no older transaction is running anywhere on the server: the horizon is the
      // cluster's, and other test files' transactions on the shared server can hold it a moment.
      // Other test files write to the same database meanwhile, so their events may come between
      // and are left out: what matters is that both of these come, once each, in position order.
      const ours = new Set([Number(lowPosition), fast.globalPosition]);
      const after = await waitFor(
        async () => {
          const drained = (await drain(whileOpen.checkpoint)).events.filter((e) => ours.has(e.globalPosition));
          return drained.length >= 2 ? drained : undefined;
        },
        { description: 'both events readable after the slow commit' },
      );
      expect(after.map((e) => e.globalPosition)).toEqual([Number(lowPosition), fast.globalPosition]);
    });

    it('with many concurrent writers, a follower reading all along gets every event exactly once', async () => {
      const start = (await drain(START)).checkpoint;
      const run = `stress-${randomUUID()}`;
      const seen: number[] = [];
      let writing = true;
      const written: number[] = [];
      // After the writers, the follower goes on until it has seen as many events as were written
      // (another file's transaction on the shared server may hold the horizon a moment), bounded.
      const deadline = () => Date.now() > writersDone + 20_000;
      let writersDone = Number.POSITIVE_INFINITY;
      const follower = (async () => {
        let checkpoint = start;
        while (
          writing ||
          (seen.length < written.length && !deadline()) ||
          (await store.readAll(checkpoint, 1)).length > 0
        ) {
          const { events, checkpoint: next } = await drain(checkpoint);
          // Other test files write to the same database meanwhile: only this test's streams count.
          seen.push(...events.filter((e) => e.streamId.startsWith(run)).map((e) => e.globalPosition));
          checkpoint = next;
          await new Promise((r) => setTimeout(r, 2));
        }
      })();
      const writers = Array.from({ length: 12 }, async (_, w) => {
        for (let i = 0; i < 25; i++) {
          // Hold some transactions open for a while so commits land out of position order.
          const runner = dataSource.createQueryRunner();
          await runner.connect();
          await runner.startTransaction();
          const rows = await runner.query(
            `INSERT INTO events (event_id, stream_id, stream_version, context, event_type, data, metadata)
             VALUES ($1, $2, 1, 'intake', 'Stress', '{}', '{}') RETURNING global_position`,
            [randomUUID(), `${run}-${w}-${i}`],
          );
          if ((w + i) % 3 === 0) await new Promise((r) => setTimeout(r, 5 + ((w * 7 + i) % 20)));
          await runner.commitTransaction();
          await runner.release();
          written.push(Number(rows[0].global_position));
        }
      });
      await Promise.all(writers);
      writersDone = Date.now();
      writing = false;
      await follower;
      const dupes = seen.filter((p, i) => seen.indexOf(p) !== i);
      const extra = seen.filter((p) => !written.includes(p));
      expect({ dupes, extra }).toEqual({ dupes: [], extra: [] });
      expect(written).toHaveLength(300);
      expect(seen).toHaveLength(300);
      expect(new Set(seen).size).toBe(300);
      expect([...seen].sort((a, b) => a - b)).toEqual([...written].sort((a, b) => a - b));
    });
  });
});
