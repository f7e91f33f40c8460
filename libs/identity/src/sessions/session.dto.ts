import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'kim.counselor' })
  @IsString() @IsNotEmpty() @MaxLength(64)
  username: string;

  /** Not checked against the policy here (an old password may predate it), only bounded. */
  @ApiProperty({ format: 'password' })
  @IsString() @IsNotEmpty() @MaxLength(1024)
  password: string;
}

export class RefreshTokenDto {
  @ApiProperty({ description: 'The refresh token from the last login or refresh' })
  @IsString() @IsNotEmpty() @MaxLength(256)
  refreshToken: string;
}

export class TokenPair {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ description: 'seconds' }) expiresIn: number;
  @ApiProperty({ description: 'use once: the answer to a refresh carries its successor' }) refreshToken: string;
  @ApiProperty({ description: 'seconds' }) refreshExpiresIn: number;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString() @IsNotEmpty() @MaxLength(1024)
  currentPassword: string;

  @ApiProperty({ format: 'password', description: 'password policy: 12-128 characters …' })
  @IsString() @MaxLength(1024)
  newPassword: string;
}
