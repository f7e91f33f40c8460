import { randomUUID } from 'node:crypto';
import { clientStreamId } from '@saeil/contracts';
import { countEvents, registerClient, startTestSaeil, TestSaeil } from '../support/app';
import { Api, api, counselorAccount, counselorOf, supervisorOf } from '../support/auth';
import { waitFor } from '../support/env';

/**
 * Bulk reassignment (issue 15 §2) through HTTP on PostgreSQL: a supervisor moves a leaving
 * counselor's open cases to two others of her center, balanced by their caseloads; each case moves
 * by its own CounselorAssigned, her follow-up queue with it; the report says what moved and what
 * did not and why; a retry with the same Idempotency-Key answers the same report and moves nothing.
 */
describe('bulk reassignment of a counselor’s cases', () => {
  let saeil: TestSaeil;
  let supervisor: Api;
  /** kim leaves; lee (one case already) and park (none) take her cases. */
  let kim: string;
  let lee: string;
  let park: string;
  const her: Record<'a' | 'b' | 'closed' | 'd' | 'lees' | 'jinju', string> = {
    a: '',
    b: '',
    closed: '',
    d: '',
    lees: '',
    jinju: '',
  };
  let placementOfA: string;

  const consents = ['service', 'employer_sharing'] as ('service' | 'employer_sharing')[];
  const assignmentsOf = async (clientId: string) =>
    (await saeil.runtime.store.readStream(clientStreamId(clientId)))
      .filter((e) => e.type === 'CounselorAssigned')
      .map((e) => e.data);
  const queueOf = async (counselorId: string, minPosition?: number) => {
    const { body } = await supervisor
      .get('/follow-ups/queue')
      .query({ counselorId, today: '2026-02-20', ...(minPosition ? { minPosition } : {}) })
      .expect(200);
    return [...body.overdue, ...body.dueThisWeek, ...body.upcoming].map(
      (i: { placementId: string; n: number }) => `${i.placementId === placementOfA ? 'a' : i.placementId}${i.n}`,
    );
  };
  const reassign = (from: string, body: Record<string, unknown>, key?: string) => {
    const req = supervisor.post(`/counselors/${from}/reassignment`);
    return (key ? req.set('Idempotency-Key', key) : req).send({ centerId: 'center-naju', ...body });
  };

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'reassignment', kafka: false });
    supervisor = await api(saeil, supervisorOf('center-naju'));
    [kim, lee, park] = await Promise.all(
      ['kim', 'lee', 'park'].map((name) => counselorAccount(saeil, 'center-naju', name)),
    );
    her.a = await registerClient(saeil, 1, { consents, counselorId: kim, givenOn: '2026-01-05' });
    her.b = await registerClient(saeil, 2, { consents, counselorId: kim });
    her.closed = await registerClient(saeil, 3, { consents, counselorId: kim });
    her.d = await registerClient(saeil, 4, { consents, counselorId: kim });
    her.lees = await registerClient(saeil, 5, { consents, counselorId: lee });
    her.jinju = await registerClient(saeil, 6, { consents, centerId: 'center-jinju' });
    await supervisor
      .post(`/clients/${her.closed}/closure`)
      .send({ reason: '취업 의사 철회', closedOn: '2026-02-01' })
      .expect(200);
    const placed = await supervisor
      .post(`/clients/${her.a}/placements`)
      .send({
        employerName: '(주)나주식품',
        jobTitle: '사무원',
        occupation: '0231',
        employmentType: 'regular',
        weeklyHours: 40,
        monthlyWage: 2_300_000,
        startOn: '2026-02-02',
        channel: 'center',
        employmentInsurance: true,
      })
      .expect(201);
    placementOfA = placed.body.placementId;
    await waitFor(async () => (await queueOf(kim)).length === 3, {
      timeoutMs: 30_000,
      description: 'her follow-ups scheduled in kim’s queue',
    });
  }, 120_000);
  afterAll(async () => saeil?.dispose());

  let first: Record<string, any>;

  it('moves all her open cases, balanced by caseload, each by its own CounselorAssigned, and reports them', async () => {
    const before = await countEvents(saeil, 'CounselorAssigned');
    const res = await reassign(
      kim,
      { toCounselorIds: [lee, park], reason: '담당 상담사 퇴직' },
      'leave-kim-2026-02',
    ).expect(200);
    first = res.body;
    // lee carries one case and park none: a → park (0 < 1), b → lee (1 = 1, lee named first), d → park (2 > 1).
    expect(first).toEqual({
      fromCounselorId: kim,
      centerId: 'center-naju',
      moved: [
        { clientId: her.a, toCounselorId: park, position: expect.any(Number) },
        { clientId: her.b, toCounselorId: lee, position: expect.any(Number) },
        { clientId: her.d, toCounselorId: park, position: expect.any(Number) },
      ],
      notMoved: [],
      position: Math.max(...first.moved.map((m: { position: number }) => m.position)),
      duplicate: false,
    });
    expect(await countEvents(saeil, 'CounselorAssigned')).toBe(before + 3);
    expect(await assignmentsOf(her.b)).toEqual([
      {
        clientId: her.b,
        fromCenterId: 'center-naju',
        fromCounselorId: kim,
        centerId: 'center-naju',
        counselorId: lee,
        reason: '담당 상담사 퇴직',
      },
    ]);
    // her closed case stays hers, and is not in the report: only open cases move
    expect(await assignmentsOf(her.closed)).toEqual([]);
    const caseload = await supervisor
      .get('/caseload')
      .query({ counselorId: kim, minPosition: first.position })
      .expect(200);
    expect(caseload.body.items.map((i: { clientId: string }) => i.clientId)).toEqual([her.closed]);
  });

  it('moves her follow-up queue with her cases', async () => {
    expect(await queueOf(park, first.position)).toEqual(['a1', 'a2', 'a3']);
    expect(await queueOf(kim)).toEqual([]);
  });

  it('answers a retry with the same Idempotency-Key with the same report, moving nothing; the key with another request is refused', async () => {
    const before = await countEvents(saeil);
    const again = await reassign(
      kim,
      { toCounselorIds: [lee, park], reason: '담당 상담사 퇴직' },
      'leave-kim-2026-02',
    ).expect(200);
    expect(again.body).toEqual({ ...first, duplicate: true });
    const other = await reassign(
      kim,
      { toCounselorIds: [lee], reason: '담당 상담사 퇴직' },
      'leave-kim-2026-02',
    ).expect(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await countEvents(saeil)).toBe(before);
  });

  it('moves the selected cases that are hers, and reports each other one with its reason', async () => {
    const before = await countEvents(saeil, 'CounselorAssigned');
    const stranger = randomUUID();
    const res = await reassign(park, {
      toCounselorIds: [lee],
      clientIds: [her.a, her.closed, her.lees, her.jinju, stranger],
    }).expect(200);
    expect(res.body).toMatchObject({
      fromCounselorId: park,
      moved: [{ clientId: her.a, toCounselorId: lee }],
      notMoved: [
        { clientId: her.closed, reason: 'CASE_CLOSED', message: expect.any(String) },
        { clientId: her.lees, reason: 'NOT_HERS', message: expect.any(String) },
        // another center's woman answers as one who does not exist
        { clientId: her.jinju, reason: 'NOT_FOUND', message: expect.any(String) },
        { clientId: stranger, reason: 'NOT_FOUND', message: expect.any(String) },
      ],
      duplicate: false,
    });
    expect(await countEvents(saeil, 'CounselorAssigned')).toBe(before + 1);
    expect(await assignmentsOf(her.a)).toHaveLength(2);
    expect(await queueOf(lee, res.body.position)).toEqual(['a1', 'a2', 'a3']);
  });

  it('is refused (nothing moved) to a counselor who is no account of the center, to herself, to another center, and to a counselor', async () => {
    const before = await countEvents(saeil);
    const nobody = await reassign(lee, { toCounselorIds: [park, 'nobody-at-all'] }).expect(422);
    expect(nobody.body.error).toMatchObject({
      code: 'REFERENCE_NOT_FOUND',
      details: { field: 'toCounselorIds', kind: 'counselor' },
    });
    const jinjuCounselor = await counselorAccount(saeil, 'center-jinju');
    expect((await reassign(lee, { toCounselorIds: [jinjuCounselor] }).expect(422)).body.error.details).toEqual({
      field: 'toCounselorIds',
      kind: 'counselor',
    });
    expect((await reassign(lee, { toCounselorIds: [lee] }).expect(422)).body.error.code).toBe(
      'REASSIGNMENT_TO_SAME_COUNSELOR',
    );
    expect(
      (await reassign(lee, { toCounselorIds: [park], centerId: 'center-jinju' }).expect(403)).body.error.code,
    ).toBe('OUT_OF_SCOPE');
    const bad = await reassign(lee, { toCounselorIds: [], clientIds: ['not-a-uuid'] }).expect(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['toCounselorIds', 'clientIds']),
    );
    const counselor = await api(saeil, counselorOf('center-naju', 'lee'));
    await counselor
      .post(`/counselors/${lee}/reassignment`)
      .send({ centerId: 'center-naju', toCounselorIds: [park] })
      .expect(403);
    expect(await countEvents(saeil)).toBe(before);
  });
});
