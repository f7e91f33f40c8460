import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsDateOnly, IsRecordId } from '@saeil/core';
import { ProgramPlanDto } from '../program-plan.dto';

/** 사후관리 프로그램 변경: the whole new plan and budget, with the reason (a new revision). */
export class AmendRetentionProgramDto extends ProgramPlanDto {
  @ApiProperty({ format: 'uuid' })
  @IsRecordId()
  programId: string;

  @ApiProperty({ example: '2024-05-02', description: 'YYYY-MM-DD, not in the future' })
  @IsDateOnly()
  amendedOn: string;

  @ApiProperty({ example: '추경 예산 반영' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

export class AmendRetentionProgramBody extends OmitType(AmendRetentionProgramDto, ['programId'] as const) {}
