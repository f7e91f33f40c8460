import { NotFound, SaeilError, ValidationFailed } from '@saeil/core';
import type { Account, AccountRepository } from '../accounts/account.repository';
import type { Principal } from '../principal/principal';
import { AccessResolver } from './access-resolver';
import type { CenterRegions } from './access-scope';
import { RecordCenters, RecordKind } from './record-scope';

/**
 * The scope check fails closed (issue 13, finding 1): an id in any other form than its canonical
 * one is refused (400) before a record is looked up, and a record it cannot resolve to a center is
 * refused exactly as another center's record is (404) — never passed on to the handler.
 * The record directory here is a table in memory: what is tested is the resolver's decision, the
 * lookups themselves are the event store's (covered by the authorization matrix e2e spec).
 */
const NAJU_PROGRAM = '0b8a5c2e-4f1d-4c3a-9e7b-2d6f8a1c3e5b';
const JINJU_PROGRAM = '7c1e9a3b-5d2f-4b8e-a6c4-1f3d5b7e9a2c';
const ORPHAN_PROGRAM = '3e5b7d9f-1a2c-4e6a-8b0d-2f4a6c8e0b1d'; // exists, but no event names its center
const MISSING = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const NAJU_CLIENT = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const JINJU_CLIENT = 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e';

class DirectoryInMemory {
  readonly lookups: string[] = [];
  private readonly centers = new Map<string, string | undefined>([
    [`retentionProgram/${NAJU_PROGRAM}`, 'center-naju'],
    [`retentionProgram/${JINJU_PROGRAM}`, 'center-jinju'],
    [`retentionProgram/${ORPHAN_PROGRAM}`, undefined],
    [`client/${NAJU_CLIENT}`, 'center-naju'],
    [`client/${JINJU_CLIENT}`, 'center-jinju'],
    // the same ids as other kinds of record: a lookup is by kind, so a program's id names no course
    [`agreement/${NAJU_CLIENT}`, 'center-naju'],
    [`agreement/${JINJU_CLIENT}`, 'center-jinju'],
    [`course/${NAJU_CLIENT}`, 'center-naju'],
    [`course/${JINJU_CLIENT}`, 'center-jinju'],
    [`employer/${NAJU_CLIENT}`, 'center-naju'],
    [`employer/${JINJU_CLIENT}`, 'center-jinju'],
  ]);

  async centerOf(kind: RecordKind, id: string): Promise<string | undefined> {
    this.lookups.push(id);
    return this.centers.get(`${kind}/${id}`);
  }

  async isEnrolled(): Promise<boolean> {
    return false;
  }
}

const regions: CenterRegions = {
  regionOf: (centerId) => ({ 'center-naju': '전라남도', 'center-jinju': '경상남도' })[centerId] ?? '미지정',
  centersIn: (region) => ({ 전라남도: ['center-naju'], 경상남도: ['center-jinju'] })[region] ?? [],
  isListed: (centerId) => centerId === 'center-naju' || centerId === 'center-jinju',
};
const counselor: Principal = {
  accountId: 'c0ffee00-0000-4000-8000-000000000001',
  username: 'naju.counselor',
  displayName: '상담사',
  role: 'counselor',
  centerId: 'center-naju',
  provider: 'local',
};
const regional: Principal = { ...counselor, role: 'regional_supervisor', centerId: undefined, region: '경상남도' };

async function outcome(promise: Promise<void>): Promise<string> {
  try {
    await promise;
    return 'admitted';
  } catch (error) {
    if (error instanceof ValidationFailed) return `400 ${error.fields.map((f) => `${f.field}:${f.code}`).join(',')}`;
    if (error instanceof NotFound) return `404 ${error.message}`;
    if (error instanceof SaeilError) return `${error.kind} ${error.code}`;
    throw error;
  }
}

/** Other spellings of a canonical UUID: each must be refused, never looked up. */
const otherForms = (id: string): string[] => [
  id.toUpperCase(),
  id.slice(0, 8).toUpperCase() + id.slice(8),
  `{${id}}`,
  ` ${id}`,
  `${id} `,
  `\t${id}\n`,
  `${id}x`,
  `${id};drop`,
  `${id}\u0000`,
  id.replace(/-/g, ''),
  `urn:uuid:${id}`,
  id.replace(/-/g, '%2D'),
  `\u200b${id}`,
];

