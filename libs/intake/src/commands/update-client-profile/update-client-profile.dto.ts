import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateOnly } from '@saeil/core';
import { Absent, ClientProfileFields, IsClientId, IsKoreanPhone, IsPersonName, RegionProperty } from '../client-fields';

/** The HTTP body of PATCH /clients/:clientId/profile: only the fields to change. */
export class UpdateClientProfileBody extends ClientProfileFields {
  @ApiPropertyOptional({ example: '김영희' })
  @Absent()
  @IsPersonName()
  name?: string;

  @ApiPropertyOptional({ example: '1988-03-14', description: 'YYYY-MM-DD' })
  @Absent()
  @IsDateOnly()
  birthDate?: string;

  @ApiPropertyOptional({ example: '010-1234-5678' })
  @Absent()
  @IsKoreanPhone()
  phone?: string;

  @Absent()
  @RegionProperty(false)
  region?: string;
}

/** The command as both doors validate it (the Kafka payload carries the client id). */
export class UpdateClientProfileDto extends UpdateClientProfileBody {
  @ApiProperty({ format: 'uuid' })
  @IsClientId()
  clientId: string;
}
