import { randomUUID } from 'node:crypto';
import { describeKafka, waitFor } from '../support/env';
import { countEvents, newClient, startTestSaeil, TestSaeil } from '../support/app';
import { KafkaObserver, observeTopics } from '../support/kafka-observer';
import { api, counselorOf } from '../support/auth';

describeKafka('commands over the Kafka command topic', () => {
  let saeil: TestSaeil;
  let kafka: KafkaObserver;

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'command_topic', kafka: true });
    kafka = await observeTopics(saeil, { contexts: [], deadLetters: true });
  });

  afterAll(async () => {
    await kafka?.stop();
    await saeil?.dispose();
  });

  const send = (value: string, key?: string) => kafka.send(value, key);
  const replyTo = (commandId: string, n = 1) =>
    waitFor(async () => {
      const found = kafka.replies.filter((r) => r.commandId === commandId);
      return found.length >= n ? found : undefined;
    }, { timeoutMs: 30_000, description: `reply to ${commandId}` });

  it('accepts a valid command through the same handler as HTTP, replies with its result, and answers a redelivery without applying it twice', async () => {
    const commandId = `outreach-app-${randomUUID()}`;
    const message = JSON.stringify({ commandId, type: 'RegisterClient', actorId: 'outreach-app', payload: newClient(11, 'counselor-topic') });
    await send(message);
    const [reply] = await replyTo(commandId);
    expect(reply).toMatchObject({ commandId, type: 'RegisterClient', status: 'accepted', result: { clientId: expect.any(String), duplicate: false } });
    const { clientId, position } = reply.result as { clientId: string; position: number };

    await send(message); // the integration retries
    const [, again] = await replyTo(commandId, 2);
    expect(again).toMatchObject({ status: 'accepted', result: { clientId, duplicate: true } });

    // Read back over HTTP by a counselor of the center the outreach app registered her in.
    const caseload = await (await api(saeil, counselorOf('center-naju'))).get('/caseload').query({ counselorId: 'counselor-topic', minPosition: position, waitMs: 15000 }).expect(200);
    expect(caseload.body.items.map((i: { clientId: string }) => i.clientId)).toEqual([clientId]);
    const [event] = await saeil.runtime.dataSource.query(`SELECT metadata FROM events WHERE global_position = $1`, [position]);
    expect(event.metadata).toMatchObject({ actorId: 'outreach-app', commandId, centerId: 'center-naju' });
  });

  it('rejects an invalid command with the same field errors as HTTP and appends nothing', async () => {
    const before = await countEvents(saeil);
    const commandId = `outreach-app-${randomUUID()}`;
    await send(JSON.stringify({ commandId, type: 'RegisterClient', actorId: 'outreach-app', payload: { ...newClient(12), phone: 'none', extra: true } }));
    const [reply] = await replyTo(commandId);
    expect(reply).toMatchObject({ status: 'rejected', error: { code: 'VALIDATION_FAILED' } });
    const fields = (reply.error as { fields: { field: string }[] }).fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['phone', 'extra']));

    const ruleId = `outreach-app-${randomUUID()}`;
    await send(JSON.stringify({ commandId: ruleId, type: 'RegisterClient', actorId: 'outreach-app', payload: { ...newClient(13), birthDate: '2019-05-05' } }));
    const [ruleReply] = await replyTo(ruleId);
    expect(ruleReply).toMatchObject({ status: 'rejected', error: { code: 'BIRTH_DATE_IMPLAUSIBLE' } });
    expect(await countEvents(saeil)).toBe(before);
  });

  it('sends messages that are not commands to the command dead-letter topic with the reason', async () => {
    const before = await countEvents(saeil);
    const key = randomUUID(); // one key: one partition, so the three arrive in the order sent
    await send('{"commandId": ', key);
    await send(JSON.stringify({ commandId: `x-${randomUUID()}`, type: 'LaunchRocket', actorId: 'a', payload: {} }), key);
    await send(JSON.stringify({ type: 'RegisterClient', actorId: 'a', payload: newClient(14) }), key);
    const letters = await waitFor(async () => (kafka.deadLetters.length >= 3 ? kafka.deadLetters : undefined), { timeoutMs: 30_000, description: '3 dead letters' });
    expect(letters.map((l) => l.reason)).toEqual(['value is not JSON', 'unknown command type LaunchRocket', expect.stringContaining('commandId')]);
    expect(await countEvents(saeil)).toBe(before);
  });
});
