import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { EMPLOYER_SIZES, EmployerSize } from '@saeil/contracts';
import { IsCenterOrCounselorId } from '@saeil/core';
import { IsBusinessRegistrationNumber } from '../command-support';

export class RegisterEmployerDto {
  @ApiProperty({ example: 'center-jinju', description: 'Center registering the employer' })
  @IsString()
  @IsCenterOrCounselorId()
  centerId: string;

  @ApiProperty({
    example: '220-81-62517',
    description: '사업자등록번호 (XXX-XX-XXXXX or 10 digits; the check digit is verified)',
  })
  @IsString()
  @IsBusinessRegistrationNumber()
  businessRegistrationNumber: string;

  @ApiProperty({ example: '(주)진주주얼리' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '귀금속 및 장신용품 제조업', description: '업종 (KSIC name or code)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  industry: string;

  @ApiProperty({ enum: EMPLOYER_SIZES })
  @IsIn(EMPLOYER_SIZES)
  size: EmployerSize;
}
