import { ApiProperty } from '@nestjs/swagger';
import { ConsistencyResponse } from '@saeil/core';
import { FUNDING_SOURCES, PROGRAM_MILESTONES } from '@saeil/contracts';
import type { FundingSource, ProgramMilestone } from '@saeil/contracts';

export class MilestoneUtilizationResponse {
  @ApiProperty({ enum: PROGRAM_MILESTONES, description: 'Months after the start date' }) n: ProgramMilestone;
  @ApiProperty() benefit: string;
  @ApiProperty({ description: 'KRW per client' }) unitCost: number;
  @ApiProperty() planned: number;
  @ApiProperty() given: number;
  @ApiProperty({ description: 'Given with an explicit override because the plan was full' }) overPlan: number;
  @ApiProperty({ type: Number, nullable: true, description: 'given ÷ planned × 100 (may pass 100 with overrides)' })
  utilization: number | null;
}

export class BudgetExecutionResponse {
  @ApiProperty({ enum: FUNDING_SOURCES }) source: FundingSource;
  @ApiProperty({ description: 'KRW secured (확보액)' }) secured: number;
  @ApiProperty({ description: 'KRW executed (집행액): the unit costs of the benefits paid from this source, as given' })
  executed: number;
  @ApiProperty() remaining: number;
  @ApiProperty({ type: Number, nullable: true, description: 'executed ÷ secured × 100; null when nothing was secured' })
  executionRate: number | null;
}

export class ProgramTotalsResponse {
  @ApiProperty() planned: number;
  @ApiProperty() given: number;
  @ApiProperty() overPlan: number;
  @ApiProperty() secured: number;
  @ApiProperty() executed: number;
  @ApiProperty() remaining: number;
  @ApiProperty({ type: Number, nullable: true }) executionRate: number | null;
}

export class RetentionProgramResponse {
  @ApiProperty() programId: string;
  @ApiProperty() centerId: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date' }) periodFrom: string;
  @ApiProperty({ format: 'date' }) periodTo: string;
  @ApiProperty({ description: '1, then one more per amendment' }) revision: number;
  @ApiProperty({ type: [MilestoneUtilizationResponse] }) milestones: MilestoneUtilizationResponse[];
  @ApiProperty({ type: [BudgetExecutionResponse] }) budget: BudgetExecutionResponse[];
  @ApiProperty({ type: ProgramTotalsResponse }) totals: ProgramTotalsResponse;
}

export class RetentionProgramAnswerResponse extends RetentionProgramResponse {
  @ApiProperty({ type: ConsistencyResponse, required: false }) consistency?: ConsistencyResponse;
}

export class RetentionProgramListResponse {
  @ApiProperty() centerId: string;
  @ApiProperty({ type: [RetentionProgramResponse], description: 'Newest period first' })
  programs: RetentionProgramResponse[];
  @ApiProperty({ type: ConsistencyResponse, required: false }) consistency?: ConsistencyResponse;
}
