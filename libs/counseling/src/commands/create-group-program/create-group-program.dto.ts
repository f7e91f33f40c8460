import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsCenterOrCounselorId } from '@saeil/core';

export class CreateGroupProgramDto {
  @ApiProperty({ example: 'center-jinju' })
  @IsString()
  @IsCenterOrCounselorId()
  centerId: string;

  @ApiProperty({ example: '취업 솔루션', description: '프로그램명' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: 2026, description: 'the year the program runs' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ example: 18, description: '계획 회차' })
  @IsInt()
  @Min(1)
  @Max(366)
  plannedSessions: number;

  @ApiProperty({ example: 200, description: '계획 참여 인원' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  plannedParticipants: number;
}
