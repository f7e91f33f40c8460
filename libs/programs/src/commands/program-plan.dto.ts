import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { FUNDING_SOURCES, FundingSource, PROGRAM_MILESTONES, ProgramMilestone } from '@saeil/contracts';
import { IsDateOnly } from '@saeil/core';
import { MAX_BUDGET_AMOUNT, MAX_PLANNED_CLIENTS, MAX_UNIT_COST } from '../domain/retention-program.decider';
import { FUNDING_SOURCE_HELP } from './budget-plan.dto';

export class ProgramMilestoneDto {
  @ApiProperty({ enum: PROGRAM_MILESTONES, example: 1, description: '1, 2 or 3 months after the start date' })
  @IsIn(PROGRAM_MILESTONES)
  n: ProgramMilestone;

  @ApiProperty({ example: 100, description: '계획 인원' })
  @IsInt()
  @Min(0)
  @Max(MAX_PLANNED_CLIENTS)
  plannedClients: number;

  @ApiProperty({ example: '취업 축하 기념품', description: '지원 내용' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  benefit: string;

  @ApiProperty({ example: 30000, description: '1인당 단가 (KRW)' })
  @IsInt()
  @Min(0)
  @Max(MAX_UNIT_COST)
  unitCost: number;
}

export class ProgramBudgetLineDto {
  @ApiProperty({ enum: FUNDING_SOURCES, description: FUNDING_SOURCE_HELP })
  @IsIn(FUNDING_SOURCES)
  source: FundingSource;

  @ApiProperty({ example: 6000000, description: '확보액 (KRW)' })
  @IsInt()
  @Min(0)
  @Max(MAX_BUDGET_AMOUNT)
  amount: number;
}

/** The plan and budget, whole: defining and amending a program both send it. */
export class ProgramPlanDto {
  @ApiProperty({ example: '같이하는 고백(go 100)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '2024-01-01' })
  @IsDateOnly()
  periodFrom: string;

  @ApiProperty({ example: '2024-12-31' })
  @IsDateOnly()
  periodTo: string;

  @ApiProperty({ type: [ProgramMilestoneDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => ProgramMilestoneDto)
  milestones: ProgramMilestoneDto[];

  @ApiProperty({ type: [ProgramBudgetLineDto] })
  @IsArray()
  @ArrayMaxSize(FUNDING_SOURCES.length)
  @ValidateNested({ each: true })
  @Type(() => ProgramBudgetLineDto)
  budget: ProgramBudgetLineDto[];
}
