import { SAEIL_MODULES } from '@saeil/app';
import { todayInKorea } from '@saeil/core';
import { countEvents, newClient, registerClient, startTestSaeil, TestSaeil } from '../support/app';
import {
  accountIdOf,
  ADMINISTRATOR,
  Api,
  api,
  counselorAccount,
  MINISTRY_ANALYST,
  supervisorOf,
  tokenFor,
} from '../support/auth';
import { describeKafka, kafkaBrokers } from '../support/env';
import { KafkaObserver, observeTopics } from '../support/kafka-observer';

/**
 * A command's references (issue 13, finding 4): what a field points to must exist and be usable by
 * the caller's center, or the command is refused with 422 REFERENCE_NOT_FOUND naming the field and
 * nothing is appended — on HTTP and on the Kafka command topic alike. The retention program a
 * follow-up counts toward is proven in libs/retention/src/retention.int-spec.ts.
 */
describe('references a command names', () => {
  let saeil: TestSaeil;
  let supervisor: Api;
  let clientId: string;
  /** Her counselor (an account of center-naju), and another one of her center. */
  let kim: string;
  let lee: string;

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'references', kafka: Boolean(kafkaBrokers()), worker: false });
    supervisor = await api(saeil, supervisorOf('center-naju'));
    clientId = await registerClient(saeil, 1, { consents: ['service'] });
    [kim, lee] = await Promise.all([
      counselorAccount(saeil, 'center-naju'),
      counselorAccount(saeil, 'center-naju', 'lee'),
    ]);
  }, 60_000);
  afterAll(async () => saeil?.dispose());

  /** Centers the directory (config/centers.json) does not list: a case moved there answered 200 and vanished for everyone. */
  // Well-formed center ids the directory does not list (422); other spellings are refused as input before (400).
  const UNLISTED = ['center-evil', 'nobody', 'center-naju-', '2024-02-30'];
  const MALFORMED = ['CENTER-NAJU', ' center-naju', 'center naju'];

  it('refuses a transfer to a center the directory does not list, and the case stays where it was', async () => {
    const before = await countEvents(saeil);
    for (const centerId of UNLISTED) {
      const res = await supervisor
        .post(`/clients/${clientId}/assignment`)
        .send({ centerId, counselorId: kim })
        .expect(422);
      expect(res.body.error).toMatchObject({
        code: 'REFERENCE_NOT_FOUND',
        details: { field: 'centerId', kind: 'center' },
      });
    }
    for (const centerId of MALFORMED) {
      const res = await supervisor
        .post(`/clients/${clientId}/assignment`)
        .send({ centerId, counselorId: kim })
        .expect(400);
      expect(res.body.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: [expect.objectContaining({ field: 'centerId' })],
      });
    }
    expect(await countEvents(saeil)).toBe(before);
    // still her center's: readable, and a transfer to a listed center works
    await supervisor.get(`/cases/${clientId}/timeline`).expect(200);
    await supervisor
      .post(`/clients/${clientId}/assignment`)
      .send({ centerId: 'center-naju', counselorId: lee })
      .expect(200);
  });

  /**
   * Every command whose definition declares a counselor reference, and a request for it naming
   * `counselor` (one account id) about a woman of center-naju with her service consent. The list
   * must cover exactly the definitions that declare one: a command given a counselor field later
   * fails here until it is added.
   */
  const COUNSELOR_COMMANDS: Record<
    string,
    (counselor: string, n: number, clientId: string) => { path: string; body: Record<string, unknown> }
  > = {
    RegisterClient: (counselor, n) => ({ path: '/clients', body: newClient(100 + n, counselor) }),
    AssignCounselor: (counselor, _, her) => ({
      path: `/clients/${her}/assignment`,
      body: { centerId: 'center-naju', counselorId: counselor },
    }),
    RecordCounselingSession: (counselor, _, her) => ({
      path: `/clients/${her}/counseling-sessions`,
      body: {
        channel: 'phone',
        topic: '구직 상담',
        durationMinutes: 20,
        occurredOn: todayInKorea(),
        counselorId: counselor,
      },
    }),
    SetEmploymentPlan: (counselor, _, her) => ({
      path: `/clients/${her}/employment-plan`,
      body: {
        goals: ['취업'],
        desiredOccupation: '사무원',
        plannedServices: ['counseling'],
        nextAction: { description: '상담', dueOn: '2027-12-20' },
        setOn: todayInKorea(),
        counselorId: counselor,
      },
    }),
    RecordOutreachEvent: (counselor) => ({
      path: '/outreach-events',
      body: {
        centerId: 'center-naju',
        place: '나주 5일장',
        heldOn: todayInKorea(),
        counselorIds: [counselor],
        walkInContacts: 3,
      },
    }),
    // her case moves from kim (her counselor: registerClient's default) to the counselor named
    ReassignCaseload: (counselor, _, her) => ({
      path: `/counselors/${kim}/reassignment`,
      body: { centerId: 'center-naju', toCounselorIds: [counselor], clientIds: [her] },
    }),
  };
  const withCounselorReference = SAEIL_MODULES.flatMap((m) => m.commands)
    .filter((d) => (d.references ?? []).some((r) => r.kind === 'counselor'))
    .map((d) => ({ type: d.type, field: d.references!.find((r) => r.kind === 'counselor')!.field }));

  it('knows a request for every command that names a counselor', () => {
    expect(withCounselorReference.map((c) => c.type).sort()).toEqual(Object.keys(COUNSELOR_COMMANDS).sort());
  });

  it("refuses, on every command naming a counselor, a made-up id, another center's counselor, the Ministry analyst and a disabled counselor alike (422 REFERENCE_NOT_FOUND on the field), appending nothing; her center's counselor or supervisor is taken", async () => {
    const admin = await api(saeil, ADMINISTRATOR);
    const disabled = await counselorAccount(saeil, 'center-naju', 'left-the-center');
    await admin.post(`/accounts/${disabled}/disable`).send({}).expect(200);
    const refused: Record<string, string> = {
      'a made-up id': 'nobody-at-all',
      'an id no account has': '00000000-0000-4000-8000-000000000000',
      "another center's counselor": await counselorAccount(saeil, 'center-jinju'),
      'the Ministry analyst': await accountIdOf(saeil, MINISTRY_ANALYST),
      'a disabled counselor of her center': disabled,
    };
    const supervisorAccount = await accountIdOf(saeil, supervisorOf('center-naju'));
    let n = 0;
    for (const { type, field } of withCounselorReference) {
      const her = await registerClient(saeil, 200 + n, { consents: ['service'] });
      for (const [who, counselor] of Object.entries(refused)) {
        const before = await countEvents(saeil);
        const { path, body } = COUNSELOR_COMMANDS[type](counselor, n++, her);
        const res = await supervisor.post(path).send(body);
        expect({ type, who, status: res.status, error: res.body.error }).toEqual({
          type,
          who,
          status: 422,
          error: {
            code: 'REFERENCE_NOT_FOUND',
            message: expect.stringContaining(field),
            details: { field, kind: 'counselor' },
          },
        });
        expect(await countEvents(saeil)).toBe(before);
      }
      // Her center's counselor is taken (or, for a reassignment, a supervisor: she may carry cases too).
      const { path, body } = COUNSELOR_COMMANDS[type](type === 'AssignCounselor' ? supervisorAccount : lee, n++, her);
      const accepted = await supervisor.post(path).send(body);
      expect({
        type,
        status: accepted.status < 300 ? 'accepted' : accepted.status,
        error: accepted.body.error,
      }).toEqual({ type, status: 'accepted', error: undefined });
    }
  });

  describeKafka('on the Kafka command topic', () => {
    let kafka: KafkaObserver;
    beforeAll(async () => {
      kafka = await observeTopics(saeil, { contexts: [] });
    });
    afterAll(async () => kafka?.stop());

    it('rejects the same transfer with REFERENCE_NOT_FOUND and appends nothing', async () => {
      const before = await countEvents(saeil);
      const token = await tokenFor(saeil.url, supervisorOf('center-naju'));
      for (const centerId of UNLISTED.slice(0, 2)) {
        const reply = await kafka.sendCommand('AssignCounselor', { clientId, centerId, counselorId: kim }, { token });
        expect(reply).toMatchObject({ status: 'rejected', error: { code: 'REFERENCE_NOT_FOUND' } });
      }
      expect(await countEvents(saeil)).toBe(before);
    }, 60_000);

    it('rejects a registration naming no counselor account of her center with REFERENCE_NOT_FOUND, and appends nothing', async () => {
      const before = await countEvents(saeil);
      const token = await tokenFor(saeil.url, supervisorOf('center-naju'));
      for (const counselorId of ['nobody-at-all', await counselorAccount(saeil, 'center-jinju')]) {
        const reply = await kafka.sendCommand('RegisterClient', newClient(300, counselorId), { token });
        expect(reply).toMatchObject({
          status: 'rejected',
          error: { code: 'REFERENCE_NOT_FOUND', details: { field: 'counselorId', kind: 'counselor' } },
        });
      }
      expect(await countEvents(saeil)).toBe(before);
    }, 60_000);
  });
});
