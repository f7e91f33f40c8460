import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SaeilConfig } from '@saeil/config';
import { RUNTIME, Runtime } from '@saeil/runtime';
import { passwordProblems } from '../domain/password-policy';
import { AccountRepository } from '../accounts/account.repository';
import { AccountAudit } from '../audit/account-audit';
import { PasswordHasher } from '../passwords/password-hasher';

/**
 * A start on a database with no administrator creates one (SAEIL_ADMIN_USERNAME), so that a fresh
 * `npm start` can be logged into: with SAEIL_ADMIN_PASSWORD, or a generated password printed
 * once on the terminal (never stored in clear, never shown again). Under an advisory lock, so
 * two api processes starting together create one.
 */
@Injectable()
export class FirstAdministrator implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AccountAudit,
    private readonly config: SaeilConfig,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const username = this.config.SAEIL_ADMIN_USERNAME;
    const given = this.config.SAEIL_ADMIN_PASSWORD;
    if (given) {
      const problems = passwordProblems(given, username);
      if (problems.length > 0)
        throw new Error(
          `SAEIL_ADMIN_PASSWORD does not meet the password policy: ${problems.map((p) => p.message).join(' ')}`,
        );
    }
    const password = given ?? randomBytes(18).toString('base64url');
    const created = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('saeil.identity.first-administrator'))`);
      if (await this.accounts.anyAdministrator(manager)) return false;
      const accountId = randomUUID();
      const inserted = await this.accounts.insert(
        {
          accountId,
          username,
          displayName: '관리자',
          role: 'administrator',
          passwordHash: await this.hasher.hash(password),
        },
        manager,
      );
      if (!inserted)
        throw new Error(
          `cannot create the first administrator: the user name ${username} belongs to another account (set SAEIL_ADMIN_USERNAME)`,
        );
      await this.audit.record(
        { action: 'account_created', accountId, details: { username, role: 'administrator', bootstrap: true } },
        manager,
      );
      return true;
    });
    if (!created) return;
    const logger = this.runtime.logger.child({ component: 'identity' });
    logger.warn(
      { username, passwordFrom: given ? 'SAEIL_ADMIN_PASSWORD' : 'generated' },
      'first administrator created',
    );
    // Printed on the terminal rather than logged, so the generated password does not end up in a
    // log store; skipped when logs are silenced below warnings (tests).
    if (!given && logger.isLevelEnabled('warn')) {
      process.stdout.write(
        `\nFirst administrator created: user name "${username}", password "${password}"\nIt is shown only this once: log in (POST /auth/login) and keep it safe.\n\n`,
      );
    }
  }
}
