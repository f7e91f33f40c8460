import { todayInKorea } from '@saeil/core';
import { registerClient, startTestSaeil, TestSaeil } from '../support/app';
import { ADMINISTRATOR, api, supervisorOf } from '../support/auth';

/**
 * Behind a reverse proxy every caller would have the proxy's address: the login limits and the
 * access log's source address would name the proxy. TRUST_PROXY names the proxies whose
 * X-Forwarded-For is believed; without it a forged header changes nothing.
 */
describe('TRUST_PROXY: whose address the access log and the limits see', () => {
  async function loggedAddress(saeil: TestSaeil): Promise<string[]> {
    const clientId = await registerClient(saeil, 1);
    const supervisor = await api(saeil, supervisorOf('center-naju'));
    await supervisor.get(`/cases/${clientId}/timeline`).set('X-Forwarded-For', '203.0.113.7').expect(200);
    // the review filters by the Korean calendar month: the UTC month differs from 15:00 UTC on a month's last day
    const month = todayInKorea().slice(0, 7);
    const review = await (await api(saeil, ADMINISTRATOR)).get('/access-log').query({ month }).expect(200);
    return review.body.items
      .filter((row: { subjectClientId: string }) => row.subjectClientId === clientId)
      .map((row: { sourceAddress: string }) => row.sourceAddress);
  }

  it('with the proxy trusted (loopback here), the address it forwarded is the one logged', async () => {
    const saeil = await startTestSaeil({
      label: 'trust-proxy',
      kafka: false,
      worker: false,
      env: { TRUST_PROXY: 'loopback' },
    });
    try {
      expect(await loggedAddress(saeil)).toEqual(['203.0.113.7']);
    } finally {
      await saeil.dispose();
    }
  });

  it('with none trusted, a forged X-Forwarded-For is ignored: the socket address is logged', async () => {
    const saeil = await startTestSaeil({ label: 'no-trust-proxy', kafka: false, worker: false });
    try {
      const logged = await loggedAddress(saeil);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    } finally {
      await saeil.dispose();
    }
  });
});
