import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCenterOrCounselorId, IsDateOnly } from '@saeil/core';

const NOT_BLANK = /\S/;

export class CreateCourseDto {
  @ApiProperty({ example: 'center-jinju' })
  @IsString()
  @IsCenterOrCounselorId()
  centerId: string;

  @ApiProperty({ example: '간호조무사 재취업 인력양성' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: '진주직업전문학교', description: '훈련기관' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'provider must not be blank' })
  @MaxLength(200)
  provider: string;

  @ApiProperty({ example: '간호조무사', description: '훈련 분야 (statistics group completers by it)' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'field must not be blank' })
  @MaxLength(100)
  field: string;

  @ApiProperty({ example: '2026-03-02', description: 'YYYY-MM-DD' })
  @IsDateOnly()
  startsOn: string;

  @ApiProperty({ example: '2026-06-30', description: 'YYYY-MM-DD, on or after startsOn' })
  @IsDateOnly()
  endsOn: string;

  @ApiProperty({ example: 740, description: 'total training hours' })
  @IsInt()
  @Min(1)
  @Max(5000)
  hours: number;

  @ApiProperty({ example: 20, description: '정원' })
  @IsInt()
  @Min(1)
  @Max(1000)
  capacity: number;
}
