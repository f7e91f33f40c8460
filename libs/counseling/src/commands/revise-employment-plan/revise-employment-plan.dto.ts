import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsRecordId } from '@saeil/core';
import { PLANNED_SERVICES } from '@saeil/contracts';
import type { PlannedService } from '@saeil/contracts';
import { IsDay } from '../../support/fields';
import { NextActionDto, PlanField } from '../../support/employment-plan-fields';

/** The parts to change (any of them), why, and when. Parts left out stay as they are. */
export class ReviseEmploymentPlanDto {
  @ApiProperty({ description: 'the client (path parameter over HTTP)', format: 'uuid' })
  @IsRecordId()
  clientId: string;

  @ApiPropertyOptional({ example: ['3개월 내 새일여성인턴 참여 후 정규직 전환'] })
  @IsOptional()
  @PlanField.goals()
  goals?: string[];

  @ApiPropertyOptional({ example: '경영·회계 사무원' })
  @IsOptional()
  @PlanField.desiredOccupation()
  desiredOccupation?: string;

  @ApiPropertyOptional({
    enum: PLANNED_SERVICES,
    isArray: true,
    example: ['counseling', 'training', 'internship', 'job_matching'],
  })
  @IsOptional()
  @PlanField.plannedServices()
  plannedServices?: PlannedService[];

  @ApiPropertyOptional({ type: NextActionDto })
  @IsOptional()
  @PlanField.nextAction()
  nextAction?: NextActionDto;

  @ApiProperty({ example: '새일여성인턴 연계 희망', description: '변경 사유' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;

  @IsDay('day the change was agreed with her', '2026-11-21')
  revisedOn: string;
}

export class ReviseEmploymentPlanBody extends OmitType(ReviseEmploymentPlanDto, ['clientId'] as const) {}
