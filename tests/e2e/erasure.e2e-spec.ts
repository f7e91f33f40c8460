import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import pino from 'pino';
import { Kafka, logLevel } from 'kafkajs';
import { clientStreamId, followUpsStreamId } from '@saeil/contracts';
import { PrivacyVault, resolveMasterKeyring } from '@saeil/privacy';
import { identityHashSecret, identityKeysOf, searchKeysOf } from '@saeil/intake';
import { describeKafka, kafkaBrokers, waitFor } from '../support/env';
import { startTestSaeil, TestSaeil } from '../support/app';
import { Api, api, counselorAccount, counselorOf, supervisorOf } from '../support/auth';

/**
 * The proof of crypto-shredding, in Kafka mode (relay, projections and reactors on real Kafka):
 * two women with distinctive identities, one taken through consent, counseling, a placement and a
 * follow-up, then erased over HTTP. Her name, phone (with and without dashes) and birth date must
 * never be found in clear — not before her erasure (only ciphertext is ever written) and not
 * after — in a dump of the whole database (a real pg_dump when a compatible one is on PATH, and
 * always every row of every table of every schema as text) nor in any message of any topic of the
 * test's prefix read from the beginning; every statistic must be exactly what it was; the other
 * woman must still be readable.
 *
 * Each scan is shown able to find what it looks for: values known to be in clear (her client id,
 * and a counseling topic holding a made-up Korean name and phone number on purpose) must be found
 * by the same scan, in the same places.
 */
