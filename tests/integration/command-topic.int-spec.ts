import { createHmac, randomUUID } from 'node:crypto';
import request from 'supertest';
import { describeKafka, waitFor } from '../support/env';
import { countEvents, newClient, registerClient, startTestSaeil, TestSaeil } from '../support/app';
import { KafkaObserver, observeTopics } from '../support/kafka-observer';
import {
  accountIdOf,
  ADMINISTRATOR,
  api,
  counselorAccount,
  counselorOf,
  MINISTRY_ANALYST,
  regionalSupervisorOf,
  supervisorOf,
  tokenFor,
} from '../support/auth';

/**
 * The Kafka door for commands (an integration such as a field-outreach app): the same DTOs and
 * handlers as HTTP, and the same authorization — the message carries the access token of the
 * account it acts for; the token (401), the command's roles (403 ACCESS_DENIED), the records the
 * payload names (another center's: NOT_FOUND) and the center the body names (OUT_OF_SCOPE) are
 * checked as over HTTP, and the actor recorded is the token's account, never the stated actorId.
 */
describeKafka('commands over the Kafka command topic', () => {
  let saeil: TestSaeil;
  let kafka: KafkaObserver;
  const NAJU_COUNSELOR = counselorOf('center-naju');
  const JINJU_COUNSELOR = counselorOf('center-jinju');
  /** The counselors registrations name: an account of center-naju of its own (its caseload holds only this file's), and one of center-jinju. */
  let topic: string;
  let jinjuCounselor: string;

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'command_topic', kafka: true });
    kafka = await observeTopics(saeil, { contexts: [], deadLetters: true });
    [topic, jinjuCounselor] = await Promise.all([
      counselorAccount(saeil, 'center-naju', 'topic'),
      counselorAccount(saeil, 'center-jinju'),
    ]);
  });

  afterAll(async () => {
    await kafka?.stop();
    await saeil?.dispose();
  });

  const send = (value: string, key?: string) => kafka.send(value, key);
  const replyTo = (commandId: string, n = 1) =>
    waitFor(
      async () => {
        const found = kafka.replies.filter((r) => r.commandId === commandId);
        return found.length >= n ? found : undefined;
      },
      { timeoutMs: 30_000, description: `reply to ${commandId}` },
    );
  /** A command message as an integration writes it; `accessToken` left out when undefined. */
  const envelope = (
    type: string,
    payload: Record<string, unknown>,
    fields: { accessToken?: string; actorId?: string; commandId?: string } = {},
  ) => {
    const commandId = fields.commandId ?? `outreach-app-${randomUUID()}`;
    return {
      commandId,
      value: JSON.stringify({
        commandId,
        type,
        ...(fields.actorId !== undefined ? { actorId: fields.actorId } : {}),
        ...(fields.accessToken !== undefined ? { accessToken: fields.accessToken } : {}),
        payload,
      }),
    };
  };
  /** Sends the command (with that token, or none) and waits for its one reply. */
  const command = async (
    type: string,
    payload: Record<string, unknown>,
    fields: { accessToken?: string; actorId?: string } = {},
  ) => {
    const { commandId, value } = envelope(type, payload, fields);
    await send(value, commandId);
    const [reply] = await replyTo(commandId);
    return reply;
  };
  const metadataAt = async (position: number) =>
    (await saeil.runtime.dataSource.query(`SELECT metadata FROM events WHERE global_position = $1`, [position]))[0]
      .metadata;

  it('accepts a valid command through the same handler as HTTP, replies with its result, and answers a redelivery without applying it twice', async () => {
    const token = await tokenFor(saeil.url, NAJU_COUNSELOR);
    const { commandId, value: message } = envelope('RegisterClient', newClient(11, topic), {
      accessToken: token,
      actorId: 'outreach-app',
    });
    await send(message);
    const [reply] = await replyTo(commandId);
    expect(reply).toMatchObject({
      commandId,
      type: 'RegisterClient',
      status: 'accepted',
      result: { clientId: expect.any(String), duplicate: false },
    });
    const { clientId, position } = reply.result as { clientId: string; position: number };

    await send(message); // the integration retries
    const [, again] = await replyTo(commandId, 2);
    expect(again).toMatchObject({ status: 'accepted', result: { clientId, duplicate: true } });

    // Read back over HTTP by a counselor of the center the outreach app registered her in.
    const caseload = await (
      await api(saeil, NAJU_COUNSELOR)
    )
      .get('/caseload')
      .query({ counselorId: topic, minPosition: position, waitMs: 15000 })
      .expect(200);
    expect(caseload.body.items.map((i: { clientId: string }) => i.clientId)).toEqual([clientId]);
    // The actor is the account of the token, not the actorId the message states.
    expect(await metadataAt(position)).toMatchObject({
      actorId: await accountIdOf(saeil, NAJU_COUNSELOR),
      commandId,
      centerId: 'center-naju',
    });
  });

  it('rejects an invalid command with the same field errors as HTTP and appends nothing', async () => {
    const before = await countEvents(saeil);
    const accessToken = await tokenFor(saeil.url, NAJU_COUNSELOR);
    const reply = await command(
      'RegisterClient',
      { ...newClient(12, topic), phone: 'none', extra: true },
      { accessToken, actorId: 'outreach-app' },
    );
    expect(reply).toMatchObject({ status: 'rejected', error: { code: 'VALIDATION_FAILED' } });
    const fields = (reply.error as { fields: { field: string }[] }).fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['phone', 'extra']));

    const ruleReply = await command(
      'RegisterClient',
      { ...newClient(13, topic), birthDate: '2019-05-05' },
      { accessToken, actorId: 'outreach-app' },
    );
    expect(ruleReply).toMatchObject({ status: 'rejected', error: { code: 'BIRTH_DATE_IMPLAUSIBLE' } });
    expect(await countEvents(saeil)).toBe(before);
  });

  it('sends messages that are not commands to the command dead-letter topic with the reason', async () => {
    const before = await countEvents(saeil);
    const lettersBefore = kafka.deadLetters.length;
    const accessToken = await tokenFor(saeil.url, NAJU_COUNSELOR);
    const key = randomUUID(); // one key: one partition, so they arrive in the order sent
    await send('{"commandId": ', key);
    await send(JSON.stringify({ commandId: `x-${randomUUID()}`, type: 'LaunchRocket', accessToken, payload: {} }), key);
    await send(JSON.stringify({ type: 'RegisterClient', accessToken, payload: newClient(14, topic) }), key);
    // An access token that is not a string, or longer than any token: not a command either.
    await send(
      JSON.stringify({
        commandId: `x-${randomUUID()}`,
        type: 'RegisterClient',
        accessToken: { token: accessToken },
        payload: newClient(15, topic),
      }),
      key,
    );
    await send(
      JSON.stringify({
        commandId: `x-${randomUUID()}`,
        type: 'RegisterClient',
        accessToken: `${accessToken}.${'A'.repeat(5000)}`,
        payload: newClient(16, topic),
      }),
      key,
    );
    const letters = await waitFor(
      async () => (kafka.deadLetters.length >= lettersBefore + 5 ? kafka.deadLetters.slice(lettersBefore) : undefined),
      { timeoutMs: 30_000, description: '5 dead letters' },
    );
    expect(letters.map((l) => l.reason)).toEqual([
      'value is not JSON',
      'unknown command type LaunchRocket',
      expect.stringContaining('commandId'),
      'accessToken must be a string',
      'accessToken must be a string',
    ]);
    expect(await countEvents(saeil)).toBe(before);
  });

  describe('authorization, as over HTTP', () => {
    it('rejects a command without a token, or with a forged, garbage or revoked one (401-type codes), before looking at its payload, and appends nothing', async () => {
      const before = await countEvents(saeil);
      const payload = newClient(20, topic);

      // No token at all, and an empty one: the integration is not logged in. An invalid payload
      // gets the same answer: nothing about the command is told to a sender who is nobody.
      for (const body of [payload, { ...payload, phone: 'none', extra: true }]) {
        expect(await command('RegisterClient', body, { actorId: 'outreach-app' })).toMatchObject({
          status: 'rejected',
          error: { code: 'AUTHENTICATION_REQUIRED' },
        });
      }
      expect(await command('RegisterClient', payload, { accessToken: '' })).toMatchObject({
        status: 'rejected',
        error: { code: 'AUTHENTICATION_REQUIRED' },
      });

      // Forged: her real claims signed with another key, or with the "none" algorithm; garbage.
      const accountId = await accountIdOf(saeil, NAJU_COUNSELOR);
      const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const claims = {
        sub: accountId,
        ver: 1,
        iss: 'saeil',
        aud: 'saeil-api',
        exp: Math.floor(Date.now() / 1000) + 600,
      };
      const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
      const forged = [
        `${unsigned}.${createHmac('sha256', 'x'.repeat(48)).update(unsigned).digest('base64url')}`,
        `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`,
        'garbage',
      ];
      for (const accessToken of forged) {
        const reply = await command('RegisterClient', payload, { accessToken, actorId: accountId });
        expect({ accessToken, reply }).toMatchObject({
          accessToken,
          reply: { status: 'rejected', error: { code: 'INVALID_TOKEN' } },
        });
      }

      // A token issued before her account was disabled: refused from the next command on.
      const leaving = counselorOf('center-naju', 'leaving');
      const revoked = await tokenFor(saeil.url, leaving);
      expect(
        await command(
          'GiveConsent',
          { clientId: randomUUID(), purpose: 'service', version: '2026-01', givenOn: '2026-01-02' },
          { accessToken: revoked },
        ),
      ).toMatchObject({
        status: 'rejected',
        error: { code: 'NOT_FOUND' }, // authenticated: the unknown woman is the handler's 404
      });
      const admin = await tokenFor(saeil.url, ADMINISTRATOR);
      await request(saeil.url)
        .post(`/accounts/${await accountIdOf(saeil, leaving)}/disable`)
        .set('Authorization', `Bearer ${admin}`)
        .expect(200);
      expect(await command('RegisterClient', payload, { accessToken: revoked })).toMatchObject({
        status: 'rejected',
        error: { code: 'TOKEN_REVOKED' },
      });

      expect(await countEvents(saeil)).toBe(before);
    });

    it('rejects a role the command does not admit with ACCESS_DENIED (before validation), and appends nothing', async () => {
      const before = await countEvents(saeil);
      const payload = newClient(21, topic);
      // RegisterClient admits the case workers (counselor, supervisor) only.
      for (const caller of [MINISTRY_ANALYST, regionalSupervisorOf('전라남도'), ADMINISTRATOR]) {
        const accessToken = await tokenFor(saeil.url, caller);
        for (const body of [payload, { ...payload, phone: 'none' }]) {
          const reply = await command('RegisterClient', body, { accessToken });
          expect({ role: caller.role, reply }).toMatchObject({
            role: caller.role,
            reply: { status: 'rejected', error: { code: 'ACCESS_DENIED' } },
          });
        }
      }
      // A KPI plan is set by the center's supervisor alone: not by her counselor.
      const plan = {
        centerId: 'center-naju',
        name: '2026 확인지표',
        fromYear: 2026,
        toYear: 2026,
        indicators: [{ name: '기관협약 수', unit: '개소', yearlyTargets: [3] }],
      };
      expect(
        await command('DefineKpiPlan', plan, { accessToken: await tokenFor(saeil.url, NAJU_COUNSELOR) }),
      ).toMatchObject({ status: 'rejected', error: { code: 'ACCESS_DENIED' } });
      expect(await countEvents(saeil)).toBe(before);

      // The commands themselves were fine: the roles they admit are accepted.
      expect(
        await command('RegisterClient', payload, { accessToken: await tokenFor(saeil.url, NAJU_COUNSELOR) }),
      ).toMatchObject({ status: 'accepted' });
      expect(
        await command('DefineKpiPlan', plan, { accessToken: await tokenFor(saeil.url, supervisorOf('center-naju')) }),
      ).toMatchObject({ status: 'accepted' });
    });

    it('answers a command about a woman of another center NOT_FOUND, exactly as for one who does not exist, and appends nothing; her own center may', async () => {
      const jinjuClient = await registerClient(saeil, 22, { centerId: 'center-jinju', counselorId: jinjuCounselor });
      const consent = (clientId: string) => ({
        clientId,
        purpose: 'service',
        version: '2026-01',
        givenOn: '2026-01-02',
      });
      const najuToken = await tokenFor(saeil.url, NAJU_COUNSELOR);
      const before = await countEvents(saeil);

      const other = await command('GiveConsent', consent(jinjuClient), { accessToken: najuToken });
      expect(other).toMatchObject({ status: 'rejected', error: { code: 'NOT_FOUND' } });
      const missingId = randomUUID();
      const missing = await command('GiveConsent', consent(missingId), { accessToken: najuToken });
      expect(missing).toMatchObject({ status: 'rejected', error: { code: 'NOT_FOUND' } });
      // Nothing tells her the woman exists: the same answer but for the id.
      expect(JSON.stringify(other.error).replaceAll(jinjuClient, 'ID')).toBe(
        JSON.stringify(missing.error).replaceAll(missingId, 'ID'),
      );
      // A record named in the body among others (an enrollment: the course and the woman) is checked too.
      const course = await (
        await api(saeil, supervisorOf('center-naju'))
      )
        .post('/courses')
        .send({
          centerId: 'center-naju',
          title: '전산회계 실무',
          provider: '나주직업전문학교',
          field: '경영·회계',
          startsOn: '2026-03-02',
          endsOn: '2026-05-29',
          hours: 240,
          capacity: 20,
        })
        .expect(201);
      const beforeEnrollment = await countEvents(saeil);
      const enrollment = await command(
        'EnrollInCourse',
        { courseId: course.body.courseId, clientId: jinjuClient, enrolledOn: '2026-02-23' },
        { accessToken: najuToken },
      );
      expect(enrollment).toMatchObject({ status: 'rejected', error: { code: 'NOT_FOUND' } });
      expect(await countEvents(saeil)).toBe(beforeEnrollment);
      expect(beforeEnrollment - before).toBe(1); // only the course the supervisor created over HTTP

      // The command itself was fine: her own center's counselor gives the consent.
      const own = await command('GiveConsent', consent(jinjuClient), {
        accessToken: await tokenFor(saeil.url, JINJU_COUNSELOR),
      });
      expect(own).toMatchObject({ status: 'accepted' });
    });

    it("refuses another center's woman named in any other form of her id (VALIDATION_FAILED on the field, as over HTTP), never reaching her; only the canonical id is looked up", async () => {
      const jinjuClient = await registerClient(saeil, 37, { centerId: 'center-jinju', counselorId: jinjuCounselor });
      const najuToken = await tokenFor(saeil.url, NAJU_COUNSELOR);
      const before = await countEvents(saeil);
      const forms = [
        jinjuClient.toUpperCase(),
        `{${jinjuClient}}`,
        ` ${jinjuClient} `,
        `${jinjuClient}\n`,
        `${jinjuClient}x`,
        jinjuClient.replace(/-/g, ''),
        `urn:uuid:${jinjuClient}`,
        `\u200b${jinjuClient}`,
      ];
      const replies = await Promise.all(
        forms.map((clientId) =>
          command(
            'GiveConsent',
            { clientId, purpose: 'marketing', version: '2026-01', givenOn: '2026-01-02' },
            { accessToken: najuToken },
          ),
        ),
      );
      expect(
        replies.map((r) => ({
          status: r.status,
          code: r.error?.code,
          fields: (r.error as { fields?: { field: string }[] })?.fields?.map((f) => f.field),
        })),
      ).toEqual(forms.map(() => ({ status: 'rejected', code: 'VALIDATION_FAILED', fields: ['clientId'] })));
      // A list of ids (a group session's attendees) is checked id by id the same way.
      const program = await (
        await api(saeil, supervisorOf('center-naju'))
      )
        .post('/group-programs')
        .send({
          centerId: 'center-naju',
          name: '집단상담 형식',
          year: 2026,
          plannedSessions: 4,
          plannedParticipants: 12,
        })
        .expect(201);
      const attendees = await command(
        'RecordGroupSession',
        {
          programId: program.body.programId,
          sessionNo: 1,
          heldOn: '2026-03-02',
          attendeeClientIds: [jinjuClient.toUpperCase()],
          walkInCount: 0,
        },
        { accessToken: najuToken },
      );
      expect(attendees).toMatchObject({ status: 'rejected', error: { code: 'VALIDATION_FAILED' } });
      expect(await countEvents(saeil)).toBe(before + 1); // the program the supervisor created over HTTP
    });

    it("lets a course's center record for a trainee whose case moved away, as over HTTP; her new center cannot reach the course", async () => {
      const naju = await api(saeil, supervisorOf('center-naju'));
      const clientId = await registerClient(saeil, 25, { centerId: 'center-naju', consents: ['service'] });
      const course = await naju
        .post('/courses')
        .send({
          centerId: 'center-naju',
          title: '사무행정 실무',
          provider: '나주직업전문학교',
          field: '경영·회계',
          startsOn: '2026-03-02',
          endsOn: '2026-05-29',
          hours: 240,
          capacity: 20,
        })
        .expect(201);
      const courseId = course.body.courseId as string;
      await naju.post(`/courses/${courseId}/enrollments`).send({ clientId, enrolledOn: '2026-03-02' }).expect(201);
      await naju
        .post(`/clients/${clientId}/assignment`)
        .send({ centerId: 'center-jinju', counselorId: jinjuCounselor })
        .expect(200);

      const attendance = { courseId, clientId, date: '2026-03-03', present: true };
      const before = await countEvents(saeil);
      expect(
        await command('RecordTrainingAttendance', attendance, {
          accessToken: await tokenFor(saeil.url, JINJU_COUNSELOR),
        }),
      ).toMatchObject({ status: 'rejected', error: { code: 'NOT_FOUND' } });
      expect(await countEvents(saeil)).toBe(before);
      expect(
        await command('RecordTrainingAttendance', attendance, {
          accessToken: await tokenFor(saeil.url, NAJU_COUNSELOR),
        }),
      ).toMatchObject({ status: 'accepted' });
      // Her case itself is out of the course center's reach now.
      expect(
        await command(
          'GiveConsent',
          { clientId, purpose: 'employer_sharing', version: '2026-01', givenOn: '2026-03-04' },
          { accessToken: await tokenFor(saeil.url, NAJU_COUNSELOR) },
        ),
      ).toMatchObject({ status: 'rejected', error: { code: 'NOT_FOUND' } });
    });

    it('rejects a body naming a center she does not work for with OUT_OF_SCOPE, and appends nothing', async () => {
      const before = await countEvents(saeil);
      const registration = newClient(23, jinjuCounselor, 'center-jinju');
      const reply = await command('RegisterClient', registration, {
        accessToken: await tokenFor(saeil.url, NAJU_COUNSELOR),
      });
      expect(reply).toMatchObject({ status: 'rejected', error: { code: 'OUT_OF_SCOPE' } });
      const course = {
        centerId: 'center-jinju',
        title: '전산회계 실무',
        provider: '진주직업전문학교',
        field: '경영·회계',
        startsOn: '2026-03-02',
        endsOn: '2026-05-29',
        hours: 240,
        capacity: 20,
      };
      expect(
        await command('CreateCourse', course, { accessToken: await tokenFor(saeil.url, supervisorOf('center-naju')) }),
      ).toMatchObject({ status: 'rejected', error: { code: 'OUT_OF_SCOPE' } });
      expect(await countEvents(saeil)).toBe(before);

      // The same commands from that center's own staff are accepted.
      expect(
        await command('RegisterClient', registration, { accessToken: await tokenFor(saeil.url, JINJU_COUNSELOR) }),
      ).toMatchObject({ status: 'accepted' });
      expect(
        await command('CreateCourse', course, { accessToken: await tokenFor(saeil.url, supervisorOf('center-jinju')) }),
      ).toMatchObject({ status: 'accepted' });
    });

    it("records the token's account as the actor, whatever actorId the message states (another real account's id, or none)", async () => {
      const accessToken = await tokenFor(saeil.url, NAJU_COUNSELOR);
      const [her, someoneElse] = await Promise.all([
        accountIdOf(saeil, NAJU_COUNSELOR),
        accountIdOf(saeil, JINJU_COUNSELOR),
      ]);
      const claimed = await command('RegisterClient', newClient(24, topic), { accessToken, actorId: someoneElse });
      expect(claimed).toMatchObject({ status: 'accepted' });
      expect((await metadataAt(claimed.result.position)).actorId).toBe(her);

      const unstated = await command(
        'GiveConsent',
        { clientId: claimed.result.clientId, purpose: 'service', version: '2026-01', givenOn: '2026-01-02' },
        { accessToken },
      );
      expect(unstated).toMatchObject({ status: 'accepted' });
      expect((await metadataAt(unstated.result.position)).actorId).toBe(her);
    });
  });
});
