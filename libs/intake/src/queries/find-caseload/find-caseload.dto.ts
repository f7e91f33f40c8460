import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export class FindCaseloadDto {
  @ApiPropertyOptional({ example: 'counselor-kim' })
  @IsOptional() @Matches(/^[\w-]{1,64}$/)
  counselorId?: string;

  @ApiPropertyOptional({ example: 'center-naju' })
  @IsOptional() @Matches(/^[\w-]{1,64}$/)
  centerId?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200)
  pageSize?: number;

  @ApiPropertyOptional({ description: 'Read your writes: wait until the read model has applied this position (from a command response)' })
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  minPosition?: number;

  @ApiPropertyOptional({ description: 'How long to wait for minPosition, in ms (bounded by MAX_CONSISTENCY_WAIT_MS)' })
  @IsOptional() @Transform(toInt) @IsInt() @Min(0)
  waitMs?: number;
}