const HER = { name: '윤채린', birthDate: '1981-06-23', phone: '010-3847-2916' };
const OTHER = { name: '구다온', birthDate: '1990-11-04', phone: '010-5172-6038' };
/** JSON's \u escapes of a text (lower and upper case hex), as some writers put non-ASCII characters. */
const jsonEscaped = (text: string) =>
  [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
/** Forms in which her identity would be recognisable in clear: as written, URL-encoded (a query string), JSON-escaped; phone and birth date with and without dashes. */
const formsOf = (who: typeof HER) => [
  who.name,
  encodeURIComponent(who.name),
  encodeURIComponent(who.name).toLowerCase(),
  jsonEscaped(who.name),
  jsonEscaped(who.name).toUpperCase().replace(/\\U/g, '\\u'),
  who.phone,
  who.phone.replace(/-/g, ''),
  who.birthDate,
  who.birthDate.replace(/-/g, ''),
];
/** In clear on purpose (a counselor's free text): the scans must find these. */
const CONTROL = { name: '한빛누리', phone: '061-330-4417' };
const CENTER = 'center-naju';
const PERIOD = { level: 'center', id: CENTER, from: '2026-01-01', to: '2026-12-31' };

const run = promisify(execFile);

describeKafka('erasure: her identity never in clear anywhere, unreadable after erasure, every figure unchanged', () => {
  let saeil: TestSaeil;
  let counselor: Api;
  let supervisor: Api;
  /** Her counselor: the account `counselor` acts as. */
  let kim: string;
  let vault: PrivacyVault;
  let herId: string;
  let otherId: string;
  let placementId: string;
  let lastBefore: number;
  let statisticsBefore: Record<string, unknown>;
  let erasure: Record<string, any>;
  /** Which dumps the scans ran on (a pg_dump of the server's major version or later may not be installed). */
  const dumpsMade = new Set<string>(['every table as text']);

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'erasure', kafka: true });
    counselor = await api(saeil, counselorOf(CENTER));
    kim = await counselorAccount(saeil, CENTER);
    supervisor = await api(saeil, supervisorOf(CENTER));
    const keyring = await resolveMasterKeyring(
      saeil.config,
      process.env.NODE_ENV,
      saeil.runtime.dataSource,
      pino({ level: 'silent' }),
    );
    vault = new PrivacyVault({ dataSource: saeil.runtime.dataSource, keyring });

    const post = async (path: string, body: object, status = [200, 201]) => {
      const res = await counselor.post(path).send(body);
      if (!status.includes(res.status)) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const registration = {
      centerId: CENTER,
      counselorId: kim,
      region: '전라남도',
      registeredOn: '2026-08-03',
      careerBreakReason: 'childcare',
      desiredOccupation: '회계 사무원',
    };
    herId = (await post('/clients', { ...registration, ...HER })).clientId;
    otherId = (await post('/clients', { ...registration, ...OTHER })).clientId;
    for (const purpose of ['service', 'employer_sharing'])
      await post(`/clients/${herId}/consents`, { purpose, version: '2026-01', givenOn: '2026-08-03' });
    await post(`/clients/${otherId}/consents`, { purpose: 'service', version: '2026-01', givenOn: '2026-08-03' });
    // Her counselor's notes name her, as notes do: they are sealed with her key like her identity.
    await post(`/clients/${herId}/counseling-sessions`, {
      channel: 'in_center',
      topic: '초기상담: 희망 직종',
      durationMinutes: 50,
      notes: `${HER.name} 님 내방, 연락처 ${HER.phone}, 생년월일 ${HER.birthDate}`,
      occurredOn: '2026-08-10',
    });
    // The control: free text, in clear by design, shaped like a name and a phone number.
    await post(`/clients/${otherId}/counseling-sessions`, {
      channel: 'phone',
      topic: `대조값 ${CONTROL.name} ${CONTROL.phone}`,
      durationMinutes: 10,
      occurredOn: '2026-08-11',
    });
    placementId = (
      await post(`/clients/${herId}/placements`, {
        employerName: '영산강세무회계',
        jobTitle: '회계 사무원',
        occupation: '0231',
        employmentType: 'regular',
        weeklyHours: 40,
        monthlyWage: 2_350_000,
        startOn: '2026-09-01',
        channel: 'center',
        employmentInsurance: true,
      })
    ).placementId;
    // The retention reactor (worker, fed from Kafka) schedules her follow-ups; then the 1-month one is recorded.
    await waitFor(async () => (await saeil.runtime.store.readStream(followUpsStreamId(placementId))).length > 0, {
      timeoutMs: 60_000,
      description: 'her follow-ups scheduled',
    });
    const followUp = await post(`/clients/${herId}/placements/${placementId}/follow-ups`, {
      n: 1,
      contactedOn: '2026-10-01',
      channel: 'phone',
      outcome: 'employed_same_employer',
      support: ['counseling'],
    });
    lastBefore = followUp.position;
    await allPublished();
  }, 180_000);

  afterAll(async () => {
    console.info(`erasure proof: database scanned as ${[...dumpsMade].join(' and ')}`);
    await saeil?.dispose();
  });

  const figures = async (position: number) => {
    const reader = supervisor;
    const read = async (what: string, extra: Record<string, unknown> = {}) => {
      const { body } = await reader
        .get(`/statistics/${what}`)
        .query({ ...PERIOD, minPosition: position, waitMs: 20_000, ...extra })
        .expect(200);
      expect(body.consistency).toMatchObject({ reached: true });
      const { consistency: _consistency, ...figuresOnly } = body;
      return figuresOnly;
    };
    return {
      retention: await read('retention', { asOfDate: '2026-11-30' }),
      retentionByMilestone: await read('retention', { asOfDate: '2026-11-30', cohort: 'milestone_date' }),
      employment: await read('employment'),
      activity: await read('activity'),
    };
  };
  const caseloadItem = async (clientId: string, position: number) => {
    const { body } = await counselor
      .get('/caseload')
      .query({ centerId: CENTER, minPosition: position, waitMs: 20_000, pageSize: 200 })
      .expect(200);
    expect(body.consistency.reached).toBe(true);
    return body.items.find((i: { clientId: string }) => i.clientId === clientId);
  };

  /** Every event the store holds is on Kafka (the relay's checkpoint has passed them all). */
  async function allPublished(): Promise<void> {
    await waitFor(
      async () => {
        const [row] = await saeil.runtime.dataSource.query(
          `SELECT (SELECT count(*)::int FROM events e WHERE (e.transaction_id, e.global_position) > (c.transaction_id, c.global_position)) AS behind FROM checkpoints c WHERE c.name = 'relay:kafka'`,
        );
        return row !== undefined && row.behind === 0;
      },
      { timeoutMs: 60_000, description: 'the relay publishing every event' },
    );
  }

  /** Every row of every table of every schema, as text (bytea in hex): the data a dump holds, whatever pg_dump is installed. */
  async function sqlDump(): Promise<string> {
    const tables: { name: string }[] = await saeil.runtime.dataSource.query(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
    );
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'public.events',
        'public.rm_caseload',
        'public.rm_timeline',
        'public.rm_follow_up_clients',
        'keystore.privacy_data_keys',
        'public.access_log',
      ]),
    );
    const parts: string[] = [];
    for (const { name } of tables) {
      const rows: { line: string }[] = await saeil.runtime.dataSource.query(`SELECT t::text AS line FROM ${name} t`);
      parts.push(`-- ${name}\n${rows.map((r) => r.line).join('\n')}`);
    }
    return parts.join('\n');
  }

  /** pg_dump of the test database (schema and data), when the pg_dump on PATH can dump this server; undefined otherwise. */
  async function pgDump(): Promise<string | undefined> {
    const version = await run('pg_dump', ['--version']).catch(() => undefined);
    const clientMajor = Number(/(\d+)\./.exec(version?.stdout ?? '')?.[1]);
    const [{ server_version_num: serverVersion }] = await saeil.runtime.dataSource.query(`SHOW server_version_num`);
    if (!clientMajor || clientMajor < Math.floor(Number(serverVersion) / 10_000)) return undefined;
    const { stdout } = await run('pg_dump', ['--no-owner', '--dbname', saeil.db.url], { maxBuffer: 512 * 1024 * 1024 });
    expect(stdout).toContain('COPY public.events');
    dumpsMade.add(`pg_dump ${clientMajor}`);
    return stdout;
  }

  /** Every message (key, headers, value) of every topic of this test's prefix, read from the beginning by a group of its own. */
  async function readAllTopics(): Promise<{ topics: string[]; text: string; messages: number }> {
    const prefix = saeil.config.KAFKA_TOPIC_PREFIX;
    expect(prefix).toMatch(/^t\w+\./);
    const kafka = new Kafka({ clientId: 'erasure-proof', brokers: kafkaBrokers()!, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix)).sort();
    const ends = new Map<string, number>();
    for (const topic of topics)
      for (const p of await admin.fetchTopicOffsets(topic))
        if (Number(p.high) > Number(p.low)) ends.set(`${topic}/${p.partition}`, Number(p.high) - 1);
    await admin.disconnect();
    const lines: string[] = [];
    let messages = 0;
    const consumer = kafka.consumer({ groupId: `erasure-proof-${randomUUID()}` });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics, fromBeginning: true });
      const remaining = new Set(ends.keys());
      await consumer.run({
        eachMessage: async ({ topic, partition, message }) => {
          messages += 1;
          const headers = Object.entries(message.headers ?? {})
            .map(([k, v]) => `${k}=${String(v)}`)
            .join(' ');
          lines.push(`${topic} ${message.key?.toString() ?? ''} ${headers} ${message.value?.toString() ?? ''}`);
          if (Number(message.offset) >= ends.get(`${topic}/${partition}`)!) remaining.delete(`${topic}/${partition}`);
        },
      });
      await waitFor(async () => remaining.size === 0, {
        timeoutMs: 60_000,
        description: `every message of ${topics.length} topics`,
      });
    } finally {
      await consumer.disconnect();
    }
    return { topics, text: lines.join('\n'), messages };
  }

  /** The forms of her identity (and the other woman's) found in `text`. */
  const found = (text: string, who: typeof HER) => formsOf(who).filter((form) => text.includes(form));

  /**
   * Her keyed hashes as the installation computes them (its identity hash key: here the one it
   * generated into its data directory), from her plaintext, independently of what was stored:
   * duplicate keys (birth date + phone, name + birth date + center) and search keys (name, phone).
   */
  function herKeyedHashes(): string[] {
    const secret = identityHashSecret(
      { IDENTITY_HASH_KEY: saeil.config.IDENTITY_HASH_KEY, SAEIL_DATA_DIR: saeil.config.SAEIL_DATA_DIR },
      { warn: () => undefined },
    );
    const hashes = [
      ...identityKeysOf(secret, { ...HER, centerId: CENTER }).map((k) => k.key),
      ...searchKeysOf(secret, HER),
    ];
    expect(hashes).toHaveLength(4);
    return hashes;
  }
  const hashesFoundIn = (text: string): string[] => herKeyedHashes().filter((hash) => text.includes(hash));

  function expectNoIdentityIn(text: string, place: string): void {
    expect({ place, her: found(text, HER), other: found(text, OTHER) }).toEqual({ place, her: [], other: [] });
    // The same scan finds what is in clear: her client id, and the control (a Korean name and a phone number).
    expect({
      place,
      clientId: text.includes(herId),
      controlName: text.includes(CONTROL.name),
      controlPhone: text.includes(CONTROL.phone),
    }).toEqual({ place, clientId: true, controlName: true, controlPhone: true });
  }

  it('before her erasure: her name is visible to her center (caseload, search, follow-up queue), yet only ciphertext was ever written — database and topics', async () => {
    const item = await caseloadItem(herId, lastBefore);
    expect(item).toMatchObject({ name: HER.name, birthDate: HER.birthDate, phone: HER.phone, erased: false });
    const search = await counselor.get('/caseload').query({ centerId: CENTER, q: HER.name }).expect(200);
    expect(search.body.items.map((i: { clientId: string }) => i.clientId)).toEqual([herId]);
    const sessions = await counselor.get(`/clients/${herId}/counseling-sessions`).expect(200);
    expect(sessions.body.items[0].notes).toBe(`${HER.name} 님 내방, 연락처 ${HER.phone}, 생년월일 ${HER.birthDate}`);
    const queue = await counselor.get('/follow-ups/queue').query({ counselorId: kim, today: '2026-11-20' }).expect(200);
    expect(
      [...queue.body.overdue, ...queue.body.dueThisWeek, ...queue.body.upcoming]
        .filter((i: { placementId: string }) => i.placementId === placementId)
        .map((i: { clientName: string }) => i.clientName),
    ).toEqual([HER.name, HER.name]);
    // Her envelope opens to her identity (it is there, sealed).
    const [registered] = await saeil.runtime.store.readStream(clientStreamId(herId));
    expect(await vault.openFields(herId, (registered.data as { personal: string }).personal)).toEqual({
      status: 'open',
      fields: HER,
    });

    statisticsBefore = await figures(lastBefore);
    // The figures count her: a placement, a month-1 follow-up, counseling.
    expect(JSON.stringify(statisticsBefore)).toMatch(/"eligible":1/);

    await allPublished();
    const before = await sqlDump();
    expectNoIdentityIn(before, 'database (every table as text) before erasure');
    // Her four keyed hashes are in the database before erasure — in the duplicate and search index
    // only, not in any event (sealed there): the scan that must find none afterwards finds them now.
    expect(hashesFoundIn(before)).toEqual(herKeyedHashes());
    const [{ rows: indexRows }] = await saeil.runtime.dataSource.query(
      `SELECT (SELECT count(*) FROM client_identity_keys WHERE client_id = $1) + (SELECT count(*) FROM client_search_keys WHERE client_id = $1) AS rows`,
      [herId],
    );
    expect(Number(indexRows)).toBe(4);
    const events: { text: string }[] = await saeil.runtime.dataSource.query(
      `SELECT string_agg(data::text || metadata::text, ' ') AS text FROM events`,
    );
    expect(hashesFoundIn(events[0].text)).toEqual([]);
    const dump = await pgDump();
    if (dump !== undefined) expectNoIdentityIn(dump, 'pg_dump before erasure');
    const topics = await readAllTopics();
    expect(hashesFoundIn(topics.text)).toEqual([]);
    expect(topics.topics.some((t) => t.endsWith('saeil.intake.events.v1'))).toBe(true);
    expect(topics.messages).toBeGreaterThanOrEqual(
      Number((await saeil.runtime.dataSource.query(`SELECT count(*)::int AS n FROM events`))[0].n),
    );
    expectNoIdentityIn(topics.text, 'Kafka topics before erasure');
  });

  it("her center's supervisor erases her over HTTP; the projections apply it", async () => {
    erasure = (
      await supervisor
        .post(`/clients/${herId}/erasure`)
        .send({ reason: 'client_request', note: '본인 서면 요청' })
        .expect(200)
    ).body;
    expect(erasure).toMatchObject({ clientId: herId, reason: 'client_request', duplicate: false });
    expect(await caseloadItem(herId, erasure.position)).toMatchObject({
      clientId: herId,
      name: null,
      birthDate: null,
      phone: null,
      erased: true,
    });
    await waitFor(
      async () => {
        const [row] = await saeil.runtime.dataSource.query(
          `SELECT personal, erased_at FROM rm_follow_up_clients WHERE client_id = $1`,
          [herId],
        );
        return row?.erased_at && row.personal === null;
      },
      { description: 'the follow-up queue applying her erasure' },
    );
    const latest = await waitFor(
      async () => {
        const { body } = await counselor
          .get(`/cases/${herId}/timeline`)
          .query({ minPosition: erasure.position })
          .expect(200);
        return body.consistency?.reached ? body.items[0] : undefined;
      },
      { description: 'her timeline applying her erasure' },
    );
    expect(latest).toMatchObject({ type: 'ClientDataErased', summary: '개인정보 파기 (본인 요청)' });
    await allPublished();
  });

  it('(a) a dump of the whole database holds none of her identity (nor ever did)', async () => {
    expectNoIdentityIn(await sqlDump(), 'database (every table as text) after erasure');
    const dump = await pgDump();
    if (dump !== undefined) expectNoIdentityIn(dump, 'pg_dump after erasure');
  });

  it('(a2) no keyed hash of her identity is left anywhere in the database (events, read models, idempotency, index) nor on any topic', async () => {
    expect({ place: 'database (every table as text) after erasure', found: hashesFoundIn(await sqlDump()) }).toEqual({
      place: 'database (every table as text) after erasure',
      found: [],
    });
    const dump = await pgDump();
    if (dump !== undefined)
      expect({ place: 'pg_dump after erasure', found: hashesFoundIn(dump) }).toEqual({
        place: 'pg_dump after erasure',
        found: [],
      });
    expect({ place: 'Kafka topics after erasure', found: hashesFoundIn((await readAllTopics()).text) }).toEqual({
      place: 'Kafka topics after erasure',
      found: [],
    });
    // The other woman's keys are still indexed: erasure deleted hers only.
    const [{ n }] = await saeil.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM client_search_keys WHERE client_id = $1`,
      [otherId],
    );
    expect(n).toBe(2);
  });

  it('(b) every topic of the test read from the beginning holds none of her identity, and carries her erasure', async () => {
    const topics = await readAllTopics();
    expectNoIdentityIn(topics.text, 'Kafka topics after erasure');
    expect(topics.text).toContain('ClientDataErased');
  });

  it('(c) every statistic is exactly what it was', async () => {
    expect(await figures(erasure.position)).toEqual(statisticsBefore);
  });

  it('(d) the other woman is still readable: her caseload row, her search, her envelope', async () => {
    expect(await caseloadItem(otherId, erasure.position)).toMatchObject({
      name: OTHER.name,
      birthDate: OTHER.birthDate,
      phone: OTHER.phone,
      erased: false,
    });
    const search = await counselor.get('/caseload').query({ centerId: CENTER, q: OTHER.phone }).expect(200);
    expect(search.body.items.map((i: { clientId: string }) => i.clientId)).toEqual([otherId]);
    const [registered] = await saeil.runtime.store.readStream(clientStreamId(otherId));
    expect(await vault.openFields(otherId, (registered.data as { personal: string }).personal)).toEqual({
      status: 'open',
      fields: OTHER,
    });
  });

  it('(e) her data key is destroyed: the row is only the erasure record', async () => {
    const [row] = await saeil.runtime.dataSource.query(
      `SELECT wrapped_key, master_key_id, erasure_reason, erased_at FROM keystore.privacy_data_keys WHERE client_id = $1`,
      [herId],
    );
    expect(row).toEqual({
      wrapped_key: null,
      master_key_id: null,
      erasure_reason: 'client_request',
      erased_at: expect.any(Date),
    });
    const [registered] = await saeil.runtime.store.readStream(clientStreamId(herId));
    expect(await vault.openFields(herId, (registered.data as { personal: string }).personal)).toMatchObject({
      status: 'erased',
      reason: 'client_request',
    });
  });

  it('(e2) her counseling notes, readable before, are gone: the session stays, counted', async () => {
    const sessions = await supervisor.get(`/clients/${herId}/counseling-sessions`).expect(200);
    expect(sessions.body).toMatchObject({ total: 1, totalMinutes: 50 });
    expect(sessions.body.items[0]).toMatchObject({ topic: '초기상담: 희망 직종', notesErased: true });
    expect(sessions.body.items[0]).not.toHaveProperty('notes');
  });

  it('(f) GET /caseload shows her as erased, and no search finds her', async () => {
    expect(await caseloadItem(herId, erasure.position)).toMatchObject({
      erased: true,
      name: null,
      birthYear: 1981,
      status: 'employed',
    });
    for (const q of [HER.name, HER.phone]) {
      expect((await counselor.get('/caseload').query({ centerId: CENTER, q }).expect(200)).body.items).toEqual([]);
    }
    const queue = await counselor.get('/follow-ups/queue').query({ counselorId: kim, today: '2026-11-20' }).expect(200);
    expect(
      [...queue.body.overdue, ...queue.body.dueThisWeek, ...queue.body.upcoming]
        .filter((i: { placementId: string }) => i.placementId === placementId)
        .map((i: { clientName: string | null }) => i.clientName),
    ).toEqual([null, null]);
  });
});
