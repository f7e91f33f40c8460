import type { ProgramsEvent, RetentionBenefitProvided } from '@saeil/contracts';
import { assertMatchesContract } from '@saeil/testing/contract-validate';
import type { CaseState } from '@saeil/intake/domain';
import { legacyDeciderSpec as deciderSpec } from '../../../../tests/support/decider-spec';
import { placementsOf } from './placed-client';
import { AmendRetentionProgram, DefineRetentionProgram, ProvideRetentionBenefit, retentionProgramDecider } from './retention-program.decider';

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

const openCase = (clientId: string, centerId = 'center-naju'): CaseState => ({ exists: true, clientId, centerId, counselorId: 'counselor-kim', closed: false, consents: ['service'] });

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

const { given, when, refusal } = deciderSpec(retentionProgramDecider, { checkEvent: assertMatchesContract });

const defined = (): ProgramsEvent[] => when(go100);
/** The history after benefits for clients 1…k at month 3. */
function withBenefits(k: number): ProgramsEvent[] {
  const history = defined();
  for (let i = 1; i <= k; i++) history.push(...when(benefit(i, { overPlan: i > 2 ? { reason: '예산 잔액으로 추가 지원' } : undefined }), history));
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
    expect(refusal(go100, defined()).code).toBe('PROGRAM_ALREADY_DEFINED');
  });

  it('refuses a plan with a milestone twice, a period out of order, a fractional count or a funding source twice', () => {
    expect(refusal({ ...go100, milestones: [...go100.milestones, { n: 1, plannedClients: 1, benefit: 'x', unitCost: 0 }] }).code).toBe('MILESTONE_DUPLICATED');
    expect(refusal({ ...go100, periodTo: '2023-12-31' }).code).toBe('DATES_OUT_OF_ORDER');
    expect(refusal({ ...go100, milestones: [{ n: 1, plannedClients: 1.5, benefit: 'x', unitCost: 0 }] }).code).toBe('PLANNED_CLIENTS_INVALID');
    expect(refusal({ ...go100, budget: [...go100.budget, { source: 'national', amount: 1 }] }).code).toBe('FUNDING_SOURCE_DUPLICATED');
  });

  it('given go 100, when a benefit is given at month 3, then it carries the plan\'s benefit and unit cost and no override', () => {
    const [event] = when(benefit(1, { note: ' 3개월 근속 ' }), defined()) as RetentionBenefitProvided[];
    expect(event).toEqual({
      type: 'RetentionBenefitProvided',
      data: { programId, centerId: 'center-naju', clientId: client(1), placementId, n: 3, benefit: '장기근속 격려금', unitCost: 50_000, fundingSource: 'municipal', providedOn: '2024-04-10', note: '3개월 근속' },
    });
  });

  it('an override on a milestone that is not full is not recorded (nothing was over the plan)', () => {
    const [event] = when(benefit(1, { overPlan: { reason: '필요 없음' } }), defined()) as RetentionBenefitProvided[];
    expect(event.data).not.toHaveProperty('overPlan');
  });

  it('given month 3 full (2 of 2), when a third client comes without an override, then PROGRAM_PLAN_EXCEEDED; with one, it is recorded with the plan it exceeded', () => {
    const full = withBenefits(2);
    expect(refusal(benefit(3), full)).toMatchObject({ code: 'PROGRAM_PLAN_EXCEEDED', details: { n: 3, plannedClients: 2, given: 2 } });
    expect(refusal(benefit(3, { overPlan: { reason: '   ' } }), full).code).toBe('PROGRAM_PLAN_EXCEEDED');
    const [event] = when(benefit(3, { overPlan: { reason: ' 예산 잔액으로 추가 지원 ' } }), full) as RetentionBenefitProvided[];
    expect(event.data.overPlan).toEqual({ reason: '예산 잔액으로 추가 지원', plannedClients: 2, givenBefore: 2 });
    // Other milestones keep their own capacity.
    expect(when(benefit(3, { n: 1 }), full)).toHaveLength(1);
    expect(given(...withBenefits(4)).use[3]).toEqual({ given: 4, overPlan: 2 });
  });

  it('gives one benefit per client per milestone', () => {
    expect(refusal(benefit(1), withBenefits(1))).toMatchObject({ code: 'BENEFIT_ALREADY_PROVIDED', details: { clientId: client(1), n: 3 } });
  });

  it('refuses an unknown program (404), a closed case, a missing consent and a client of another center', () => {
    expect(refusal(benefit(1)).code).toBe('NOT_FOUND');
    expect(refusal(benefit(1, { case: { ...openCase(client(1)), closed: true } }), defined()).code).toBe('CASE_CLOSED');
    expect(refusal(benefit(1, { case: { ...openCase(client(1)), consents: [] } }), defined())).toMatchObject({ code: 'CONSENT_REQUIRED', details: { missing: ['service'] } });
    expect(refusal(benefit(1, { case: openCase(client(1), 'center-mokpo') }), defined()).code).toBe('PROGRAM_OTHER_CENTER');
  });

  it('refuses a placement that is not hers or was voided, a date before her start, in the future or outside the period, and a milestone the plan lacks', () => {
    const history = when({ ...go100, milestones: go100.milestones.filter((m) => m.n !== 2) });
    expect(refusal(benefit(1, { placement: undefined }), history).code).toBe('NOT_FOUND');
    expect(refusal(benefit(1, { placement: { placementId, startOn: '2024-01-08', status: 'voided' } }), history).code).toBe('PLACEMENT_VOIDED');
    expect(refusal(benefit(1, { providedOn: '2024-01-07' }), history).code).toBe('DATES_OUT_OF_ORDER');
    expect(refusal(benefit(1, { providedOn: '2024-06-01' }), history).code).toBe('DATE_IN_FUTURE');
    expect(refusal(benefit(1, { providedOn: '2025-01-02', today: '2025-02-01' }), history).code).toBe('BENEFIT_OUTSIDE_PROGRAM_PERIOD');
    expect(refusal(benefit(1, { n: 2 }), history)).toMatchObject({ code: 'MILESTONE_NOT_IN_PROGRAM', details: { milestones: [1, 3] } });
    // An employment that has ended still had its milestone: the benefit is accepted.
    expect(when(benefit(1, { placement: { placementId, startOn: '2024-01-08', status: 'ended' } }), history)).toHaveLength(1);
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
      const amended = when(amendment(), history);
      expect(amended).toEqual([
        expect.objectContaining({
          type: 'RetentionProgramAmended',
          data: expect.objectContaining({ revision: 2, centerId: 'center-naju', reason: '추경 반영', budget: expect.arrayContaining([{ source: 'other', amount: 500_000 }]) }),
        }),
      ]);
      const after = [...history, ...amended];
      expect(given(...after).revision).toBe(2);
      const [next] = when(benefit(3), after) as RetentionBenefitProvided[];
      expect(next.data).toMatchObject({ unitCost: 60_000 });
      expect(next.data).not.toHaveProperty('overPlan');
      expect((when(amendment({ reason: '재변경' }), [...after, next])[0].data as { revision: number }).revision).toBe(3);
    });

    it('refuses a plan below what was given within it, dropping a milestone in use, a period that leaves benefits out, no reason, and an unknown program', () => {
      const history = withBenefits(3); // two within the plan, one over it
      const at3 = (plannedClients: number) => go100.milestones.map((m) => (m.n === 3 ? { ...m, plannedClients } : m));
      expect(refusal(amendment({ milestones: at3(1) }), history)).toMatchObject({ code: 'PROGRAM_PLAN_BELOW_GIVEN', details: { n: 3, plannedClients: 1, givenWithinPlan: 2 } });
      expect(when(amendment({ milestones: at3(2) }), history)).toHaveLength(1);
      expect(refusal(amendment({ milestones: go100.milestones.filter((m) => m.n !== 3) }), history).code).toBe('PROGRAM_MILESTONE_IN_USE');
      expect(refusal(amendment({ periodFrom: '2024-05-01' }), history).code).toBe('PROGRAM_PERIOD_EXCLUDES_BENEFITS');
      expect(refusal(amendment({ reason: ' ' }), history).code).toBe('REASON_REQUIRED');
      expect(refusal(amendment()).code).toBe('NOT_FOUND');
    });
  });

  it('folds her placements from the placement events: started, ended, voided', () => {
    const started = (id: string, startOn: string) => ({ type: 'EmploymentStarted', data: { placementId: id, startOn } });
    expect(
      placementsOf([started('a', '2024-01-02'), started('b', '2024-03-04'), { type: 'EmploymentEnded', data: { placementId: 'a' } }, { type: 'PlacementVoided', data: { placementId: 'b' } }]),
    ).toEqual({ a: { placementId: 'a', startOn: '2024-01-02', status: 'ended' }, b: { placementId: 'b', startOn: '2024-03-04', status: 'voided' } });
  });
});
