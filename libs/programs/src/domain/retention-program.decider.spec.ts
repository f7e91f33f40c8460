import type { ProgramsEvent, RetentionBenefitProvided } from '@saeil/contracts';
import { assertMatchesContract } from '@saeil/testing/contract-validate';
import type { CaseState } from '@saeil/intake/domain';
import { deciderSpec } from '../../../../tests/support/decider-spec';
import { placementsOf } from './placed-client';
import {
  AmendRetentionProgram,
  DefineRetentionProgram,
  ProvideRetentionBenefit,
  retentionProgramDecider,
} from './retention-program.decider';

const programId = '6a1f0c3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b';
const placementId = '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const client = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** Seed 000's "같이하는 고백(go 100)", with a small plan at month 3 so the tests can fill it. */
const go100: DefineRetentionProgram = {
  type: 'DefineRetentionProgram',
  programId,
  centerId: 'center-naju',
  name: ' 같이하는 고백(go 100) ',
  periodFrom: '2024-01-01',
  periodTo: '2024-12-31',
  milestones: [
    { n: 3, plannedClients: 2, benefit: '장기근속 격려금', unitCost: 50_000 },
    { n: 1, plannedClients: 100, benefit: '취업 축하 기념품', unitCost: 30_000 },
    { n: 2, plannedClients: 70, benefit: '상담 및 기념품', unitCost: 30_000 },
  ],
  budget: [
    { source: 'national', amount: 6_000_000 },
    { source: 'provincial', amount: 1_000_000 },
    { source: 'municipal', amount: 5_000_000 },
  ],
};

const openCase = (clientId: string, centerId = 'center-naju'): CaseState => ({
  exists: true,
  clientId,
  centerId,
  counselorId: 'counselor-kim',
  closed: false,
  consents: ['service'],
});

const benefit = (i: number, overrides: Partial<ProvideRetentionBenefit> = {}): ProvideRetentionBenefit => ({
  type: 'ProvideRetentionBenefit',
  programId,
  clientId: client(i),
  placementId,
  n: 3,
  providedOn: '2024-04-10',
  fundingSource: 'municipal',
  case: openCase(client(i)),
  placement: { placementId, startOn: '2024-01-08', status: 'active' },
  today: '2024-05-31',
  ...overrides,
});

const { given, when } = deciderSpec(retentionProgramDecider, { checkEvent: assertMatchesContract });

const defined = (): ProgramsEvent[] => when(go100).events();
/** The history after benefits for clients 1…k at month 3. */
function withBenefits(k: number): ProgramsEvent[] {
  const history = defined();
  for (let i = 1; i <= k; i++)
    history.push(
      ...given(...history)
        .when(benefit(i, { overPlan: i > 2 ? { reason: '예산 잔액으로 추가 지원' } : undefined }))
        .events(),
    );
  return history;
}

