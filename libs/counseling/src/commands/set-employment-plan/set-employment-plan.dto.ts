import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { PLANNED_SERVICES } from '@saeil/contracts';
import type { PlannedService } from '@saeil/contracts';
import { IsCenterOrCounselorId, IsRecordId } from '@saeil/core';
import { IsDay } from '../../support/fields';
import { NextActionDto, PlanField } from '../../support/employment-plan-fields';

export class SetEmploymentPlanDto {
  @ApiProperty({ description: 'the client (path parameter over HTTP)', format: 'uuid' })
  @IsRecordId()
  clientId: string;

  @ApiProperty({ example: ['6개월 내 사무직 정규직 취업'], description: '취업 목표' })
  @PlanField.goals()
  goals: string[];

  @ApiProperty({ example: '경영·회계 사무원', description: '희망 직종' })
  @PlanField.desiredOccupation()
  desiredOccupation: string;

  @ApiProperty({ enum: PLANNED_SERVICES, isArray: true, example: ['counseling', 'training', 'job_matching'] })
  @PlanField.plannedServices()
  plannedServices: PlannedService[];

  @ApiProperty({ type: NextActionDto })
  @PlanField.nextAction()
  nextAction: NextActionDto;

  @ApiPropertyOptional({
    example: '3f0e6c1a-5b7d-4e21-9c3a-0d4b8e7f1a26',
    description:
      'counselor responsible for the plan (an account id of a counselor or supervisor of her center); defaults to her assigned counselor',
  })
  @IsOptional()
  @IsString()
  @IsCenterOrCounselorId()
  counselorId?: string;

  @IsDay('day the plan was agreed with her', '2026-11-20')
  setOn: string;
}

export class SetEmploymentPlanBody extends OmitType(SetEmploymentPlanDto, ['clientId'] as const) {}
