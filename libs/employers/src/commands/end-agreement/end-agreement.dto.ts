import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsDateOnly, IsRecordId } from '@saeil/core';

/** 협약 종료. On the Kafka command topic the agreement's id is part of the payload. */
export class EndAgreementDto {
  @ApiProperty({ format: 'uuid' })
  @IsRecordId()
  agreementId: string;

  @ApiProperty({ example: '2026-04-30', description: 'YYYY-MM-DD, not before the signing, not in the future' })
  @IsDateOnly()
  endedOn: string;

  @ApiProperty({ example: '기업 폐업' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

export class EndAgreementBody extends OmitType(EndAgreementDto, ['agreementId'] as const) {}
