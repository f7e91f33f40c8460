import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Role, ROLES } from '../domain/roles';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

/** The web app's mode (issue 14); curl and the Kafka door keep the refresh token in the body. */
const COOKIE_MODE =
  'true: the refresh token is set as an httpOnly, SameSite=Strict cookie (path /auth) and left out of the answer; refresh and logout then read it from that cookie';

export class LoginDto {
  @ApiProperty({ example: 'kim.counselor' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username: string;

  /** Not checked against the policy here (an old password may predate it), only bounded. */
  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password: string;

  @ApiPropertyOptional({ description: COOKIE_MODE })
  @IsOptional()
  @IsBoolean()
  cookie?: boolean;
}

export class RefreshTokenDto {
  @ApiPropertyOptional({
    description: 'The refresh token from the last login or refresh (required unless cookie is true)',
  })
  // required without the cookie; when sent, always a token (with cookie: true a `false` passed unchecked)
  @ValidateIf((body: RefreshTokenDto) => body.cookie !== true || body.refreshToken !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  refreshToken?: string;

  @ApiPropertyOptional({ description: COOKIE_MODE })
  @IsOptional()
  @IsBoolean()
  cookie?: boolean;
}

export class TokenPair {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ description: 'seconds' }) expiresIn: number;
  @ApiPropertyOptional({
    description: 'use once: the answer to a refresh carries its successor; absent in cookie mode (it is in the cookie)',
  })
  refreshToken?: string;
  @ApiProperty({ description: 'seconds' }) refreshExpiresIn: number;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  currentPassword: string;

  @ApiProperty({ format: 'password', description: 'password policy: 12-128 characters …' })
  @IsString()
  @MaxLength(1024)
  newPassword: string;
}

/** Who the access token belongs to (GET /auth/me). */
export class PrincipalView {
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiPropertyOptional({ description: "A counselor's or a supervisor's one center" }) centerId?: string;
  @ApiPropertyOptional({ description: "A regional supervisor's 시·도" }) region?: string;
  @ApiProperty({ description: "Which provider authenticated her: 'local' accounts today", example: 'local' })
  provider: string;
}
