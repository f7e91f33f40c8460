import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsRecordId } from '@saeil/core';

/** 취업 기록 취소 (entered by mistake). On the Kafka command topic the ids are part of the payload. */
export class VoidPlacementDto {
  @ApiProperty({ format: 'uuid' })
  @IsRecordId()
  clientId: string;

  @ApiProperty({ format: 'uuid' })
  @IsRecordId()
  placementId: string;

  @ApiProperty({ example: '다른 구직자의 취업을 잘못 입력함' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

export class VoidPlacementBody extends OmitType(VoidPlacementDto, ['clientId', 'placementId'] as const) {}
