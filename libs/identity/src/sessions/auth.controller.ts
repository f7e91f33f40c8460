import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiAnswer, ApiErrors, Public } from '@saeil/core';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Authenticated } from '../access/roles.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import { sourceAddressOf } from '../access/source-address';
import type { Principal } from '../principal/principal';
import { AccountsService } from '../accounts/accounts.service';
import { ChangePasswordDto, LoginDto, PrincipalView, RefreshTokenDto, TokenPair } from './session.dto';
import { Sessions } from './sessions.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly sessions: Sessions,
    private readonly accounts: AccountsService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with a user name and password: an access token and a refresh token (401 INVALID_CREDENTIALS, 429 TOO_MANY_LOGIN_ATTEMPTS with Retry-After)' })
  @ApiAnswer(TokenPair)
  @ApiErrors(401, 429, 503)
  login(@Body() body: LoginDto, @Req() req: Request): Promise<TokenPair> {
    return this.sessions.login({ username: body.username, password: body.password, sourceAddress: sourceAddressOf(req) });
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Trade a refresh token (used once) for new tokens; reusing one revokes its whole login (401 REFRESH_TOKEN_REUSED)' })
  @ApiAnswer(TokenPair)
  @ApiErrors(401, 503)
  refresh(@Body() body: RefreshTokenDto, @Req() req: Request): Promise<TokenPair> {
    return this.sessions.refresh(body.refreshToken, sourceAddressOf(req));
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Log out: the refresh token and every token of its login are revoked' })
  @ApiResponse({ status: 204, description: 'Logged out (also for a token already revoked or unknown)' })
  @ApiErrors(503)
  async logout(@Body() body: RefreshTokenDto, @Req() req: Request): Promise<void> {
    await this.sessions.logout(body.refreshToken, sourceAddressOf(req));
  }

  @Post('password')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'Change her own password (the current one is checked like a login); every session of hers ends' })
  @ApiResponse({ status: 204, description: 'Changed; every session of hers ended' })
  async changePassword(@Body() body: ChangePasswordDto, @CurrentPrincipal() principal: Principal, @Req() req: Request): Promise<void> {
    await this.accounts.changeOwnPassword(principal, body.currentPassword, body.newPassword, sourceAddressOf(req));
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'Who the access token belongs to: role, center or region' })
  @ApiAnswer(PrincipalView)
  me(@CurrentPrincipal() principal: Principal): PrincipalView {
    return principal;
  }
}
