import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsCenterOrCounselorId, IsRecordId } from '@saeil/core';
import { IsDay } from '../../support/fields';

export class RecordOutreachEventDto {
  @ApiProperty({ example: 'center-naju' })
  @IsString()
  @IsCenterOrCounselorId()
  centerId: string;

  @ApiProperty({ example: '나주역 광장', description: '장소: 아파트 단지, 역, 유동인구 많은 기관 …' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  place: string;

  @IsDay('day of the outreach', '2026-05-14')
  heldOn: string;

  @ApiProperty({
    example: ['3f0e6c1a-5b7d-4e21-9c3a-0d4b8e7f1a26', '8b2d4f60-1c9e-4a37-b5d8-6e0f2a9c4b13'],
    description: 'counselors who went: account ids of counselors or supervisors of the center',
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'counselorIds must name at least one counselor' })
  @ArrayMaxSize(50)
  @IsCenterOrCounselorId({ each: true })
  counselorIds: string[];

  @ApiProperty({ example: 23, description: 'people reached who are not registered clients (counted, not named)' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  walkInContacts: number;

  @ApiPropertyOptional({
    type: [String],
    description: 'registered clients counselled there (each needs an open case with the service consent)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsRecordId({ each: true })
  registeredClientIds?: string[];

  @ApiPropertyOptional({ example: '구직 상담 부스 운영, 리플릿 배포' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;
}
