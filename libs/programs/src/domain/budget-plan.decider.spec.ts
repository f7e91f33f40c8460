import type { BudgetEvent, BudgetExecutionRecorded, BudgetLine } from '@saeil/contracts';
import { assertMatchesContract } from '@saeil/testing/contract-validate';
import { legacyDeciderSpec as deciderSpec } from '../../../../tests/support/decider-spec';
import { AmendBudgetPlan, budgetPlanDecider, DefineBudgetPlan, RecordBudgetExecution } from './budget-plan.decider';

const planId = '3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f';
const entry = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const M = 1_000_000;

/** Seed 000's 연도별 투자 계획 in KRW (the seed states 백만원), 2022–2026. */
const lines: BudgetLine[] = [2022, 2023, 2024, 2025, 2026].flatMap((year, i) => [
  { year, source: 'municipal' as const, amount: 5 * M },
  { year, source: 'national' as const, amount: (i < 2 ? 7 : 6) * M },
  { year, source: 'provincial' as const, amount: 1 * M },
]);

const seed000: DefineBudgetPlan = { type: 'DefineBudgetPlan', planId, centerId: 'center-naju', name: ' 여성새로일하기센터 기능강화 ', fromYear: 2022, toYear: 2026, decimals: 1, lines };

const execution = (i: number, overrides: Partial<RecordBudgetExecution> = {}): RecordBudgetExecution => ({
  type: 'RecordBudgetExecution',
  planId,
  entryId: entry(i),
  executedOn: '2022-12-20',
  source: 'unsplit',
  amount: 13 * M,
  purpose: '취업자 역량강화·간담회',
  today: '2024-05-31',
  ...overrides,
});

const { given, when, refusal } = deciderSpec(budgetPlanDecider, { checkEvent: assertMatchesContract });
const defined = (): BudgetEvent[] => when(seed000);
const withEntry = (): BudgetEvent[] => {
  const history = defined();
  return [...history, ...when(execution(1), history)];
};

