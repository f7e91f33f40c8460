import request from 'supertest';
import { Kafka, logLevel } from 'kafkajs';
import { describeKafka, kafkaBrokers, waitFor } from '../support/env';
import { observeTopics } from '../support/kafka-observer';
import { countEvents, newClient, startTestSaeil, TestSaeil } from '../support/app';
import { Api, api, counselorAccount, counselorOf, TEST_METRICS_TOKEN } from '../support/auth';

/** The thin slice through HTTP: register a client, see her in the caseload; bad input changes nothing. */
function sliceSuite(mode: 'embedded' | 'kafka') {
  let saeil: TestSaeil;
  /** A counselor of center-naju, where the clients are registered. */
  let http: Api;
  /** Counselor accounts of center-naju: one per test, so each caseload read sees its own client. */
  let kim: string;
  const counselorNamed = (name: string) => counselorAccount(saeil, 'center-naju', name);

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: `slice_${mode}`, kafka: mode === 'kafka' });
    http = await api(saeil, counselorOf('center-naju'));
    kim = await counselorAccount(saeil, 'center-naju');
  });
  afterAll(async () => saeil?.dispose());

  it('registers a client and lists her in her counselor’s caseload (read your writes)', async () => {
    const counselorId = await counselorNamed(mode);
    const body = newClient(1, counselorId);
    const created = await http.post('/clients').send(body).expect(201);
    expect(created.body).toMatchObject({
      clientId: expect.any(String),
      streamVersion: 1,
      position: expect.any(Number),
      duplicate: false,
    });
    expect(created.headers['x-correlation-id']).toEqual(expect.any(String));

    const caseload = await http
      .get('/caseload')
      .query({ counselorId, minPosition: created.body.position, waitMs: 15000 })
      .expect(200);
    expect(caseload.body.consistency).toEqual({ minPosition: created.body.position, reached: true });
    expect(caseload.body.total).toBe(1);
    expect(caseload.body.items[0]).toMatchObject({
      clientId: created.body.clientId,
      name: body.name,
      birthDate: body.birthDate,
      phone: body.phone,
      centerId: body.centerId,
      status: 'intake',
    });
  });

  it('answers 400 with every bad field and appends nothing', async () => {
    const before = await countEvents(saeil);
    const response = await http
      .post('/clients')
      .send({ ...newClient(2, kim), birthDate: '1988-02-30', phone: '12345', counselorId: '', nickname: 'x' })
      .expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    const fields = response.body.error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['birthDate', 'phone', 'counselorId', 'nickname']));
    expect(response.body.error.fields.find((f: { field: string }) => f.field === 'nickname').code).toBe(
      'whitelistValidation',
    );
    expect(await countEvents(saeil)).toBe(before);
  });

  it('answers 400 for a body that is not JSON, and 422 for a rule broken, appending nothing', async () => {
    const before = await countEvents(saeil);
    const malformed = await http.post('/clients').set('content-type', 'application/json').send('{"name":').expect(400);
    expect(malformed.body.error.code).toBe('MALFORMED_REQUEST');
    const tooYoung = await http
      .post('/clients')
      .send({ ...newClient(3, kim), birthDate: '2020-01-01' })
      .expect(422);
    expect(tooYoung.body.error).toMatchObject({
      code: 'BIRTH_DATE_IMPLAUSIBLE',
      message: expect.stringContaining('생년월일'),
    });
    expect(await countEvents(saeil)).toBe(before);
  });

  it('a repeated Idempotency-Key returns the first result and registers her once', async () => {
    const counselorId = await counselorNamed(`idem-${mode}`);
    const body = newClient(4, counselorId);
    const first = await http.post('/clients').set('Idempotency-Key', `intake-form-${mode}-0004`).send(body).expect(201);
    const again = await http.post('/clients').set('Idempotency-Key', `intake-form-${mode}-0004`).send(body).expect(200);
    expect(again.body).toEqual({ ...first.body, duplicate: true });
    const reused = await http
      .post('/clients')
      .set('Idempotency-Key', `intake-form-${mode}-0004`)
      .send({ ...body, name: '다른사람' })
      .expect(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const caseload = await http.get('/caseload').query({ counselorId, minPosition: first.body.position }).expect(200);
    expect(caseload.body.total).toBe(1);
  });

  it('rejects unknown query parameters and a caseload query without a counselor or center', async () => {
    const unknown = await http.get('/caseload').query({ counselorId: 'c', orderBy: 'name' }).expect(400);
    expect(unknown.body.error.fields[0]).toMatchObject({ field: 'orderBy', code: 'whitelistValidation' });
    const missing = await http.get('/caseload').expect(400);
    expect(missing.body.error.fields[0]).toMatchObject({ field: 'counselorId', code: 'required' });
  });

  if (mode === 'kafka') {
    it('publishes to saeil.intake.events.v1 (created with the configured partitions), keyed by stream id, with routing headers', async () => {
      const admin = new Kafka({
        clientId: 'slice-admin',
        brokers: kafkaBrokers()!,
        logLevel: logLevel.NOTHING,
      }).admin();
      await admin.connect();
      try {
        const { topics } = await admin.fetchTopicMetadata({ topics: [saeil.runtime.topics.events('intake')] });
        expect(topics[0].partitions).toHaveLength(saeil.config.KAFKA_TOPIC_PARTITIONS);
      } finally {
        await admin.disconnect();
      }
      const created = await http
        .post('/clients')
        .set('X-Correlation-Id', 'intake-form-7781')
        .send(newClient(9, await counselorNamed('headers')))
        .expect(201);
      const kafka = await observeTopics(saeil, { contexts: ['intake'] });
      try {
        const message = await waitFor(
          async () => kafka.published.find((m) => m.data.clientId === created.body.clientId),
          { description: 'her ClientRegistered on the intake topic' },
        );
        expect(message.topic).toBe(saeil.runtime.topics.events('intake'));
        expect(message.key).toBe(`client-${created.body.clientId}`);
        expect(message.headers).toMatchObject({
          'event-type': 'ClientRegistered',
          'schema-version': '3',
          'correlation-id': 'intake-form-7781',
          'global-position': String(created.body.position),
          'stream-version': '1',
        });
        expect(message.event).toMatchObject({
          type: 'ClientRegistered',
          metadata: { correlationId: 'intake-form-7781', centerId: 'center-naju' },
        });
      } finally {
        await kafka.stop();
      }
    });
  }

  it('serves /health, /metrics and the OpenAPI document', async () => {
    const health = await request(saeil.url).get('/health').expect(200);
    expect(health.body).toMatchObject({
      status: 'ok',
      mode,
      database: { status: 'up' },
      kafka: { status: mode === 'kafka' ? 'up' : 'disabled' },
    });
    expect(health.body.projections).toHaveProperty('caseload');
    await request(saeil.url).get('/metrics').expect(401);
    await request(saeil.url)
      .get('/metrics')
      .set('Authorization', 'Bearer not-the-metrics-token-0123456789abcdef')
      .expect(401);
    const metrics = await request(saeil.url)
      .get('/metrics')
      .set('Authorization', `Bearer ${TEST_METRICS_TOKEN}`)
      .expect(200);
    expect(metrics.text).toMatch(/saeil_events_appended_total\{type="ClientRegistered"\} [1-9]/);
    expect(metrics.text).toMatch(/saeil_command_duration_seconds_count\{command="RegisterClient",outcome="ok"\} [1-9]/);
    expect(metrics.text).toContain('saeil_projection_lag{projection="caseload"}');
    const openapi = await request(saeil.url).get('/docs/openapi.json').expect(200);
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining([
        '/clients',
        '/clients/{clientId}/consents',
        '/clients/{clientId}/consents/{purpose}/withdrawal',
        '/clients/{clientId}/profile',
        '/clients/{clientId}/assignment',
        '/clients/{clientId}/closure',
        '/clients/{clientId}/reopening',
        '/caseload',
        '/health',
      ]),
    );
  });
}

describe('the slice in embedded mode (projections fed from the event store)', () => sliceSuite('embedded'));
describeKafka('the slice in Kafka mode (relay → Kafka → projection consumer)', () => sliceSuite('kafka'));
