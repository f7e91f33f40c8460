import { clientStreamId } from '@saeil/contracts';
import { newClient, startTestSaeil, TestSaeil } from '../support/app';
import { accountIdOf, ADMINISTRATOR, Api, api, counselorAccount, counselorOf } from '../support/auth';

/** The caseload and the timeline as a counselor uses them: filters, search, sorting, paging. */
describe('caseload and timeline', () => {
  let saeil: TestSaeil;
  /** She works her cases logged in as a counselor of center-naju: her account is the recorded actor. */
  let http: Api;
  let accountId: string;
  /** The counselor her registration names: an account of center-naju of this file's own. */
  let counselorId: string;
  const ids: string[] = [];
  let last = 0;

  const post = async (path: string, body: object) => {
    const response = await http.post(path).send(body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    last = Math.max(last, response.body.position);
    return response.body;
  };

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'case_views', kafka: false });
    http = await api(saeil, counselorOf('center-naju'));
    accountId = await accountIdOf(saeil, counselorOf('center-naju'));
    counselorId = await counselorAccount(saeil, 'center-naju', 'views');
    const names = ['김서연', '이하은', '박서윤'];
    for (const [i, name] of names.entries()) {
      const { clientId } = await post('/clients', {
        ...newClient(300 + i, counselorId),
        name,
        registeredOn: `2026-03-0${i + 1}`,
      });
      ids.push(clientId);
      await post(`/clients/${clientId}/consents`, {
        purpose: 'service',
        version: '2026-01',
        givenOn: `2026-03-0${i + 1}`,
      });
    }
    // 김서연: counselled, with a plan due soon; 이하은: counselled later, plan due later; 박서윤: case closed.
    await post(`/clients/${ids[0]}/counseling-sessions`, {
      channel: 'in_center',
      topic: '초기상담',
      durationMinutes: 50,
      occurredOn: '2026-03-10',
    });
    await post(`/clients/${ids[0]}/employment-plan`, {
      goals: ['사무직 취업'],
      desiredOccupation: '사무원',
      plannedServices: ['counseling'],
      nextAction: { description: '이력서 제출', dueOn: '2026-03-20' },
      setOn: '2026-03-10',
    });
    await post(`/clients/${ids[1]}/counseling-sessions`, {
      channel: 'phone',
      topic: '근황 확인',
      durationMinutes: 15,
      occurredOn: '2026-03-12',
    });
    await post(`/clients/${ids[1]}/employment-plan`, {
      goals: ['요양보호사'],
      desiredOccupation: '요양보호사',
      plannedServices: ['training'],
      nextAction: { description: '훈련 등록', dueOn: '2026-04-15' },
      setOn: '2026-03-12',
    });
    await post(`/clients/${ids[2]}/closure`, { reason: '연락 두절', closedOn: '2026-03-15' });
  }, 60_000);
  afterAll(async () => saeil?.dispose());

  const caseload = async (query: Record<string, string | number>) =>
    (
      await http
        .get('/caseload')
        .query({ counselorId, minPosition: last, ...query })
        .expect(200)
    ).body;

  it('shows each case with its status, last contact and next action', async () => {
    // Newest registration first (names are sealed: there is no sort by name).
    const page = await caseload({ sort: 'registered' });
    expect(page.consistency.reached).toBe(true);
    expect(
      page.items.map((i: Record<string, unknown>) => [
        i.name,
        i.status,
        i.lastContactOn,
        (i.nextAction as { dueOn?: string } | null)?.dueOn ?? null,
      ]),
    ).toEqual([
      ['박서윤', 'closed', null, null],
      ['이하은', 'counseling', '2026-03-12', '2026-04-15'],
      ['김서연', 'counseling', '2026-03-10', '2026-03-20'],
    ]);
  });

  it('filters by status, by her whole name (an exact match: names are sealed) and by next action due, and pages', async () => {
    expect((await caseload({ status: 'closed' })).items.map((i: { name: string }) => i.name)).toEqual(['박서윤']);
    expect((await caseload({ q: '이하은' })).items.map((i: { name: string }) => i.name)).toEqual(['이하은']);
    expect((await caseload({ q: '하은' })).total).toBe(0);
    expect((await caseload({ q: '%' })).total).toBe(0);
    expect((await caseload({ nextActionDueBefore: '2026-03-31' })).items.map((i: { name: string }) => i.name)).toEqual([
      '김서연',
    ]);
    expect((await caseload({ sort: 'nextActionDue' })).items.map((i: { name: string }) => i.name)).toEqual([
      '김서연',
      '이하은',
      '박서윤',
    ]);
    const second = await caseload({ sort: 'registered', page: 2, pageSize: 2 });
    expect({ total: second.total, names: second.items.map((i: { name: string }) => i.name) }).toEqual({
      total: 3,
      names: ['김서연'],
    });
    await http.get('/caseload').query({ counselorId, sort: 'name' }).expect(400);
    const bad = await http.get('/caseload').query({ counselorId, status: 'hired' }).expect(400);
    expect(bad.body.error.fields[0]).toMatchObject({ field: 'status' });
  });

  it('a next action ends once she is employed or her case is closed: the work queue (nextActionDueBefore) no longer lists her', async () => {
    const planned = async (i: number, name: string) => {
      const { clientId } = await post('/clients', {
        ...newClient(310 + i, counselorId),
        name,
        registeredOn: '2026-03-02',
      });
      for (const purpose of ['service', 'employer_sharing'])
        await post(`/clients/${clientId}/consents`, { purpose, version: '2026-01', givenOn: '2026-03-02' });
      await post(`/clients/${clientId}/employment-plan`, {
        goals: ['취업'],
        desiredOccupation: '사무원',
        plannedServices: ['job_matching'],
        nextAction: { description: '면접 준비', dueOn: '2026-03-25' },
        setOn: '2026-03-03',
      });
      return clientId;
    };
    const employed = await planned(0, '최지우');
    const closed = await planned(1, '정민지');
    const due = async () =>
      (await caseload({ nextActionDueBefore: '2026-03-31' })).items.map((i: { name: string }) => i.name).sort();
    expect(await due()).toEqual(['김서연', '정민지', '최지우']);
    await post(`/clients/${employed}/placements`, {
      employerName: '(주)나주식품',
      jobTitle: '사무원',
      occupation: '0231',
      employmentType: 'regular',
      weeklyHours: 40,
      monthlyWage: 2_300_000,
      startOn: '2026-03-16',
      channel: 'center',
      employmentInsurance: true,
    });
    await post(`/clients/${closed}/closure`, { reason: '타 지역 이주', closedOn: '2026-03-17' });
    expect(await due()).toEqual(['김서연']);
    const rows = (await caseload({ sort: 'registered' })).items.filter((i: { clientId: string }) =>
      [employed, closed].includes(i.clientId),
    );
    expect(rows.map((i: { status: string; nextAction: unknown }) => [i.status, i.nextAction]).sort()).toEqual([
      ['closed', null],
      ['employed', null],
    ]);
    // Reopening does not bring the old step back; a revision sets the next one.
    await post(`/clients/${closed}/reopening`, { reason: '다시 구직', reopenedOn: '2026-03-20' });
    expect(await due()).toEqual(['김서연']);
    const revised = await http
      .patch(`/clients/${closed}/employment-plan`)
      .send({
        nextAction: { description: '이력서 수정', dueOn: '2026-03-28' },
        reason: '재개',
        revisedOn: '2026-03-20',
      })
      .expect(200);
    last = Math.max(last, revised.body.position);
    expect(await due()).toEqual(['김서연', '정민지']);
  });

  it('answers one case by clientId alone (the web app’s case header), within her reach only', async () => {
    const one = (await http.get('/caseload').query({ clientId: ids[1], minPosition: last }).expect(200)).body;
    expect(
      one.items.map((i: { clientId: string; name: string; status: string }) => [i.clientId, i.name, i.status]),
    ).toEqual([[ids[1], '이하은', 'counseling']]);
    // Another center's counselor finds no row for her (her reach filters it), not an error that tells she exists.
    const elsewhere = await api(saeil, counselorOf('center-mokpo'));
    expect((await elsewhere.get('/caseload').query({ clientId: ids[1] }).expect(200)).body.total).toBe(0);
    expect(
      (await http.get('/caseload').query({ clientId: 'not-a-uuid' }).expect(400)).body.error.fields[0],
    ).toMatchObject({ field: 'clientId' });
    expect((await http.get('/caseload').expect(400)).body.error.fields[0]).toMatchObject({ field: 'counselorId' });
  });

  it('tells a case’s history in plain Korean, newest first, paged; an unknown or malformed id is 404 / 400', async () => {
    const timeline = (await http.get(`/cases/${ids[0]}/timeline`).query({ minPosition: last }).expect(200)).body;
    expect(timeline.items.map((i: { summary: string }) => i.summary)).toEqual([
      '취업지원계획 수립 — 다음 단계: 이력서 제출 (2026-03-20까지)',
      '개별상담 (내방, 50분): 초기상담',
      '개인정보 수집·이용 동의 (서식 2026-01)',
      '구직등록 (전라남도)',
    ]);
    expect(timeline.items[0]).toMatchObject({
      actorId: accountId,
      centerId: 'center-naju',
      occurredAt: '2026-03-10T00:00:00.000Z',
    });
    const page2 = (await http.get(`/cases/${ids[0]}/timeline`).query({ page: 2, pageSize: 3 }).expect(200)).body;
    expect({ total: page2.total, types: page2.items.map((i: { type: string }) => i.type) }).toEqual({
      total: 4,
      types: ['ClientRegistered'],
    });
    await http.get('/cases/6f1c2b1e-0000-4000-8000-000000000000/timeline').expect(404);
    const malformed = await http.get('/cases/not-a-uuid/timeline').expect(400);
    expect(malformed.body.error.fields[0]).toMatchObject({ field: 'clientId' });
  });

  it('within a day, the timeline follows the order things were recorded: what was recorded at 15:00 stays below the session recorded after it that day', async () => {
    const { clientId } = await post('/clients', {
      ...newClient(330, counselorId),
      name: '한소희',
      registeredOn: '2026-03-04',
    });
    await post(`/clients/${clientId}/consents`, { purpose: 'service', version: '2026-01', givenOn: '2026-03-04' });
    // A command with no date of its own happens at the moment it is recorded (a transfer, or a
    // registration without registeredOn): 15:00 in Korea, later in the day than the midnight-UTC
    // notation of the day-dated session recorded after it.
    const transferred = await saeil.runtime.store.append(
      clientStreamId(clientId),
      [
        {
          type: 'CounselorAssigned',
          data: {
            clientId,
            fromCenterId: 'center-naju',
            fromCounselorId: counselorId,
            centerId: 'center-naju',
            counselorId,
          },
        },
      ],
      {
        context: 'intake',
        expectedVersion: 'any',
        metadata: {
          actorId: accountId,
          centerId: 'center-naju',
          correlationId: 'timeline-order',
          occurredAt: '2026-03-05T06:00:00.000Z',
        },
      },
    );
    last = Math.max(last, transferred.globalPosition);
    await post(`/clients/${clientId}/counseling-sessions`, {
      channel: 'in_center',
      topic: '초기상담',
      durationMinutes: 30,
      occurredOn: '2026-03-05',
    });
    const timeline = (await http.get(`/cases/${clientId}/timeline`).query({ minPosition: last }).expect(200)).body;
    // Same day (03-05): the session recorded last is on top; same day (03-04): the registration came before her consent.
    expect(timeline.items.map((i: { type: string }) => i.type)).toEqual([
      'CounselingSessionRecorded',
      'CounselorAssigned',
      'ConsentGiven',
      'ClientRegistered',
    ]);
  });

  it('names who recorded each entry and who carries the case by their display names, not ids, and shows a rename at once', async () => {
    const admin = await api(saeil, ADMINISTRATOR);
    await admin.patch(`/accounts/${counselorId}`).send({ displayName: '조은비' }).expect(200);
    await admin.patch(`/accounts/${accountId}`).send({ displayName: '김하늘' }).expect(200);
    const moved = await post(`/clients/${ids[1]}/assignment`, {
      centerId: 'center-naju',
      counselorId: accountId,
      reason: '담당자 휴직',
    });
    const timeline = (await http.get(`/cases/${ids[1]}/timeline`).query({ minPosition: moved.position }).expect(200))
      .body;
    expect(timeline.items[0]).toMatchObject({
      type: 'CounselorAssigned',
      actorId: accountId,
      actorName: '김하늘',
      summary: '담당자 변경: 조은비 → 김하늘',
    });
    expect(new Set(timeline.items.map((i: { actorName: string }) => i.actorName))).toEqual(new Set(['김하늘']));
    const [row] = (await http.get('/caseload').query({ clientId: ids[0], minPosition: moved.position }).expect(200))
      .body.items;
    expect(row).toMatchObject({ counselorId, counselorName: '조은비' });

    // Renamed: every read shows the new name, nothing rewritten.
    await admin.patch(`/accounts/${counselorId}`).send({ displayName: '조은비 (개명: 조은서)' }).expect(200);
    const again = (await http.get(`/cases/${ids[1]}/timeline`).expect(200)).body;
    expect(again.items[0].summary).toBe('담당자 변경: 조은비 (개명: 조은서) → 김하늘');
    expect((await http.get('/caseload').query({ clientId: ids[0] }).expect(200)).body.items[0].counselorName).toBe(
      '조은비 (개명: 조은서)',
    );
    expect(
      (await admin.patch(`/accounts/${counselorId}`).send({ displayName: '   ' }).expect(400)).body.error.fields[0],
    ).toMatchObject({ field: 'displayName' });
  });
});
