import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EMPLOYMENT_END_REASONS,
  OCCUPATION_GROUPS,
  PLACEMENT_CHANNELS,
  PLACEMENT_EMPLOYMENT_TYPES,
} from '@saeil/contracts';
import type { EmploymentEndReason, OccupationGroup, PlacementChannel, PlacementEmploymentType } from '@saeil/contracts';

export class PlacementResponse {
  @ApiProperty() placementId: string;
  @ApiPropertyOptional({ description: 'Set when the employer is registered with the employers context' })
  employerId?: string;
  @ApiProperty() employerName: string;
  @ApiProperty() jobTitle: string;
  @ApiProperty({ description: "KECO occupation code (e.g. '0231') or the occupation's name" }) occupation: string;
  @ApiProperty({ enum: Object.keys(OCCUPATION_GROUPS), description: 'KECO 대분류' }) occupationGroup: OccupationGroup;
  @ApiProperty({ enum: PLACEMENT_EMPLOYMENT_TYPES }) employmentType: PlacementEmploymentType;
  @ApiProperty() weeklyHours: number;
  @ApiProperty({ description: 'KRW per month' }) monthlyWage: number;
  @ApiProperty({ format: 'date' }) startOn: string;
  @ApiProperty({ enum: PLACEMENT_CHANNELS }) channel: PlacementChannel;
  @ApiProperty({ description: '고용보험 가입 여부' }) employmentInsurance: boolean;
  @ApiProperty({ enum: ['active', 'ended', 'voided'] }) status: 'active' | 'ended' | 'voided';
  @ApiPropertyOptional({ format: 'date' }) endedOn?: string;
  @ApiPropertyOptional({ enum: EMPLOYMENT_END_REASONS }) endReason?: EmploymentEndReason;
  @ApiPropertyOptional() endNote?: string;
  @ApiPropertyOptional() voidReason?: string;
}

export class StartupGrantResponse {
  @ApiProperty({ description: 'KRW' }) amount: number;
  @ApiProperty({ format: 'date' }) paidOn: string;
  @ApiProperty() grantYear: number;
}

export class StartupResponse {
  @ApiProperty() startupId: string;
  @ApiProperty() businessName: string;
  @ApiProperty() industry: string;
  @ApiProperty({ format: 'date' }) startedOn: string;
  @ApiPropertyOptional() teamId?: string;
  @ApiProperty({ type: [StartupGrantResponse] }) grants: StartupGrantResponse[];
}

export class PlacementHistoryResponse {
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ type: [PlacementResponse], description: 'Voided ones included, marked' })
  placements: PlacementResponse[];
  @ApiProperty({ type: [StartupResponse] }) startups: StartupResponse[];
  @ApiProperty({ description: 'Version of her placements stream this answer was read at' }) streamVersion: number;
}
