import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SaeilConfig } from '@saeil/config';
import { retryAfterSeconds, ThrottlePolicy } from '../domain/login-throttle';
import { AccountLocked, AuthError, InvalidCredentials, TooManyLoginAttempts } from '../principal/auth-errors';
import { AuthenticationProvider, LoginAttempt, Principal } from '../principal/principal';
import { AccountRepository, normalizeUsername, principalOf } from '../accounts/account.repository';
import { AccountAudit } from '../audit/account-audit';
import { PasswordHasher } from '../passwords/password-hasher';
import { LoginThrottleStore } from './login-throttle.store';

/**
 * Password login against the `accounts` table, with the lockout per user name and the limit per
 * source address. The answers never tell whether an account exists: an unknown name, a wrong
 * password and a disabled account are the same 401 after the same argon2 work, and an unknown
 * name is locked like a real one.
 */
@Injectable()
export class LocalAuthenticationProvider extends AuthenticationProvider {
  private readonly userPolicy: ThrottlePolicy;
  private readonly addressPolicy: ThrottlePolicy;

  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottleStore,
    private readonly audit: AccountAudit,
    config: SaeilConfig,
  ) {
    super();
    const windowMs = config.LOGIN_LOCKOUT_SECONDS * 1000;
    this.userPolicy = { maxFailures: config.LOGIN_MAX_FAILURES, windowMs, lockoutMs: windowMs };
    this.addressPolicy = { maxFailures: config.LOGIN_MAX_FAILURES_PER_ADDRESS, windowMs, lockoutMs: windowMs };
  }

  async authenticate(attempt: LoginAttempt): Promise<Principal> {
    const username = normalizeUsername(attempt.username);
    const userKey = `user:${username}`;
    const addressKey = `address:${attempt.sourceAddress}`;
    // The outcome is decided inside the transaction and thrown after it commits, so that a
    // refusal still records its failure.
    const outcome = await this.dataSource.transaction(async (manager): Promise<Principal | AuthError> => {
      const now = new Date();
      const states = await this.throttle.lock([userKey, addressKey], manager);
      const addressWait = retryAfterSeconds(states.get(addressKey)!, now);
      if (addressWait > 0) return new TooManyLoginAttempts(addressWait);
      const userWait = retryAfterSeconds(states.get(userKey)!, now);
      if (userWait > 0) return new AccountLocked(userWait);

      const account = await this.accounts.findByUsername(username, manager);
      const passwordMatches = account ? await this.hasher.verify(account.passwordHash, attempt.password) : await this.hasher.verifyDecoy(attempt.password);
      if (!account || !passwordMatches || account.disabledAt) {
        await this.throttle.recordFailure(userKey, states.get(userKey)!, now, this.userPolicy, manager);
        await this.throttle.recordFailure(addressKey, states.get(addressKey)!, now, this.addressPolicy, manager);
        await this.audit.record({ action: 'login_failed', accountId: account?.accountId, sourceAddress: attempt.sourceAddress, details: { username, reason: !account ? 'unknown_username' : !passwordMatches ? 'wrong_password' : 'disabled' } }, manager);
        return new InvalidCredentials();
      }
      // A success clears the user name's count but not the address's: one valid account must not
      // let an address go on guessing at others.
      await this.throttle.clear(userKey, manager);
      if (this.hasher.needsRehash(account.passwordHash)) await this.accounts.setPasswordHash(account.accountId, await this.hasher.hash(attempt.password), false, manager);
      await this.audit.record({ action: 'login_succeeded', accountId: account.accountId, actorId: account.accountId, sourceAddress: attempt.sourceAddress }, manager);
      return principalOf(account);
    });
    if (outcome instanceof AuthError) throw outcome;
    return outcome;
  }
}
