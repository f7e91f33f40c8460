import { createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { createDataSource, migrate } from '@saeil/database';
import { startTestSaeil } from '../../../tests/support/app';
import { createTestDatabase, TestDatabase, waitFor, waitForLockWaiter } from '../../../tests/support/env';
import { decodeMasterKey, MasterKey, MasterKeyring } from './crypto/master-keyring';
import { PersonalDataErasedRule, PersonalDataUnreadable } from './errors';
import { PrivacyKeys1732260000000 } from './migrations/1732260000000-privacy-keys';
import { KeystoreSchema1732290000000 } from './migrations/1732290000000-keystore-schema';
import { resolveMasterKeyring } from './secrets/master-keys';
import { PrivacyVault } from './vault/privacy-vault';
import { keylessEraser } from './vault/erasure';

/**
 * The vault on a real PostgreSQL: keys issued inside a caller's transaction, erasure heard by
 * other processes (two vaults, each with its own pool and LISTEN connection, stand for two
 * processes), nothing of her key left in a dump of the database, master-key rotation.
 */
describe('privacy vault (PostgreSQL)', () => {
  const master = decodeMasterKey(randomBytes(32).toString('base64'), 'test');
  let db: TestDatabase;
  const opened: { dataSource: DataSource; vault: PrivacyVault }[] = [];

  /** A vault with its own connection pool and erasure listener: another process, as far as PostgreSQL can tell. */
  async function anotherProcess(
    keyring = new MasterKeyring(master),
  ): Promise<{ dataSource: DataSource; vault: PrivacyVault }> {
    const dataSource = await createDataSource(
      db.url,
      [PrivacyKeys1732260000000, KeystoreSchema1732290000000],
      4,
    ).initialize();
    const vault = await new PrivacyVault({ dataSource, keyring, databaseUrl: db.url }).start();
    opened.push({ dataSource, vault });
    return { dataSource, vault };
  }

  beforeAll(async () => {
    db = await createTestDatabase('privacy');
    const dataSource = await createDataSource(
      db.url,
      [PrivacyKeys1732260000000, KeystoreSchema1732290000000],
      2,
    ).initialize();
    await migrate(dataSource);
    await dataSource.destroy();
  });

  afterAll(async () => {
    for (const { vault, dataSource } of opened) {
      await vault.close();
      await dataSource.destroy();
    }
    await db?.drop();
  });

  const kim = {
    name: '김새일',
    phone: '010-2417-8835',
    birthDate: '1984-07-19',
    address: '전라남도 나주시 빛가람로 77',
  };

  /** Her row's data key, unwrapped here with node crypto (not with the vault's code). */
  async function rawDataKeyOf(
    dataSource: DataSource,
    clientId: string,
    masterKey: MasterKey,
  ): Promise<{ dataKey: Buffer; wrapped: Buffer; kid: string }> {
    const [row] = await dataSource.query(
      `SELECT key_id, wrapped_key FROM keystore.privacy_data_keys WHERE client_id = $1`,
      [clientId],
    );
    const wrapped: Buffer = row.wrapped_key;
    const decipher = createDecipheriv('aes-256-gcm', masterKey.key, wrapped.subarray(0, 12));
    decipher.setAAD(Buffer.from(`saeil-data-key-v1|${clientId}|${row.key_id}`));
    decipher.setAuthTag(wrapped.subarray(wrapped.length - 16));
    return {
      dataKey: Buffer.concat([decipher.update(wrapped.subarray(12, wrapped.length - 16)), decipher.final()]),
      wrapped,
      kid: row.key_id,
    };
  }

  it('seals her fields into an envelope that names her key and opens back to them; the table holds her key only wrapped', async () => {
    const { dataSource, vault } = await anotherProcess();
    const clientId = randomUUID();
    const sealed = await vault.sealFields(clientId, kim);
    const { dataKey, kid } = await rawDataKeyOf(dataSource, clientId, master);
    expect(sealed.split('.').slice(0, 2)).toEqual(['pd1', kid]);
    expect(await vault.openFields(clientId, sealed)).toEqual({ status: 'open', fields: kim });

    const [row] = await dataSource.query(
      `SELECT master_key_id, wrapped_key, erased_at FROM keystore.privacy_data_keys WHERE client_id = $1`,
      [clientId],
    );
    expect(row.master_key_id).toBe(master.id);
    expect(row.erased_at).toBeNull();
    expect((row.wrapped_key as Buffer).includes(dataKey)).toBe(false);
  });

  it("issues her key inside the caller's transaction: rolled back with it, never issued; a committed one is the one used afterwards", async () => {
    const { dataSource, vault } = await anotherProcess();
    const clientId = randomUUID();

    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const issued = await vault.ensureKey(clientId, runner);
    expect(issued.created).toBe(true);
    const sealedInRolledBack = await vault.sealFields(clientId, kim, runner);
    expect(await vault.openFields(clientId, sealedInRolledBack, runner)).toEqual({ status: 'open', fields: kim });
    expect(await dataSource.query(`SELECT 1 FROM keystore.privacy_data_keys WHERE client_id = $1`, [clientId])).toEqual(
      [],
    ); // not visible outside before commit
    await runner.rollbackTransaction();
    await runner.release();
    expect(await dataSource.query(`SELECT 1 FROM keystore.privacy_data_keys WHERE client_id = $1`, [clientId])).toEqual(
      [],
    );

    const committed = await dataSource.transaction((manager) => vault.ensureKey(clientId, manager));
    expect(committed.created).toBe(true);
    expect(committed.keyId).not.toBe(issued.keyId);
    expect(await dataSource.transaction((manager) => vault.ensureKey(clientId, manager))).toEqual({
      keyId: committed.keyId,
      created: false,
    });
    const sealed = await vault.sealFields(clientId, kim);
    expect(sealed.split('.')[1]).toBe(committed.keyId);
    // What was sealed with the key that never committed names a key she does not have.
    await expect(vault.openFields(clientId, sealedInRolledBack)).rejects.toMatchObject({
      code: 'ENVELOPE_KEY_MISMATCH',
    });
  });

  it('two processes issuing her first key at once end with one key: the second waits for the first transaction and takes its key', async () => {
    const a = await anotherProcess();
    const b = await anotherProcess();
    const clientId = randomUUID();
    const runner = a.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const first = await a.vault.ensureKey(clientId, runner);
    const [{ pid }] = await runner.query('SELECT pg_backend_pid() AS pid');
    const second = b.dataSource.transaction((manager) => b.vault.ensureKey(clientId, manager));
    await waitForLockWaiter(a.dataSource, pid, "b's INSERT waiting on a's uncommitted key row");
    await runner.commitTransaction();
    await runner.release();
    expect(await second).toEqual({ keyId: first.keyId, created: false });
    expect(
      await a.dataSource.query(`SELECT key_id FROM keystore.privacy_data_keys WHERE client_id = $1`, [clientId]),
    ).toEqual([{ key_id: first.keyId }]);
    const sealedByB = await b.vault.sealFields(clientId, kim);
    expect(await a.vault.openFields(clientId, sealedByB)).toEqual({ status: 'open', fields: kim });
  });

  it('a page of envelopes opens with one key query: preloadKeys reads the uncached keys together, and the opens then read none', async () => {
    const a = await anotherProcess();
    const women = [randomUUID(), randomUUID(), randomUUID()];
    const erasedOne = randomUUID();
    const sealed = await Promise.all(
      [...women, erasedOne].map((clientId) =>
        a.vault.sealFields(clientId, { ...kim, name: `${kim.name}-${clientId.slice(0, 4)}` }),
      ),
    );
    await a.vault.eraseClient(erasedOne, 'client_request', 'account-7c1d');
    const b = await anotherProcess(); // a process that has read none of their keys
    await waitFor(async () => b.vault.hearsErasures, { description: "b's erasure listener" });
    const queries = jest.spyOn(b.dataSource, 'query');
    await b.vault.preloadKeys([...women, erasedOne, ...women]);
    expect(queries).toHaveBeenCalledTimes(1);
    queries.mockClear();
    const opened = await Promise.all(
      [...women, erasedOne].map((clientId, i) => b.vault.openFields(clientId, sealed[i])),
    );
    expect(queries).not.toHaveBeenCalled();
    expect(opened.map((o) => (o.status === 'open' ? o.fields.name : o.status))).toEqual([
      ...women.map((c) => `${kim.name}-${c.slice(0, 4)}`),
      'erased',
    ]);
    // all cached now: nothing left to read
    await b.vault.preloadKeys(women);
    expect(queries).not.toHaveBeenCalled();
    queries.mockRestore();
  });

  it('erasure makes what was sealed for her unreadable in every process at once, keeps a record without personal data, and leaves others readable', async () => {
    const a = await anotherProcess();
    const b = await anotherProcess();
    const her = randomUUID();
    const other = randomUUID();
    const sealed = await a.vault.sealFields(her, kim);
    const otherSealed = await a.vault.sealFields(other, { name: '이하나', phone: '010-5550-1212' });
    expect(await b.vault.openFields(her, sealed)).toEqual({ status: 'open', fields: kim });
    expect(await b.vault.openFields(other, otherSealed)).toEqual({
      status: 'open',
      fields: { name: '이하나', phone: '010-5550-1212' },
    });
    expect(b.vault.cachedClients).toBe(2); // b now answers her from memory: only the announcement can stop it

    const record = await a.vault.eraseClient(her, 'client_request', 'account-7c1d');
    expect(record).toEqual({
      clientId: her,
      keyId: sealed.split('.')[1],
      erasedAt: expect.any(Date),
      reason: 'client_request',
      erasedBy: 'account-7c1d',
      alreadyErased: false,
    });

    const erased = { status: 'erased', clientId: her, erasedAt: record.erasedAt, reason: 'client_request' };
    expect(await a.vault.openFields(her, sealed)).toEqual(erased);
    // Well inside the cache's 60 s TTL: it is the NOTIFY that reaches b.
    expect(
      await waitFor(
        async () => (await b.vault.openFields(her, sealed)).status === 'erased' && b.vault.openFields(her, sealed),
        { timeoutMs: 5000, description: 'b to hear the erasure' },
      ),
    ).toEqual(erased);
    expect(await b.vault.openFields(other, otherSealed)).toEqual({
      status: 'open',
      fields: { name: '이하나', phone: '010-5550-1212' },
    });
    const fresh = await anotherProcess();
    expect(await fresh.vault.openFields(her, sealed)).toEqual(erased);

    // Nothing new can be sealed for her, in a transaction or not; erasing again changes nothing.
    await expect(b.vault.sealFields(her, kim)).rejects.toBeInstanceOf(PersonalDataErasedRule);
    await expect(b.dataSource.transaction((manager) => b.vault.ensureKey(her, manager))).rejects.toMatchObject({
      code: 'PERSONAL_DATA_ERASED',
    });
    expect(await b.vault.eraseClient(her, 'retention_period_ended', 'system')).toEqual({
      ...record,
      alreadyErased: true,
    });
    // A bad erasure request names its fields and erases nothing.
    await expect(b.vault.eraseClient(other, 'because' as never, ' ')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [
        { field: 'reason', code: 'isIn' },
        { field: 'actor', code: 'isNotEmpty' },
      ],
    });
    expect((await b.vault.openFields(other, otherSealed)).status).toBe('open');

    const [row] = await a.dataSource.query(
      `SELECT row_to_json(k)::text AS json FROM keystore.privacy_data_keys k WHERE client_id = $1`,
      [her],
    );
    const kept = JSON.parse(row.json);
    expect(kept).toMatchObject({
      client_id: her,
      key_id: record.keyId,
      master_key_id: null,
      wrapped_key: null,
      erasure_reason: 'client_request',
      erased_by: 'account-7c1d',
    });
    for (const value of Object.values(kim)) expect(row.json).not.toContain(value);
  });

  it('a process that lost its LISTEN connection stops trusting its cache: an erasure made meanwhile still reaches it', async () => {
    const a = await anotherProcess();
    const b = await anotherProcess();
    const her = randomUUID();
    const sealed = await a.vault.sealFields(her, kim);
    expect(await b.vault.openFields(her, sealed)).toEqual({ status: 'open', fields: kim });
    expect(b.vault.cachedClients).toBe(1);

    // Cut every erasure listener of this database (b's among them), as a network blip would.
    await a.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'saeil-privacy-listen'`,
    );
    await waitFor(async () => !b.vault.hearsErasures, {
      timeoutMs: 5000,
      description: 'b to notice its LISTEN connection is gone',
    });
    expect(b.vault.cachedClients).toBe(0);

    // The announcement of this erasure reaches nobody: b must find out from the table.
    const record = await a.vault.eraseClient(her, 'client_request', 'account-7c1d');
    expect(await b.vault.openFields(her, sealed)).toEqual({
      status: 'erased',
      clientId: her,
      erasedAt: record.erasedAt,
      reason: 'client_request',
    });

    // Back on the channel, b caches again and hears the next erasure.
    await waitFor(async () => b.vault.hearsErasures, { timeoutMs: 5000, description: 'b to listen again' });
    const next = randomUUID();
    const nextSealed = await a.vault.sealFields(next, kim);
    expect((await b.vault.openFields(next, nextSealed)).status).toBe('open');
    expect(b.vault.cachedClients).toBeGreaterThanOrEqual(1);
    await a.vault.eraseClient(next, 'retention_period_ended', 'system:retention');
    expect(
      await waitFor(async () => (await b.vault.openFields(next, nextSealed)).status === 'erased', {
        timeoutMs: 5000,
        description: 'b to hear the next erasure',
      }),
    ).toBe(true);
  });

  it('after erasure a dump of the whole database holds nothing of her key: neither the wrapped key nor the data key', async () => {
    const { dataSource, vault } = await anotherProcess();
    const her = randomUUID();
    await vault.sealFields(her, kim);
    const { dataKey, wrapped } = await rawDataKeyOf(dataSource, her, master);
    // The wrapped key as the dump prints bytea, its encrypted part alone, and the data key in clear in any encoding.
    const traces = [
      wrapped.toString('hex'),
      wrapped.subarray(12, 44).toString('hex'),
      dataKey.toString('hex'),
      dataKey.toString('base64'),
      dataKey.toString('base64url'),
    ];

    const dumpBefore = await dumpDatabase(dataSource);
    expect(dumpBefore).toContain(`\\x${wrapped.toString('hex')}`); // the scan does see key material while it is there

    await vault.eraseClient(her, 'retention_period_ended', 'system:retention');

    const dumpAfter = await dumpDatabase(dataSource);
    expect(dumpAfter).toContain(her); // her erasure record is in it
    for (const trace of traces) expect(dumpAfter).not.toContain(trace);
  });

  it("seals many clients in the caller's transaction with one statement issuing their keys (the seed's bulk path); refused as a whole if one was erased", async () => {
    const { dataSource, vault } = await anotherProcess();
    const [a, b] = [randomUUID(), randomUUID()];
    await vault.sealFields(a, { name: 'a' }); // a already has a key: it is kept, not replaced
    const [{ key_id: aKid }] = await dataSource.query(
      `SELECT key_id FROM keystore.privacy_data_keys WHERE client_id = $1`,
      [a],
    );
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const [sa, sb, sa2] = await vault.sealEach(
        [
          { clientId: a, fields: { name: '가' } },
          { clientId: b, fields: { name: '나' } },
          { clientId: a, fields: { name: '다' } },
        ],
        runner,
      );
      expect(sa.split('.')[1]).toBe(aKid);
      expect(sa2.split('.')[1]).toBe(aKid);
      await runner.commitTransaction();
      expect(await vault.openFields(a, sa)).toEqual({ status: 'open', fields: { name: '가' } });
      expect(await vault.openFields(b, sb)).toEqual({ status: 'open', fields: { name: '나' } });
      expect(await vault.openFields(a, sa2)).toEqual({ status: 'open', fields: { name: '다' } });

      await vault.eraseClient(b, 'client_request', 'supervisor-1');
      const c = randomUUID();
      await runner.startTransaction();
      await expect(
        vault.sealEach(
          [
            { clientId: c, fields: { name: '라' } },
            { clientId: b, fields: { name: '마' } },
          ],
          runner,
        ),
      ).rejects.toMatchObject({ code: 'PERSONAL_DATA_ERASED' });
      await runner.rollbackTransaction();
      expect(await dataSource.query(`SELECT 1 FROM keystore.privacy_data_keys WHERE client_id = $1`, [c])).toEqual([]);
    } finally {
      await runner.release();
    }
  });

  it("a process without the master key (the worker) can still erase: keylessEraser destroys her key in the caller's transaction, and a vault hears it", async () => {
    const { dataSource, vault } = await anotherProcess();
    const clientId = randomUUID();
    const sealed = await vault.sealFields(clientId, kim);
    expect(vault.hearsErasures).toBe(true);
    expect((await vault.openFields(clientId, sealed)).status).toBe('open'); // now cached in that process
    const eraser = keylessEraser(dataSource);
    const record = await dataSource.transaction((manager) =>
      eraser.eraseClient(clientId, 'retention_period_ended', 'system:retention', manager),
    );
    expect(record).toMatchObject({
      clientId,
      reason: 'retention_period_ended',
      erasedBy: 'system:retention',
      alreadyErased: false,
    });
    await eraser.afterErasureCommitted(clientId);
    await waitFor(async () => (await vault.openFields(clientId, sealed)).status === 'erased', {
      description: 'the vault hearing the erasure',
    });
    expect(
      await dataSource.transaction((manager) =>
        eraser.eraseClient(clientId, 'client_request', 'someone-else', manager),
      ),
    ).toMatchObject({ reason: 'retention_period_ended', alreadyErased: true });
    await expect(
      dataSource.transaction((manager) => eraser.eraseClient(clientId, 'because' as never, '', manager)),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('rotates the master key: re-wraps every live key (erased ones stay erased), envelopes sealed before open with the new key alone, an unknown master key is reported', async () => {
    const { dataSource, vault: before } = await anotherProcess();
    const clients = [randomUUID(), randomUUID(), randomUUID()];
    const sealed = await Promise.all(
      clients.map((id, i) => before.sealFields(id, { name: `내담자${i}`, phone: `010-0000-000${i}` })),
    );
    await before.eraseClient(clients[2], 'client_request', 'account-7c1d');
    const [{ n: liveBefore }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM keystore.privacy_data_keys WHERE master_key_id = $1`,
      [master.id],
    );

    const next = decodeMasterKey(randomBytes(32).toString('base64'), 'next');
    const during = await anotherProcess(new MasterKeyring(next, [master]));
    const report = await during.vault.rewrapDataKeys(2);
    // Every live key this file issued under `master` (earlier tests' too), none erased, none left.
    expect(report).toEqual({ rewrapped: liveBefore, skipped: [], remaining: 0 });
    const rows = await dataSource.query(
      `SELECT client_id, master_key_id, rewrapped_at IS NOT NULL AS rewrapped FROM keystore.privacy_data_keys WHERE client_id = ANY($1) ORDER BY client_id`,
      [clients],
    );
    expect(rows).toEqual(
      [...clients]
        .sort()
        .map((id) =>
          id === clients[2]
            ? { client_id: id, master_key_id: null, rewrapped: false }
            : { client_id: id, master_key_id: next.id, rewrapped: true },
        ),
    );

    const after = await anotherProcess(new MasterKeyring(next));
    expect(await after.vault.openFields(clients[0], sealed[0])).toEqual({
      status: 'open',
      fields: { name: '내담자0', phone: '010-0000-0000' },
    });
    expect(await after.vault.openFields(clients[1], sealed[1])).toEqual({
      status: 'open',
      fields: { name: '내담자1', phone: '010-0000-0001' },
    });
    expect((await after.vault.openFields(clients[2], sealed[2])).status).toBe('erased');

    // A key still under a master key nobody configured: reported, left as it is, readable by nobody until configured.
    const lost = decodeMasterKey(randomBytes(32).toString('base64'), 'lost');
    const stranded = randomUUID();
    const strandedSealed = await (
      await anotherProcess(new MasterKeyring(lost))
    ).vault.sealFields(stranded, { name: '최가을' });
    expect(await after.vault.rewrapDataKeys()).toEqual({
      rewrapped: 0,
      skipped: [{ clientId: stranded, masterKeyId: lost.id, code: 'MASTER_KEY_UNKNOWN' }],
      remaining: 1,
    });
    const failure = await after.vault.openFields(stranded, strandedSealed).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PersonalDataUnreadable);
    expect(failure).toMatchObject({ code: 'MASTER_KEY_UNKNOWN' });
  });

  /** Every row of every table of every schema as text (bytea in hex): what a dump of the database holds. */
  const databaseText = async (dataSource: DataSource): Promise<string> => {
    const tables: { name: string }[] = await dataSource.query(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
    );
    const parts = await Promise.all(
      tables.map(async ({ name }) => JSON.stringify(await dataSource.query(`SELECT t::text AS row FROM ${name} t`))),
    );
    return parts.join('\n');
  };
  const pinoWarnings = () => {
    const warnings: string[] = [];
    return {
      warnings,
      logger: {
        warn: (first: unknown, message?: string) =>
          void warnings.push(typeof first === 'string' ? first : (message ?? '')),
      },
    };
  };

  it('a development start without PRIVACY_MASTER_KEY generates one master key once, in an owner-only file outside the database; a configured key then takes over with the generated one retired', async () => {
    const { dataSource } = await anotherProcess();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'saeil-keys-'));
    const { warnings, logger } = pinoWarnings();
    const first = await resolveMasterKeyring({ SAEIL_DATA_DIR: dataDir }, 'development', dataSource, logger);
    const second = await resolveMasterKeyring({ SAEIL_DATA_DIR: dataDir }, undefined, dataSource, logger);
    expect(second.current).toEqual(first.current);
    expect(warnings[0]).toMatch(/^PRIVACY_MASTER_KEY is not set/);
    const file = path.join(dataDir, 'keys', 'privacy-master.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.current.key.toString('base64'));
    // A dump opens nothing: the key is in no table, in any encoding.
    const dump = await databaseText(dataSource);
    for (const encoding of ['base64', 'hex', 'base64url'] as const)
      expect(dump).not.toContain(first.current.key.toString(encoding));
    expect(await dataSource.query(`SELECT to_regclass('privacy_generated_master_key') AS t`)).toEqual([{ t: null }]);

    const configured = await resolveMasterKeyring(
      { PRIVACY_MASTER_KEY: master.key.toString('base64'), SAEIL_DATA_DIR: dataDir },
      'development',
      dataSource,
      logger,
    );
    expect(configured.current.id).toBe(master.id);
    expect(configured.retiredIds).toEqual([first.current.id]);
  });

  it('an installation that kept its generated master key in the database has it moved to the file and dropped from the database; what it sealed still opens', async () => {
    const { dataSource } = await anotherProcess();
    const legacy = decodeMasterKey(randomBytes(32).toString('base64'), 'legacy');
    const clientId = randomUUID();
    const sealed = await (
      await anotherProcess(new MasterKeyring(legacy))
    ).vault.sealFields(clientId, { name: '윤여름' });
    await dataSource.query(`CREATE TABLE privacy_generated_master_key (name text PRIMARY KEY, secret text NOT NULL)`);
    await dataSource.query(`INSERT INTO privacy_generated_master_key VALUES ('master', $1)`, [
      legacy.key.toString('base64'),
    ]);

    const dataDir = mkdtempSync(path.join(tmpdir(), 'saeil-keys-'));
    const keyring = await resolveMasterKeyring(
      { SAEIL_DATA_DIR: dataDir },
      'development',
      dataSource,
      pinoWarnings().logger,
    );
    expect(keyring.current.id).toBe(legacy.id);
    expect(readFileSync(path.join(dataDir, 'keys', 'privacy-master.key'), 'utf8').trim()).toBe(
      legacy.key.toString('base64'),
    );
    expect(await dataSource.query(`SELECT to_regclass('privacy_generated_master_key') AS t`)).toEqual([{ t: null }]);
    expect(await databaseText(dataSource)).not.toContain(legacy.key.toString('base64'));
    const restarted = await anotherProcess(keyring);
    expect(await restarted.vault.openFields(clientId, sealed)).toEqual({ status: 'open', fields: { name: '윤여름' } });

    // A data directory holding another installation's key: the start stops and loses neither key.
    const other = randomBytes(32).toString('base64');
    await dataSource.query(`CREATE TABLE privacy_generated_master_key (name text PRIMARY KEY, secret text NOT NULL)`);
    await dataSource.query(`INSERT INTO privacy_generated_master_key VALUES ('master', $1)`, [other]);
    await expect(
      resolveMasterKeyring({ SAEIL_DATA_DIR: dataDir }, 'development', dataSource, pinoWarnings().logger),
    ).rejects.toThrow(/another installation/);
    expect(await dataSource.query(`SELECT secret FROM privacy_generated_master_key`)).toEqual([{ secret: other }]);
    await dataSource.query(`DROP TABLE privacy_generated_master_key`);
  });
});