describe('retention program decider', () => {
  it('given nothing, when a supervisor defines go 100, then the plan is recorded trimmed and ordered by milestone', () => {
    expect(defined()).toEqual([
      {
        type: 'RetentionProgramDefined',
        data: {
          programId,
          centerId: 'center-naju',
          name: '같이하는 고백(go 100)',
          periodFrom: '2024-01-01',
          periodTo: '2024-12-31',
          milestones: [
            { n: 1, plannedClients: 100, benefit: '취업 축하 기념품', unitCost: 30_000 },
            { n: 2, plannedClients: 70, benefit: '상담 및 기념품', unitCost: 30_000 },
            { n: 3, plannedClients: 2, benefit: '장기근속 격려금', unitCost: 50_000 },
          ],
          budget: go100.budget,
        },
      },
    ]);
    given(...defined())
      .when(go100)
      .thenRefuses('PROGRAM_ALREADY_DEFINED');
  });

  it('refuses a plan with a milestone twice, a period out of order, a fractional count or a funding source twice', () => {
    when({
      ...go100,
      milestones: [...go100.milestones, { n: 1, plannedClients: 1, benefit: 'x', unitCost: 0 }],
    }).thenRefuses('MILESTONE_DUPLICATED');
    when({ ...go100, periodTo: '2023-12-31' }).thenRefuses('DATES_OUT_OF_ORDER');
    when({ ...go100, milestones: [{ n: 1, plannedClients: 1.5, benefit: 'x', unitCost: 0 }] }).thenRefuses(
      'PLANNED_CLIENTS_INVALID',
    );
    when({ ...go100, budget: [...go100.budget, { source: 'national', amount: 1 }] }).thenRefuses(
      'FUNDING_SOURCE_DUPLICATED',
    );
  });

  it("given go 100, when a benefit is given at month 3, then it carries the plan's benefit and unit cost and no override", () => {
    const [event] = given(...defined())
      .when(benefit(1, { note: ' 3개월 근속 ' }))
      .events() as RetentionBenefitProvided[];
    expect(event).toEqual({
      type: 'RetentionBenefitProvided',
      data: {
        programId,
        centerId: 'center-naju',
        clientId: client(1),
        placementId,
        n: 3,
        benefit: '장기근속 격려금',
        unitCost: 50_000,
        fundingSource: 'municipal',
        providedOn: '2024-04-10',
        note: '3개월 근속',
      },
    });
  });

  it('an override on a milestone that is not full is not recorded (nothing was over the plan)', () => {
    const [event] = given(...defined())
      .when(benefit(1, { overPlan: { reason: '필요 없음' } }))
      .events() as RetentionBenefitProvided[];
    expect(event.data).not.toHaveProperty('overPlan');
  });

  it('given month 3 full (2 of 2), when a third client comes without an override, then PROGRAM_PLAN_EXCEEDED; with one, it is recorded with the plan it exceeded', () => {
    const full = withBenefits(2);
    given(...full)
      .when(benefit(3))
      .thenRefuses('PROGRAM_PLAN_EXCEEDED', expect.objectContaining({ n: 3, plannedClients: 2, given: 2 }));
    given(...full)
      .when(benefit(3, { overPlan: { reason: '   ' } }))
      .thenRefuses('PROGRAM_PLAN_EXCEEDED');
    const [event] = given(...full)
      .when(benefit(3, { overPlan: { reason: ' 예산 잔액으로 추가 지원 ' } }))
      .events() as RetentionBenefitProvided[];
    expect(event.data.overPlan).toEqual({ reason: '예산 잔액으로 추가 지원', plannedClients: 2, givenBefore: 2 });
    // Other milestones keep their own capacity.
    expect(
      given(...full)
        .when(benefit(3, { n: 1 }))
        .events(),
    ).toHaveLength(1);
    expect(given(...withBenefits(4)).state().use[3]).toEqual({ given: 4, overPlan: 2 });
  });

  it('gives one benefit per client per milestone', () => {
    given(...withBenefits(1))
      .when(benefit(1))
      .thenRefuses('BENEFIT_ALREADY_PROVIDED', expect.objectContaining({ clientId: client(1), n: 3 }));
  });

  it('refuses an unknown program (404), a closed case, a missing consent and a client of another center', () => {
    when(benefit(1)).thenRefuses('NOT_FOUND');
    given(...defined())
      .when(benefit(1, { case: { ...openCase(client(1)), closed: true } }))
      .thenRefuses('CASE_CLOSED');
    given(...defined())
      .when(benefit(1, { case: { ...openCase(client(1)), consents: [] } }))
      .thenRefuses('CONSENT_REQUIRED', expect.objectContaining({ missing: ['service'] }));
    given(...defined())
      .when(benefit(1, { case: openCase(client(1), 'center-mokpo') }))
      .thenRefuses('PROGRAM_OTHER_CENTER');
  });

  it('refuses a placement that is not hers or was voided, a date before her start, in the future or outside the period, and a milestone the plan lacks', () => {
    const history = when({ ...go100, milestones: go100.milestones.filter((m) => m.n !== 2) }).events();
    given(...history)
      .when(benefit(1, { placement: undefined }))
      .thenRefuses('NOT_FOUND');
    given(...history)
      .when(benefit(1, { placement: { placementId, startOn: '2024-01-08', status: 'voided' } }))
      .thenRefuses('PLACEMENT_VOIDED');
    given(...history)
      .when(benefit(1, { providedOn: '2024-01-07' }))
      .thenRefuses('DATES_OUT_OF_ORDER');
    given(...history)
      .when(benefit(1, { providedOn: '2024-06-01' }))
      .thenRefuses('DATE_IN_FUTURE');
    given(...history)
      .when(benefit(1, { providedOn: '2025-01-02', today: '2025-02-01' }))
      .thenRefuses('BENEFIT_OUTSIDE_PROGRAM_PERIOD');
    given(...history)
      .when(benefit(1, { n: 2 }))
      .thenRefuses('MILESTONE_NOT_IN_PROGRAM', expect.objectContaining({ milestones: [1, 3] }));
    // An employment that has ended still had its milestone: the benefit is accepted.
    expect(
      given(...history)
        .when(benefit(1, { placement: { placementId, startOn: '2024-01-08', status: 'ended' } }))
        .events(),
    ).toHaveLength(1);
  });

  describe('amendments', () => {
    const amendment = (overrides: Partial<AmendRetentionProgram> = {}): AmendRetentionProgram => ({
      type: 'AmendRetentionProgram',
      programId,
      name: go100.name,
      periodFrom: go100.periodFrom,
      periodTo: go100.periodTo,
      milestones: go100.milestones.map((m) => (m.n === 3 ? { ...m, plannedClients: 5, unitCost: 60_000 } : m)),
      budget: [...go100.budget, { source: 'other', amount: 500_000 }],
      amendedOn: '2024-05-02',
      reason: '추경 반영',
      today: '2024-05-31',
      ...overrides,
    });

    it('given two benefits at month 3, when the plan is amended, then revision 2 carries the whole new plan, and later benefits are priced at the new unit cost', () => {
      const history = withBenefits(2);
      const amended = given(...history)
        .when(amendment())
        .events();
      expect(amended).toEqual([
        expect.objectContaining({
          type: 'RetentionProgramAmended',
          data: expect.objectContaining({
            revision: 2,
            centerId: 'center-naju',
            reason: '추경 반영',
            budget: expect.arrayContaining([{ source: 'other', amount: 500_000 }]),
          }),
        }),
      ]);
      const after = [...history, ...amended];
      expect(given(...after).state().revision).toBe(2);
      const [next] = given(...after)
        .when(benefit(3))
        .events() as RetentionBenefitProvided[];
      expect(next.data).toMatchObject({ unitCost: 60_000 });
      expect(next.data).not.toHaveProperty('overPlan');
      expect(
        (
          given(...after, next)
            .when(amendment({ reason: '재변경' }))
            .events()[0].data as { revision: number }
        ).revision,
      ).toBe(3);
    });

    it('refuses a plan below what was given within it, dropping a milestone in use, a period that leaves benefits out, no reason, and an unknown program', () => {
      const history = withBenefits(3); // two within the plan, one over it
      const at3 = (plannedClients: number) => go100.milestones.map((m) => (m.n === 3 ? { ...m, plannedClients } : m));
      given(...history)
        .when(amendment({ milestones: at3(1) }))
        .thenRefuses(
          'PROGRAM_PLAN_BELOW_GIVEN',
          expect.objectContaining({ n: 3, plannedClients: 1, givenWithinPlan: 2 }),
        );
      expect(
        given(...history)
          .when(amendment({ milestones: at3(2) }))
          .events(),
      ).toHaveLength(1);
      given(...history)
        .when(amendment({ milestones: go100.milestones.filter((m) => m.n !== 3) }))
        .thenRefuses('PROGRAM_MILESTONE_IN_USE');
      given(...history)
        .when(amendment({ periodFrom: '2024-05-01' }))
        .thenRefuses('PROGRAM_PERIOD_EXCLUDES_BENEFITS');
      given(...history)
        .when(amendment({ reason: ' ' }))
        .thenRefuses('REASON_REQUIRED');
      when(amendment()).thenRefuses('NOT_FOUND');
    });
  });

  it('folds her placements from the placement events: started, ended, voided', () => {
    const started = (id: string, startOn: string) => ({
      type: 'EmploymentStarted',
      data: { placementId: id, startOn },
    });
    expect(
      placementsOf([
        started('a', '2024-01-02'),
        started('b', '2024-03-04'),
        { type: 'EmploymentEnded', data: { placementId: 'a' } },
        { type: 'PlacementVoided', data: { placementId: 'b' } },
      ]),
    ).toEqual({
      a: { placementId: 'a', startOn: '2024-01-02', status: 'ended' },
      b: { placementId: 'b', startOn: '2024-03-04', status: 'voided' },
    });
  });
});
