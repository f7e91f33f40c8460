import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 접속기록: one row per read of a person's data or per export, hash-chained (hash =
 * sha256(prev_hash ‖ canonical row), see domain/hash-chain.ts). Appends take the single head row
 * FOR UPDATE, so the chain stays linear however many api processes write at once; seq is the
 * chain position (no sequence: a rolled-back append leaves no gap).
 *
 * Append-only in the database itself: UPDATE and TRUNCATE are refused, and DELETE only of rows
 * older than two years (the legal minimum), which is what access_log_purge() removes after the
 * configured retention (ACCESS_LOG_RETENTION_DAYS ≥ 730).
 */
export class AccessLog1732260000000 implements MigrationInterface {
  name = 'AccessLog1732260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE access_log (
        seq                bigint PRIMARY KEY,
        at                 timestamptz NOT NULL,
        actor_id           text NOT NULL,
        actor_kind         text NOT NULL CHECK (actor_kind IN ('account', 'header')),
        actor_center_id    text,
        source_address     text NOT NULL,
        action             text NOT NULL,
        subject_client_id  text,
        route              text NOT NULL,
        reason             text,
        prev_hash          text NOT NULL,
        hash               text NOT NULL
      )`);
    await q.query(`CREATE INDEX access_log_at ON access_log (at)`);
    await q.query(`CREATE INDEX access_log_subject ON access_log (subject_client_id, at)`);
    await q.query(`
      CREATE TABLE access_log_head (
        id    boolean PRIMARY KEY DEFAULT true CHECK (id),
        seq   bigint NOT NULL,
        hash  text NOT NULL
      )`);
    await q.query(`INSERT INTO access_log_head (id, seq, hash) VALUES (true, 0, repeat('0', 64))`);
    await q.query(`
      CREATE FUNCTION access_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND OLD.at < now() - interval '730 days' THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'access_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      `CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change()`,
    );
    await q.query(
      `CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change()`,
    );
    await q.query(`
      CREATE FUNCTION access_log_purge(retention_days integer) RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE removed integer;
      BEGIN
        IF retention_days IS NULL OR retention_days < 730 THEN
          RAISE EXCEPTION 'access_log retention must be at least 730 days, got %', retention_days;
        END IF;
        DELETE FROM access_log WHERE at < now() - make_interval(days => retention_days);
        GET DIAGNOSTICS removed = ROW_COUNT;
        RETURN removed;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION access_log_purge(integer)`);
    await q.query(`DROP TABLE access_log`);
    await q.query(`DROP FUNCTION access_log_refuse_change()`);
    await q.query(`DROP TABLE access_log_head`);
  }
}
