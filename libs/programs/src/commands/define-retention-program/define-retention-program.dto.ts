import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { IsCenterOrCounselorId } from '@saeil/core';
import { ProgramPlanDto } from '../program-plan.dto';

/** 사후관리 프로그램 수립 (supervisor). */
export class DefineRetentionProgramDto extends ProgramPlanDto {
  @ApiProperty({ example: 'center-naju' })
  @IsString()
  @IsCenterOrCounselorId()
  centerId: string;
}
