import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsDateOnly } from '@saeil/core';
import { DROPOUT_REASONS, DropoutReason } from '@saeil/contracts';
import { TraineeIds } from '../trainee-ids';

/** The command as the Kafka command topic takes it; over HTTP the courseId comes from the URL. */
export class RecordTrainingDropoutDto extends TraineeIds {
  @ApiProperty({ example: '2026-04-10', description: 'YYYY-MM-DD, not in the future; within the course dates' })
  @IsDateOnly()
  droppedOn: string;

  @ApiProperty({ enum: DROPOUT_REASONS, example: 'employed', description: '중도탈락 사유' })
  @IsIn(DROPOUT_REASONS)
  reason: DropoutReason;

  @ApiPropertyOptional({ example: '조기취업 (○○병원)', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

/** The HTTP body: everything but the id in the URL. */
export class RecordTrainingDropoutBody extends OmitType(RecordTrainingDropoutDto, ['courseId'] as const) {}
