import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { IsDateOnly, IsRecordId } from '@saeil/core';
import { SUBSIDY_KINDS, SUBSIDY_RECIPIENTS, SubsidyKind, SubsidyRecipient } from '@saeil/contracts';

/** The command as the Kafka command topic takes it; over HTTP the internshipId comes from the URL. */
export class PayInternshipSubsidyDto {
  @ApiProperty({ format: 'uuid' })
  @IsRecordId()
  internshipId: string;

  @ApiProperty({ example: 1, description: 'number of the payment in the configured schedule' })
  @IsInt()
  @Min(1)
  @Max(100)
  paymentNo: number;

  @ApiProperty({ enum: SUBSIDY_KINDS, example: 'monthly' })
  @IsIn(SUBSIDY_KINDS)
  kind: SubsidyKind;

  @ApiProperty({ enum: SUBSIDY_RECIPIENTS, example: 'employer' })
  @IsIn(SUBSIDY_RECIPIENTS)
  recipient: SubsidyRecipient;

  @ApiProperty({ example: 800000, description: 'KRW; must equal the configured amount' })
  @IsInt()
  @Min(1)
  @Max(100000000)
  amount: number;

  @ApiProperty({ example: '2026-04-10', description: 'YYYY-MM-DD, not in the future' })
  @IsDateOnly()
  paidOn: string;
}

/** The HTTP body: everything but the id in the URL. */
export class PayInternshipSubsidyBody extends OmitType(PayInternshipSubsidyDto, ['internshipId'] as const) {}
