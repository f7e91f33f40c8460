import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { agreementStreamId, employerStreamId, jobFairStreamId } from '@saeil/contracts';
import { describeKafka, waitFor } from '../../../tests/support/env';
import { countEvents, startTestSaeil, TestSaeil } from '../../../tests/support/app';
import { KafkaObserver, observeTopics } from '../../../tests/support/kafka-observer';
import { businessNumberCheckDigit } from './domain/business-registration-number';
import { Api, api, counselorOf } from '../../../tests/support/auth';

/** A valid 사업자등록번호 with the given first nine digits. */
const numberFrom = (nine: string) =>
  `${nine.slice(0, 3)}-${nine.slice(3, 5)}-${nine.slice(5)}${businessNumberCheckDigit(nine)}`;

describeKafka('employers context (HTTP, PostgreSQL, Kafka)', () => {
  let saeil: TestSaeil;
  let kafka: KafkaObserver;
  /** The counselor of center-jinju, whose employers, agreements and job fairs these mostly are. */
  let http: Api;
  /** A counselor of each center registering employers here (employers are companies every center shares). */
  const counselors: Record<string, Api> = {};

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'employers', kafka: true });
    kafka = await observeTopics(saeil, { contexts: ['employers'] });
    for (const centerId of ['center-jinju', 'center-sacheon', 'center-naju'])
      counselors[centerId] = await api(saeil, counselorOf(centerId));
    http = counselors['center-jinju'];
  });

  afterAll(async () => {
    await kafka?.stop();
    await saeil?.dispose();
  });

  const employer = (businessRegistrationNumber: string, extra: Record<string, unknown> = {}) => ({
    centerId: 'center-jinju',
    businessRegistrationNumber,
    name: '(주)진주주얼리',
    industry: '귀금속 및 장신용품 제조업',
    size: 'small',
    ...extra,
  });
  /** Registered by a counselor of the center the body names. */
  const register = (body: Record<string, unknown>) => counselors[String(body.centerId)].post('/employers').send(body);
  const fieldsOf = (response: request.Response) => [
    ...new Set(response.body.error.fields.map((f: { field: string }) => f.field)),
  ];
  const eventsOf = async (streamId: string) =>
    (await saeil.runtime.store.readStream(streamId)).map((e) => ({ type: e.type, data: e.data, metadata: e.metadata }));

  it('registers an employer with a valid business registration number, formatted, in a stream of its own', async () => {
    const created = await register(employer('2208162517')).expect(201);
    expect(created.body).toMatchObject({ employerId: expect.any(String), streamVersion: 1, duplicate: false });
    const [registered] = await eventsOf(employerStreamId(created.body.employerId));
    expect(registered).toMatchObject({
      type: 'EmployerRegistered',
      data: {
        employerId: created.body.employerId,
        centerId: 'center-jinju',
        businessRegistrationNumber: '220-81-62517',
        name: '(주)진주주얼리',
        size: 'small',
      },
      metadata: { centerId: 'center-jinju' },
    });
  });

  it('refuses a number whose check digit fails with 400 on businessRegistrationNumber, appending nothing', async () => {
    const before = await countEvents(saeil);
    for (const number of ['220-81-62518', '123-45-67890', '124-81-0099']) {
      expect(fieldsOf(await register(employer(number)).expect(400))).toEqual(['businessRegistrationNumber']);
    }
    expect(fieldsOf(await register(employer('124-81-00998', { size: 'huge' })).expect(400))).toEqual(['size']);
    expect(await countEvents(saeil)).toBe(before);
  });

  it('refuses registering the same number twice, however it is typed (422 EMPLOYER_ALREADY_REGISTERED)', async () => {
    const first = await register(employer('124-81-00998', { name: '삼성전자(주)', size: 'large' })).expect(201);
    const before = await countEvents(saeil);
    const again = await register(employer('1248100998', { centerId: 'center-naju', name: '삼성전자' })).expect(422);
    expect(again.body.error).toMatchObject({
      code: 'EMPLOYER_ALREADY_REGISTERED',
      details: { employerId: first.body.employerId, name: '삼성전자(주)' },
    });
    expect(await countEvents(saeil)).toBe(before);
  });

  it('two counselors registering the same new number at once: one registration, never two', async () => {
    const number = numberFrom('608810123');
    const results = await Promise.all([
      register(employer(number, { centerId: 'center-jinju' })),
      register(employer(number, { centerId: 'center-sacheon' })),
    ]);
    const [won, lost] = results.map((r) => r.status).sort();
    expect(won).toBe(201);
    expect([409, 422]).toContain(lost); // 409 when both read the empty stream, 422 when the loser read the winner's event
    const [{ n }] = await saeil.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM events WHERE event_type = 'EmployerRegistered' AND data->>'businessRegistrationNumber' = $1`,
      [number],
    );
    expect(n).toBe(1);
  });

  it('records post-management services to a registered employer; unknown 404, malformed id 400', async () => {
    const { employerId } = (await register(employer(numberFrom('613810456'))).expect(201)).body;
    await http
      .post(`/employers/${employerId}/services`)
      .send({
        centerId: 'center-jinju',
        service: 'gender_equality_training',
        providedOn: '2026-04-15',
        participants: 24,
      })
      .expect(201);
    const events = await eventsOf(employerStreamId(employerId));
    expect(events[1]).toMatchObject({
      type: 'EmployerServiceProvided',
      data: { employerId, service: 'gender_equality_training', providedOn: '2026-04-15', participants: 24 },
    });

    const before = await countEvents(saeil);
    await http
      .post(`/employers/${randomUUID()}/services`)
      .send({ centerId: 'center-jinju', service: 'consulting', providedOn: '2026-04-15' })
      .expect(404);
    const malformed = await http
      .post('/employers/12345/services')
      .send({ centerId: 'center-jinju', service: 'consulting', providedOn: '2026-04-15' })
      .expect(400);
    expect(fieldsOf(malformed)).toEqual(['employerId']);
    expect(await countEvents(saeil)).toBe(before);
  });

  describe('agreements', () => {
    it('signs a women-friendly agreement for three years, renews it near expiry once, then ends it', async () => {
      const { employerId } = (await register(employer(numberFrom('617810789'), { name: '(주)남강식품' })).expect(201))
        .body;
      const signed = await http
        .post('/agreements')
        .send({
          centerId: 'center-jinju',
          kind: 'women_friendly_company',
          employerId,
          signedOn: '2023-11-28',
          termStart: '2023-12-01',
        })
        .expect(201);
      const { agreementId } = signed.body;
      const [agreement] = await eventsOf(agreementStreamId(agreementId));
      expect(agreement.data).toEqual({
        agreementId,
        centerId: 'center-jinju',
        kind: 'women_friendly_company',
        partyName: '(주)남강식품',
        employerId,
        signedOn: '2023-11-28',
        termStart: '2023-12-01',
        termEnd: '2026-11-30',
      });

      await http
        .post(`/agreements/${agreementId}/renewal`)
        .send({ newTermEnd: '2029-11-30', renewedOn: '2026-11-20' })
        .expect(200);
      const before = await countEvents(saeil);
      const twice = await http
        .post(`/agreements/${agreementId}/renewal`)
        .send({ newTermEnd: '2029-12-31', renewedOn: '2026-11-21' })
        .expect(422);
      expect(twice.body.error.code).toBe('AGREEMENT_ALREADY_RENEWED');
      expect(await countEvents(saeil)).toBe(before);

      await http
        .post(`/agreements/${agreementId}/end`)
        .send({ endedOn: '2026-11-21', reason: '기업 이전' })
        .expect(200);
      expect(
        (
          await http
            .post(`/agreements/${agreementId}/renewal`)
            .send({ newTermEnd: '2030-11-30', renewedOn: '2026-11-21' })
            .expect(422)
        ).body.error.code,
      ).toBe('AGREEMENT_ENDED');

      // Another center's counselor reaches no agreement of center-jinju (404, as an unknown one), nor signs one for it (403).
      const naju = counselors['center-naju'];
      const beforeOthers = await countEvents(saeil);
      expect(
        (
          await naju
            .post(`/agreements/${agreementId}/renewal`)
            .send({ newTermEnd: '2030-11-30', renewedOn: '2026-11-21' })
            .expect(404)
        ).body.error.code,
      ).toBe('NOT_FOUND');
      await naju
        .post(`/agreements/${agreementId}/end`)
        .send({ endedOn: '2026-11-21', reason: '기업 이전' })
        .expect(404);
      const outOfScope = await naju
        .post('/agreements')
        .send({
          centerId: 'center-jinju',
          kind: 'women_friendly_company',
          employerId,
          signedOn: '2026-11-21',
          termStart: '2026-12-01',
        })
        .expect(403);
      expect(outOfScope.body.error.code).toBe('OUT_OF_SCOPE');
      expect(await countEvents(saeil)).toBe(beforeOthers);

      const history = await eventsOf(agreementStreamId(agreementId));
      expect(history.map((e) => e.type)).toEqual(['AgreementSigned', 'AgreementRenewed', 'AgreementEnded']);
      expect(history[1]).toMatchObject({
        data: { previousTermEnd: '2026-11-30', newTermEnd: '2029-11-30', renewedOn: '2026-11-20' },
        metadata: { centerId: 'center-jinju' },
      });
    });

    it('signs an MOU with an institution; refuses one without a term end (400), an unknown employer (422 REFERENCE_NOT_FOUND), an unknown agreement (404)', async () => {
      const mou = await http
        .post('/agreements')
        .send({
          centerId: 'center-jinju',
          kind: 'institution_mou',
          partyName: '경상국립대학교',
          signedOn: '2026-03-02',
          termStart: '2026-03-02',
          termEnd: '2027-03-01',
        })
        .expect(201);
      expect((await eventsOf(agreementStreamId(mou.body.agreementId)))[0].data).toMatchObject({
        kind: 'institution_mou',
        partyName: '경상국립대학교',
        termEnd: '2027-03-01',
      });

      const before = await countEvents(saeil);
      const noEnd = await http
        .post('/agreements')
        .send({
          centerId: 'center-jinju',
          kind: 'institution_mou',
          partyName: '진주시가족센터',
          signedOn: '2026-03-02',
          termStart: '2026-03-02',
        })
        .expect(400);
      expect(fieldsOf(noEnd)).toEqual(['termEnd']);
      // The employer is a reference in the body, not the record acted on: 422 naming the field (tests/e2e/record-references.e2e-spec.ts).
      const unknownEmployer = await http
        .post('/agreements')
        .send({
          centerId: 'center-jinju',
          kind: 'women_friendly_company',
          employerId: randomUUID(),
          signedOn: '2026-03-02',
          termStart: '2026-03-02',
        })
        .expect(422);
      expect(unknownEmployer.body.error).toMatchObject({
        code: 'REFERENCE_NOT_FOUND',
        details: { field: 'employerId', kind: 'employer' },
      });
      await http
        .post(`/agreements/${randomUUID()}/renewal`)
        .send({ newTermEnd: '2030-01-01', renewedOn: '2026-03-02' })
        .expect(404);
      expect(
        fieldsOf(await http.post('/agreements/x/end').send({ endedOn: '2026-03-02', reason: 'x' }).expect(400)),
      ).toEqual(['agreementId']);
      expect(await countEvents(saeil)).toBe(before);
    });
  });

  it('records a job fair; more hires than applicants is 422 and negative counts 400, appending nothing', async () => {
    const fair = {
      centerId: 'center-jinju',
      name: '2026 진주시 여성 취업박람회',
      heldOn: '2026-04-23',
      companies: 32,
      applicants: 410,
      hires: 57,
    };
    const created = await http.post('/job-fairs').send(fair).expect(201);
    expect((await eventsOf(jobFairStreamId(created.body.jobFairId)))[0]).toMatchObject({
      type: 'JobFairHeld',
      data: { jobFairId: created.body.jobFairId, ...fair },
    });

    const before = await countEvents(saeil);
    const tooMany = await http
      .post('/job-fairs')
      .send({ ...fair, hires: 411 })
      .expect(422);
    expect(tooMany.body.error).toMatchObject({
      code: 'HIRES_EXCEED_APPLICANTS',
      details: { hires: 411, applicants: 410 },
    });
    expect(
      fieldsOf(
        await http
          .post('/job-fairs')
          .send({ ...fair, companies: -1 })
          .expect(400),
      ),
    ).toEqual(['companies']);
    expect(await countEvents(saeil)).toBe(before);
  });

  it('accepts ProvideEmployerService on the Kafka command topic with the employer id in the payload, as the account of its token', async () => {
    const { employerId } = (await register(employer(numberFrom('621810246'))).expect(201)).body;
    const payload = {
      employerId,
      centerId: 'center-jinju',
      service: 'workplace_improvement',
      providedOn: '2026-05-06',
    };
    // The CRM acts for center-jinju's counselor: her token, her account recorded (not the stated actorId).
    const reply = await kafka.sendCommand('ProvideEmployerService', payload, { token: http.token, actorId: 'crm' });
    expect(reply).toMatchObject({ status: 'accepted', result: { employerId, streamVersion: 2 } });
    const { accountId } = (await http.get('/auth/me').expect(200)).body;
    const [, provided] = await eventsOf(employerStreamId(employerId));
    expect(provided).toMatchObject({
      type: 'EmployerServiceProvided',
      metadata: { actorId: accountId, centerId: 'center-jinju' },
    });
  });

  it('publishes the events on the employers topic, keyed by stream', async () => {
    const { employerId } = (await register(employer(numberFrom('625810135'))).expect(201)).body;
    const { jobFairId } = (
      await http
        .post('/job-fairs')
        .send({
          centerId: 'center-jinju',
          name: '채용의 날',
          heldOn: '2026-05-20',
          companies: 5,
          applicants: 40,
          hires: 6,
        })
        .expect(201)
    ).body;
    const mine = await waitFor(
      async () => {
        const found = kafka.published.filter(
          (m) => m.key === employerStreamId(employerId) || m.key === jobFairStreamId(jobFairId),
        );
        return found.length >= 2 ? found : undefined;
      },
      { timeoutMs: 30_000, description: 'the employer and the job fair on the topic' },
    );
    expect(mine.map((m) => m.type).sort()).toEqual(['EmployerRegistered', 'JobFairHeld']);
    await waitFor(
      async () =>
        ['AgreementSigned', 'AgreementRenewed', 'AgreementEnded', 'EmployerServiceProvided'].every(
          (t) => kafka.eventsOf(t).length > 0,
        ),
      {
        timeoutMs: 30_000,
        description: 'the agreement and service events of the earlier tests',
      },
    );
  });
});
