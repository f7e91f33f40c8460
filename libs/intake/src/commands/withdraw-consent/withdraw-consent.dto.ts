import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CONSENT_PURPOSES, ConsentPurpose } from '@saeil/contracts';
import { IsDateOnly } from '@saeil/core';
import { IsClientId } from '../client-fields';

/** The HTTP body of POST /clients/:clientId/consents/:purpose/withdrawal. */
export class WithdrawConsentBody {
  @ApiProperty({ example: '2026-11-10', description: 'YYYY-MM-DD, the day she withdrew (not in the future)' })
  @IsDateOnly()
  withdrawnOn: string;
}

/** The command as both doors validate it (the Kafka payload carries client id and purpose). */
export class WithdrawConsentDto extends WithdrawConsentBody {
  @ApiProperty({ format: 'uuid' })
  @IsClientId()
  clientId: string;

  @ApiProperty({ enum: CONSENT_PURPOSES })
  @IsIn(CONSENT_PURPOSES)
  purpose: ConsentPurpose;
}
