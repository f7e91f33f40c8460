import type { BudgetLine, BudgetProjectKind, ExecutionSource } from '@saeil/contracts';
import { display, roundHalfAwayFromZero } from '@saeil/statistics';
import type { FundingSourceName } from '../domain/budget-labels';

/** A rate at the plan's precision: the number rounded half away from zero, and the text with its decimals ("41.9", "100.0"). */
export interface RateAtPrecision {
  /** executed ÷ secured × 100 rounded to the plan's decimals; null when nothing was secured. */
  executionRate: number | null;
  /** The same with the plan's decimals kept ("100.0"); "-" when nothing was secured. */
  executionRateText: string;
}

export interface SourceFigures extends RateAtPrecision, FundingSourceName {
  /** KRW secured (확보액). */
  secured: number;
  /** KRW executed (집행액): execution entries (with their corrections) and program benefits paid from this source. */
  executed: number;
  executedByEntries: number;
  /** The unit costs of the retention program's benefits paid from this source (0 for other projects). */
  executedByBenefits: number;
  /** secured − executed (below 0 when overspent). */
  remaining: number;
}

export interface TotalFigures extends RateAtPrecision {
  secured: number;
  /** Every source's, and what was recorded unsplit. */
  executed: number;
  remaining: number;
}

export interface BudgetFigures {
  /** Always the four sources, in the order 국비, 시·도비, 시·군·구비, 기타. */
  sources: SourceFigures[];
  /** Executed without a funding source (the record gave the total only): in the total, in no source. */
  unsplit: { executed: number };
  total: TotalFigures;
}

export interface BudgetYearFigures extends BudgetFigures {
  year: number;
}

export interface BudgetPlanRow {
  plan_id: string;
  center_id: string;
  name: string;
  project_kind: BudgetProjectKind;
  program_id: string | null;
  from_year: number;
  to_year: number;
  decimals: number;
  revision: number;
  lines: BudgetLine[];
}

/** Executed amounts of one plan summed by year and source (from SQL). */
export interface ExecutedSum {
  year: number;
  source: ExecutionSource;
  origin: 'entries' | 'benefits';
  amount: number;
}

export interface BudgetPlanFiguresView {
  planId: string;
  centerId: string;
  name: string;
  projectKind: BudgetProjectKind;
  programId: string | null;
  fromYear: number;
  toYear: number;
  /** Decimals of the rates shown. */
  decimals: number;
  revision: number;
  /** Every amount is in KRW (원). */
  currency: 'KRW';
  /** The funding sources as this center's budget names them. */
  sourceNames: FundingSourceName[];
  /** Each plan year (and any year a program benefit fell outside them), in order. */
  years: BudgetYearFigures[];
  /** The whole term: the sum of the years. */
  term: BudgetFigures;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function rate(executed: number, secured: number, decimals: number): RateAtPrecision {
  // × 100 before ÷, as the KPI figures do: 13 × 100 / 13 is exactly 100. Rounded once, for display.
  const exact = secured > 0 ? (executed * 100) / secured : null;
  return {
    executionRate: exact === null ? null : roundHalfAwayFromZero(exact, decimals),
    executionRateText: display(exact, decimals, { trailingZeros: 'keep', missing: '-' }),
  };
}

function figures(
  lines: BudgetLine[],
  sums: ExecutedSum[],
  names: FundingSourceName[],
  decimals: number,
): BudgetFigures {
  const sources = names.map((name): SourceFigures => {
    const secured = sum(lines.filter((l) => l.source === name.source).map((l) => l.amount));
    const of = (origin: ExecutedSum['origin']) =>
      sum(sums.filter((s) => s.source === name.source && s.origin === origin).map((s) => s.amount));
    const [executedByEntries, executedByBenefits] = [of('entries'), of('benefits')];
    const executed = executedByEntries + executedByBenefits;
    return {
      ...name,
      secured,
      executed,
      executedByEntries,
      executedByBenefits,
      remaining: secured - executed,
      ...rate(executed, secured, decimals),
    };
  });
  const unsplit = sum(sums.filter((s) => s.source === 'unsplit').map((s) => s.amount));
  const secured = sum(sources.map((s) => s.secured));
  const executed = sum(sources.map((s) => s.executed)) + unsplit;
  return {
    sources,
    unsplit: { executed: unsplit },
    total: { secured, executed, remaining: secured - executed, ...rate(executed, secured, decimals) },
  };
}

/** Secured / executed / remaining / execution rate per year and for the whole term, per source and in total. */
export function budgetPlanFigures(
  row: BudgetPlanRow,
  sums: ExecutedSum[],
  names: FundingSourceName[],
): BudgetPlanFiguresView {
  const years = new Set<number>();
  for (let year = row.from_year; year <= row.to_year; year++) years.add(year);
  for (const s of sums) years.add(s.year);
  const inOrder = [...years].sort((a, b) => a - b);
  return {
    planId: row.plan_id,
    centerId: row.center_id,
    name: row.name,
    projectKind: row.project_kind,
    programId: row.program_id,
    fromYear: row.from_year,
    toYear: row.to_year,
    decimals: row.decimals,
    revision: row.revision,
    currency: 'KRW',
    sourceNames: names,
    years: inOrder.map((year) => ({
      year,
      ...figures(
        row.lines.filter((l) => l.year === year),
        sums.filter((s) => s.year === year),
        names,
        row.decimals,
      ),
    })),
    term: figures(row.lines, sums, names, row.decimals),
  };
}
