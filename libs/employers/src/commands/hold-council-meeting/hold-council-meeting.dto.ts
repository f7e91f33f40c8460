import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCenterOrCounselorId, IsDateOnly } from '@saeil/core';

export class HoldCouncilMeetingDto {
  @ApiProperty({ example: 'center-naju' })
  @IsString()
  @IsCenterOrCounselorId()
  centerId: string;

  @ApiProperty({ example: '2024-04-18', description: 'YYYY-MM-DD, not in the future' })
  @IsDateOnly()
  heldOn: string;

  @ApiProperty({ example: '여성일자리 실무협의체 회의' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({
    example: ['나주시 여성친화팀', '광주고용복지플러스센터'],
    description: '참석 기관·위원 (not clients)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  attendees?: string[];
}
