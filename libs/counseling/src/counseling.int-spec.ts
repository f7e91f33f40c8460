import { randomUUID } from 'node:crypto';
import { counselingStreamId, groupProgramStreamId, outreachStreamId } from '@saeil/contracts';
import { describeKafka, waitFor } from '../../../tests/support/env';
import { countEvents, registerClient, startTestSaeil, TestSaeil } from '../../../tests/support/app';
import { KafkaObserver, observeTopics } from '../../../tests/support/kafka-observer';
import { accountIdOf, Api, api, counselorOf } from '../../../tests/support/auth';

/** Counseling through HTTP (and the Kafka command topic) on real PostgreSQL and Kafka. */
describeKafka('counseling: sessions, employment plan, group programs, outreach', () => {
  let saeil: TestSaeil;
  let kafka: KafkaObserver;
  /** A counselor of center-naju, where her clients are, and her account id (the actor of what she records). */
  let http: Api;
  let counselorAccount: string;
  /** Another counselor of center-naju (her account id): who held a session, who went to an outreach. */
  let lee: string;
  /** A counselor of center-jinju, whose center runs the group program. */
  let jinju: Api;

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'counseling', kafka: true });
    kafka = await observeTopics(saeil, { contexts: ['counseling'] });
    http = await api(saeil, counselorOf('center-naju'));
    counselorAccount = (await http.get('/auth/me').expect(200)).body.accountId;
    jinju = await api(saeil, counselorOf('center-jinju'));
    lee = await accountIdOf(saeil, counselorOf('center-naju', 'lee'));
  });

  afterAll(async () => {
    await kafka?.stop();
    await saeil?.dispose();
  });

  let seq = 100;
  /** A client at center-naju (unless told) with her center's counselor (the account `http` acts as at center-naju), with her service consent (given 2025-01-02) unless told otherwise. */
  const client = (consent = true, centerId = 'center-naju') =>
    registerClient(saeil, seq++, { centerId, consents: consent ? ['service'] : [], givenOn: '2025-01-02' });

  /** The test closes cases by writing CaseClosed into her stream itself. */
  function appendToClient(clientId: string, event: { type: string; data: Record<string, unknown> }) {
    return saeil.runtime.store.append(`client-${clientId}`, [event], {
      context: 'intake',
      expectedVersion: 'any',
      metadata: {
        actorId: 'test',
        centerId: 'center-naju',
        correlationId: 'test',
        occurredAt: new Date().toISOString(),
      },
    });
  }

  const stream = (streamId: string) => saeil.runtime.store.readStream(streamId);
  const session = (body: Record<string, unknown>) => ({
    topic: '직업 상담',
    durationMinutes: 30,
    occurredOn: '2025-03-04',
    ...body,
  });

  describe('individual counseling sessions', () => {
    let clientId: string;

    beforeAll(async () => {
      clientId = await client();
    });

    it('records sessions over three channels, with the outreach place, at her center and dated when they happened', async () => {
      const visit = await http
        .post(`/clients/${clientId}/counseling-sessions`)
        .set('X-Actor-Id', lee) // ignored: the actor is the account of the token
        .send(
          session({
            channel: 'in_center',
            topic: '초기상담: 희망 직종 탐색',
            durationMinutes: 60,
            notes: '사무직 희망',
            occurredOn: '2025-03-04',
          }),
        )
        .expect(201);
      expect(visit.body).toMatchObject({ clientId, sessionId: expect.any(String), streamVersion: 1, duplicate: false });
      await http
        .post(`/clients/${clientId}/counseling-sessions`)
        .send(session({ channel: 'phone', topic: '면접 일정 안내', durationMinutes: 10, occurredOn: '2025-03-11' }))
        .expect(201);
      await http
        .post(`/clients/${clientId}/counseling-sessions`)
        .send(
          session({
            channel: 'mobile_outreach',
            place: '빛가람 호반베르디움 아파트',
            topic: '이력서 점검',
            durationMinutes: 40,
            occurredOn: '2025-03-07',
            counselorId: lee,
          }),
        )
        .expect(201);

      const events = await stream(counselingStreamId(clientId));
      expect(events.map((e) => e.type)).toEqual([
        'CounselingSessionRecorded',
        'CounselingSessionRecorded',
        'CounselingSessionRecorded',
      ]);
      expect(events[0].data).toEqual({
        clientId,
        sessionId: visit.body.sessionId,
        centerId: 'center-naju',
        channel: 'in_center',
        topic: '초기상담: 희망 직종 탐색',
        durationMinutes: 60,
        sealedNotes: expect.stringMatching(/^pd1\./),
        counselorId: counselorAccount,
        occurredOn: '2025-03-04',
      });
      // The notes are sealed with her data key: not in the stored row, read back through the vault.
      const [row] = await saeil.runtime.dataSource.query(
        `SELECT data::text AS data FROM events WHERE data->>'sessionId' = $1`,
        [visit.body.sessionId],
      );
      expect(row.data).not.toContain('사무직 희망');
      expect(events[2].data).toMatchObject({
        channel: 'mobile_outreach',
        place: '빛가람 호반베르디움 아파트',
        counselorId: lee,
      });
      expect(events[0].metadata).toMatchObject({
        actorId: counselorAccount,
        centerId: 'center-naju',
        occurredAt: '2025-03-04T00:00:00.000Z',
      });

      const list = await http.get(`/clients/${clientId}/counseling-sessions`).query({ pageSize: 2 }).expect(200);
      expect(list.body).toMatchObject({ clientId, total: 3, totalMinutes: 110, page: 1, pageSize: 2 });
      expect(list.body.items.map((i: { occurredOn: string; channel: string }) => [i.occurredOn, i.channel])).toEqual([
        ['2025-03-11', 'phone'],
        ['2025-03-07', 'mobile_outreach'],
      ]);
      expect(list.body.items[1]).toMatchObject({
        place: '빛가람 호반베르디움 아파트',
        counselorId: lee,
        recordedBy: counselorAccount,
      });
      const second = await http
        .get(`/clients/${clientId}/counseling-sessions`)
        .query({ pageSize: 2, page: 2 })
        .expect(200);
      expect(second.body.items.map((i: { occurredOn: string }) => i.occurredOn)).toEqual(['2025-03-04']);
      expect(second.body.items[0]).toMatchObject({ notes: '사무직 희망' });
      expect(list.body.items[0]).not.toHaveProperty('notes');
    });

    it('a version 1 session (written before the notes were sealed) is listed with its clear notes, beside sealed ones', async () => {
      const oldClient = await client();
      const v1 = {
        clientId: oldClient,
        sessionId: randomUUID(),
        centerId: 'center-naju',
        channel: 'in_center',
        topic: '초기상담',
        durationMinutes: 30,
        notes: '봉인 이전 메모',
        counselorId: counselorAccount,
        occurredOn: '2025-02-03',
      };
      await saeil.runtime.store.append(
        counselingStreamId(oldClient),
        [{ type: 'CounselingSessionRecorded', data: v1, schemaVersion: 1 }],
        {
          context: 'counseling',
          expectedVersion: 'any',
          metadata: {
            actorId: 'test',
            centerId: 'center-naju',
            correlationId: 'test',
            occurredAt: new Date().toISOString(),
          },
        },
      );
      await http
        .post(`/clients/${oldClient}/counseling-sessions`)
        .send(session({ channel: 'phone', notes: '봉인된 메모', occurredOn: '2025-02-10' }))
        .expect(201);
      const list = await http.get(`/clients/${oldClient}/counseling-sessions`).expect(200);
      expect(list.body.items.map((i: { occurredOn: string; notes?: string }) => [i.occurredOn, i.notes])).toEqual([
        ['2025-02-10', '봉인된 메모'],
        ['2025-02-03', '봉인 이전 메모'],
      ]);
      const versions = await saeil.runtime.dataSource.query(
        `SELECT schema_version FROM events WHERE stream_id = $1 ORDER BY stream_version`,
        [counselingStreamId(oldClient)],
      );
      expect(versions.map((v: { schema_version: number }) => v.schema_version)).toEqual([1, 2]);
    });

    it('a repeated Idempotency-Key answers with the first session and records it once', async () => {
      const body = session({ channel: 'online', topic: '채용공고 안내', occurredOn: '2025-03-12' });
      const first = await http
        .post(`/clients/${clientId}/counseling-sessions`)
        .set('Idempotency-Key', `session-form-${clientId}`)
        .send(body)
        .expect(201);
      const again = await http
        .post(`/clients/${clientId}/counseling-sessions`)
        .set('Idempotency-Key', `session-form-${clientId}`)
        .send(body)
        .expect(200);
      expect(again.body).toEqual({ ...first.body, duplicate: true });
      const online = (await stream(counselingStreamId(clientId))).filter((e) => e.data.channel === 'online');
      expect(online).toHaveLength(1);
    });

    it('refuses bad input with 400 on the field, broken rules with 422, unknown clients with 404, and appends nothing', async () => {
      const before = await countEvents(saeil);
      const badChannel = await http
        .post(`/clients/${clientId}/counseling-sessions`)
        .send(session({ channel: 'kakao' }))
        .expect(400);
      expect(badChannel.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['channel']);

      const badInput = await http
        .post('/clients/not-a-uuid/counseling-sessions')
        .send(session({ channel: 'phone', durationMinutes: 481, occurredOn: '2025-02-30', mood: 'good' }))
        .expect(400);
      expect(badInput.body.error.fields.map((f: { field: string }) => f.field)).toEqual(
        expect.arrayContaining(['clientId', 'durationMinutes', 'occurredOn', 'mood']),
      );

      const pathMismatch = await http
        .post(`/clients/${clientId}/counseling-sessions`)
        .send(session({ channel: 'phone', clientId: randomUUID() }))
        .expect(400);
      expect(pathMismatch.body.error.fields[0]).toMatchObject({ field: 'clientId', code: 'pathMismatch' });

      const noPlace = await http
        .post(`/clients/${clientId}/counseling-sessions`)
        .send(session({ channel: 'mobile_outreach' }))
        .expect(422);
      expect(noPlace.body.error.code).toBe('PLACE_REQUIRED');

      const future = await http
        .post(`/clients/${clientId}/counseling-sessions`)
        .send(session({ channel: 'phone', occurredOn: '2099-01-01' }))
        .expect(422);
      expect(future.body.error).toMatchObject({ code: 'DATE_IN_FUTURE', details: { field: 'occurredOn' } });

      const unknown = await http
        .post(`/clients/${randomUUID()}/counseling-sessions`)
        .send(session({ channel: 'phone' }))
        .expect(404);
      expect(unknown.body.error.code).toBe('NOT_FOUND');
      await http.get(`/clients/${randomUUID()}/counseling-sessions`).expect(404);
      const badId = await http.get('/clients/123/counseling-sessions').expect(400);
      expect(badId.body.error.fields[0].field).toBe('clientId');
      // Another center's counselor finds no such woman: 404, as for an unknown one.
      expect(
        (
          await jinju
            .post(`/clients/${clientId}/counseling-sessions`)
            .send(session({ channel: 'phone' }))
            .expect(404)
        ).body.error.code,
      ).toBe('NOT_FOUND');
      await jinju.get(`/clients/${clientId}/counseling-sessions`).expect(404);

      expect(await countEvents(saeil)).toBe(before);
    });

    it('without the service consent → 422 CONSENT_REQUIRED; on a closed case → 422 CASE_CLOSED; nothing appended', async () => {
      const noConsent = await client(false);
      const before = await countEvents(saeil);
      const refused = await http
        .post(`/clients/${noConsent}/counseling-sessions`)
        .send(session({ channel: 'in_center' }))
        .expect(422);
      expect(refused.body.error).toMatchObject({ code: 'CONSENT_REQUIRED', details: { missing: ['service'] } });
      const noPlan = await http
        .post(`/clients/${noConsent}/employment-plan`)
        .send({
          goals: ['취업'],
          desiredOccupation: '사무원',
          plannedServices: ['counseling'],
          nextAction: { description: '상담', dueOn: '2025-04-01' },
          setOn: '2025-03-04',
        })
        .expect(422);
      expect(noPlan.body.error.code).toBe('CONSENT_REQUIRED');

      const closed = await client();
      await appendToClient(closed, {
        type: 'CaseClosed',
        data: { clientId: closed, reason: '취업 후 종결', closedOn: '2025-03-01' },
      });
      const afterSetup = await countEvents(saeil);
      const onClosed = await http
        .post(`/clients/${closed}/counseling-sessions`)
        .send(session({ channel: 'phone' }))
        .expect(422);
      expect(onClosed.body.error.code).toBe('CASE_CLOSED');

      expect(await countEvents(saeil)).toBe(afterSetup);
      expect(afterSetup - before).toBe(3); // only the set-up: ClientRegistered, ConsentGiven, CaseClosed
      expect(await stream(counselingStreamId(noConsent))).toHaveLength(0);
      expect(await stream(counselingStreamId(closed))).toHaveLength(0);
    });
  });

  describe('employment plan', () => {
    const plan = {
      goals: ['6개월 내 사무직 정규직 취업'],
      desiredOccupation: '경영·회계 사무원',
      plannedServices: ['counseling', 'training', 'job_matching'],
      nextAction: { description: '컴퓨터활용능력 과정 등록', dueOn: '2025-03-20' },
      setOn: '2025-03-05',
    };

    it('is set once, revised with a reason (only what changed is recorded), and read back with its history', async () => {
      const clientId = await client();
      const early = await http
        .patch(`/clients/${clientId}/employment-plan`)
        .send({ desiredOccupation: '회계', reason: '변경', revisedOn: '2025-03-05' })
        .expect(422);
      expect(early.body.error.code).toBe('NO_PLAN');
      await http.get(`/clients/${clientId}/employment-plan`).expect(404);

      const set = await http.post(`/clients/${clientId}/employment-plan`).send(plan).expect(201);
      expect(set.body).toMatchObject({ clientId, planId: expect.any(String), duplicate: false });
      const twice = await http.post(`/clients/${clientId}/employment-plan`).send(plan).expect(422);
      expect(twice.body.error).toMatchObject({ code: 'PLAN_ALREADY_SET', details: { planId: set.body.planId } });

      const revised = await http
        .patch(`/clients/${clientId}/employment-plan`)
        .send({
          plannedServices: ['counseling', 'training', 'internship', 'job_matching'],
          desiredOccupation: '경영·회계 사무원',
          reason: '새일여성인턴 연계 희망',
          revisedOn: '2025-03-12',
        })
        .expect(200);
      expect(revised.body).toMatchObject({ clientId, planId: set.body.planId, revision: 1, duplicate: false });
      const unchanged = await http
        .patch(`/clients/${clientId}/employment-plan`)
        .send({ desiredOccupation: '경영·회계 사무원', reason: '확인', revisedOn: '2025-03-13' })
        .expect(422);
      expect(unchanged.body.error.code).toBe('NO_CHANGES');
      const badNested = await http
        .patch(`/clients/${clientId}/employment-plan`)
        .send({ nextAction: { description: '', dueOn: 'soon' }, reason: 'x', revisedOn: '2025-03-13' })
        .expect(400);
      expect(badNested.body.error.fields.map((f: { field: string }) => f.field)).toEqual(
        expect.arrayContaining(['nextAction.description', 'nextAction.dueOn']),
      );

      const events = await stream(counselingStreamId(clientId));
      expect(events.map((e) => e.type)).toEqual(['EmploymentPlanSet', 'EmploymentPlanRevised']);
      expect(events[0].data).toEqual({
        clientId,
        planId: set.body.planId,
        centerId: 'center-naju',
        counselorId: counselorAccount,
        ...plan,
      });
      expect(events[1].data).toEqual({
        clientId,
        planId: set.body.planId,
        revision: 1,
        changes: { plannedServices: ['counseling', 'training', 'internship', 'job_matching'] },
        reason: '새일여성인턴 연계 희망',
        revisedOn: '2025-03-12',
      });

      const current = await http.get(`/clients/${clientId}/employment-plan`).expect(200);
      expect(current.body).toMatchObject({
        planId: set.body.planId,
        plannedServices: ['counseling', 'training', 'internship', 'job_matching'],
        nextAction: plan.nextAction,
        setOn: '2025-03-05',
        lastChangedOn: '2025-03-12',
        revisions: [{ revision: 1, reason: '새일여성인턴 연계 희망' }],
      });
    });
  });

  describe('group programs', () => {
    it("records a program with two sessions and their attendance, refusing unknown, unconsenting or other centers' attendees", async () => {
      // The program is center-jinju's, run by its counselor for women of her center.
      const [kim, lee, withoutConsent] = [
        await client(true, 'center-jinju'),
        await client(true, 'center-jinju'),
        await client(false, 'center-jinju'),
      ];
      const najuClient = await client();
      const created = await jinju
        .post('/group-programs')
        .send({
          centerId: 'center-jinju',
          name: '취업 솔루션',
          year: 2025,
          plannedSessions: 18,
          plannedParticipants: 200,
        })
        .expect(201);
      const programId: string = created.body.programId;
      expect(created.headers.location).toBe(`/group-programs/${programId}`);

      await jinju
        .post(`/group-programs/${programId}/sessions`)
        .send({
          sessionNo: 1,
          heldOn: '2025-03-10',
          topic: '나를 알아보기',
          attendeeClientIds: [kim, lee],
          walkInCount: 5,
        })
        .expect(201);
      const second = await jinju
        .post(`/group-programs/${programId}/sessions`)
        .send({ sessionNo: 2, heldOn: '2025-03-17', attendeeClientIds: [kim], walkInCount: 8 })
        .expect(201);
      expect(second.body).toMatchObject({ programId, sessionNo: 2, streamVersion: 3 });

      const before = await countEvents(saeil);
      const again = await jinju
        .post(`/group-programs/${programId}/sessions`)
        .send({ sessionNo: 2, heldOn: '2025-03-18', attendeeClientIds: [], walkInCount: 3 })
        .expect(422);
      expect(again.body.error.code).toBe('SESSION_ALREADY_RECORDED');
      const beyond = await jinju
        .post(`/group-programs/${programId}/sessions`)
        .send({ sessionNo: 19, heldOn: '2025-03-18', attendeeClientIds: [], walkInCount: 3 })
        .expect(422);
      expect(beyond.body.error.code).toBe('SESSION_NUMBER_OUT_OF_PLAN');
      const stranger = randomUUID();
      // An attendee who does not exist is refused by the scope check as another center's woman is (issue 13): 404, not a 422 telling them apart.
      const unknown = await jinju
        .post(`/group-programs/${programId}/sessions`)
        .send({ sessionNo: 3, heldOn: '2025-03-24', attendeeClientIds: [kim, stranger], walkInCount: 0 })
        .expect(404);
      expect(unknown.body.error).toEqual({ code: 'NOT_FOUND', message: `구직자 ${stranger}을(를) 찾을 수 없습니다.` });
      const noConsent = await jinju
        .post(`/group-programs/${programId}/sessions`)
        .send({ sessionNo: 3, heldOn: '2025-03-24', attendeeClientIds: [withoutConsent], walkInCount: 2 })
        .expect(422);
      expect(noConsent.body.error).toMatchObject({
        code: 'CONSENT_REQUIRED',
        details: { clientIds: [withoutConsent] },
      });
      const dup = await jinju
        .post(`/group-programs/${programId}/sessions`)
        .send({ sessionNo: 3, heldOn: '2025-03-24', attendeeClientIds: [kim, kim], walkInCount: 0 })
        .expect(422);
      expect(dup.body.error.code).toBe('DUPLICATE_ATTENDEE');
      // A woman of another center is not hers to list (404, as an unknown record), nor is the
      // program another center's counselor's to record in or read; nor may she create one for center-jinju.
      const foreign = await jinju
        .post(`/group-programs/${programId}/sessions`)
        .send({ sessionNo: 3, heldOn: '2025-03-24', attendeeClientIds: [kim, najuClient], walkInCount: 0 })
        .expect(404);
      expect(foreign.body.error.code).toBe('NOT_FOUND');
      await http
        .post(`/group-programs/${programId}/sessions`)
        .send({ sessionNo: 3, heldOn: '2025-03-24', attendeeClientIds: [], walkInCount: 2 })
        .expect(404);
      await http.get(`/group-programs/${programId}`).expect(404);
      const outOfScope = await http
        .post('/group-programs')
        .send({
          centerId: 'center-jinju',
          name: '취업 솔루션',
          year: 2025,
          plannedSessions: 18,
          plannedParticipants: 200,
        })
        .expect(403);
      expect(outOfScope.body.error.code).toBe('OUT_OF_SCOPE');
      await jinju
        .post(`/group-programs/${randomUUID()}/sessions`)
        .send({ sessionNo: 1, heldOn: '2025-03-24', attendeeClientIds: [], walkInCount: 2 })
        .expect(404);
      const badProgram = await jinju
        .post('/group-programs/xyz/sessions')
        .send({ sessionNo: 0, heldOn: '2025-03-24', attendeeClientIds: ['nope'], walkInCount: -1 })
        .expect(400);
      expect(badProgram.body.error.fields.map((f: { field: string }) => f.field)).toEqual(
        expect.arrayContaining(['programId', 'sessionNo', 'attendeeClientIds', 'walkInCount']),
      );
      expect(await countEvents(saeil)).toBe(before);

      const events = await stream(groupProgramStreamId(programId));
      expect(events.map((e) => e.type)).toEqual(['GroupProgramCreated', 'GroupSessionHeld', 'GroupSessionHeld']);
      expect(events[1].data).toEqual({
        programId,
        centerId: 'center-jinju',
        sessionNo: 1,
        heldOn: '2025-03-10',
        topic: '나를 알아보기',
        attendeeClientIds: [kim, lee],
        walkInCount: 5,
      });
      expect(events[2].metadata.centerId).toBe('center-jinju');

      const view = await jinju.get(`/group-programs/${programId}`).expect(200);
      expect(view.body).toMatchObject({
        name: '취업 솔루션',
        year: 2025,
        plannedSessions: 18,
        plannedParticipants: 200,
      });
      expect(
        view.body.sessions.map((s: { sessionNo: number; participants: number }) => [s.sessionNo, s.participants]),
      ).toEqual([
        [1, 7],
        [2, 9],
      ]);
      expect(view.body.attendance).toEqual({ sessionsHeld: 2, participations: 16, walkIns: 13, distinctClients: 2 });
      await jinju.get(`/group-programs/${randomUUID()}`).expect(404);
    });
  });

  describe('mobile outreach', () => {
    it('records an outreach event at a named place with walk-in contacts and the registered clients counselled', async () => {
      const kim = await client();
      const held = await http
        .post('/outreach-events')
        .send({
          centerId: 'center-naju',
          place: '나주역 광장',
          heldOn: '2025-05-14',
          counselorIds: [counselorAccount, lee],
          walkInContacts: 23,
          registeredClientIds: [kim],
          notes: '구직 상담 부스',
        })
        .expect(201);
      const events = await stream(outreachStreamId(held.body.outreachId));
      expect(events.map((e) => e.data)).toEqual([
        {
          outreachId: held.body.outreachId,
          centerId: 'center-naju',
          place: '나주역 광장',
          heldOn: '2025-05-14',
          counselorIds: [counselorAccount, lee],
          walkInContacts: 23,
          registeredClientIds: [kim],
          notes: '구직 상담 부스',
        },
      ]);

      const before = await countEvents(saeil);
      const stranger = randomUUID();
      const unknown = await http
        .post('/outreach-events')
        .send({
          centerId: 'center-naju',
          place: '나주역 광장',
          heldOn: '2025-05-15',
          counselorIds: [counselorAccount],
          walkInContacts: 4,
          registeredClientIds: [stranger],
        })
        .expect(404);
      expect(unknown.body.error).toEqual({ code: 'NOT_FOUND', message: `구직자 ${stranger}을(를) 찾을 수 없습니다.` });
      const noPlace = await http
        .post('/outreach-events')
        .send({ centerId: 'center-naju', heldOn: '2025-05-15', counselorIds: [], walkInContacts: 4 })
        .expect(400);
      expect(noPlace.body.error.fields.map((f: { field: string }) => f.field)).toEqual(
        expect.arrayContaining(['place', 'counselorIds']),
      );
      expect(await countEvents(saeil)).toBe(before);
    });
  });

  it('documents every route in the OpenAPI document, path-id routes with a body that leaves the id to the path', async () => {
    const { body } = await http.get('/docs/openapi.json').expect(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/clients/{clientId}/counseling-sessions',
        '/clients/{clientId}/employment-plan',
        '/group-programs',
        '/group-programs/{programId}',
        '/group-programs/{programId}/sessions',
        '/outreach-events',
      ]),
    );
    const ref: string =
      body.paths['/clients/{clientId}/counseling-sessions'].post.requestBody.content['application/json'].schema.$ref;
    const schema = body.components.schemas[ref.split('/').pop()!];
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['channel', 'place', 'topic', 'durationMinutes', 'occurredOn']),
    );
    expect(schema.properties).not.toHaveProperty('clientId');
  });

  describe('the Kafka doors', () => {
    it('accepts RecordCounselingSession on the command topic with the client id in the payload, acting for the account of its token', async () => {
      const clientId = await client();
      const commandId = `outreach-app-${randomUUID()}`;
      // The outreach app acts for center-naju's counselor; the actorId it states is informational only.
      const reply = await kafka.sendCommand(
        'RecordCounselingSession',
        { clientId, ...session({ channel: 'mobile_outreach', place: '송월동 행정복지센터' }) },
        { token: http.token, actorId: 'outreach-app', commandId },
      );
      expect(reply).toMatchObject({
        status: 'accepted',
        result: { clientId, sessionId: expect.any(String), duplicate: false },
      });
      const [event] = await stream(counselingStreamId(clientId));
      expect(event.data).toMatchObject({ channel: 'mobile_outreach', place: '송월동 행정복지센터' });
      expect(event.metadata).toMatchObject({ actorId: counselorAccount, centerId: 'center-naju', commandId });

      const rejected = await kafka.sendCommand('RecordCounselingSession', session({ channel: 'phone' }), {
        token: http.token,
        actorId: 'outreach-app',
      });
      expect(rejected).toMatchObject({
        status: 'rejected',
        error: { code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field: 'clientId' })] },
      });
    });

    it('publishes every counseling event to the counseling topic, keyed by its stream', async () => {
      const expected = [
        'CounselingSessionRecorded',
        'EmploymentPlanSet',
        'EmploymentPlanRevised',
        'GroupProgramCreated',
        'GroupSessionHeld',
        'OutreachEventHeld',
      ];
      const [{ n: written }] = await saeil.runtime.dataSource.query(
        `SELECT count(*)::int AS n FROM events WHERE context = 'counseling'`,
      );
      await waitFor(async () => kafka.published.length >= written, {
        timeoutMs: 30_000,
        description: `${written} counseling events on Kafka`,
      });
      expect(new Set(kafka.published.map((p) => p.type))).toEqual(new Set(expected));
      expect(kafka.published).toHaveLength(written);
      for (const p of kafka.published) expect(p.key).toMatch(/^(counseling|group-program|outreach)-[0-9a-f-]{36}$/);
      const outreach = kafka.published.find((p) => p.type === 'OutreachEventHeld')!;
      expect(outreach.data).toMatchObject({ place: '나주역 광장', walkInContacts: 23 });
    });
  });
});
