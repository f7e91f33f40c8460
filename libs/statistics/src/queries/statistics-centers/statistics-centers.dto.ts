import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { STATISTICS_LEVELS } from '../statistics-read.dto';

export class StatisticsCentersDto {
  @ApiProperty({ enum: STATISTICS_LEVELS })
  @IsIn(STATISTICS_LEVELS)
  level: (typeof STATISTICS_LEVELS)[number];

  @ApiPropertyOptional({
    example: '전라남도',
    description: "A center id (level=center), a 시·도 or '미지정' (level=region); none for the nation",
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/\S/)
  id?: string;
}
