import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export class ListCounselingSessionsDto {
  @ApiPropertyOptional({ default: 1 })
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 20 })
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100)
  pageSize?: number;
}
