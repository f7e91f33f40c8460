import request from 'supertest';
import { clientStreamId } from '@saeil/contracts';
import { countEvents, registerClient, startTestSaeil, TestSaeil } from '../support/app';
import { accountIdOf, Api, api, counselorOf } from '../support/auth';
import { holdStreamLock } from './support/stream-lock';

/**
 * Two counselors act on the same case at the same moment, both deciding on the same version of
 * her stream (the test holds the stream's append lock until both are queued, so the race is
 * certain rather than likely): one wins, the other gets 409 VERSION_CONFLICT, and the case holds
 * exactly the winner's change, never a blend and never a silently lost one.
 */
describe('concurrent commands on one case from two counselors', () => {
  let saeil: TestSaeil;
  /** Two counselors of center-naju, each logged in with her own account. */
  const KIM = counselorOf('center-naju', 'kim');
  const LEE = counselorOf('center-naju', 'lee');
  let kimApi: Api;
  let leeApi: Api;
  let kimAccount: string;
  let leeAccount: string;

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'fault_concurrent', kafka: false });
    [kimApi, leeApi] = await Promise.all([api(saeil, KIM), api(saeil, LEE)]);
    [kimAccount, leeAccount] = await Promise.all([accountIdOf(saeil, KIM), accountIdOf(saeil, LEE)]);
    expect(kimAccount).not.toBe(leeAccount);
  }, 60_000);
  afterAll(async () => saeil?.dispose());

  /** Sends both requests while the stream is locked; returns their responses once both answered. */
  async function race(clientId: string, first: () => request.Test, second: () => request.Test) {
    const lock = await holdStreamLock(saeil.db.url, clientStreamId(clientId));
    try {
      const answers = Promise.all([first().then((r) => r), second().then((r) => r)]);
      await lock.whenWaiting(2);
      await lock.release();
      return await answers;
    } finally {
      await lock.release();
    }
  }

  const caseRow = async (clientId: string, counselorId: string, minPosition: number) => {
    const page = await kimApi.get('/caseload').query({ counselorId, minPosition, pageSize: 100 }).expect(200);
    expect(page.body.consistency.reached).toBe(true);
    return page.body.items.find((i: { clientId: string }) => i.clientId === clientId);
  };

  it('two profile updates: one is saved, the other is refused with 409, and her phone is the winner’s', async () => {
    const clientId = await registerClient(saeil, 1, { counselorId: kimAccount, consents: ['service'] });
    const updatesBefore = await countEvents(saeil, 'ClientProfileUpdated');
    const patch = (counselor: Api, phone: string) => () =>
      counselor.patch(`/clients/${clientId}/profile`).send({ phone });

    const [kim, lee] = await race(clientId, patch(kimApi, '010-2222-0001'), patch(leeApi, '010-3333-0002'));

    expect([kim.status, lee.status].sort()).toEqual([200, 409]);
    const [winner, loser] = kim.status === 200 ? [kim, lee] : [lee, kim];
    expect(loser.body.error).toEqual({
      code: 'VERSION_CONFLICT',
      message: expect.stringContaining('다른 사용자가 먼저 수정했습니다'),
    });
    const winningPhone = winner === kim ? '010-2222-0001' : '010-3333-0002';
    expect(await countEvents(saeil, 'ClientProfileUpdated')).toBe(updatesBefore + 1);
    const [stored] = await saeil.runtime.dataSource.query(
      `SELECT data, metadata FROM events WHERE stream_id = $1 AND event_type = 'ClientProfileUpdated'`,
      [clientStreamId(clientId)],
    );
    // Her new phone travels sealed with her whole identity (never in `changes`); the caseload opens it below.
    expect({ changes: stored.data.changes, sealed: stored.data.personal, actor: stored.metadata.actorId }).toEqual({
      changes: {},
      sealed: expect.stringMatching(/^pd1\./),
      actor: winner === kim ? kimAccount : leeAccount,
    });
    expect((await caseRow(clientId, kimAccount, winner.body.position)).phone).toBe(winningPhone);

    // The loser reloads and saves again: now a deliberate change on top of the winner's.
    const losingPhone = winner === kim ? '010-3333-0002' : '010-2222-0001';
    const retry = await (winner === kim ? leeApi : kimApi)
      .patch(`/clients/${clientId}/profile`)
      .send({ phone: losingPhone })
      .expect(200);
    expect((await caseRow(clientId, kimAccount, retry.body.position)).phone).toBe(losingPhone);
  });

  it('two closures: the case is closed once, the second closure gets 409, and a retry is refused as already closed', async () => {
    const clientId = await registerClient(saeil, 2, { counselorId: kimAccount, consents: ['service'] });
    const close = (counselor: Api, reason: string) => () =>
      counselor.post(`/clients/${clientId}/closure`).send({ reason, closedOn: '2026-03-02' });

    const answers = await race(clientId, close(kimApi, '취업 후 종결'), close(leeApi, '연락 두절'));

    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = answers.find((r) => r.status === 200)!;
    const closures = await saeil.runtime.dataSource.query(
      `SELECT data, metadata FROM events WHERE stream_id = $1 AND event_type = 'CaseClosed'`,
      [clientStreamId(clientId)],
    );
    expect(
      closures.map((c: { data: { reason: string }; metadata: { actorId: string } }) => [
        c.data.reason,
        c.metadata.actorId,
      ]),
    ).toEqual([answers[0] === winner ? ['취업 후 종결', kimAccount] : ['연락 두절', leeAccount]]);
    expect((await caseRow(clientId, kimAccount, winner.body.position)).status).toBe('closed');

    const retry = await (answers[0] === winner ? leeApi : kimApi)
      .post(`/clients/${clientId}/closure`)
      .send({ reason: '연락 두절', closedOn: '2026-03-02' })
      .expect(422);
    expect(retry.body.error.code).toBe('CASE_ALREADY_CLOSED');
  });
});
