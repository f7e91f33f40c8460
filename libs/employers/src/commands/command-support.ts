import { applyDecorators } from '@nestjs/common';
import { IsISO8601, IsString, Matches, ValidateBy } from 'class-validator';
import { validateDto } from '@saeil/core';
import { isValidBusinessRegistrationNumber } from '../domain/business-registration-number';

/** A calendar date (YYYY-MM-DD) that exists. */
export const IsDateOnly = (field: string) =>
  applyDecorators(IsString(), Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${field} must be YYYY-MM-DD` }), IsISO8601({ strict: true }, { message: `${field} must be a valid date` }));

export const IsCenterId = () => Matches(/^[\w-]{1,64}$/, { message: 'centerId must be 1–64 letters, digits, "_" or "-"' });

/** 사업자등록번호 with a valid check digit (a 400 on the field, before any command runs). */
export const IsBusinessRegistrationNumber = () =>
  ValidateBy({
    name: 'isBusinessRegistrationNumber',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isValidBusinessRegistrationNumber(value),
      defaultMessage: () => 'businessRegistrationNumber must be a valid 사업자등록번호 (XXX-XX-XXXXX with a matching check digit)',
    },
  });

/** The day in Korea, for "not in the future" checks. */
export function todayInKorea(now = new Date()): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** metadata.occurredAt of a command dated by a day. */
export const occurredAtOfDay = (day: string): string => `${day}T00:00:00.000Z`;

/** The HTTP door's command: the body (already validated) with the ids from the path, validated as the Kafka door validates it. */
export function withPathIds<D extends object>(dto: new () => D, body: object, ids: Record<string, string>): D {
  return validateDto(dto, { ...body, ...ids });
}

/** Commands on an existing agreement act for the agreement's center: the handler reads it from the stream. */
export const CENTER_OF_THE_AGREEMENT = 'center-of-the-agreement';

export interface CommandResult {
  streamVersion: number;
  /** Global position written: pass it as `minPosition` to read your own write. */
  position: number;
  duplicate: boolean;
}
