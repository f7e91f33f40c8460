import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CAREER_BREAK_REASONS,
  CONSENT_PURPOSES,
  EDUCATION_LEVELS,
  EMPLOYMENT_TYPES,
  KOREAN_REGIONS,
} from '@saeil/contracts';

export class ClientConsentResponse {
  @ApiProperty({ enum: CONSENT_PURPOSES }) purpose: string;
  @ApiProperty({ description: 'Version of the consent form she signed', example: '2026-01' }) version: string;
  @ApiProperty({ format: 'date', description: 'The day she gave it' }) givenOn: string;
}

/** GET /clients/:clientId — her profile as a case page shows it, opened from her sealed identity. */
export class ClientProfileResponse {
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({
    description: 'The center holding her case now (registration or last transfer)',
    example: 'center-naju',
  })
  centerId: string;
  @ApiProperty({ description: 'Her counselor now', example: 'counselor-kim' }) counselorId: string;
  @ApiProperty({ description: 'The center she registered at', example: 'center-naju' }) registeredAtCenterId: string;
  @ApiProperty({ format: 'date', description: '구직등록일: the day she registered (Korean calendar)' })
  registeredOn: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Opened from her sealed identity; null once she is erased',
    example: '김영희',
  })
  name: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) birthDate: string | null;
  @ApiProperty({ type: String, nullable: true, example: '010-1234-5678' }) phone: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'In clear (age band), erased or not' }) birthYear:
    number | null;
  @ApiProperty({ description: 'Her personal data was erased: name, birth date and phone are gone for good' })
  erased: boolean;
  @ApiProperty({ enum: KOREAN_REGIONS, description: '시·도' }) region: string;
  @ApiPropertyOptional({ enum: EDUCATION_LEVELS }) education?: string;
  @ApiPropertyOptional({ enum: CAREER_BREAK_REASONS, description: '경력단절 사유' }) careerBreakReason?: string;
  @ApiPropertyOptional({ description: '경력단절 기간 (years)' }) careerBreakYears?: number;
  @ApiPropertyOptional() lastOccupation?: string;
  @ApiPropertyOptional({ description: 'Years of experience in the last occupation' }) experienceYears?: number;
  @ApiPropertyOptional() desiredOccupation?: string;
  @ApiPropertyOptional({ enum: EMPLOYMENT_TYPES, description: '희망 고용형태' }) desiredEmploymentType?: string;
  @ApiPropertyOptional() desiredHoursPerWeek?: number;
  @ApiPropertyOptional({ description: 'KRW per month' }) desiredMonthlyWage?: number;
  @ApiPropertyOptional({ type: [String] }) certifications?: string[];
  @ApiPropertyOptional() childcareNeeds?: string;
  @ApiProperty({ type: [ClientConsentResponse], description: 'The consents in force' })
  consents: ClientConsentResponse[];
  @ApiProperty({ description: 'Her case is closed (종결)' }) closed: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'The day it was closed, while closed' })
  closedOn: string | null;
  @ApiProperty({ description: 'Version of her case stream this was read at' }) version: number;
}
