import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsQueryInt, MAX_PAGE } from '@saeil/core';

export class ListCounselingSessionsDto {
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @IsQueryInt(1, MAX_PAGE)
  page?: number;

  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @IsQueryInt(1, 100)
  pageSize?: number;
}
