import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, refresh tokens, login throttling and the account audit trail: plain tables, not
 * events. Access control must take effect at once (a disabled account, a revoked token) and must
 * be able to forget a credential for good (a password hash, a token hash), which an append-only
 * store cannot; every change to an account is recorded in `account_audit` instead.
 */
export class IdentityAccounts1732250000000 implements MigrationInterface {
  name = 'IdentityAccounts1732250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE accounts (
        account_id     uuid        PRIMARY KEY,
        username       text        NOT NULL UNIQUE CHECK (username = lower(username)),
        display_name   text        NOT NULL,
        role           text        NOT NULL CHECK (role IN ('counselor', 'supervisor', 'regional_supervisor', 'ministry_analyst', 'administrator')),
        center_id      text,
        region         text,
        password_hash  text        NOT NULL,
        -- Raised by disable, password reset: access tokens carry the version they were issued at.
        token_version  integer     NOT NULL DEFAULT 1,
        disabled_at    timestamptz,
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        CHECK ((role IN ('counselor', 'supervisor')) = (center_id IS NOT NULL)),
        CHECK ((role = 'regional_supervisor') = (region IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE refresh_tokens (
        token_hash   bytea       PRIMARY KEY,
        family_id    uuid        NOT NULL,
        account_id   uuid        NOT NULL REFERENCES accounts (account_id),
        issued_at    timestamptz NOT NULL DEFAULT now(),
        expires_at   timestamptz NOT NULL,
        used_at      timestamptz,
        revoked_at   timestamptz
      )`);
    await q.query(`CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX refresh_tokens_account ON refresh_tokens (account_id) WHERE revoked_at IS NULL`);
    await q.query(`
      CREATE TABLE login_throttle (
        throttle_key       text        PRIMARY KEY,
        failures           integer     NOT NULL DEFAULT 0,
        window_started_at  timestamptz,
        locked_until       timestamptz
      )`);
    await q.query(`
      CREATE TABLE account_audit (
        audit_id        bigserial   PRIMARY KEY,
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        account_id      uuid,
        actor_id        uuid,
        action          text        NOT NULL,
        source_address  text,
        details         jsonb       NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX account_audit_account ON account_audit (account_id, recorded_at)`);
    await q.query(`
      CREATE TABLE identity_generated_secrets (
        name        text        PRIMARY KEY,
        secret      text        NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE identity_generated_secrets, account_audit, login_throttle, refresh_tokens, accounts`);
  }
}
