import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export class ReadYourWritesDto {
  @ApiPropertyOptional({ description: 'Read your writes: wait until the read model has applied this position (from a command response)' })
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  minPosition?: number;
}
