import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

/** Paging and read-your-writes, shared by the case-view queries. */
export class PagedReadDto {
  @ApiPropertyOptional({ default: 1 })
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200)
  pageSize?: number;

  @ApiPropertyOptional({ description: 'Read your writes: wait until the read model has applied this position (from a command response)' })
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  minPosition?: number;
}
