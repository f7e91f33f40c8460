import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsDateOnly, IsRecordId } from '@saeil/core';

/** 협약 갱신. On the Kafka command topic the agreement's id is part of the payload. */
export class RenewAgreementDto {
  @ApiProperty({ format: 'uuid' })
  @IsRecordId()
  agreementId: string;

  @ApiProperty({ example: '2032-03-01', description: 'New term end, after the current one' })
  @IsDateOnly()
  newTermEnd: string;

  @ApiProperty({
    example: '2029-01-15',
    description: 'From six months before the term ends until three months after; not in the future',
  })
  @IsDateOnly()
  renewedOn: string;
}

export class RenewAgreementBody extends OmitType(RenewAgreementDto, ['agreementId'] as const) {}
