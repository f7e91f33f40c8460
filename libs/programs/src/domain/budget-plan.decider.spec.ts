import type { BudgetEvent, BudgetExecutionRecorded, BudgetLine } from '@saeil/contracts';
import { assertMatchesContract } from '@saeil/testing/contract-validate';
import { deciderSpec } from '../../../../tests/support/decider-spec';
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

const seed000: DefineBudgetPlan = {
  type: 'DefineBudgetPlan',
  planId,
  centerId: 'center-naju',
  name: ' 여성새로일하기센터 기능강화 ',
  fromYear: 2022,
  toYear: 2026,
  decimals: 1,
  lines,
};

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

const { given, when } = deciderSpec(budgetPlanDecider, { checkEvent: assertMatchesContract });
const defined = (): BudgetEvent[] => when(seed000).events();
const withEntry = (): BudgetEvent[] => {
  const history = defined();
  return [
    ...history,
    ...given(...history)
      .when(execution(1))
      .events(),
  ];
};

describe('budget plan decider', () => {
  it('given nothing, when seed 000 is defined, then the plan is recorded trimmed, its lines ordered by year and source, as a project of its own', () => {
    const [event] = defined();
    expect(event.type).toBe('BudgetPlanDefined');
    expect(event.data).toMatchObject({
      planId,
      centerId: 'center-naju',
      name: '여성새로일하기센터 기능강화',
      projectKind: 'project',
      fromYear: 2022,
      toYear: 2026,
      decimals: 1,
    });
    expect(event.data).not.toHaveProperty('programId');
    const recorded = (event.data as { lines: BudgetLine[] }).lines;
    expect(recorded.slice(0, 3)).toEqual([
      { year: 2022, source: 'national', amount: 7 * M },
      { year: 2022, source: 'provincial', amount: 1 * M },
      { year: 2022, source: 'municipal', amount: 5 * M },
    ]);
    expect(recorded.reduce((a, l) => a + l.amount, 0)).toBe(62 * M);
    given(...defined())
      .when(seed000)
      .thenRefuses('BUDGET_PLAN_ALREADY_DEFINED');
  });

  it("a retention program's plan is of the program (and a second one for it is refused on programId)", () => {
    const program = { ...seed000, programId: planId };
    const history = when(program).events();
    expect(history[0].data).toMatchObject({ projectKind: 'retention_program', programId: planId });
    given(...history)
      .when(program)
      .thenRefuses('BUDGET_PLAN_ALREADY_DEFINED', expect.objectContaining({ field: 'programId' }));
  });

  it('refuses each broken plan rule naming its field', () => {
    const line = (l: Partial<BudgetLine>) => ({
      ...seed000,
      lines: [{ year: 2022, source: 'national', amount: 1, ...l } as BudgetLine],
    });
    when({ ...seed000, name: ' ' }).thenRefuses('NAME_REQUIRED', expect.objectContaining({ field: 'name' }));
    when({ ...seed000, toYear: 2021 }).thenRefuses('BUDGET_TERM_INVALID', expect.objectContaining({ field: 'toYear' }));
    when({ ...seed000, toYear: 2032 }).thenRefuses('BUDGET_TERM_INVALID');
    when({ ...seed000, decimals: 4 }).thenRefuses('DECIMALS_INVALID', expect.objectContaining({ field: 'decimals' }));
    when(line({ source: 'city' as never })).thenRefuses(
      'FUNDING_SOURCE_UNKNOWN',
      expect.objectContaining({ field: 'lines.0.source' }),
    );
    when(line({ year: 2027 })).thenRefuses(
      'BUDGET_LINE_OUTSIDE_TERM',
      expect.objectContaining({ field: 'lines.0.year' }),
    );
    when(line({ amount: -1 })).thenRefuses(
      'BUDGET_AMOUNT_INVALID',
      expect.objectContaining({ field: 'lines.0.amount' }),
    );
    when(line({ amount: 1.5 })).thenRefuses('BUDGET_AMOUNT_INVALID');
    when({ ...seed000, lines: [...lines, { year: 2024, source: 'national', amount: 1 }] }).thenRefuses(
      'BUDGET_LINE_DUPLICATED',
      expect.objectContaining({ field: 'lines.15' }),
    );
    // 0 is a line a plan may state (seed 000's 기타).
    expect(when(line({ source: 'other', amount: 0 })).events()).toHaveLength(1);
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
      const [event] = given(...withEntry())
        .when(amendment())
        .events();
      expect(event).toMatchObject({
        type: 'BudgetPlanAmended',
        data: { revision: 2, amendedOn: '2024-03-04', reason: '2024년 시비 추경', centerId: 'center-naju' },
      });
      const after = [...withEntry(), event];
      expect(given(...after).state()).toMatchObject({
        revision: 2,
        plan: { lines: expect.arrayContaining([{ year: 2024, source: 'municipal', amount: 7 * M }]) },
      });
      expect(
        given(...after)
          .when(amendment({ reason: '재변경' }))
          .events()[0].data,
      ).toMatchObject({ revision: 3 });
    });

    it('needs a reason, a day not in the future, a known plan, and a term that still holds the years executed', () => {
      given(...withEntry())
        .when(amendment({ reason: '  ' }))
        .thenRefuses('REASON_REQUIRED', expect.objectContaining({ field: 'reason' }));
      given(...withEntry())
        .when(amendment({ amendedOn: '2024-06-01' }))
        .thenRefuses('DATE_IN_FUTURE', expect.objectContaining({ field: 'amendedOn' }));
      when(amendment()).thenRefuses('NOT_FOUND');
      given(...withEntry())
        .when(amendment({ fromYear: 2023, lines: lines.filter((l) => l.year >= 2023) }))
        .thenRefuses(
          'BUDGET_TERM_EXCLUDES_EXECUTIONS',
          expect.objectContaining({ field: 'fromYear', firstExecutedYear: 2022 }),
        );
      // Without executions in 2022 the term may start later.
      expect(
        given(...defined())
          .when(amendment({ fromYear: 2023, lines: lines.filter((l) => l.year >= 2023) }))
          .events(),
      ).toHaveLength(1);
    });
  });

  describe('execution entries', () => {
    it('records an unsplit entry in the year of its day', () => {
      const [event] = given(...defined())
        .when(execution(1))
        .events() as BudgetExecutionRecorded[];
      expect(event.data).toEqual({
        planId,
        centerId: 'center-naju',
        entryId: entry(1),
        executedOn: '2022-12-20',
        year: 2022,
        source: 'unsplit',
        amount: 13 * M,
        purpose: '취업자 역량강화·간담회',
      });
    });

    it('refuses an unknown source, a non-positive or fractional amount, no purpose, a day in the future or outside the term, and an unknown plan', () => {
      const history = defined();
      given(...history)
        .when(execution(1, { source: 'lottery' }))
        .thenRefuses('FUNDING_SOURCE_UNKNOWN', expect.objectContaining({ field: 'source' }));
      given(...history)
        .when(execution(1, { amount: 0 }))
        .thenRefuses('EXECUTION_AMOUNT_INVALID', expect.objectContaining({ field: 'amount' }));
      given(...history)
        .when(execution(1, { amount: -5 }))
        .thenRefuses('EXECUTION_AMOUNT_INVALID');
      given(...history)
        .when(execution(1, { amount: 10.5 }))
        .thenRefuses('EXECUTION_AMOUNT_INVALID');
      given(...history)
        .when(execution(1, { purpose: ' ' }))
        .thenRefuses('PURPOSE_REQUIRED', expect.objectContaining({ field: 'purpose' }));
      given(...history)
        .when(execution(1, { executedOn: '2024-06-01' }))
        .thenRefuses('DATE_IN_FUTURE', expect.objectContaining({ field: 'executedOn' }));
      given(...history)
        .when(execution(1, { executedOn: '2021-12-31' }))
        .thenRefuses('EXECUTION_OUTSIDE_TERM', expect.objectContaining({ field: 'executedOn' }));
      when(execution(1)).thenRefuses('NOT_FOUND');
      given(...withEntry())
        .when(execution(1))
        .thenRefuses('EXECUTION_ENTRY_EXISTS', expect.objectContaining({ field: 'entryId' }));
    });

    it('a correction is a new entry naming the corrected one, counted in its year, possibly negative, never below zero in all', () => {
      const history = withEntry();
      const [correction] = given(...history)
        .when(
          execution(2, { corrects: entry(1), amount: -3 * M, executedOn: '2023-02-10', purpose: '영수증 중복 정정' }),
        )
        .events() as BudgetExecutionRecorded[];
      expect(correction.data).toEqual({
        planId,
        centerId: 'center-naju',
        entryId: entry(2),
        executedOn: '2023-02-10',
        year: 2022,
        source: 'unsplit',
        amount: -3 * M,
        purpose: '영수증 중복 정정',
        corrects: entry(1),
      });
      const after = [...history, correction];
      // 13 − 3 = 10 left: taking back 11 more is refused, 10 is not; a correction of the correction counts against the same entry.
      given(...after)
        .when(execution(3, { corrects: entry(1), amount: -11 * M, executedOn: '2023-02-11' }))
        .thenRefuses('CORRECTION_BELOW_ZERO', expect.objectContaining({ field: 'amount', net: 10 * M }));
      given(...after)
        .when(execution(3, { corrects: entry(2), amount: -11 * M, executedOn: '2023-02-11' }))
        .thenRefuses('CORRECTION_BELOW_ZERO');
      expect(
        given(...after)
          .when(execution(3, { corrects: entry(2), amount: -10 * M, executedOn: '2023-02-11' }))
          .events(),
      ).toHaveLength(1);
      // A positive correction adds to it.
      expect(
        given(...after)
          .when(execution(3, { corrects: entry(1), amount: 2 * M, executedOn: '2023-02-11' }))
          .events()[0].data,
      ).toMatchObject({ amount: 2 * M, year: 2022 });
    });

    it('refuses a correction of an entry that is not in the plan, in another source, of 0, or dated before the entry', () => {
      const history = withEntry();
      given(...history)
        .when(execution(2, { corrects: entry(9), amount: -1 }))
        .thenRefuses('CORRECTED_ENTRY_NOT_FOUND', expect.objectContaining({ field: 'corrects' }));
      given(...history)
        .when(execution(2, { corrects: entry(1), amount: -1, source: 'national' }))
        .thenRefuses(
          'CORRECTION_SOURCE_MISMATCH',
          expect.objectContaining({ field: 'source', correctedSource: 'unsplit' }),
        );
      given(...history)
        .when(execution(2, { corrects: entry(1), amount: 0 }))
        .thenRefuses('EXECUTION_AMOUNT_INVALID', expect.objectContaining({ field: 'amount' }));
      given(...history)
        .when(execution(2, { corrects: entry(1), amount: -1, executedOn: '2022-12-19' }))
        .thenRefuses(
          'DATES_OUT_OF_ORDER',
          expect.objectContaining({ field: 'executedOn', correctedExecutedOn: '2022-12-20' }),
        );
    });
  });
});
