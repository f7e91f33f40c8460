import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsQueryInt } from '@saeil/core';

export class ReadYourWritesDto {
  @ApiPropertyOptional({
    description: 'Read your writes: wait until the read model has applied this position (from a command response)',
  })
  @IsOptional()
  @IsQueryInt(1)
  minPosition?: number;
}
