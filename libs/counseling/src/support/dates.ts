import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches } from 'class-validator';

const KOREA_OFFSET_MS = 9 * 60 * 60 * 1000; // KST, no daylight saving time

/** Today's date in Korea (YYYY-MM-DD): where the centers are, whatever the server's time zone. */
export function todayInKorea(now: Date = new Date()): string {
  return new Date(now.getTime() + KOREA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * metadata.occurredAt for something that happened on a day: midnight UTC, so that both the UTC
 * date and the Korean date of the timestamp are that day. The exact day is in the payload.
 */
export function occurredAtOfDay(day: string | undefined): string | undefined {
  return day ? `${day}T00:00:00.000Z` : undefined;
}

/** A calendar date field (YYYY-MM-DD, a real date). */
export function IsDay(description: string, example: string, options: { optional?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    options.optional ? ApiPropertyOptional({ example, description: `${description} (YYYY-MM-DD)` }) : ApiProperty({ example, description: `${description} (YYYY-MM-DD)` }),
    ...(options.optional ? [IsOptional()] : []),
    IsString(),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a real date' }),
  );
}

/** Center and counselor ids, as intake accepts them. */
export const STAFF_ID = /^[\w-]{1,64}$/;
