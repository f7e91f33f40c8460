import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { AGREEMENT_KINDS, AgreementKind } from '@saeil/contracts';
import { IsCenterOrCounselorId, IsDateOnly, IsRecordId } from '@saeil/core';

export class SignAgreementDto {
  @ApiProperty({ example: 'center-jinju' })
  @IsString()
  @IsCenterOrCounselorId()
  centerId: string;

  @ApiProperty({
    enum: AGREEMENT_KINDS,
    description: 'women_friendly_company (여성친화기업 협약, with a registered employer) | institution_mou (업무협약)',
  })
  @IsIn(AGREEMENT_KINDS)
  kind: AgreementKind;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The employer (required for a women-friendly-company agreement)',
  })
  @IsOptional()
  @IsRecordId()
  employerId?: string;

  @ApiPropertyOptional({
    example: '경상국립대학교',
    description: "Party's name; defaults to the employer's registered name",
  })
  @ValidateIf((o: SignAgreementDto) => o.employerId === undefined || o.partyName !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  partyName?: string;

  @ApiProperty({ example: '2026-03-02', description: 'YYYY-MM-DD, not in the future' })
  @IsDateOnly()
  signedOn: string;

  @ApiProperty({ example: '2026-03-02' })
  @IsDateOnly()
  termStart: string;

  @ApiPropertyOptional({
    example: '2029-03-01',
    description: 'Required for an MOU; a women-friendly agreement defaults to three years',
  })
  @ValidateIf((o: SignAgreementDto) => o.kind === 'institution_mou' || o.termEnd !== undefined)
  @IsDateOnly()
  termEnd?: string;
}
