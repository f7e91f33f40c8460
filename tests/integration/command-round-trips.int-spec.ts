import { Client } from 'pg';
import { startTestSaeil, TestSaeil, registerClient } from '../support/app';
import { api, counselorAccount, counselorOf, supervisorOf } from '../support/auth';

/**
 * How many PostgreSQL round trips one HTTP command costs (issue 17): every `query` a pg client of
 * this process sends while the request runs, with the application name of the connection it went
 * on. The api runs alone (no worker), so nothing else is querying; the LISTEN connections send
 * nothing while idle. Each `query` is one round trip (node-postgres sends Parse/Bind/Execute/Sync
 * in one write and waits for the answer).
 */
describe('round trips of one command (POST /clients/:id/counseling-sessions)', () => {
  let saeil: TestSaeil;
  const sent: { app: string; text: string }[] = [];
  let counting = false;
  const original = Client.prototype.query;

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'round-trips', kafka: false, worker: false });
    (Client.prototype as { query: unknown }).query = function (
      this: Client & { connectionParameters?: { application_name?: string } },
      ...args: unknown[]
    ) {
      if (counting) {
        const config = args[0] as string | { text?: string };
        sent.push({
          app: this.connectionParameters?.application_name ?? '?',
          text: (typeof config === 'string' ? config : (config?.text ?? '')).replace(/\s+/g, ' ').slice(0, 200),
        });
      }
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  });

  afterAll(async () => {
    Client.prototype.query = original;
    await saeil?.dispose();
  });

  async function countOne(post: () => Promise<unknown>): Promise<{ app: string; text: string }[]> {
    sent.length = 0;
    counting = true;
    try {
      await post();
    } finally {
      counting = false;
    }
    return [...sent];
  }

  it('a counselor records a session for a woman of her center: the statements it sends, after a first request warmed the caches', async () => {
    const clientId = await registerClient(saeil, 1, { consents: ['service'] });
    const counselor = await api(saeil, counselorOf('center-naju'));
    const body = {
      channel: 'phone',
      topic: '취업 후 적응 상담',
      durationMinutes: 30,
      notes: '근무 적응 확인',
      occurredOn: '2026-01-05',
    };
    // First request: her data key, the account, whatever is cached, is read once.
    await counselor.post(`/clients/${clientId}/counseling-sessions`).send(body).expect(201);
    const statements = await countOne(() =>
      counselor.post(`/clients/${clientId}/counseling-sessions`).send(body).expect(201),
    );
    const listed = statements.map((s) => `[${s.app}] ${s.text}`);
    // 9 before issue 17's command work: the account and her center were read first, and the
    // versions in a statement of their own. Now: her case stream (read by the guard for her center,
    // kept for the handler), the counseling stream, and the append's four.
    expect(listed).toEqual([
      expect.stringMatching(/^\[saeil\] SELECT global_position, .* FROM events WHERE stream_id = \$1/),
      expect.stringMatching(/^\[saeil\] SELECT global_position, .* FROM events WHERE stream_id = \$1/),
      '[saeil] START TRANSACTION',
      expect.stringMatching(/^\[saeil\] SELECT pg_advisory_xact_lock/),
      expect.stringMatching(/^\[saeil\] WITH current AS/),
      '[saeil] COMMIT',
    ]);
  });

  it('her center is read with her stream at every command, never remembered: after a transfer the old center is refused (404) and the new one served, at once', async () => {
    const clientId = await registerClient(saeil, 2, { consents: ['service'] });
    const naju = await api(saeil, counselorOf('center-naju'));
    const jinju = await api(saeil, counselorOf('center-jinju'));
    const body = { channel: 'phone', topic: '이관 전후', durationMinutes: 20, occurredOn: '2026-01-05' };
    await naju.post(`/clients/${clientId}/counseling-sessions`).send(body).expect(201);
    await jinju.post(`/clients/${clientId}/counseling-sessions`).send(body).expect(404);
    const jinjuCounselor = await counselorAccount(saeil, 'center-jinju');
    await (
      await api(saeil, supervisorOf('center-naju'))
    )
      .post(`/clients/${clientId}/assignment`)
      .send({ centerId: 'center-jinju', counselorId: jinjuCounselor })
      .expect(200);
    await naju.post(`/clients/${clientId}/counseling-sessions`).send(body).expect(404);
    await jinju.post(`/clients/${clientId}/counseling-sessions`).send(body).expect(201);
    // A record that does not exist is refused the same way (the scope check fails closed).
    await jinju.post(`/clients/00000000-0000-4000-8000-000000000000/counseling-sessions`).send(body).expect(404);
  });
});