describe('budget plan decider', () => {
  it('given nothing, when seed 000 is defined, then the plan is recorded trimmed, its lines ordered by year and source, as a project of its own', () => {
    const [event] = defined();
    expect(event.type).toBe('BudgetPlanDefined');
    expect(event.data).toMatchObject({ planId, centerId: 'center-naju', name: '여성새로일하기센터 기능강화', projectKind: 'project', fromYear: 2022, toYear: 2026, decimals: 1 });
    expect(event.data).not.toHaveProperty('programId');
    const recorded = (event.data as { lines: BudgetLine[] }).lines;
    expect(recorded.slice(0, 3)).toEqual([
      { year: 2022, source: 'national', amount: 7 * M },
      { year: 2022, source: 'provincial', amount: 1 * M },
      { year: 2022, source: 'municipal', amount: 5 * M },
    ]);
    expect(recorded.reduce((a, l) => a + l.amount, 0)).toBe(62 * M);
    expect(refusal(seed000, defined()).code).toBe('BUDGET_PLAN_ALREADY_DEFINED');
  });

  it("a retention program's plan is of the program (and a second one for it is refused on programId)", () => {
    const program = { ...seed000, programId: planId };
    const history = when(program);
    expect(history[0].data).toMatchObject({ projectKind: 'retention_program', programId: planId });
    expect(refusal(program, history)).toMatchObject({ code: 'BUDGET_PLAN_ALREADY_DEFINED', details: { field: 'programId' } });
  });

  it('refuses each broken plan rule naming its field', () => {
    const line = (l: Partial<BudgetLine>) => ({ ...seed000, lines: [{ year: 2022, source: 'national', amount: 1, ...l } as BudgetLine] });
    expect(refusal({ ...seed000, name: ' ' })).toMatchObject({ code: 'NAME_REQUIRED', details: { field: 'name' } });
    expect(refusal({ ...seed000, toYear: 2021 })).toMatchObject({ code: 'BUDGET_TERM_INVALID', details: { field: 'toYear' } });
    expect(refusal({ ...seed000, toYear: 2032 })).toMatchObject({ code: 'BUDGET_TERM_INVALID' });
    expect(refusal({ ...seed000, decimals: 4 })).toMatchObject({ code: 'DECIMALS_INVALID', details: { field: 'decimals' } });
    expect(refusal(line({ source: 'city' as never }))).toMatchObject({ code: 'FUNDING_SOURCE_UNKNOWN', details: { field: 'lines.0.source' } });
    expect(refusal(line({ year: 2027 }))).toMatchObject({ code: 'BUDGET_LINE_OUTSIDE_TERM', details: { field: 'lines.0.year' } });
    expect(refusal(line({ amount: -1 }))).toMatchObject({ code: 'BUDGET_AMOUNT_INVALID', details: { field: 'lines.0.amount' } });
    expect(refusal(line({ amount: 1.5 }))).toMatchObject({ code: 'BUDGET_AMOUNT_INVALID' });
    expect(refusal({ ...seed000, lines: [...lines, { year: 2024, source: 'national', amount: 1 }] })).toMatchObject({ code: 'BUDGET_LINE_DUPLICATED', details: { field: 'lines.15' } });
    // 0 is a line a plan may state (seed 000's 기타).
    expect(when(line({ source: 'other', amount: 0 }))).toHaveLength(1);
  });

  describe('amendments', () => {
    const amendment = (overrides: Partial<AmendBudgetPlan> = {}): AmendBudgetPlan => ({
      type: 'AmendBudgetPlan',
      planId,
      name: seed000.name,
      fromYear: 2022,
      toYear: 2026,
      decimals: 1,
      lines: lines.map((l) => (l.year === 2024 && l.source === 'municipal' ? { ...l, amount: 7 * M } : l)),
      amendedOn: '2024-03-04',
      reason: ' 2024년 시비 추경 ',
      today: '2024-05-31',
      ...overrides,
    });

    it('records the whole new plan as revision 2 with its date and reason, and the next as 3', () => {
      const [event] = when(amendment(), withEntry());
      expect(event).toMatchObject({ type: 'BudgetPlanAmended', data: { revision: 2, amendedOn: '2024-03-04', reason: '2024년 시비 추경', centerId: 'center-naju' } });
      const after = [...withEntry(), event];
      expect(given(...after)).toMatchObject({ revision: 2, plan: { lines: expect.arrayContaining([{ year: 2024, source: 'municipal', amount: 7 * M }]) } });
      expect(when(amendment({ reason: '재변경' }), after)[0].data).toMatchObject({ revision: 3 });
    });

    it('needs a reason, a day not in the future, a known plan, and a term that still holds the years executed', () => {
      expect(refusal(amendment({ reason: '  ' }), withEntry())).toMatchObject({ code: 'REASON_REQUIRED', details: { field: 'reason' } });
      expect(refusal(amendment({ amendedOn: '2024-06-01' }), withEntry())).toMatchObject({ code: 'DATE_IN_FUTURE', details: { field: 'amendedOn' } });
      expect(refusal(amendment()).code).toBe('NOT_FOUND');
      expect(refusal(amendment({ fromYear: 2023, lines: lines.filter((l) => l.year >= 2023) }), withEntry())).toMatchObject({
        code: 'BUDGET_TERM_EXCLUDES_EXECUTIONS',
        details: { field: 'fromYear', firstExecutedYear: 2022 },
      });
      // Without executions in 2022 the term may start later.
      expect(when(amendment({ fromYear: 2023, lines: lines.filter((l) => l.year >= 2023) }), defined())).toHaveLength(1);
    });
  });

  describe('execution entries', () => {
    it('records an unsplit entry in the year of its day', () => {
      const [event] = when(execution(1), defined()) as BudgetExecutionRecorded[];
      expect(event.data).toEqual({ planId, centerId: 'center-naju', entryId: entry(1), executedOn: '2022-12-20', year: 2022, source: 'unsplit', amount: 13 * M, purpose: '취업자 역량강화·간담회' });
    });

    it('refuses an unknown source, a non-positive or fractional amount, no purpose, a day in the future or outside the term, and an unknown plan', () => {
      const history = defined();
      expect(refusal(execution(1, { source: 'lottery' }), history)).toMatchObject({ code: 'FUNDING_SOURCE_UNKNOWN', details: { field: 'source' } });
      expect(refusal(execution(1, { amount: 0 }), history)).toMatchObject({ code: 'EXECUTION_AMOUNT_INVALID', details: { field: 'amount' } });
      expect(refusal(execution(1, { amount: -5 }), history)).toMatchObject({ code: 'EXECUTION_AMOUNT_INVALID' });
      expect(refusal(execution(1, { amount: 10.5 }), history)).toMatchObject({ code: 'EXECUTION_AMOUNT_INVALID' });
      expect(refusal(execution(1, { purpose: ' ' }), history)).toMatchObject({ code: 'PURPOSE_REQUIRED', details: { field: 'purpose' } });
      expect(refusal(execution(1, { executedOn: '2024-06-01' }), history)).toMatchObject({ code: 'DATE_IN_FUTURE', details: { field: 'executedOn' } });
      expect(refusal(execution(1, { executedOn: '2021-12-31' }), history)).toMatchObject({ code: 'EXECUTION_OUTSIDE_TERM', details: { field: 'executedOn' } });
      expect(refusal(execution(1)).code).toBe('NOT_FOUND');
      expect(refusal(execution(1), withEntry())).toMatchObject({ code: 'EXECUTION_ENTRY_EXISTS', details: { field: 'entryId' } });
    });

    it('a correction is a new entry naming the corrected one, counted in its year, possibly negative, never below zero in all', () => {
      const history = withEntry();
      const [correction] = when(execution(2, { corrects: entry(1), amount: -3 * M, executedOn: '2023-02-10', purpose: '영수증 중복 정정' }), history) as BudgetExecutionRecorded[];
      expect(correction.data).toEqual({ planId, centerId: 'center-naju', entryId: entry(2), executedOn: '2023-02-10', year: 2022, source: 'unsplit', amount: -3 * M, purpose: '영수증 중복 정정', corrects: entry(1) });
      const after = [...history, correction];
      // 13 − 3 = 10 left: taking back 11 more is refused, 10 is not; a correction of the correction counts against the same entry.
      expect(refusal(execution(3, { corrects: entry(1), amount: -11 * M, executedOn: '2023-02-11' }), after)).toMatchObject({ code: 'CORRECTION_BELOW_ZERO', details: { field: 'amount', net: 10 * M } });
      expect(refusal(execution(3, { corrects: entry(2), amount: -11 * M, executedOn: '2023-02-11' }), after).code).toBe('CORRECTION_BELOW_ZERO');
      expect(when(execution(3, { corrects: entry(2), amount: -10 * M, executedOn: '2023-02-11' }), after)).toHaveLength(1);
      // A positive correction adds to it.
      expect(when(execution(3, { corrects: entry(1), amount: 2 * M, executedOn: '2023-02-11' }), after)[0].data).toMatchObject({ amount: 2 * M, year: 2022 });
    });

    it('refuses a correction of an entry that is not in the plan, in another source, of 0, or dated before the entry', () => {
      const history = withEntry();
      expect(refusal(execution(2, { corrects: entry(9), amount: -1 }), history)).toMatchObject({ code: 'CORRECTED_ENTRY_NOT_FOUND', details: { field: 'corrects' } });
      expect(refusal(execution(2, { corrects: entry(1), amount: -1, source: 'national' }), history)).toMatchObject({ code: 'CORRECTION_SOURCE_MISMATCH', details: { field: 'source', correctedSource: 'unsplit' } });
      expect(refusal(execution(2, { corrects: entry(1), amount: 0 }), history)).toMatchObject({ code: 'EXECUTION_AMOUNT_INVALID', details: { field: 'amount' } });
      expect(refusal(execution(2, { corrects: entry(1), amount: -1, executedOn: '2022-12-19' }), history)).toMatchObject({ code: 'DATES_OUT_OF_ORDER', details: { field: 'executedOn', correctedExecutedOn: '2022-12-20' } });
    });
  });
});
