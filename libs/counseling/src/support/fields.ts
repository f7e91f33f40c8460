import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsDateOnly } from '@saeil/core';

/** A calendar date field (YYYY-MM-DD, a real date), documented with its meaning and an example. */
export function IsDay(description: string, example: string, options: { optional?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    options.optional
      ? ApiPropertyOptional({ example, description: `${description} (YYYY-MM-DD)` })
      : ApiProperty({ example, description: `${description} (YYYY-MM-DD)` }),
    ...(options.optional ? [IsOptional()] : []),
    IsDateOnly(),
  );
}
