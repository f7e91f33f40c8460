import { countEvents, registerClient, startTestSaeil, TestSaeil } from '../support/app';
import { Api, api, supervisorOf, tokenFor } from '../support/auth';
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

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'references', kafka: Boolean(kafkaBrokers()), worker: false });
    supervisor = await api(saeil, supervisorOf('center-naju'));
    clientId = await registerClient(saeil, 1, { consents: ['service'] });
  }, 60_000);
  afterAll(async () => saeil?.dispose());

  /** Centers the directory (config/centers.json) does not list: a case moved there answered 200 and vanished for everyone. */
  // Well-formed center ids the directory does not list (422); other spellings are refused as input before (400).
  const UNLISTED = ['center-evil', 'nobody', 'center-naju-', '2024-02-30'];
  const MALFORMED = ['CENTER-NAJU', ' center-naju', 'center naju'];

  it('refuses a transfer to a center the directory does not list, and the case stays where it was', async () => {
    const before = await countEvents(saeil);
    for (const centerId of UNLISTED) {
      const res = await supervisor.post(`/clients/${clientId}/assignment`).send({ centerId, counselorId: 'counselor-kim' }).expect(422);
      expect(res.body.error).toMatchObject({ code: 'REFERENCE_NOT_FOUND', details: { field: 'centerId', kind: 'center' } });
    }
    for (const centerId of MALFORMED) {
      const res = await supervisor.post(`/clients/${clientId}/assignment`).send({ centerId, counselorId: 'counselor-kim' }).expect(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field: 'centerId' })] });
    }
    expect(await countEvents(saeil)).toBe(before);
    // still her center's: readable, and a transfer to a listed center works
    await supervisor.get(`/cases/${clientId}/timeline`).expect(200);
    await supervisor.post(`/clients/${clientId}/assignment`).send({ centerId: 'center-naju', counselorId: 'counselor-lee' }).expect(200);
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
        const reply = await kafka.sendCommand('AssignCounselor', { clientId, centerId, counselorId: 'counselor-kim' }, { token });
        expect(reply).toMatchObject({ status: 'rejected', error: { code: 'REFERENCE_NOT_FOUND' } });
      }
      expect(await countEvents(saeil)).toBe(before);
    }, 60_000);
  });
});
