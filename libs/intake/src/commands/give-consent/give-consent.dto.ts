import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { CONSENT_PURPOSES, ConsentPurpose } from '@saeil/contracts';
import { IsDateOnly } from '@saeil/core';
import { IsClientId } from '../client-fields';

/** The HTTP body of POST /clients/:clientId/consents. */
export class GiveConsentBody {
  @ApiProperty({
    enum: CONSENT_PURPOSES,
    description: 'service: 개인정보 수집·이용, employer_sharing: 제3자 제공(채용기업), marketing',
  })
  @IsIn(CONSENT_PURPOSES)
  purpose: ConsentPurpose;

  @ApiProperty({ example: '2026-01', description: 'version of the consent form she signed' })
  @Matches(/^[\w.-]{1,32}$/, { message: 'version must be 1–32 letters, digits, ".", "_" or "-"' })
  version: string;

  @ApiProperty({ example: '2026-11-02', description: 'YYYY-MM-DD, the day she signed (not in the future)' })
  @IsDateOnly()
  givenOn: string;
}

/** The command as both doors validate it (the Kafka payload carries the client id). */
export class GiveConsentDto extends GiveConsentBody {
  @ApiProperty({ format: 'uuid' })
  @IsClientId()
  clientId: string;
}
