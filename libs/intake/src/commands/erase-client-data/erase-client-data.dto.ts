import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { CLIENT_ERASURE_REASONS, ClientErasureReason } from '@saeil/contracts';
import { Absent, IsClientId } from '../client-fields';

/** The HTTP body of POST /clients/:clientId/erasure. */
export class EraseClientDataBody {
  @ApiProperty({
    enum: CLIENT_ERASURE_REASONS,
    description:
      'client_request: she asked (개인정보 삭제 요구); retention_period_ended: her case has been closed longer than PERSONAL_DATA_RETENTION_DAYS',
  })
  @IsIn(CLIENT_ERASURE_REASONS, { message: 'reason must be client_request or retention_period_ended' })
  reason: ClientErasureReason;

  @ApiPropertyOptional({
    example: '본인 전화 요청 (2026-11-20 접수)',
    description: 'Kept in clear in the event after her data is gone: never write her name, phone or birth date here',
  })
  @Absent()
  @IsString()
  @Matches(/\S/, { message: 'note must not be blank' })
  @MaxLength(500)
  note?: string;
}

/** The command as both doors validate it (the Kafka payload carries the client id). */
export class EraseClientDataDto extends EraseClientDataBody {
  @ApiProperty({ format: 'uuid' })
  @IsClientId()
  clientId: string;
}
