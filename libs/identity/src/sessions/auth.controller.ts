import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiAnswer, ApiErrors, Public } from '@saeil/core';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Authenticated } from '../access/roles.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import { sourceAddressOf } from '../access/source-address';
import type { Principal } from '../principal/principal';
import { AccountsService } from '../accounts/accounts.service';
import { ChangePasswordDto, LoginDto, PrincipalView, RefreshTokenDto, TokenPair } from './session.dto';
import { Sessions } from './sessions.service';
import { clearRefreshCookie, refreshCookieOf, setRefreshCookie } from './refresh-cookie';
import { AuthenticationRequired } from '../principal/auth-errors';

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
  @ApiOperation({
    summary:
      'Log in with a user name and password: an access token and a refresh token (401 INVALID_CREDENTIALS, 429 TOO_MANY_LOGIN_ATTEMPTS with Retry-After); with cookie: true the refresh token is set as an httpOnly cookie instead',
  })
  @ApiAnswer(TokenPair)
  @ApiErrors(401, 429, 503)
  async login(
    @Body() body: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TokenPair> {
    const pair = await this.sessions.login({
      username: body.username,
      password: body.password,
      sourceAddress: sourceAddressOf(req),
    });
    return body.cookie === true ? this.intoCookie(pair, req, res) : pair;
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Trade a refresh token (used once) for new tokens; reusing one revokes its whole login (401 REFRESH_TOKEN_REUSED). cookie: true reads it from the cookie and sets its successor there',
  })
  @ApiAnswer(TokenPair)
  @ApiErrors(401, 503)
  async refresh(
    @Body() body: RefreshTokenDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TokenPair> {
    if (body.cookie !== true) return this.sessions.refresh(body.refreshToken!, sourceAddressOf(req));
    const token = refreshCookieOf(req);
    if (!token)
      throw new AuthenticationRequired('INVALID_REFRESH_TOKEN', '갱신 토큰이 유효하지 않습니다. 다시 로그인하세요.');
    try {
      return this.intoCookie(await this.sessions.refresh(token, sourceAddressOf(req)), req, res);
    } catch (error) {
      // A refused cookie is of no further use: the browser drops it rather than sending it again.
      clearRefreshCookie(req, res);
      throw error;
    }
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary:
      "Log out: the refresh token and every token of its login are revoked (cookie: true: the cookie's, and the cookie is cleared)",
  })
  @ApiResponse({ status: 204, description: 'Logged out (also for a token already revoked or unknown)' })
  @ApiErrors(503)
  async logout(
    @Body() body: RefreshTokenDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    if (body.cookie !== true) return this.sessions.logout(body.refreshToken!, sourceAddressOf(req));
    const token = refreshCookieOf(req);
    clearRefreshCookie(req, res);
    if (token) await this.sessions.logout(token, sourceAddressOf(req));
  }

  @Post('password')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({
    summary: 'Change her own password (the current one is checked like a login); every session of hers ends',
  })
  @ApiResponse({ status: 204, description: 'Changed; every session of hers ended' })
  async changePassword(
    @Body() body: ChangePasswordDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<void> {
    await this.accounts.changeOwnPassword(principal, body.currentPassword, body.newPassword, sourceAddressOf(req));
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'Who the access token belongs to: role, center or region' })
  @ApiAnswer(PrincipalView)
  me(@CurrentPrincipal() principal: Principal): PrincipalView {
    return principal;
  }

  private intoCookie(pair: TokenPair, req: Request, res: Response): TokenPair {
    const { refreshToken, ...answer } = pair;
    setRefreshCookie(req, res, refreshToken!, pair.refreshExpiresIn);
    return answer;
  }
}
