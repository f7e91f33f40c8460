import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsDecimal, IsRecordId } from '@saeil/core';
import { normalisePersonName } from '../domain/person-name';
import {
  CAREER_BREAK_REASONS,
  CareerBreakReason,
  DesiredEmploymentType,
  EDUCATION_LEVELS,
  EMPLOYMENT_TYPES,
  KOREAN_REGIONS,
} from '@saeil/contracts';

/**
 * Validation shared by the intake DTOs. `Absent()` makes a field optional but, unlike
 * IsOptional, refuses null: an event payload never carries null for a profile field.
 */
export const Absent = () => ValidateIf((_dto: object, value: unknown) => value !== undefined);

/**
 * A person's name, normalised before it is validated (normalisePersonName: invisible characters
 * out, NFC, whitespace collapsed), so a name of only zero-width spaces is blank, and everything
 * after validation (sealing, identity and search keys, the idempotency hash) sees one spelling.
 */
export const IsPersonName = (): PropertyDecorator => (target, key) => {
  Transform(({ value }) => (typeof value === 'string' ? normalisePersonName(value) : value))(target, key as string);
  IsString()(target, key);
  Matches(/\S/, { message: 'name must not be blank' })(target, key);
  MaxLength(100)(target, key);
};

export const IsKoreanPhone = (): PropertyDecorator =>
  Matches(/^0\d{1,2}-?\d{3,4}-?\d{4}$/, { message: 'phone must be a Korean phone number such as 010-1234-5678' });

/** A reason a counselor writes (closure, reopening, transfer). */
export const IsReason = (): PropertyDecorator => (target, key) => {
  IsString()(target, key);
  Matches(/\S/, { message: 'reason must not be blank' })(target, key);
  MaxLength(500)(target, key);
};

export const IsClientId = (): PropertyDecorator => IsRecordId();

/** The profile fields every DTO that writes a profile accepts, all optional (region is added by each DTO). */
export class ClientProfileFields {
  @ApiPropertyOptional({ enum: EDUCATION_LEVELS, description: '최종학력' })
  @Absent()
  @IsIn(EDUCATION_LEVELS)
  education?: (typeof EDUCATION_LEVELS)[number];

  @ApiPropertyOptional({ enum: CAREER_BREAK_REASONS, description: '경력단절 사유' })
  @Absent()
  @IsIn(CAREER_BREAK_REASONS)
  careerBreakReason?: CareerBreakReason;

  @ApiPropertyOptional({ example: 6, description: '경력단절 기간 (years, 0–60, one decimal)' })
  @Absent()
  @IsDecimal(1)
  @Min(0)
  @Max(60)
  careerBreakYears?: number;

  @ApiPropertyOptional({ example: '회계사무원', description: '최근 직종' })
  @Absent()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastOccupation?: string;

  @ApiPropertyOptional({ example: 4, description: 'years of experience in the last occupation (0–60)' })
  @Absent()
  @IsDecimal(1)
  @Min(0)
  @Max(60)
  experienceYears?: number;

  @ApiPropertyOptional({ example: '세무회계사무원', description: '희망 직종' })
  @Absent()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  desiredOccupation?: string;

  @ApiPropertyOptional({ enum: EMPLOYMENT_TYPES, description: '희망 고용형태' })
  @Absent()
  @IsIn(EMPLOYMENT_TYPES)
  desiredEmploymentType?: DesiredEmploymentType;

  @ApiPropertyOptional({ example: 30, description: '희망 근로시간 per week (1–80)' })
  @Absent()
  @IsDecimal(1)
  @Min(1)
  @Max(80)
  desiredHoursPerWeek?: number;

  @ApiPropertyOptional({ example: 2200000, description: '희망 월급여, KRW (0–100,000,000)' })
  @Absent()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  desiredMonthlyWage?: number;

  @ApiPropertyOptional({ type: [String], example: ['전산회계 2급'], description: '자격증 (at most 30)' })
  @Absent()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  certifications?: string[];

  @ApiPropertyOptional({ example: '초등학생 자녀 1명, 오후 3시 이후 돌봄 필요', description: '돌봄 필요 사항' })
  @Absent()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  childcareNeeds?: string;
}

export const RegionProperty =
  (required: boolean): PropertyDecorator =>
  (target, key) => {
    (required ? ApiProperty : ApiPropertyOptional)({ enum: KOREAN_REGIONS, example: '전라남도', description: '시·도' })(
      target,
      key,
    );
    IsIn(KOREAN_REGIONS, { message: 'region must be one of the 17 시·도 by its official name, e.g. 전라남도' })(
      target,
      key,
    );
  };
