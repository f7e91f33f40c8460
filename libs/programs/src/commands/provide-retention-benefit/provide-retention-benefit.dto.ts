import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { FUNDING_SOURCES, FundingSource, PROGRAM_MILESTONES, ProgramMilestone } from '@saeil/contracts';
import { IsDateOnly, IsRecordId } from '@saeil/core';

export class OverPlanDto {
  @ApiProperty({
    example: '예산 잔액으로 추가 지원 (센터장 승인)',
    description: 'Why the milestone plan may be exceeded',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

/** A program benefit given to a placed client at a milestone. */
export class ProvideRetentionBenefitDto {
  @ApiProperty({ format: 'uuid' })
  @IsRecordId()
  programId: string;

  @ApiProperty({ format: 'uuid' })
  @IsRecordId()
  clientId: string;

  @ApiProperty({ format: 'uuid', description: 'Her placement the milestone belongs to' })
  @IsRecordId()
  placementId: string;

  @ApiProperty({ enum: PROGRAM_MILESTONES, description: 'Milestone (months after the start date)' })
  @IsIn(PROGRAM_MILESTONES)
  n: ProgramMilestone;

  @ApiProperty({
    example: '2024-04-10',
    description: '지원일 (YYYY-MM-DD, not in the future, within the program period)',
  })
  @IsDateOnly()
  providedOn: string;

  @ApiProperty({ enum: FUNDING_SOURCES, description: 'The budget line it is paid from' })
  @IsIn(FUNDING_SOURCES)
  fundingSource: FundingSource;

  @ApiPropertyOptional({ example: '3개월 근속 축하' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;

  @ApiPropertyOptional({
    type: OverPlanDto,
    description: 'Explicit override when the milestone plan is full (recorded with the benefit)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => OverPlanDto)
  overPlan?: OverPlanDto;
}

export class ProvideRetentionBenefitBody extends OmitType(ProvideRetentionBenefitDto, ['programId'] as const) {}
