import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { Public } from '@saeil/core';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Authenticated } from '../access/roles.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import { sourceAddressOf } from '../access/source-address';
import type { Principal } from '../principal/principal';
import { AccountsService } from '../accounts/accounts.service';
import { ChangePasswordDto, LoginDto, RefreshTokenDto, TokenPair } from './session.dto';
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
  @ApiOkResponse({ type: TokenPair })
  login(@Body() body: LoginDto, @Req() req: Request): Promise<TokenPair> {
    return this.sessions.login({ username: body.username, password: body.password, sourceAddress: sourceAddressOf(req) });
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Trade a refresh token (used once) for new tokens; reusing one revokes its whole login (401 REFRESH_TOKEN_REUSED)' })
  @ApiOkResponse({ type: TokenPair })
  refresh(@Body() body: RefreshTokenDto, @Req() req: Request): Promise<TokenPair> {
    return this.sessions.refresh(body.refreshToken, sourceAddressOf(req));
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Log out: the refresh token and every token of its login are revoked' })
  async logout(@Body() body: RefreshTokenDto, @Req() req: Request): Promise<void> {
    await this.sessions.logout(body.refreshToken, sourceAddressOf(req));
  }

  @Post('password')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'Change her own password (the current one is checked like a login); every session of hers ends' })
  async changePassword(@Body() body: ChangePasswordDto, @CurrentPrincipal() principal: Principal, @Req() req: Request): Promise<void> {
    await this.accounts.changeOwnPassword(principal, body.currentPassword, body.newPassword, sourceAddressOf(req));
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'Who the access token belongs to: role, center or region' })
  me(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}
