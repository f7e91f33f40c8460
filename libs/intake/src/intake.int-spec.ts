import { randomUUID } from 'node:crypto';
import { clientStreamId } from '@saeil/contracts';
import { describeKafka, waitFor } from '../../../tests/support/env';
import { countEvents, newClient, registerClient, startTestSaeil, TestSaeil } from '../../../tests/support/app';
import { KafkaObserver, observeTopics } from '../../../tests/support/kafka-observer';
import { JwtService } from '@nestjs/jwt';
import {
  accountIdOf,
  ADMINISTRATOR,
  api,
  Api,
  counselorAccount,
  counselorOf,
  MINISTRY_ANALYST,
  supervisorOf,
  tokenFor,
} from '../../../tests/support/auth';

/** Intake through HTTP on real PostgreSQL and Kafka: the case lifecycle and duplicate detection. */
describeKafka('intake: a client case from registration to reopening, and duplicates', () => {
  let saeil: TestSaeil;
  let kafka: KafkaObserver;

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'intake', kafka: true });
    kafka = await observeTopics(saeil, { contexts: ['intake'] });
  });

  afterAll(async () => {
    await kafka?.stop();
    await saeil?.dispose();
  });

  // Each center's counselor works her own cases: center-naju's until the transfer, center-jinju's after.
  let naju: Api;
  let jinju: Api;
  // The counselors her registration and assignments name: accounts of the center (a made-up id is refused).
  let kim: string;
  let park: string;
  let lee: string;
  let mokpo: string;
  beforeAll(async () => {
    naju = await api(saeil, counselorOf('center-naju'));
    jinju = await api(saeil, counselorOf('center-jinju'));
    [kim, park, lee, mokpo] = await Promise.all([
      counselorAccount(saeil, 'center-naju'),
      counselorAccount(saeil, 'center-naju', 'park'),
      counselorAccount(saeil, 'center-jinju'),
      counselorAccount(saeil, 'center-mokpo'),
    ]);
  });
  const register = (body: { centerId?: string; [field: string]: unknown }) =>
    (body.centerId === 'center-jinju' ? jinju : naju).post('/clients').send(body);
  const eventsOf = async (clientId: string) =>
    (await saeil.runtime.store.readStream(clientStreamId(clientId))).map((e) => ({ type: e.type, data: e.data }));
  const identityKeysHeldBy = async (clientId: string): Promise<number> =>
    (
      await saeil.runtime.dataSource.query(`SELECT count(*)::int AS n FROM client_identity_keys WHERE client_id = $1`, [
        clientId,
      ])
    )[0].n;

  describe('the case lifecycle', () => {
    let clientId: string;

    it('registers her with her profile: ClientRegistered carries the profile and two identity keys (hashes, not her data)', async () => {
      const body = {
        ...newClient(100, kim, 'center-naju'),
        education: 'university',
        careerBreakReason: 'childcare',
        careerBreakYears: 5,
        lastOccupation: '회계사무원',
        experienceYears: 3.5,
        desiredOccupation: '세무회계사무원',
        desiredEmploymentType: 'part_time',
        desiredHoursPerWeek: 25,
        desiredMonthlyWage: 1_800_000,
        certifications: ['전산회계 2급'],
        childcareNeeds: '오후 3시 이후 돌봄 필요',
      };
      const created = await register(body).expect(201);
      clientId = created.body.clientId;
      expect(created.body).toMatchObject({ clientId: expect.any(String), streamVersion: 1, duplicate: false });
      const [registered] = await eventsOf(clientId);
      expect(registered.type).toBe('ClientRegistered');
      expect(registered.data).toMatchObject({
        clientId,
        region: '전라남도',
        careerBreakReason: 'childcare',
        desiredMonthlyWage: 1_800_000,
        certifications: ['전산회계 2급'],
      });
      // Her keyed hashes travel sealed; the index holds them in clear until her erasure.
      expect(registered.data).toMatchObject({ sealedKeys: expect.stringMatching(/^pd1\./) });
      expect(registered.data).not.toHaveProperty('identityKeys');
      expect(registered.data).not.toHaveProperty('searchKeys');
      const keys: { identity_key: string }[] = await saeil.runtime.dataSource.query(
        `SELECT identity_key FROM client_identity_keys WHERE client_id = $1`,
        [clientId],
      );
      expect(keys).toHaveLength(2);
      for (const { identity_key } of keys) expect(identity_key).toMatch(/^[0-9a-f]{64}$/);
      for (const { identity_key } of keys) expect(JSON.stringify(registered)).not.toContain(identity_key);
    });

    it('refuses a profile update before she consents (CONSENT_REQUIRED), then records consent, the update, a transfer, closure and reopening', async () => {
      const early = await naju
        .patch(`/clients/${clientId}/profile`)
        .send({ desiredOccupation: '사무보조' })
        .expect(422);
      expect(early.body.error).toMatchObject({ code: 'CONSENT_REQUIRED', details: { missing: ['service'] } });

      await naju
        .post(`/clients/${clientId}/consents`)
        .send({ purpose: 'service', version: '2026-01', givenOn: '2026-01-02' })
        .expect(200);
      const updated = await naju
        .patch(`/clients/${clientId}/profile`)
        .send({ desiredOccupation: '사무보조', phone: '010-5555-0100', careerBreakReason: 'childcare' })
        .expect(200);
      expect(updated.body).toMatchObject({ clientId, streamVersion: 3 });
      await naju
        .post(`/clients/${clientId}/assignment`)
        .send({ centerId: 'center-jinju', counselorId: lee, reason: '거주지 이전' })
        .expect(200);
      await jinju
        .post(`/clients/${clientId}/closure`)
        .send({ reason: '취업 후 종결', closedOn: '2026-02-01' })
        .expect(200);
      const reopened = await jinju
        .post(`/clients/${clientId}/reopening`)
        .send({ reason: '퇴사 후 재등록', reopenedOn: '2026-03-01' })
        .expect(200);
      expect(reopened.body).toMatchObject({ clientId, streamVersion: 6, duplicate: false });

      const events = await eventsOf(clientId);
      expect(events.map((e) => e.type)).toEqual([
        'ClientRegistered',
        'ConsentGiven',
        'ClientProfileUpdated',
        'CounselorAssigned',
        'CaseClosed',
        'CaseReopened',
      ]);
      expect(events[1].data).toEqual({ clientId, purpose: 'service', version: '2026-01', givenOn: '2026-01-02' });
      // Her new phone is sealed with her whole identity, never in `changes`.
      expect(events[2].data).toEqual({
        clientId,
        changes: { desiredOccupation: '사무보조' },
        personal: expect.stringMatching(/^pd1\./),
        sealedKeys: expect.stringMatching(/^pd1\./),
      });
      expect(events[3].data).toEqual({
        clientId,
        fromCenterId: 'center-naju',
        fromCounselorId: kim,
        centerId: 'center-jinju',
        counselorId: lee,
        reason: '거주지 이전',
      });
      expect(events[4].data).toEqual({ clientId, reason: '취업 후 종결', closedOn: '2026-02-01' });
      expect(events[5].data).toEqual({ clientId, reason: '퇴사 후 재등록', reopenedOn: '2026-03-01' });

      const stored = await saeil.runtime.store.readStream(clientStreamId(clientId));
      expect(stored[1].metadata).toMatchObject({ centerId: 'center-naju', occurredAt: '2026-01-02T00:00:00.000Z' });
      expect(stored[4].metadata).toMatchObject({ centerId: 'center-jinju' }); // the case was at the new center when closed
    });

    it('publishes every one of her events, in order, on the intake topic keyed by her stream', async () => {
      const hers = await waitFor(
        async () => {
          const found = kafka.published.filter((m) => m.key === clientStreamId(clientId));
          return found.length >= 6 ? found : undefined;
        },
        { timeoutMs: 30_000, description: 'her 6 events on the intake topic' },
      );
      expect(hers.map((m) => m.type)).toEqual([
        'ClientRegistered',
        'ConsentGiven',
        'ClientProfileUpdated',
        'CounselorAssigned',
        'CaseClosed',
        'CaseReopened',
      ]);
      expect(hers[3].data).toMatchObject({ centerId: 'center-jinju', counselorId: lee });
    });

    it('answers the rules with 422 and appends nothing', async () => {
      const before = await countEvents(saeil);
      const cases: [string, () => ReturnType<Api['post']>, string][] = [
        [
          'nothing changed',
          () => jinju.patch(`/clients/${clientId}/profile`).send({ desiredOccupation: '사무보조' }),
          'NOTHING_CHANGED',
        ],
        [
          'same assignment',
          () => jinju.post(`/clients/${clientId}/assignment`).send({ centerId: 'center-jinju', counselorId: lee }),
          'SAME_ASSIGNMENT',
        ],
        [
          'reopening an open case',
          () => jinju.post(`/clients/${clientId}/reopening`).send({ reason: '재개', reopenedOn: '2026-03-02' }),
          'CASE_NOT_CLOSED',
        ],
        [
          'withdrawing a consent never given',
          () =>
            jinju.post(`/clients/${clientId}/consents/employer_sharing/withdrawal`).send({ withdrawnOn: '2026-03-02' }),
          'CONSENT_NOT_GIVEN',
        ],
        [
          'the same consent form again',
          () =>
            jinju
              .post(`/clients/${clientId}/consents`)
              .send({ purpose: 'service', version: '2026-01', givenOn: '2026-03-02' }),
          'CONSENT_ALREADY_GIVEN',
        ],
        [
          'closing in the future',
          () => jinju.post(`/clients/${clientId}/closure`).send({ reason: '종결', closedOn: '2099-01-01' }),
          'DATE_IN_FUTURE',
        ],
      ];
      for (const [, send, code] of cases) {
        const response = await send().expect(422);
        expect(response.body.error.code).toBe(code);
      }
      await jinju.post(`/clients/${clientId}/closure`).send({ reason: '종결', closedOn: '2026-03-05' }).expect(200);
      const closedTwice = await jinju
        .post(`/clients/${clientId}/closure`)
        .send({ reason: '종결', closedOn: '2026-03-05' })
        .expect(422);
      expect(closedTwice.body.error.code).toBe('CASE_ALREADY_CLOSED');
      const transferClosed = await jinju
        .post(`/clients/${clientId}/assignment`)
        .send({ centerId: 'center-naju', counselorId: kim })
        .expect(422);
      expect(transferClosed.body.error.code).toBe('CASE_CLOSED');
      expect(await countEvents(saeil)).toBe(before + 1);
    });

    it('answers 404 for a well-formed unknown client and 400 on the field for a malformed id or body', async () => {
      const unknown = await jinju
        .post(`/clients/${randomUUID()}/closure`)
        .send({ reason: '종결', closedOn: '2026-03-05' })
        .expect(404);
      expect(unknown.body.error.code).toBe('NOT_FOUND');
      const malformed = await jinju
        .post('/clients/not-a-uuid/closure')
        .send({ reason: '종결', closedOn: '2026-03-05' })
        .expect(400);
      expect(malformed.body.error.fields).toEqual([expect.objectContaining({ field: 'clientId' })]);
      const otherClient = await jinju
        .post(`/clients/${clientId}/closure`)
        .send({ clientId: randomUUID(), reason: '종결', closedOn: '2026-03-05' })
        .expect(400);
      expect(otherClient.body.error.fields).toEqual([
        expect.objectContaining({ field: 'clientId', code: 'pathMismatch' }),
      ]);
      const badPurpose = await jinju
        .post(`/clients/${clientId}/consents/newsletter/withdrawal`)
        .send({ withdrawnOn: '2026-03-02' })
        .expect(400);
      expect(badPurpose.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['purpose']);
      const badProfile = await jinju
        .patch(`/clients/${clientId}/profile`)
        .send({
          desiredEmploymentType: 'freelance',
          desiredHoursPerWeek: 200,
          certifications: [3],
          region: '전남',
          name: null,
        })
        .expect(400);
      expect(badProfile.body.error.fields.map((f: { field: string }) => f.field)).toEqual(
        expect.arrayContaining(['desiredEmploymentType', 'desiredHoursPerWeek', 'certifications', 'region', 'name']),
      );
      const noRegion = await register({ ...newClient(101, kim), region: undefined }).expect(400);
      expect(noRegion.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['region']);
    });
  });

  describe('duplicate registration', () => {
    it('the same birth date and phone at the same center is 422 DUPLICATE_CLIENT naming her, and nothing is appended', async () => {
      const first = await register(newClient(200, kim, 'center-naju')).expect(201);
      const before = await countEvents(saeil);
      const again = await register({
        ...newClient(200, park, 'center-naju'),
        name: '이순자',
        phone: newClient(200, kim).phone.replace(/-/g, ''),
      }).expect(422);
      expect(again.body.error).toMatchObject({
        code: 'DUPLICATE_CLIENT',
        details: { existingClientIds: [first.body.clientId], matchedOn: ['birthDate+phone'] },
      });
      expect(await countEvents(saeil)).toBe(before);
    });

    it('at another center the same birth date and phone is refused saying she is registered elsewhere and to ask for a transfer, never her id nor her center (issue 13)', async () => {
      const first = await register(newClient(210, kim, 'center-naju')).expect(201);
      const before = await countEvents(saeil);
      const elsewhere = await register({ ...newClient(210, lee, 'center-jinju'), name: '이순자' }).expect(422);
      expect(elsewhere.body).toEqual({
        error: { code: 'CLIENT_AT_ANOTHER_CENTER', message: expect.stringContaining('이관') },
      });
      const text = JSON.stringify(elsewhere.body);
      for (const secret of [first.body.clientId, 'center-naju', '나주']) expect(text).not.toContain(secret);
      // The same answer whatever she is matched on, and after her case moved (her current center counts).
      await naju
        .post(`/clients/${first.body.clientId}/assignment`)
        .send({ centerId: 'center-mokpo', counselorId: mokpo })
        .expect(200);
      const fromNaju = await register({ ...newClient(210, kim, 'center-naju'), name: '박영희' }).expect(422);
      expect(fromNaju.body.error.code).toBe('CLIENT_AT_ANOTHER_CENTER');
      expect(JSON.stringify(fromNaju.body)).not.toContain(first.body.clientId);
      expect(await countEvents(saeil)).toBe(before + 1); // the transfer only
    });

    it('the same name and birth date at the same center is DUPLICATE_CLIENT; at another center it is allowed', async () => {
      const first = await register(newClient(300, kim, 'center-naju')).expect(201);
      const sameCenter = await register({
        ...newClient(300, park, 'center-naju'),
        name: `  ${newClient(300, kim).name} `,
        phone: '010-7777-0300',
      }).expect(422);
      expect(sameCenter.body.error.details).toEqual({
        existingClientIds: [first.body.clientId],
        matchedOn: ['name+birthDate+center'],
      });
      const otherCenter = await register({ ...newClient(300, lee, 'center-jinju'), phone: '010-7777-0301' }).expect(
        201,
      );
      expect(otherCenter.body.clientId).not.toBe(first.body.clientId);
    });

    it.each([
      ['decomposed (NFD)', 310, (name: string) => name.normalize('NFD')],
      ['with a zero-width space', 311, (name: string) => `${name.slice(0, 1)}\u200B${name.slice(1)}`],
      [
        'with a zero-width joiner and a byte-order mark',
        312,
        (name: string) => `\uFEFF${name.slice(0, 1)}\u200D${name.slice(1)}`,
      ],
      [
        'with a soft hyphen and full-width spaces',
        313,
        (name: string) => `\u3000${name.slice(0, 2)}\u00AD${name.slice(2)}\u3000`,
      ],
      ['all at once', 314, (name: string) => `\u200B ${[...name.normalize('NFD')].join('\u200C')}\u3000\u3000`],
    ])(
      'her name written %s, with her birth date at her center, is DUPLICATE_CLIENT, and a search by it finds her',
      async (_what, i, spell) => {
        const first = await register({ ...newClient(i, kim), name: '김영희' + String.fromCharCode(0xac00 + i) }).expect(
          201,
        );
        const name = '김영희' + String.fromCharCode(0xac00 + i);
        const before = await countEvents(saeil);
        const again = await register({
          ...newClient(i, park),
          name: spell(name),
          phone: `010-7777-${String(i).padStart(4, '0')}`,
        }).expect(422);
        expect(again.body.error).toMatchObject({
          code: 'DUPLICATE_CLIENT',
          details: { matchedOn: ['name+birthDate+center'] },
        });
        expect(await countEvents(saeil)).toBe(before);
        // The caseload is projected in the worker: ask until it has reached her registration.
        const found = await waitFor(
          async () => {
            const { body } = await naju
              .get('/caseload')
              .query({ centerId: 'center-naju', q: spell(name), minPosition: first.body.position })
              .expect(200);
            return body.consistency?.reached ? body : undefined;
          },
          { description: 'the caseload reaching her registration' },
        );
        expect(found.items.map((item: { clientId: string }) => item.clientId)).toEqual([first.body.clientId]);
      },
    );

    it.each([
      ['a zero-width space', '\u200B'],
      ['a byte-order mark and a soft hyphen', '\uFEFF\u00AD'],
      ['full-width spaces and a zero-width joiner', '\u3000\u200D\u3000'],
    ])('a name of only %s is 400 on the field name, and nothing is appended', async (_what, name) => {
      const before = await countEvents(saeil);
      const refused = await register({ ...newClient(390, kim), name }).expect(400);
      expect(refused.body.error.fields).toEqual([expect.objectContaining({ field: 'name' })]);
      expect(await countEvents(saeil)).toBe(before);
    });

    it('a counselor who confirmed she is another person registers her by naming the match; the acknowledgment is recorded', async () => {
      const first = await register(newClient(400, kim)).expect(201);
      const twin = { ...newClient(400, kim), phone: '010-8888-0400' };
      const refused = await register(twin).expect(422);
      expect(refused.body.error.details.existingClientIds).toEqual([first.body.clientId]);
      const wrongName = await register({ ...twin, allowDuplicateOf: [randomUUID()] }).expect(422);
      expect(wrongName.body.error.code).toBe('DUPLICATE_CLIENT');
      const created = await register({ ...twin, allowDuplicateOf: [first.body.clientId] }).expect(201);
      const [registered] = await eventsOf(created.body.clientId);
      expect(registered.data).toMatchObject({ acknowledgedDuplicateOf: [first.body.clientId] });
      expect(await identityKeysHeldBy(created.body.clientId)).toBe(1); // her phone key; the name key stays with the first
      const notAMatch = await register({ ...newClient(401, kim), allowDuplicateOf: [first.body.clientId] }).expect(422);
      expect(notAMatch.body.error).toMatchObject({
        code: 'NOT_A_DUPLICATE',
        details: { notMatched: [first.body.clientId] },
      });
    });

    it('20 concurrent registrations of the same person: exactly one is created, the other 19 are DUPLICATE_CLIENT naming it', async () => {
      const before = await countEvents(saeil, 'ClientRegistered');
      const body = newClient(500, kim);
      const responses = await Promise.all(Array.from({ length: 20 }, () => register(body)));
      const created = responses.filter((r) => r.status === 201);
      expect(created).toHaveLength(1);
      const refused = responses.filter((r) => r.status === 422);
      expect(refused).toHaveLength(19);
      for (const r of refused)
        expect(r.body.error).toMatchObject({
          code: 'DUPLICATE_CLIENT',
          details: { existingClientIds: [created[0].body.clientId] },
        });
      expect(await countEvents(saeil, 'ClientRegistered')).toBe(before + 1);
    });

    it('concurrent retries of one registration with the same Idempotency-Key all answer her one registration', async () => {
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => register(newClient(550, kim)).set('Idempotency-Key', 'intake-form-0550')),
      );
      const ids = new Set(responses.map((r) => r.body.clientId));
      expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
      expect(ids.size).toBe(1);
      expect(await eventsOf([...ids][0])).toHaveLength(1);
    });

    it("an Idempotency-Key belongs to the account that used it: after a naju woman's erasure, a jinju counselor's registration with the same key is recorded, not answered with naju's id (issue 13)", async () => {
      const key = `intake-form-shared-${randomUUID()}`;
      const first = await register(newClient(560, kim)).set('Idempotency-Key', key).expect(201);
      const najuSupervisor = await api(saeil, supervisorOf('center-naju'));
      await najuSupervisor
        .post(`/clients/${first.body.clientId}/erasure`)
        .send({ reason: 'client_request' })
        .expect(200);
      const before = await countEvents(saeil, 'ClientRegistered');
      const other = await register(newClient(561, lee, 'center-jinju'))
        .set('Idempotency-Key', key)
        .expect(201);
      expect(other.body).toMatchObject({ duplicate: false });
      expect(other.body.clientId).not.toBe(first.body.clientId);
      expect(await countEvents(saeil, 'ClientRegistered')).toBe(before + 1);
      expect(await eventsOf(other.body.clientId)).toHaveLength(1);
      // Each account's retry still answers its own registration; the same body from naju's account is her first answer.
      expect(
        (
          await register(newClient(561, lee, 'center-jinju'))
            .set('Idempotency-Key', key)
            .expect(200)
        ).body,
      ).toMatchObject({ clientId: other.body.clientId, duplicate: true });
      expect((await register(newClient(560, kim)).set('Idempotency-Key', key).expect(200)).body).toMatchObject({
        clientId: first.body.clientId,
        duplicate: true,
      });
    });

    it('a profile change that makes her look like another client is DUPLICATE_CLIENT and changes nothing; her keys follow a real change', async () => {
      const other = await register(newClient(600, kim)).expect(201);
      const her = await register(newClient(601, kim)).expect(201);
      const clientId = her.body.clientId;
      await naju
        .post(`/clients/${clientId}/consents`)
        .send({ purpose: 'service', version: '2026-01', givenOn: '2026-01-02' })
        .expect(200);
      const before = await countEvents(saeil);
      const clash = await naju
        .patch(`/clients/${clientId}/profile`)
        .send({ birthDate: newClient(600, kim).birthDate, phone: newClient(600, kim).phone })
        .expect(422);
      expect(clash.body.error).toMatchObject({
        code: 'DUPLICATE_CLIENT',
        details: { existingClientIds: [other.body.clientId], matchedOn: ['birthDate+phone'] },
      });
      expect(await countEvents(saeil)).toBe(before);
      expect(await identityKeysHeldBy(clientId)).toBe(2); // the rollback kept her old keys

      await naju.patch(`/clients/${clientId}/profile`).send({ phone: '010-4444-0601' }).expect(200);
      // Her old phone is free again: a new client with it (and another name) is not a duplicate.
      await register({ ...newClient(601, kim), name: '박민지' }).expect(201);
      const reuse = await register({
        ...newClient(601, park, 'center-naju'),
        name: '최지은',
        phone: '010-4444-0601',
      }).expect(422);
      expect(reuse.body.error.details).toEqual({ existingClientIds: [clientId], matchedOn: ['birthDate+phone'] });
    });
  });

  describe('consent withdrawal', () => {
    it('after she withdraws the service consent, a profile update is refused with CONSENT_REQUIRED', async () => {
      const { body } = await register(newClient(700, kim)).expect(201);
      await naju
        .post(`/clients/${body.clientId}/consents`)
        .send({ purpose: 'service', version: '2026-01', givenOn: '2026-01-02' })
        .expect(200);
      await naju
        .post(`/clients/${body.clientId}/consents/service/withdrawal`)
        .send({ withdrawnOn: '2026-02-01' })
        .expect(200);
      const refused = await naju
        .patch(`/clients/${body.clientId}/profile`)
        .send({ desiredOccupation: '요양보호사' })
        .expect(422);
      expect(refused.body.error).toMatchObject({ code: 'CONSENT_REQUIRED', details: { missing: ['service'] } });
      expect((await eventsOf(body.clientId)).map((e) => e.type)).toEqual([
        'ClientRegistered',
        'ConsentGiven',
        'ConsentWithdrawn',
      ]);
    });
  });

  describe('the Kafka command topic', () => {
    /** Sends a command message as given (with no token, a forged one…) and waits for its reply. */
    const sendRaw = async (message: {
      type: string;
      payload: Record<string, unknown>;
      accessToken?: string;
      actorId?: string;
    }) => {
      const commandId = `intake-test-${randomUUID()}`;
      await kafka.send(JSON.stringify({ commandId, ...message }), commandId);
      return waitFor(async () => kafka.replies.find((r) => r.commandId === commandId), {
        timeoutMs: 30_000,
        description: `the reply to ${message.type} ${commandId}`,
      });
    };
    const consentFor = (clientId: string) => ({
      clientId,
      purpose: 'service',
      version: '2026-01',
      givenOn: '2026-01-03',
    });
    const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

    it('accepts a case command with the client id in its payload, through the same handler, recording the account of its token (not the stated actorId)', async () => {
      const clientId = await registerClient(saeil, 800);
      const payload = consentFor(clientId);
      // The outreach app acts for center-naju's counselor, whose woman this is; it states an actorId of its own.
      const reply = await kafka.sendCommand('GiveConsent', payload, {
        token: naju.token,
        actorId: 'outreach-app',
        commandId: `intake-test-${randomUUID()}`,
      });
      expect(reply).toMatchObject({ status: 'accepted' });
      const events = await waitFor(
        async () => {
          const found = await eventsOf(clientId);
          return found.length >= 2 ? found : undefined;
        },
        { timeoutMs: 30_000, description: 'ConsentGiven from the command topic' },
      );
      expect(events[1]).toEqual({ type: 'ConsentGiven', data: payload });
      // GiveConsent's definition has no centerOf: the handler puts the center of her case in.
      const [, stored] = await saeil.runtime.store.readStream(clientStreamId(clientId));
      const counselorAccount = await accountIdOf(saeil, counselorOf('center-naju'));
      expect(stored.metadata).toMatchObject({
        centerId: 'center-naju',
        actorId: counselorAccount,
        occurredAt: '2026-01-03T00:00:00.000Z',
      });
      expect(stored.metadata.actorId).not.toBe('outreach-app');
    });

    it('refuses a command with no token, or a forged one, with a 401-type code, appending nothing', async () => {
      const clientId = await registerClient(saeil, 810);
      const counselorAccount = await accountIdOf(saeil, counselorOf('center-naju'));
      const adminAccount = await accountIdOf(saeil, ADMINISTRATOR);
      const [header, , signature] = naju.token.split('.');
      const now = Math.floor(Date.now() / 1000);
      const forged = {
        // Her account's claims, signed with a secret that is not Saeil's.
        'signed with another secret': await new JwtService({ secret: 'not-the-saeil-secret' }).signAsync(
          { sub: counselorAccount, ver: 0 },
          { expiresIn: 600, issuer: 'saeil', audience: 'saeil-api' },
        ),
        // Her real token with its claims rewritten to the administrator's account (the signature no longer matches).
        'a real token with its claims rewritten': `${header}.${base64url({ sub: adminAccount, ver: 0, iat: now, exp: now + 600, iss: 'saeil', aud: 'saeil-api' })}.${signature}`,
        // Unsigned.
        'an unsigned (alg none) token': `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: counselorAccount, ver: 0, iat: now, exp: now + 600, iss: 'saeil', aud: 'saeil-api' })}.`,
      };
      const before = await countEvents(saeil);

      const noToken = await sendRaw({ type: 'GiveConsent', actorId: 'outreach-app', payload: consentFor(clientId) });
      expect(noToken).toMatchObject({ status: 'rejected', error: { code: 'AUTHENTICATION_REQUIRED' } });
      for (const [how, accessToken] of Object.entries(forged)) {
        const reply = await sendRaw({
          type: 'GiveConsent',
          actorId: 'outreach-app',
          accessToken,
          payload: consentFor(clientId),
        });
        expect({ how, reply }).toMatchObject({ how, reply: { status: 'rejected', error: { code: 'INVALID_TOKEN' } } });
      }
      // Checked before the payload: an invalid payload without a token is still a 401, not a 400.
      const invalidPayload = await sendRaw({ type: 'GiveConsent', payload: { clientId: 'not-a-uuid' } });
      expect(invalidPayload).toMatchObject({ status: 'rejected', error: { code: 'AUTHENTICATION_REQUIRED' } });

      expect(await eventsOf(clientId)).toHaveLength(1);
      expect(await countEvents(saeil)).toBe(before);
    });

    it('refuses a role the command does not admit (a ministry analyst: ACCESS_DENIED), appending nothing', async () => {
      const clientId = await registerClient(saeil, 820);
      const analyst = await tokenFor(saeil.url, MINISTRY_ANALYST);
      const before = await countEvents(saeil);
      const consent = await kafka.sendCommand('GiveConsent', consentFor(clientId), {
        token: analyst,
        actorId: 'outreach-app',
      });
      expect(consent).toMatchObject({ status: 'rejected', error: { code: 'ACCESS_DENIED' } });
      const registration = await kafka.sendCommand('RegisterClient', newClient(821, kim), { token: analyst });
      expect(registration).toMatchObject({ status: 'rejected', error: { code: 'ACCESS_DENIED' } });
      expect(await eventsOf(clientId)).toHaveLength(1);
      expect(await countEvents(saeil)).toBe(before);
    });

    it('refuses a woman of another center as if she did not exist (NOT_FOUND), and a body naming another center (OUT_OF_SCOPE), appending nothing', async () => {
      const clientId = await registerClient(saeil, 830); // center-naju's
      const before = await countEvents(saeil);
      // center-jinju's counselor does not reach her: the same answer as for a woman who does not exist.
      const hers = await kafka.sendCommand('GiveConsent', consentFor(clientId), {
        token: jinju.token,
        actorId: 'outreach-app',
      });
      expect(hers).toMatchObject({ status: 'rejected', error: { code: 'NOT_FOUND' } });
      const nobody = await kafka.sendCommand('GiveConsent', consentFor(randomUUID()), { token: jinju.token });
      expect(nobody).toMatchObject({ status: 'rejected', error: { code: 'NOT_FOUND' } });
      // Registering a woman at center-jinju is not center-naju's counselor's to do.
      const elsewhere = await kafka.sendCommand('RegisterClient', newClient(831, lee, 'center-jinju'), {
        token: naju.token,
      });
      expect(elsewhere).toMatchObject({ status: 'rejected', error: { code: 'OUT_OF_SCOPE' } });
      expect(await eventsOf(clientId)).toHaveLength(1);
      expect(await countEvents(saeil)).toBe(before);

      // Her own center's counselor reaches her through the same door.
      expect(await kafka.sendCommand('GiveConsent', consentFor(clientId), { token: naju.token })).toMatchObject({
        status: 'accepted',
      });
      expect((await eventsOf(clientId)).map((e) => e.type)).toEqual(['ClientRegistered', 'ConsentGiven']);
    });
  });
});
