import { Global, Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { SaeilConfig } from '@saeil/config';
import { CommandAuthorizer, RUNTIME, Runtime, type SaeilModuleDefinition } from '@saeil/runtime';
import { AuthGuard } from './access/auth.guard';
import { CommandAnswerInterceptor } from './access/command-answer.interceptor';
import { RecordCenters } from './access/record-scope';
import { AccessResolver } from './access/access-resolver';
import { TokenCommandAuthorizer } from './access/token-command-authorizer';
import { AccountCache } from './accounts/account-cache';
import { AccountDirectory } from './accounts/account-directory';
import { AccountRepository } from './accounts/account.repository';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsService } from './accounts/accounts.service';
import { AccountAudit } from './audit/account-audit';
import { FirstAdministrator } from './bootstrap/first-administrator';
import { identityHousekeepingJob } from './housekeeping/identity-housekeeping.job';
import { LocalAuthenticationProvider } from './login/local-authentication.provider';
import { LoginThrottleStore } from './login/login-throttle.store';
import { IdentityAccounts1732250000000 } from './migrations/1732250000000-identity-accounts';
import { LoginKnownAddresses1732290000300 } from './migrations/1732290000300-login-known-addresses';
import { AccountChangeNotify1733710000000 } from './migrations/1733710000000-account-change-notify';
import { PasswordHasher } from './passwords/password-hasher';
import { AccessTokenVerifier, AuthenticationProvider } from './principal/principal';
import { resolveSigningSecret } from './secrets/signing-secret';
import { AuthController } from './sessions/auth.controller';
import { Sessions } from './sessions/sessions.service';
import { ACCESS_TOKEN_JWT, AccessTokens } from './tokens/access-tokens';
import { RefreshTokens } from './tokens/refresh-tokens';

/**
 * Accounts, login and tokens, and the api's global AuthGuard: every route needs a token and the
 * roles its `@Roles(...)` names, unless `@Public()`; records named by id are checked against the
 * caller's center or region (`@ScopedRecords`).
 * The two abstract classes are the seams for an external identity provider (OIDC).
 */
@Global()
@Module({
  controllers: [AuthController, AccountsController],
  providers: [
    {
      // HS256 and nothing else, for signing and verifying: a token naming another algorithm (none,
      // RS256 with the secret as a public key) is refused. The key is resolved when the module
      // starts, so a production start without JWT_SECRET stops there.
      provide: ACCESS_TOKEN_JWT,
      inject: [SaeilConfig, DataSource, RUNTIME],
      useFactory: async (config: SaeilConfig, dataSource: DataSource, runtime: Runtime) =>
        new JwtService({
          // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a
          // PEM public key on every verification (a thrown error each time, 12 % of the api's CPU
          // under the bench's command load) before treating it as a secret.
          secret: createSecretKey(
            Buffer.from(
              await resolveSigningSecret(
                config.JWT_SECRET,
                process.env.NODE_ENV,
                dataSource,
                runtime.logger.child({ component: 'identity' }),
                config.SAEIL_DATA_DIR,
              ),
            ),
          ),
          signOptions: { algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
    },
    AccountRepository,
    {
      // The accounts the guard checks at every request, held while this process hears every
      // change to them (LISTEN on the trigger's channel); read from the table otherwise.
      provide: AccountCache,
      inject: [AccountRepository, RUNTIME],
      useFactory: (accounts: AccountRepository, runtime: Runtime) =>
        new AccountCache(accounts, {
          databaseUrl: runtime.databaseUrl,
          logger: runtime.logger.child({ component: 'identity' }),
        }).start(),
    },
    AccountDirectory,
    AccountAudit,
    PasswordHasher,
    LoginThrottleStore,
    RefreshTokens,
    AccessTokens,
    { provide: AccessTokenVerifier, useExisting: AccessTokens },
    LocalAuthenticationProvider,
    { provide: AuthenticationProvider, useExisting: LocalAuthenticationProvider },
    Sessions,
    AccountsService,
    RecordCenters,
    AccessResolver,
    // The Kafka command topic authorizes each command as its HTTP route does.
    { provide: CommandAuthorizer, useClass: TokenCommandAuthorizer },
    AuthGuard,
    // Every route of the api passes this guard: closed unless @Public() or its @Roles admit the caller.
    { provide: APP_GUARD, useExisting: AuthGuard },
    // Every @CommandRoute answers a duplicate (a repeated Idempotency-Key) with 200, not 201.
    { provide: APP_INTERCEPTOR, useClass: CommandAnswerInterceptor },
    FirstAdministrator,
  ],
  exports: [
    AccessTokenVerifier,
    AuthGuard,
    RecordCenters,
    AccessResolver,
    CommandAuthorizer,
    AccountDirectory,
    AccountCache,
  ],
})
export class IdentityModule implements OnModuleDestroy {
  constructor(@Inject(AccountCache) private readonly accountCache: AccountCache) {}

  async onModuleDestroy(): Promise<void> {
    await this.accountCache.close();
  }
}

export const identityModule: SaeilModuleDefinition = {
  name: 'identity',
  // Accounts are tables, not events: no context, no topic (see the migration's comment).
  contexts: [],
  migrations: [IdentityAccounts1732250000000, LoginKnownAddresses1732290000300, AccountChangeNotify1733710000000],
  projections: [],
  jobs: [identityHousekeepingJob],
  commands: [],
  nestModule: IdentityModule,
};
