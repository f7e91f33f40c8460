import { startTestSaeil, TestSaeil } from '../support/app';
import { Api, api, counselorAccount, counselorOf, regionalSupervisorOf } from '../support/auth';

/** The center-activities list the web app's 센터 활동 screens show: every kind, its later changes, its center only. */
describe('center activities', () => {
  let saeil: TestSaeil;
  let http: Api;
  let last = 0;
  const centerId = 'center-naju';

  const post = async (path: string, body: object) => {
    const response = await http.post(path).send(body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    last = Math.max(last, response.body.position);
    return response.body;
  };
  const list = async (query: Record<string, string | number> = {}) =>
    (
      await http
        .get('/center-activities')
        .query({ centerId, minPosition: last, ...query })
        .expect(200)
    ).body;

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'center_activities', kafka: false });
    http = await api(saeil, counselorOf(centerId));
    await post('/courses', {
      centerId,
      title: '사무행정 실무',
      provider: '나주직업전문학교',
      field: '사무행정',
      startsOn: '2026-04-01',
      endsOn: '2026-06-30',
      hours: 240,
      capacity: 20,
    });
    const { programId } = await post('/group-programs', {
      centerId,
      name: '취업 솔루션',
      year: 2026,
      plannedSessions: 18,
      plannedParticipants: 200,
    });
    await post(`/group-programs/${programId}/sessions`, {
      sessionNo: 1,
      heldOn: '2026-03-05',
      attendeeClientIds: [],
      walkInCount: 7,
    });
    await post(`/group-programs/${programId}/sessions`, {
      sessionNo: 2,
      heldOn: '2026-03-12',
      attendeeClientIds: [],
      walkInCount: 5,
    });
    await post('/outreach-events', {
      centerId,
      place: '빛가람동 아파트 단지',
      heldOn: '2026-03-20',
      counselorIds: [await counselorAccount(saeil, centerId)],
      walkInContacts: 12,
    });
    const { employerId } = await post('/employers', {
      centerId,
      businessRegistrationNumber: '220-81-62517',
      name: '(주)빛가람식품',
      industry: '식료품 제조업',
      size: 'small',
    });
    await post(`/employers/${employerId}/services`, {
      centerId,
      service: 'gender_equality_training',
      providedOn: '2026-03-25',
      participants: 15,
    });
    const { agreementId } = await post('/agreements', {
      centerId,
      kind: 'institution_mou',
      partyName: '나주시가족센터',
      signedOn: '2026-02-02',
      termStart: '2026-02-02',
      termEnd: '2026-12-31',
    });
    await post(`/agreements/${agreementId}/end`, { endedOn: '2026-03-31', reason: '사업 종료' });
    await post('/job-fairs', {
      centerId,
      name: '나주 여성 채용박람회',
      heldOn: '2026-04-10',
      companies: 12,
      applicants: 150,
      hires: 23,
    });
    await post('/council-meetings', {
      centerId,
      heldOn: '2026-03-15',
      title: '여성일자리 실무협의체',
      attendees: ['나주시청', '고용센터'],
    });
  }, 60_000);
  afterAll(async () => saeil?.dispose());

  it('lists every kind, newest first, with what its screen shows, and counts later changes to a record', async () => {
    const all = await list();
    expect(all.consistency.reached).toBe(true);
    expect(
      all.items.map((i: { kind: string; title: string; date: string | null }) => [i.kind, i.title, i.date]),
    ).toEqual([
      ['job_fair', '나주 여성 채용박람회', '2026-04-10'],
      ['course', '사무행정 실무', '2026-04-01'],
      ['outreach', '빛가람동 아파트 단지', '2026-03-20'],
      ['council_meeting', '여성일자리 실무협의체', '2026-03-15'],
      ['agreement', '나주시가족센터', '2026-02-02'],
      ['group_program', '취업 솔루션', '2026-01-01'],
      ['employer', '(주)빛가람식품', null],
    ]);
    const byKind = Object.fromEntries(all.items.map((i: { kind: string; details: object }) => [i.kind, i.details]));
    expect(byKind.group_program).toMatchObject({
      plannedSessions: 18,
      sessionsHeld: 2,
      attendances: 12,
      lastHeldOn: '2026-03-12',
    });
    expect(byKind.employer).toMatchObject({
      businessRegistrationNumber: '220-81-62517',
      servicesProvided: 1,
      lastServiceOn: '2026-03-25',
    });
    expect(byKind.agreement).toMatchObject({
      agreementKind: 'institution_mou',
      endedOn: '2026-03-31',
      endReason: '사업 종료',
    });
    expect(byKind.job_fair).toMatchObject({ companies: 12, applicants: 150, hires: 23 });
    // The counselors who went out, by name (an account's display name; the test's accounts are named after their username).
    const counselorId = await counselorAccount(saeil, centerId);
    const me = await http.get('/auth/me').expect(200);
    expect(byKind.outreach).toMatchObject({
      counselorIds: [counselorId],
      counselorNames: { [counselorId]: me.body.displayName },
    });
  });

  it('filters by kind and pages; a bad kind is a 400 naming it', async () => {
    expect((await list({ kind: 'course' })).items.map((i: { title: string }) => i.title)).toEqual(['사무행정 실무']);
    const second = await list({ page: 2, pageSize: 3 });
    expect({ total: second.total, count: second.items.length }).toEqual({ total: 7, count: 3 });
    const bad = await http.get('/center-activities').query({ centerId, kind: 'party' }).expect(400);
    expect(bad.body.error.fields[0]).toMatchObject({ field: 'kind' });
  });

  it('is the center’s own: another region’s supervisor gets the 404 an unknown center gets', async () => {
    const elsewhere = await api(saeil, regionalSupervisorOf('경상남도'));
    const refused = await elsewhere.get('/center-activities').query({ centerId }).expect(404);
    expect(refused.body).toEqual({ error: expect.objectContaining({ code: 'NOT_FOUND' }) });
    const ownRegion = await api(saeil, regionalSupervisorOf('전라남도'));
    expect(
      (await ownRegion.get('/center-activities').query({ centerId, minPosition: last }).expect(200)).body.total,
    ).toBe(7);
  });
});