describe('AccessResolver.requireRecords: the scope check fails closed', () => {
  let directory: DirectoryInMemory;
  let resolver: AccessResolver;
  beforeEach(() => {
    directory = new DirectoryInMemory();
    resolver = new AccessResolver(directory as unknown as RecordCenters, regions);
  });
  const check = (principal: Principal, kind: RecordKind, value: unknown, field = 'programId') =>
    outcome(resolver.requireRecords(resolver.accessOf(principal), kind, value, undefined, field));

  it('admits a record of her own center named in the canonical form', async () => {
    expect(await check(counselor, 'retentionProgram', NAJU_PROGRAM)).toBe('admitted');
    expect(await check(regional, 'retentionProgram', JINJU_PROGRAM)).toBe('admitted');
  });

  it("refuses another center's record, a missing record and a record with no center alike (404 with the same words)", async () => {
    const answers = await Promise.all(
      [JINJU_PROGRAM, MISSING, ORPHAN_PROGRAM].map(async (id) =>
        (await check(counselor, 'retentionProgram', id)).replace(id, '<id>'),
      ),
    );
    expect(answers).toEqual(Array(3).fill('404 사후관리 프로그램 <id>을(를) 찾을 수 없습니다.'));
  });

  it.each(otherForms(JINJU_PROGRAM).map((form) => [JSON.stringify(form), form]))(
    "refuses %s (another center's record in another form) with a 400 on the field, before any lookup",
    async (_, form) => {
      expect(await check(counselor, 'retentionProgram', form)).toBe('400 programId:isUuid');
      expect(await check(regional, 'retentionProgram', form.replace(JINJU_PROGRAM, NAJU_PROGRAM))).toBe(
        '400 programId:isUuid',
      );
      expect(directory.lookups).toEqual([]);
    },
  );

  it('refuses her own record in another form the same way: no spelling but one names a record', async () => {
    for (const form of otherForms(NAJU_PROGRAM))
      expect(await check(counselor, 'retentionProgram', form)).toBe('400 programId:isUuid');
    expect(directory.lookups).toEqual([]);
  });

  it('refuses values that are not ids at all (numbers, objects) instead of passing them on', async () => {
    for (const value of [42, { id: NAJU_PROGRAM }, true, ''])
      expect(await check(counselor, 'retentionProgram', value)).toBe('400 programId:isUuid');
  });

  it('leaves an absent value to validation (an optional field not given names nothing)', async () => {
    expect(await check(counselor, 'retentionProgram', undefined)).toBe('admitted');
    expect(await check(counselor, 'retentionProgram', null)).toBe('admitted');
  });

  it('a list is checked id by id: one malformed id refuses it (400), one unknown or foreign id refuses it (404)', async () => {
    expect(await check(counselor, 'client', [NAJU_CLIENT], 'attendeeClientIds')).toBe('admitted');
    expect(await check(counselor, 'client', [NAJU_CLIENT, JINJU_CLIENT.toUpperCase()], 'attendeeClientIds')).toBe(
      '400 attendeeClientIds:isUuid',
    );
    expect(await check(counselor, 'client', [NAJU_CLIENT, JINJU_CLIENT], 'attendeeClientIds')).toMatch(/^404 구직자 /);
    expect(await check(counselor, 'client', [NAJU_CLIENT, MISSING], 'attendeeClientIds')).toMatch(/^404 구직자 /);
    expect(await check(counselor, 'client', Array(1001).fill(NAJU_CLIENT), 'attendeeClientIds')).toBe(
      '400 attendeeClientIds:arrayMaxSize',
    );
  });
});

describe('AccessResolver.requireReference: what a command points to exists and is usable by her center', () => {
  const resolver = new AccessResolver(new DirectoryInMemory() as unknown as RecordCenters, regions);
  const reference = (principal: Principal, kind: string, value: unknown, field = `${kind}Id`) =>
    outcome(resolver.accessOf(principal).requireReference({ kind, field }, value));
  const refused = 'rule REFERENCE_NOT_FOUND';

  it.each(['agreement', 'course', 'retentionProgram'])(
    '%s: her center’s is admitted; another center’s, a random UUID, a record of another kind or another spelling are REFERENCE_NOT_FOUND alike',
    async (kind) => {
      const own = kind === 'retentionProgram' ? NAJU_PROGRAM : NAJU_CLIENT;
      const foreign = kind === 'retentionProgram' ? JINJU_PROGRAM : JINJU_CLIENT;
      expect(await reference(counselor, kind, own)).toBe('admitted');
      expect(await reference(regional, kind, foreign)).toBe('admitted');
      for (const value of [
        foreign,
        MISSING,
        kind === 'retentionProgram' ? NAJU_CLIENT : NAJU_PROGRAM,
        own.toUpperCase(),
        ` ${own}`,
        42,
      ])
        expect(await reference(counselor, kind, value)).toBe(refused);
    },
  );

  it('employer: one per business registration number for the whole country, so any center’s registered employer is usable; an unregistered id is not', async () => {
    expect(await reference(counselor, 'employer', NAJU_CLIENT)).toBe('admitted');
    expect(await reference(counselor, 'employer', JINJU_CLIENT)).toBe('admitted');
    for (const value of [MISSING, NAJU_PROGRAM, NAJU_CLIENT.toUpperCase(), 'employer-3f2a'])
      expect(await reference(counselor, 'employer', value)).toBe(refused);
  });

  it('names the field and the kind in the refusal, and refuses a kind nobody checks (fails closed)', async () => {
    await expect(
      resolver.accessOf(counselor).requireReference({ kind: 'course', field: 'courseId' }, MISSING),
    ).rejects.toMatchObject({ code: 'REFERENCE_NOT_FOUND', details: { field: 'courseId', kind: 'course' } });
    expect(await reference(counselor, 'kpiPlan', NAJU_CLIENT)).toBe(refused);
  });
});

