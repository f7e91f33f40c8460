import { ApiProperty } from '@nestjs/swagger';
import { ConsistencyResponse } from '@saeil/core';
import { BUDGET_PROJECT_KINDS, EXECUTION_SOURCES, FUNDING_SOURCES } from '@saeil/contracts';
import type { BudgetProjectKind, ExecutionSource, FundingSource } from '@saeil/contracts';

const RATE = {
  type: Number,
  nullable: true,
  description:
    "executed ÷ secured × 100, rounded half away from zero to the plan's decimals; null when nothing was secured",
} as const;
const RATE_TEXT = {
  example: '41.9',
  description: 'The same with the plan\'s decimals kept ("100.0"); "-" when nothing was secured',
} as const;

export class FundingSourceNameResponse {
  @ApiProperty({ enum: FUNDING_SOURCES }) source: FundingSource;
  @ApiProperty({ example: '시·도비', description: '국비 | 시·도비 | 시·군·구비 | 기타' }) label: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '도비',
    description:
      "The center's own name for it (전라남도: 도비; 나주시: 시비; Seoul: 시비, 구비); null where the region has no such level",
  })
  localName: string | null;
}

export class BudgetSourceFiguresResponse extends FundingSourceNameResponse {
  @ApiProperty({ description: 'KRW secured (확보액)' }) secured: number;
  @ApiProperty({ description: 'KRW executed (집행액): entries and program benefits' }) executed: number;
  @ApiProperty({ description: 'KRW from execution entries (with their corrections)' }) executedByEntries: number;
  @ApiProperty({
    description: "KRW of the retention program's benefits paid from this source (their unit costs as given)",
  })
  executedByBenefits: number;
  @ApiProperty({ description: 'KRW, secured − executed (below 0 when overspent)' }) remaining: number;
  @ApiProperty(RATE) executionRate: number | null;
  @ApiProperty(RATE_TEXT) executionRateText: string;
}

export class BudgetUnsplitResponse {
  @ApiProperty({ description: 'KRW executed without a funding source: in the total, in no source' }) executed: number;
}

export class BudgetTotalResponse {
  @ApiProperty() secured: number;
  @ApiProperty({ description: "Every source's and the unsplit" }) executed: number;
  @ApiProperty() remaining: number;
  @ApiProperty(RATE) executionRate: number | null;
  @ApiProperty(RATE_TEXT) executionRateText: string;
}

export class BudgetFiguresResponse {
  @ApiProperty({ type: [BudgetSourceFiguresResponse], description: '국비, 시·도비, 시·군·구비, 기타, always all four' })
  sources: BudgetSourceFiguresResponse[];
  @ApiProperty({ type: BudgetUnsplitResponse }) unsplit: BudgetUnsplitResponse;
  @ApiProperty({ type: BudgetTotalResponse }) total: BudgetTotalResponse;
}

export class BudgetYearFiguresResponse extends BudgetFiguresResponse {
  @ApiProperty({ example: 2022 }) year: number;
}

export class BudgetPlanFiguresResponse {
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty() centerId: string;
  @ApiProperty() name: string;
  @ApiProperty({
    enum: BUDGET_PROJECT_KINDS,
    description: "retention_program (its benefits count as executed) | project (a center's project without milestones)",
  })
  projectKind: BudgetProjectKind;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) programId: string | null;
  @ApiProperty() fromYear: number;
  @ApiProperty() toYear: number;
  @ApiProperty({ description: 'Decimals of the rates' }) decimals: number;
  @ApiProperty({ description: '1, then one more per amendment' }) revision: number;
  @ApiProperty({ enum: ['KRW'], description: 'Every amount is whole 원' }) currency: 'KRW';
  @ApiProperty({
    type: [FundingSourceNameResponse],
    description: "The funding sources as this center's budgets name them",
  })
  sourceNames: FundingSourceNameResponse[];
  @ApiProperty({
    type: [BudgetYearFiguresResponse],
    description: 'Each plan year in order (and a year a program benefit fell in outside them)',
  })
  years: BudgetYearFiguresResponse[];
  @ApiProperty({ type: BudgetFiguresResponse, description: 'The whole term (the sum of the years)' })
  term: BudgetFiguresResponse;
}

export class BudgetLineResponse {
  @ApiProperty() year: number;
  @ApiProperty({ enum: FUNDING_SOURCES }) source: FundingSource;
  @ApiProperty({ description: 'KRW' }) amount: number;
}

export class BudgetRevisionResponse {
  @ApiProperty({ description: '1 = as defined' }) revision: number;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) amendedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty() name: string;
  @ApiProperty() fromYear: number;
  @ApiProperty() toYear: number;
  @ApiProperty() decimals: number;
  @ApiProperty({ type: [BudgetLineResponse] }) lines: BudgetLineResponse[];
  @ApiProperty({ description: 'KRW secured in all in this revision' }) secured: number;
  @ApiProperty({ description: 'The account that defined or amended it' }) actorId: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class BudgetExecutionEntryResponse {
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty({ format: 'date' }) executedOn: string;
  @ApiProperty({ description: 'The budget year it counts in' }) year: number;
  @ApiProperty({ enum: EXECUTION_SOURCES }) source: ExecutionSource;
  @ApiProperty({ description: 'KRW (a correction may be negative)' }) amount: number;
  @ApiProperty({ description: '집행 내역' }) purpose: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The entry this one corrects' }) corrects:
    string | null;
  @ApiProperty({ type: [String], description: 'The entries that correct this one' }) correctedBy: string[];
  @ApiProperty({ description: 'The account that entered it' }) enteredBy: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class BudgetPlanAnswerResponse extends BudgetPlanFiguresResponse {
  @ApiProperty({ type: [BudgetRevisionResponse], description: 'The amendment history, oldest first' })
  revisions: BudgetRevisionResponse[];
  @ApiProperty({
    type: [BudgetExecutionEntryResponse],
    description: 'Every entry and correction, in the order recorded',
  })
  entries: BudgetExecutionEntryResponse[];
  @ApiProperty({ description: "The program's benefits counted as executed" }) benefitsCounted: number;
  @ApiProperty({ type: ConsistencyResponse, required: false }) consistency?: ConsistencyResponse;
}

export class BudgetPlanListResponse {
  @ApiProperty() centerId: string;
  @ApiProperty({ type: [BudgetPlanFiguresResponse], description: 'Latest first year first' })
  plans: BudgetPlanFiguresResponse[];
  @ApiProperty({ type: ConsistencyResponse, required: false }) consistency?: ConsistencyResponse;
}
