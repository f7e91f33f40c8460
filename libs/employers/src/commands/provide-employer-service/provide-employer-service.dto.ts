import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { EMPLOYER_SERVICES, EmployerService } from '@saeil/contracts';
import { IsCenterOrCounselorId, IsDateOnly, IsRecordId } from '@saeil/core';

/** 채용기업 사후관리. On the Kafka command topic the employer's id is part of the payload. */
export class ProvideEmployerServiceDto {
  @ApiProperty({ format: 'uuid' })
  @IsRecordId()
  employerId: string;

  @ApiProperty({ example: 'center-jinju', description: 'Center providing the service' })
  @IsString()
  @IsCenterOrCounselorId()
  centerId: string;

  @ApiProperty({ enum: EMPLOYER_SERVICES })
  @IsIn(EMPLOYER_SERVICES)
  service: EmployerService;

  @ApiProperty({ example: '2026-04-15', description: 'YYYY-MM-DD, not in the future' })
  @IsDateOnly()
  providedOn: string;

  @ApiPropertyOptional({ example: 24, description: '참여 인원 (e.g. of a training)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  participants?: number;

  @ApiPropertyOptional({ example: '직장 내 양성평등 특강' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ProvideEmployerServiceBody extends OmitType(ProvideEmployerServiceDto, ['employerId'] as const) {}