describe('AccessResolver: a counselor reference names an enabled account of her center that may carry a case', () => {
  const KIM = 'abcdef11-1111-4111-8111-111111111111';
  const TEAM_LEAD = '22222222-2222-4222-8222-222222222222';
  const JINJU = '33333333-3333-4333-8333-333333333333';
  const ANALYST = '44444444-4444-4444-8444-444444444444';
  const LEFT = '55555555-5555-4555-8555-555555555555';
  const accounts = new Map<string, Partial<Account>>([
    [KIM, { accountId: KIM, role: 'counselor', centerId: 'center-naju' }],
    [TEAM_LEAD, { accountId: TEAM_LEAD, role: 'supervisor', centerId: 'center-naju' }],
    [JINJU, { accountId: JINJU, role: 'counselor', centerId: 'center-jinju' }],
    [ANALYST, { accountId: ANALYST, role: 'ministry_analyst' }],
    [LEFT, { accountId: LEFT, role: 'counselor', centerId: 'center-naju', disabledAt: new Date('2026-11-01') }],
  ]);
  // The accounts table in memory, looked up case-insensitively as PostgreSQL's uuid does.
  const repository = {
    findById: async (id: string) => accounts.get(id.toLowerCase()) as Account | undefined,
  } as unknown as AccountRepository;
  const resolver = new AccessResolver(new DirectoryInMemory() as unknown as RecordCenters, regions, repository);
  const access = resolver.accessOf(counselor);
  const inBody = { kind: 'counselor', field: 'counselorId', within: { centerField: 'centerId' } };
  const ofHerCase = { kind: 'counselor', field: 'counselorId', within: { clientField: 'clientId' } };

  it('takes a counselor or a supervisor of the center the body names, or of her case’s center', async () => {
    expect(await outcome(access.requireReference(inBody, KIM, { centerId: 'center-naju' }))).toBe('admitted');
    expect(await outcome(access.requireReference(inBody, TEAM_LEAD, { centerId: 'center-naju' }))).toBe('admitted');
    expect(await outcome(access.requireReference(ofHerCase, KIM, { clientId: NAJU_CLIENT }))).toBe('admitted');
    expect(
      await outcome(
        access.requireReference({ ...inBody, field: 'counselorIds' }, [KIM, TEAM_LEAD], { centerId: 'center-naju' }),
      ),
    ).toBe('admitted');
    // a transfer: a counselor of the center taking the case, not of the caller's
    expect(await outcome(access.requireReference(inBody, JINJU, { centerId: 'center-jinju' }))).toBe('admitted');
  });

  it('refuses a made-up id, another center’s counselor, the analyst, a disabled account, another spelling of an id, and one bad id in a list, alike', async () => {
    const refused = 'rule REFERENCE_NOT_FOUND';
    for (const value of ['nobody-at-all', MISSING, JINJU, ANALYST, LEFT, KIM.toUpperCase(), ` ${KIM}`, 42, null]) {
      expect({
        value,
        outcome: await outcome(access.requireReference(inBody, value, { centerId: 'center-naju' })),
      }).toEqual({ value, outcome: refused });
    }
    expect(await outcome(access.requireReference(ofHerCase, KIM, { clientId: JINJU_CLIENT }))).toBe(refused);
    expect(await outcome(access.requireReference(ofHerCase, KIM, { clientId: MISSING }))).toBe(refused);
    expect(
      await outcome(
        access.requireReference({ ...inBody, field: 'counselorIds' }, [KIM, JINJU], { centerId: 'center-naju' }),
      ),
    ).toBe(refused);
  });

  it('fails closed without a center to check against, or without the accounts', async () => {
    expect(
      await outcome(
        access.requireReference({ kind: 'counselor', field: 'counselorId' }, KIM, { centerId: 'center-naju' }),
      ),
    ).toBe('rule REFERENCE_NOT_FOUND');
    expect(await outcome(access.requireReference(inBody, KIM, {}))).toBe('rule REFERENCE_NOT_FOUND');
    const blind = new AccessResolver(new DirectoryInMemory() as unknown as RecordCenters, regions).accessOf(counselor);
    expect(await outcome(blind.requireReference(inBody, KIM, { centerId: 'center-naju' }))).toBe(
      'rule REFERENCE_NOT_FOUND',
    );
  });
});
