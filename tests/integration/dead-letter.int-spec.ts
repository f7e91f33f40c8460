import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { clientStreamId } from '@saeil/contracts';
import { describeKafka, kafkaBrokers, waitFor } from '../support/env';
import { newClient, startTestSaeil, TestSaeil } from '../support/app';
import { api, counselorAccount, counselorOf } from '../support/auth';

const meta = {
  actorId: 'test',
  centerId: 'center-naju',
  correlationId: 'poison',
  occurredAt: new Date().toISOString(),
};

/** An event the caseload projection cannot apply: ClientRegistered without the fields it needs. */
async function appendPoison(saeil: TestSaeil): Promise<string> {
  const clientId = randomUUID();
  const result = await saeil.runtime.store.append(
    clientStreamId(clientId),
    [{ type: 'ClientRegistered', data: { clientId, centerId: 'center-naju' } }],
    {
      context: 'intake',
      expectedVersion: 0,
      metadata: meta,
    },
  );
  return result.eventIds[0];
}

/** A counselor of center-naju registers a client after the poison event and looks for her in the caseload. */
async function registerAndSee(saeil: TestSaeil, counselorName: string) {
  const counselorId = await counselorAccount(saeil, 'center-naju', counselorName);
  const http = await api(saeil, counselorOf('center-naju'));
  const created = await http.post('/clients').send(newClient(7, counselorId)).expect(201);
  const caseload = await http
    .get('/caseload')
    .query({ counselorId, minPosition: created.body.position, waitMs: 20000 })
    .expect(200);
  return { created: created.body, caseload: caseload.body };
}

describe('a poison event in embedded mode', () => {
  let saeil: TestSaeil;
  beforeAll(async () => (saeil = await startTestSaeil({ label: 'poison_embedded', kafka: false })));
  afterAll(async () => saeil?.dispose());

  it('is recorded as a dead letter after its retries, and later events are still projected', async () => {
    const poisonId = await appendPoison(saeil);
    const { caseload } = await registerAndSee(saeil, 'after-poison');
    expect(caseload.consistency.reached).toBe(true);
    expect(caseload.total).toBe(1);
    const [letter] = await saeil.runtime.dataSource.query(
      `SELECT projection, event_type, attempts, error, source FROM dead_letters WHERE event_id = $1`,
      [poisonId],
    );
    expect(letter).toMatchObject({
      projection: 'caseload',
      event_type: 'ClientRegistered',
      attempts: 3,
      source: 'event-store',
    });
    expect(letter.error).toMatch(/lacks counselorId, name, birthDate, phone, region/);
  });
});

describeKafka('a poison event in Kafka mode', () => {
  let saeil: TestSaeil;
  beforeAll(async () => (saeil = await startTestSaeil({ label: 'poison_kafka', kafka: true })));
  afterAll(async () => saeil?.dispose());

  it('lands in the dead-letter topic with its error, and later events on the same partition are still projected', async () => {
    const poisonId = await appendPoison(saeil);
    const { caseload } = await registerAndSee(saeil, 'after-poison');
    expect(caseload.consistency.reached).toBe(true);
    expect(caseload.total).toBe(1);

    const kafka = new Kafka({ clientId: 'dlq-reader', brokers: kafkaBrokers()!, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `dlq-reader-${randomUUID()}` });
    const letters: { headers: Record<string, string>; value: string }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: saeil.runtime.topics.deadLetter(), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        letters.push({ headers, value: message.value!.toString() });
      },
    });
    try {
      const letter = await waitFor(async () => letters.find((l) => l.headers['event-id'] === poisonId), {
        timeoutMs: 30_000,
        description: 'the poison event on the dead-letter topic',
      });
      expect(letter.headers).toMatchObject({ projection: 'caseload', 'event-type': 'ClientRegistered', attempts: '3' });
      expect(letter.headers.error).toMatch(/lacks counselorId, name, birthDate, phone, region/);
      expect(JSON.parse(letter.value)).toMatchObject({ eventId: poisonId, type: 'ClientRegistered' });
    } finally {
      await consumer.disconnect();
    }
    const [row] = await saeil.runtime.dataSource.query(`SELECT source FROM dead_letters WHERE event_id = $1`, [
      poisonId,
    ]);
    expect(row.source).toBe('kafka');
  });
});
