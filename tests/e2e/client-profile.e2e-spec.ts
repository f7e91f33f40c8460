import { randomUUID } from 'node:crypto';
import { newClient, startTestSaeil, TestSaeil } from '../support/app';
import {
  accountIdOf,
  Api,
  api,
  counselorAccount,
  counselorOf,
  MINISTRY_ANALYST,
  regionalSupervisorOf,
  supervisorOf,
} from '../support/auth';

/**
 * GET /clients/:clientId (issue 15): her profile for the case page, opened from her sealed identity
 * as the other reads of personal data are, logged in the access log, never cached, and scoped:
 * another center's woman is the same 404 as none.
 */
describe('her profile (GET /clients/:clientId)', () => {
  let saeil: TestSaeil;
  let naju: Api;
  let clientId: string;

  let kim: string;
  const registration = (counselorId: string) => ({
    ...newClient(801, counselorId, 'center-naju'),
    name: '김영희',
    birthDate: '1988-03-14',
    phone: '010-2345-6789',
    registeredOn: '2026-02-02',
    careerBreakReason: 'childcare',
    careerBreakYears: 6,
    desiredOccupation: '회계 사무원',
    desiredEmploymentType: 'part_time',
    certifications: ['전산회계 2급'],
  });

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'client_profile', kafka: false, worker: false });
    naju = await api(saeil, counselorOf('center-naju'));
    kim = await counselorAccount(saeil, 'center-naju');
    clientId = (await naju.post('/clients').send(registration(kim)).expect(201)).body.clientId;
    await naju
      .post(`/clients/${clientId}/consents`)
      .send({ purpose: 'service', version: '2026-01', givenOn: '2026-02-02' })
      .expect(200);
    await naju
      .post(`/clients/${clientId}/consents`)
      .send({ purpose: 'employer_sharing', version: '2026-01', givenOn: '2026-02-05' })
      .expect(200);
  }, 60_000);
  afterAll(async () => saeil?.dispose());

  const accessLogFor = (subject: string) =>
    saeil.runtime.dataSource.query(
      `SELECT actor_id, action, outcome, route FROM access_log WHERE subject_client_id = $1 ORDER BY seq`,
      [subject],
    ) as Promise<Record<string, string>[]>;

  it('answers her identity opened, her profile, her consents in force and her registration day, with Cache-Control: no-store, and logs the read', async () => {
    const before = (await accessLogFor(clientId)).length;
    const res = await naju.get(`/clients/${clientId}`).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({
      clientId,
      centerId: 'center-naju',
      counselorId: kim,
      registeredAtCenterId: 'center-naju',
      registeredOn: '2026-02-02',
      name: '김영희',
      birthDate: '1988-03-14',
      phone: '010-2345-6789',
      birthYear: 1988,
      erased: false,
      region: '전라남도',
      careerBreakReason: 'childcare',
      careerBreakYears: 6,
      desiredOccupation: '회계 사무원',
      desiredEmploymentType: 'part_time',
      certifications: ['전산회계 2급'],
      consents: [
        { purpose: 'service', version: '2026-01', givenOn: '2026-02-02' },
        { purpose: 'employer_sharing', version: '2026-01', givenOn: '2026-02-05' },
      ],
      closed: false,
      closedOn: null,
      version: 3,
    });
    const logged = (await accessLogFor(clientId)).slice(before);
    expect(logged).toEqual([
      {
        actor_id: await accountIdOf(saeil, counselorOf('center-naju')),
        action: 'read.client-record',
        outcome: 'allowed',
        route: `GET /clients/${clientId}`,
      },
    ]);
  });

  it('follows her record: a changed name and phone, a withdrawn consent, a closure', async () => {
    const id = (
      await naju
        .post('/clients')
        .send({ ...newClient(802, await counselorAccount(saeil, 'center-naju')), registeredOn: '2026-03-01' })
        .expect(201)
    ).body.clientId;
    for (const purpose of ['service', 'marketing'])
      await naju
        .post(`/clients/${id}/consents`)
        .send({ purpose, version: '2026-01', givenOn: '2026-03-01' })
        .expect(200);
    await naju
      .patch(`/clients/${id}/profile`)
      .send({ name: '이지은', phone: '010-9876-5432', desiredHoursPerWeek: 20 })
      .expect(200);
    await naju.post(`/clients/${id}/consents/marketing/withdrawal`).send({ withdrawnOn: '2026-03-05' }).expect(200);
    await naju.post(`/clients/${id}/closure`).send({ reason: '타 지역 이주', closedOn: '2026-03-10' }).expect(200);
    expect((await naju.get(`/clients/${id}`).expect(200)).body).toMatchObject({
      name: '이지은',
      phone: '010-9876-5432',
      desiredHoursPerWeek: 20,
      registeredOn: '2026-03-01',
      consents: [{ purpose: 'service', version: '2026-01', givenOn: '2026-03-01' }],
      closed: true,
      closedOn: '2026-03-10',
    });
  });

  it('another center’s woman is the same 404 as an unknown id (and the refusal is logged); a malformed id is 400; the Ministry reads no person (403)', async () => {
    const jinju = await api(saeil, counselorOf('center-jinju'));
    const foreign = await jinju.get(`/clients/${clientId}`).expect(404);
    const unknownId = randomUUID();
    const unknown = await jinju.get(`/clients/${unknownId}`).expect(404);
    expect(foreign.body.error.message.replace(clientId, '<id>')).toBe(
      unknown.body.error.message.replace(unknownId, '<id>'),
    );
    expect(JSON.stringify(foreign.body)).not.toContain('김영희');
    expect((await accessLogFor(clientId)).at(-1)).toMatchObject({ action: 'read.client-record', outcome: 'refused' });
    for (const malformed of [clientId.toUpperCase(), 'not-a-uuid'])
      expect((await naju.get(`/clients/${malformed}`).expect(400)).body.error.fields[0]).toMatchObject({
        field: 'clientId',
      });
    await (await api(saeil, MINISTRY_ANALYST)).get(`/clients/${clientId}`).expect(403);
    // her region's supervisor reads her; another region's does not
    await (await api(saeil, regionalSupervisorOf('전라남도'))).get(`/clients/${clientId}`).expect(200);
    await (await api(saeil, regionalSupervisorOf('경상남도'))).get(`/clients/${clientId}`).expect(404);
  });

  it('after a transfer her new center reads her and the old one no longer does', async () => {
    const jinjuCounselor = await counselorAccount(saeil, 'center-jinju');
    const id = (
      await naju
        .post('/clients')
        .send({ ...newClient(803, await counselorAccount(saeil, 'center-naju')), registeredOn: '2026-03-01' })
        .expect(201)
    ).body.clientId;
    await (
      await api(saeil, supervisorOf('center-naju'))
    )
      .post(`/clients/${id}/assignment`)
      .send({ centerId: 'center-jinju', counselorId: jinjuCounselor, reason: '이사' })
      .expect(200);
    expect(
      (await (await api(saeil, counselorOf('center-jinju'))).get(`/clients/${id}`).expect(200)).body,
    ).toMatchObject({ centerId: 'center-jinju', counselorId: jinjuCounselor, registeredAtCenterId: 'center-naju' });
    await naju.get(`/clients/${id}`).expect(404);
  });

  it('once she is erased her identity is gone (null, erased: true); what stays in clear stays', async () => {
    const id = (
      await naju
        .post('/clients')
        .send({ ...newClient(804, await counselorAccount(saeil, 'center-naju')), registeredOn: '2026-03-01' })
        .expect(201)
    ).body.clientId;
    await (
      await api(saeil, supervisorOf('center-naju'))
    )
      .post(`/clients/${id}/erasure`)
      .send({ reason: 'client_request' })
      .expect(200);
    const res = await naju.get(`/clients/${id}`).expect(200);
    expect(res.body).toMatchObject({
      name: null,
      birthDate: null,
      phone: null,
      erased: true,
      region: '전라남도',
      registeredOn: '2026-03-01',
    });
    expect(res.body.birthYear).toEqual(expect.any(Number));
  });
});
