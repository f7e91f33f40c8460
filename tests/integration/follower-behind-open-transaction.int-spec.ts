import { Client } from 'pg';
import { newClient, startTestSaeil, TestSaeil } from '../support/app';
import { api, counselorAccount, counselorOf } from '../support/auth';
import { waitFor } from '../support/env';

/**
 * The embedded projections follow the event store as the relay does (`followerPause`): an event
 * committed while an older transaction is still open sits above the snapshot's xmin, the woken
 * projection cannot take it yet, and no notification comes when the older transaction ends. With
 * a poll a minute away (the longest allowed), only the projection's own look-again can apply it
 * within the test's 20 s. (The relay's side: libs/messaging/src/outbox-relay.int-spec.ts.)
 */
describe('an embedded projection and an event committed behind a transaction still open', () => {
  let saeil: TestSaeil;
  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'behind_open_tx', kafka: false, env: { POLL_INTERVAL_MS: '60000' } });
  }, 60_000);
  afterAll(async () => saeil?.dispose());

  it('applies it soon after that transaction ends, not at the next poll', async () => {
    const caseload = saeil.runtime.worker.runners.find((r) => r.projection.name === 'caseload')!.projection;
    const http = await api(saeil, counselorOf('center-naju'));
    const counselor = await counselorAccount(saeil, 'center-naju', 'behind');
    const blocker = new Client({ connectionString: saeil.db.url });
    await blocker.connect();
    try {
      // A transaction with an id, open: her registration, committed after it, waits above the xmin.
      await blocker.query('BEGIN');
      await blocker.query('SELECT pg_current_xact_id()');
      const registered = await http.post('/clients').send(newClient(1, counselor)).expect(201);
      const lagOf = async () =>
        (await saeil.runtime.metrics.projectionLag.get()).values.find((v) => v.labels.projection === 'caseload')?.value;
      await waitFor(async () => (await lagOf()) === 1, {
        description: 'the woken caseload seeing one committed event it may not take yet',
      });
      expect(await saeil.runtime.consistency.hasReached(caseload, registered.body.position)).toBe(false);

      await blocker.query('COMMIT'); // no notification comes of this
      await waitFor(async () => saeil.runtime.consistency.hasReached(caseload, registered.body.position), {
        description: 'her registration applied after the blocker ended',
        timeoutMs: 20_000,
      });
    } finally {
      await blocker.end().catch(() => undefined);
    }
  });
});
