import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { REPORT_LEVELS, type ReportLevel } from '@saeil/contracts';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;
/** A center id in its one form (lower case) or a 시·도 by its Korean name: any other spelling is a 400, never a look-up. */
const SCOPE_ID = /^([a-z0-9][a-z0-9_-]{0,63}|[가-힣]{2,10})$/;
const SCOPE_ID_MESSAGE = 'id must be a center id (lower case) or a 시·도 name';

export class PeriodQueryDto {
  @ApiProperty({ example: '2026-03', description: '`YYYY-MM` (a month) or `YYYY-Qn` (a quarter)' })
  @IsString()
  @Matches(PERIOD, { message: 'period must be YYYY-MM or YYYY-Qn' })
  period: string;
}

export class ExportQueryDto extends PeriodQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] })
  @IsIn(['csv', 'xlsx'])
  format: 'csv' | 'xlsx';

  @ApiPropertyOptional({ example: '전라남도', description: 'a 시·도: its centers; without it, the 17 시·도' })
  @IsOptional()
  @IsString()
  @Matches(/^[가-힣]{2,10}$/, { message: 'region must be a 시·도 name' })
  region?: string;
}

export class TrendQueryDto {
  @ApiProperty({ enum: ['month', 'quarter'] })
  @IsIn(['month', 'quarter'])
  kind: 'month' | 'quarter';

  @ApiProperty({ enum: REPORT_LEVELS })
  @IsIn(REPORT_LEVELS)
  level: ReportLevel;

  @ApiPropertyOptional({ example: '전라남도', description: 'the 시·도 (level region) or center id (level center)' })
  @IsOptional()
  @IsString()
  @Matches(SCOPE_ID, { message: SCOPE_ID_MESSAGE })
  id?: string;
}

export class VersionsQueryDto extends PeriodQueryDto {
  @ApiProperty({ enum: REPORT_LEVELS })
  @IsIn(REPORT_LEVELS)
  level: ReportLevel;

  @ApiPropertyOptional({ example: 'center-naju', description: 'center id or 시·도; none for the nation' })
  @IsOptional()
  @IsString()
  @Matches(SCOPE_ID, { message: SCOPE_ID_MESSAGE })
  id?: string;
}
