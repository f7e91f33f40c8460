import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

/** `?month=YYYY-MM`: a calendar month in Korean time. */
export class AccessLogMonthDto {
  @ApiProperty({ example: '2026-11' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month!: string;
}

export class AccessLogReviewDto extends AccessLogMonthDto {
  @ApiPropertyOptional({ description: "Only reads by this center's accounts", example: 'center-naju' })
  @IsOptional() @Matches(/^[\w-]{1,64}$/)
  centerId?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  pageSize?: number;
}
