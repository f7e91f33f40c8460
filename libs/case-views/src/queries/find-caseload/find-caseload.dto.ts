import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsQueryInt, IsDateOnly, IsRecordId } from '@saeil/core';
import { CASE_STATUSES } from '../../caseload/caseload-facts';
import { PagedReadDto } from '../paging.dto';

/**
 * No `name`: her name is sealed in the read model, so SQL cannot order by it (sorting one page
 * alone would order nothing across pages). Asking for it is a 400 listing these.
 */
export const CASELOAD_SORTS = ['registered', 'lastContact', 'nextActionDue'] as const;

export class FindCaseloadDto extends PagedReadDto {
  @ApiPropertyOptional({ example: '3f0e6c1a-5b7d-4e21-9c3a-0d4b8e7f1a26', description: "her counselor's account id" })
  @IsOptional()
  @Matches(/^[\w-]{1,64}$/)
  counselorId?: string;

  @ApiPropertyOptional({ example: 'center-naju' })
  @IsOptional()
  @Matches(/^[\w-]{1,64}$/)
  centerId?: string;

  /** One woman's row, for the header of her case page (within the caller's reach, like every row). */
  @ApiPropertyOptional({ format: 'uuid', description: "One case: her row alone (the web app's case header)" })
  @IsOptional()
  @IsRecordId()
  clientId?: string;

  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: (typeof CASE_STATUSES)[number];

  @ApiPropertyOptional({
    description:
      'Her whole name (spaces at the ends and doubled inside ignored, letters in any case) or her phone number (dashes or not): an exact match through keyed hashes, never part of a name (her name is not stored in clear)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional({ description: 'Only cases whose next action is due on or before this date (YYYY-MM-DD)' })
  @IsOptional()
  @IsDateOnly()
  nextActionDueBefore?: string;

  @ApiPropertyOptional({ enum: CASELOAD_SORTS, default: 'registered' })
  @IsOptional()
  @IsIn(CASELOAD_SORTS, { message: `sort must be one of ${CASELOAD_SORTS.join(', ')} (not name: names are sealed)` })
  sort?: (typeof CASELOAD_SORTS)[number];

  @ApiPropertyOptional({ description: 'How long to wait for minPosition, in ms (bounded by MAX_CONSISTENCY_WAIT_MS)' })
  @IsOptional()
  @IsQueryInt(0, 60_000)
  waitMs?: number;
}
