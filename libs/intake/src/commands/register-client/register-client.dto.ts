import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional } from 'class-validator';
import { IsCenterOrCounselorId, IsDateOnly, IsRecordId } from '@saeil/core';
import { Absent, ClientProfileFields, IsKoreanPhone, IsPersonName, RegionProperty } from '../client-fields';

export class RegisterClientDto extends ClientProfileFields {
  @ApiPropertyOptional({
    example: '2026-02-02',
    description:
      'The day she registered, when it is recorded late (YYYY-MM-DD, not in the future); today when left out',
  })
  @IsOptional()
  @IsDateOnly()
  registeredOn?: string;

  @ApiProperty({ example: '김영희' })
  @IsPersonName()
  name: string;

  @ApiProperty({ example: '1988-03-14', description: 'YYYY-MM-DD' })
  @IsDateOnly()
  birthDate: string;

  @ApiProperty({ example: '010-1234-5678' })
  @IsKoreanPhone()
  phone: string;

  @ApiProperty({ example: 'center-naju' })
  @IsCenterOrCounselorId()
  centerId: string;

  @ApiProperty({
    example: '3f0e6c1a-5b7d-4e21-9c3a-0d4b8e7f1a26',
    description: 'her counselor: account id of a counselor or supervisor of the center',
  })
  @IsCenterOrCounselorId()
  counselorId: string;

  @RegionProperty(true)
  region: string;

  @ApiPropertyOptional({
    type: [String],
    description:
      'After a DUPLICATE_CLIENT answer: the clients it named, each confirmed to be another person. Registers her anyway; the acknowledgment is recorded.',
  })
  @Absent()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsRecordId({ each: true })
  allowDuplicateOf?: string[];
}
