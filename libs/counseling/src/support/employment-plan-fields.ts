import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { applyDecorators } from '@nestjs/common';
import { PLANNED_SERVICES } from '@saeil/contracts';
import { IsDay } from './fields';

export class NextActionDto {
  @ApiProperty({ example: '컴퓨터활용능력 과정 등록' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  description: string;

  @IsDay('when the next step is due', '2026-12-05')
  dueOn: string;
}

/** Validation of the plan's parts, shared by setting (all required) and revising (each optional). */
export const PlanField = {
  goals: () =>
    applyDecorators(
      IsArray(),
      ArrayMinSize(1, { message: 'goals must name at least one goal' }),
      ArrayMaxSize(10),
      IsString({ each: true }),
      IsNotEmpty({ each: true }),
      MaxLength(300, { each: true }),
    ),
  desiredOccupation: () => applyDecorators(IsString(), IsNotEmpty(), MaxLength(100)),
  plannedServices: () =>
    applyDecorators(
      IsArray(),
      ArrayMinSize(1, { message: 'plannedServices must name at least one service' }),
      ArrayUnique(),
      IsIn(PLANNED_SERVICES, {
        each: true,
        message: `each of plannedServices must be one of ${PLANNED_SERVICES.join(', ')}`,
      }),
    ),
  nextAction: () =>
    applyDecorators(
      IsObject(),
      ValidateNested(),
      Type(() => NextActionDto),
    ),
};