describe('privacy module in the application', () => {
  it('a fresh start with no PRIVACY_MASTER_KEY works: the vault seals and opens', async () => {
    const saeil = await startTestSaeil({ label: 'privacy-app', kafka: false, worker: false });
    const vault = saeil.app.get(PrivacyVault);
    try {
      expect(vault.hearsErasures).toBe(true);
      const clientId = randomUUID();
      const sealed = await vault.sealFields(clientId, { name: '정봄' });
      expect(await vault.openFields(clientId, sealed)).toEqual({ status: 'open', fields: { name: '정봄' } });
      expect(await saeil.runtime.dataSource.query(`SELECT to_regclass('privacy_generated_master_key') AS t`)).toEqual([
        { t: null },
      ]);
      expect(statSync(path.join(saeil.config.SAEIL_DATA_DIR, 'keys', 'privacy-master.key')).mode & 0o777).toBe(0o600);
    } finally {
      await saeil.dispose();
    }
    expect(vault.hearsErasures).toBe(false); // its LISTEN connection closed with the app
  });
});

/**
 * The database as pg_dump's data section would show it: every row of every table, as text (bytea in
 * hex), without depending on a pg_dump binary of the server's version.
 */
async function dumpDatabase(dataSource: DataSource): Promise<string> {
  const tables: { name: string }[] = await dataSource.query(
    `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows: { line: string }[] = await dataSource.query(`SELECT t::text AS line FROM ${name} t`);
    parts.push(`-- ${name}\n${rows.map((r) => r.line).join('\n')}`);
  }
  return parts.join('\n');
}
