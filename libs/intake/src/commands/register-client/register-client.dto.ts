import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class RegisterClientDto {
  @ApiProperty({ example: '김영희' })
  @IsString() @IsNotEmpty() @MaxLength(100)
  name: string;

  @ApiProperty({ example: '1988-03-14', description: 'YYYY-MM-DD' })
  @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'birthDate must be YYYY-MM-DD' }) @IsISO8601({ strict: true })
  birthDate: string;

  @ApiProperty({ example: '010-1234-5678' })
  @IsString() @Matches(/^0\d{1,2}-?\d{3,4}-?\d{4}$/, { message: 'phone must be a Korean phone number such as 010-1234-5678' })
  phone: string;

  @ApiProperty({ example: 'center-naju' })
  @IsString() @Matches(/^[\w-]{1,64}$/, { message: 'centerId must be 1–64 letters, digits, "_" or "-"' })
  centerId: string;

  @ApiProperty({ example: 'counselor-kim' })
  @IsString() @Matches(/^[\w-]{1,64}$/, { message: 'counselorId must be 1–64 letters, digits, "_" or "-"' })
  counselorId: string;
}
