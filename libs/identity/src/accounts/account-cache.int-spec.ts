import net from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createDataSource } from '@saeil/database';
import { startTestSaeil, TestSaeil } from '../../../../tests/support/app';
import { accountIdOf, counselorOf, tokenFor, ADMINISTRATOR } from '../../../../tests/support/auth';
import { createTestDatabase, TestDatabase, waitFor } from '../../../../tests/support/env';
import { AccountCache } from './account-cache';
import { Account, AccountRepository } from './account.repository';

/**
 * The guard's account cache (issue 17): two api processes on one database, each with its own
 * cache. What must hold whatever is cached: a disabled account is refused by every process at its
 * next request; a process that cannot hear account changes reads the table instead.
 */
describe('account cache: every process hears account changes, or reads the table', () => {
  let db: TestDatabase;
  let a: TestSaeil;
  let b: TestSaeil;
  let counselorNo = 0;

  beforeAll(async () => {
    db = await createTestDatabase('account-cache');
    a = await startTestSaeil({ label: 'account-cache-a', kafka: false, worker: false, db });
    b = await startTestSaeil({ label: 'account-cache-b', kafka: false, worker: false, db });
  });

  afterAll(async () => {
    await b?.dispose();
    await a?.dispose();
    await db?.drop();
  });

  const me = (saeil: TestSaeil, token: string) =>
    request(saeil.url).get('/auth/me').set('Authorization', `Bearer ${token}`);
  const cacheOf = (saeil: TestSaeil) => saeil.app.get(AccountCache);
  /** A counselor account created through a, logged in through a: her id and token. */
  async function newCounselor(): Promise<{ accountId: string; token: string }> {
    const caller = counselorOf('center-naju', `cache-${++counselorNo}`);
    return { accountId: await accountIdOf(a, caller), token: await tokenFor(a.url, caller) };
  }
  const listeners = (saeil: TestSaeil) =>
    saeil.runtime.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'saeil-account-listen'`,
    );

  it('a disable is refused at once by the process that made it, and by another, which answered her from memory just before, as soon as the announcement reaches it', async () => {
    const her = await newCounselor();
    await waitFor(async () => cacheOf(b).hearsChanges, { description: "b's account listener" });
    await me(b, her.token).expect(200);
    const reads = jest.spyOn(b.app.get(AccountRepository), 'findById');
    try {
      await me(b, her.token).expect(200);
      expect(reads).not.toHaveBeenCalled(); // b answers her from memory: only the announcement can stop it

      expect((await me(a, her.token).expect(200)).body.accountId).toBe(her.accountId); // a holds her too
      const heardByB = cacheOf(b).changesHeard;
      const admin = await tokenFor(a.url, ADMINISTRATOR);
      await request(a.url)
        .post(`/accounts/${her.accountId}/disable`)
        .set('Authorization', `Bearer ${admin}`)
        .expect(200);
      // a made the change: the very next request to a is refused, announcement or not.
      expect((await me(a, her.token).expect(401)).body.error.code).toBe('TOKEN_REVOKED');
      // b learns it from the trigger's NOTIFY, delivered at the commit (milliseconds; the one
      // window the cache leaves, docs/ARCHITECTURE.md): its next request after hearing it is refused.
      await waitFor(async () => cacheOf(b).changesHeard > heardByB, {
        timeoutMs: 5000,
        description: 'b to hear the disable',
      });
      expect((await me(b, her.token).expect(401)).body.error.code).toBe('TOKEN_REVOKED');
      expect(reads).toHaveBeenCalledWith(her.accountId);
    } finally {
      reads.mockRestore();
    }
  });

  it('a change made in SQL, outside the api (a new center, then disabled at psql), reaches every process through the trigger', async () => {
    const her = await newCounselor();
    await waitFor(async () => cacheOf(b).hearsChanges, { description: "b's account listener" });
    expect((await me(b, her.token).expect(200)).body.centerId).toBe('center-naju');
    const heard = cacheOf(b).changesHeard;
    await a.runtime.dataSource.query(`UPDATE accounts SET center_id = 'center-jinju' WHERE account_id = $1`, [
      her.accountId,
    ]);
    await waitFor(async () => cacheOf(b).changesHeard > heard, {
      timeoutMs: 5000,
      description: 'b to hear the change',
    });
    expect((await me(b, her.token).expect(200)).body.centerId).toBe('center-jinju');
    const heardMove = cacheOf(b).changesHeard;
    await a.runtime.dataSource.query(`UPDATE accounts SET disabled_at = now() WHERE account_id = $1`, [her.accountId]);
    await waitFor(async () => cacheOf(b).changesHeard > heardMove, {
      timeoutMs: 5000,
      description: 'b to hear the disable',
    });
    expect((await me(b, her.token).expect(401)).body.error.code).toBe('TOKEN_REVOKED');
  });

  it('while its LISTEN connection is down a process answers nothing from memory: a disable made meanwhile, unheard, is still refused; back on the channel it caches again', async () => {
    const her = await newCounselor();
    const other = await newCounselor();
    await waitFor(async () => cacheOf(b).hearsChanges, { description: "b's account listener" });
    await me(b, her.token).expect(200);
    await me(b, other.token).expect(200);
    expect(cacheOf(b).size).toBeGreaterThanOrEqual(2);

    await listeners(a); // every account listener of this database, b's among them, as a network blip would
    await waitFor(async () => !cacheOf(b).hearsChanges, {
      timeoutMs: 5000,
      description: 'b to notice its LISTEN connection is gone',
    });
    expect(cacheOf(b).size).toBe(0);

    // Announced to nobody: the reads go to the table.
    const reads = jest.spyOn(b.app.get(AccountRepository), 'findById');
    try {
      await a.runtime.dataSource.query(
        `UPDATE accounts SET disabled_at = now(), token_version = token_version + 1 WHERE account_id = $1`,
        [her.accountId],
      );
      expect((await me(b, her.token).expect(401)).body.error.code).toBe('TOKEN_REVOKED');
      await me(b, other.token).expect(200);
      await me(b, other.token).expect(200);
      // Both read from the table (b reconnects after a second; these requests take milliseconds).
      if (!cacheOf(b).hearsChanges) expect(reads.mock.calls.filter(([id]) => id === other.accountId)).toHaveLength(2);
    } finally {
      reads.mockRestore();
    }

    await waitFor(async () => cacheOf(b).hearsChanges, { timeoutMs: 5000, description: 'b to listen again' });
    await me(b, other.token).expect(200);
    expect(cacheOf(b).size).toBeGreaterThanOrEqual(1);
    const heard = cacheOf(b).changesHeard;
    const admin = await tokenFor(a.url, ADMINISTRATOR);
    await request(a.url)
      .post(`/accounts/${other.accountId}/disable`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    await waitFor(async () => cacheOf(b).changesHeard > heard, {
      timeoutMs: 5000,
      description: 'b, listening again, to hear the disable',
    });
    expect((await me(b, other.token).expect(401)).body.error.code).toBe('TOKEN_REVOKED');
  });

  describe('a LISTEN connection that goes silent (no reset, no answer)', () => {
    let proxy: FreezableProxy;
    let dataSource: DataSource;
    let cache: AccountCache;
    let repository: AccountRepository;

    beforeAll(async () => {
      proxy = await FreezableProxy.to(new URL(db.url));
      dataSource = await createDataSource(db.url, [], 2).initialize();
      repository = new AccountRepository(dataSource);
      const viaProxy = new URL(db.url);
      viaProxy.hostname = '127.0.0.1';
      viaProxy.port = String(proxy.port);
      cache = await new AccountCache(repository, {
        databaseUrl: viaProxy.toString(),
        heartbeatMs: 200,
        reconnectMs: 200,
      }).start();
    });

    afterAll(async () => {
      await cache?.close();
      await proxy?.close();
      await dataSource?.destroy();
    });

    it('stops answering from memory within two heartbeats, and reads the table', async () => {
      const her = await newCounselor();
      expect(cache.hearsChanges).toBe(true);
      expect((await cache.findById(her.accountId))?.disabledAt).toBeUndefined();
      expect(cache.size).toBe(1);

      proxy.freeze(); // the path to PostgreSQL drops everything, and says nothing
      await a.runtime.dataSource.query(`UPDATE accounts SET disabled_at = now() WHERE account_id = $1`, [
        her.accountId,
      ]);
      await waitFor(async () => !cache.hearsChanges, {
        timeoutMs: 2000,
        description: 'the heartbeat to find the connection silent',
      });
      expect((await cache.findById(her.accountId))?.disabledAt).toEqual(expect.any(Date));
      expect(cache.size).toBe(0);
    });
  });

  it('a read that began before a change was announced does not put back what it read', async () => {
    const her = await newCounselor();
    const dataSource = await createDataSource(db.url, [], 2).initialize();
    const repository = new AccountRepository(dataSource);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reads = 0;
    const slow = {
      findById: async (id: string): Promise<Account | undefined> => {
        reads++;
        const account = await repository.findById(id);
        if (reads === 1) await gate; // the first read is answered late, after the disable below
        return account;
      },
    };
    const cache = await new AccountCache(slow, { databaseUrl: db.url }).start();
    try {
      await waitFor(async () => cache.hearsChanges, { description: 'the listener' });
      const first = cache.findById(her.accountId);
      await waitFor(async () => reads === 1, { description: 'the first read to start' });
      await dataSource.query(`UPDATE accounts SET disabled_at = now() WHERE account_id = $1`, [her.accountId]);
      await waitFor(async () => cache.changesHeard > 0, { timeoutMs: 5000, description: 'the change to be heard' });
      release();
      expect((await first)?.disabledAt).toBeUndefined(); // read before the disable: that answer was already on its way
      expect(cache.size).toBe(0); // but not kept
      expect((await cache.findById(her.accountId))?.disabledAt).toEqual(expect.any(Date));
      expect(reads).toBe(2);
    } finally {
      await cache.close();
      await dataSource.destroy();
    }
  });
});

/** A TCP proxy to PostgreSQL that can stop forwarding without closing anything: a silent network path. */
class FreezableProxy {
  private frozen = false;
  private readonly sockets = new Set<net.Socket>();

  private constructor(private readonly server: net.Server) {}

  static async to(target: URL): Promise<FreezableProxy> {
    // eslint-disable-next-line prefer-const -- assigned below, once the server exists; its connection handler closes over it
    let proxy!: FreezableProxy;
    const server = net.createServer((downstream) => {
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      for (const socket of [downstream, upstream]) {
        proxy.sockets.add(socket);
        socket.on('error', () => undefined);
        socket.on('close', () => proxy.sockets.delete(socket));
      }
      downstream.on('data', (chunk) => proxy.frozen || upstream.write(chunk));
      upstream.on('data', (chunk) => proxy.frozen || downstream.write(chunk));
      downstream.on('close', () => upstream.destroy());
      upstream.on('close', () => downstream.destroy());
    });
    proxy = new FreezableProxy(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  freeze(): void {
    this.frozen = true;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
