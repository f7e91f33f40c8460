import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Role, ROLES } from '../domain/roles';
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

/** Who the access token belongs to (GET /auth/me). */
export class PrincipalView {
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiPropertyOptional({ description: 'A counselor\'s or a supervisor\'s one center' }) centerId?: string;
  @ApiPropertyOptional({ description: 'A regional supervisor\'s 시·도' }) region?: string;
  @ApiProperty({ description: "Which provider authenticated her: 'local' accounts today", example: 'local' }) provider: string;
}
