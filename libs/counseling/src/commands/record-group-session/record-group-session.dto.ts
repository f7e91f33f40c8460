import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsRecordId } from '@saeil/core';
import { IsDay } from '../../support/fields';

export class RecordGroupSessionDto {
  @ApiProperty({ description: 'the program (path parameter over HTTP)', format: 'uuid' })
  @IsRecordId()
  programId: string;

  @ApiProperty({ example: 1, description: '회차 (1 … planned sessions)' })
  @IsInt()
  @Min(1)
  @Max(366)
  sessionNo: number;

  @IsDay('day the session was held', '2026-03-10')
  heldOn: string;

  @ApiPropertyOptional({ example: '나를 알아보기', description: '회차 주제' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  topic?: string;

  @ApiProperty({
    type: [String],
    description: 'registered clients who attended (each needs an open case with the service consent)',
  })
  @IsArray()
  @ArrayMaxSize(500)
  @IsRecordId({ each: true })
  attendeeClientIds: string[];

  @ApiProperty({ example: 7, description: 'participants who are not registered clients (counted, not named)' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  walkInCount: number;
}

export class RecordGroupSessionBody extends OmitType(RecordGroupSessionDto, ['programId'] as const) {}
