import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsQueryInt, MAX_PAGE } from '@saeil/core';

/** Paging and read-your-writes, shared by the case-view queries. */
export class PagedReadDto {
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @IsQueryInt(1, MAX_PAGE)
  page?: number;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @IsQueryInt(1, 200)
  pageSize?: number;

  @ApiPropertyOptional({
    description: 'Read your writes: wait until the read model has applied this position (from a command response)',
  })
  @IsOptional()
  @IsQueryInt(1)
  minPosition?: number;
}
