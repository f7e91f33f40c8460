import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { CASE_STATUSES } from '../../caseload/caseload-facts';
import { PagedReadDto } from '../paging.dto';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export const CASELOAD_SORTS = ['registered', 'lastContact', 'nextActionDue', 'name'] as const;

export class FindCaseloadDto extends PagedReadDto {
  @ApiPropertyOptional({ example: 'counselor-kim' })
  @IsOptional() @Matches(/^[\w-]{1,64}$/)
  counselorId?: string;

  @ApiPropertyOptional({ example: 'center-naju' })
  @IsOptional() @Matches(/^[\w-]{1,64}$/)
  centerId?: string;

  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional() @IsIn(CASE_STATUSES)
  status?: (typeof CASE_STATUSES)[number];

  @ApiPropertyOptional({ description: 'Part of her name' })
  @IsOptional() @IsString() @MaxLength(50)
  q?: string;

  @ApiPropertyOptional({ description: 'Only cases whose next action is due on or before this date (YYYY-MM-DD)' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'nextActionDueBefore must be YYYY-MM-DD' })
  nextActionDueBefore?: string;

  @ApiPropertyOptional({ enum: CASELOAD_SORTS, default: 'registered' })
  @IsOptional() @IsIn(CASELOAD_SORTS)
  sort?: (typeof CASELOAD_SORTS)[number];

  @ApiPropertyOptional({ description: 'How long to wait for minPosition, in ms (bounded by MAX_CONSISTENCY_WAIT_MS)' })
  @IsOptional() @Transform(toInt) @IsInt() @Min(0)
  waitMs?: number;
}
