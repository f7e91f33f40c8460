import type { QueryRunner } from 'typeorm';
import { RuleViolation } from '@saeil/core';
import type { IdentityKey, IdentityMatch } from './identity-keys';

export interface IdentityReservation {
  clientId: string;
  keys: IdentityKey[];
  /** Clients the counselor confirmed to be other people: their keys are left to them. */
  allowDuplicateOf: string[];
  /**
   * Registration: every client named in allowDuplicateOf must really be one she matched
   * (NOT_A_DUPLICATE otherwise), so an acknowledgment is never recorded for someone the
   * counselor was not shown. Profile change: her previous keys are released first.
   */
  mode: 'register' | 'replace';
  /**
   * The center the counselor works for (the registration's center; for a profile change, her
   * case's). A matching woman at this center is named (the counselor may open her case); one at
   * another center is not: the answer says a record exists there and to ask that center for a
   * transfer, never its id (issue 13).
   */
  atCenter: string;
}

/**
 * Reserves a client's identity keys in `client_identity_keys`, inside the append transaction
 * (EventStore AppendOptions.inTransaction). The primary key makes concurrent registrations of
 * the same person strict: the second insert waits for the first transaction and then finds its
 * row. A conflict with a client the counselor did not name is DUPLICATE_CLIENT, which rolls the
 * append back. Every key goes in one statement, in identityKeysOf's order (no deadlocks).
 */
export async function reserveIdentityKeys(runner: QueryRunner, reservation: IdentityReservation): Promise<void> {
  const { clientId, keys, allowDuplicateOf, mode } = reservation;
  if (mode === 'replace') await runner.query(`DELETE FROM client_identity_keys WHERE client_id = $1`, [clientId]);
  const inserted: { identity_key: string }[] = await runner.query(
    `INSERT INTO client_identity_keys (identity_key, client_id)
     SELECT key, $2::uuid FROM unnest($1::text[]) WITH ORDINALITY AS k(key, n) ORDER BY n
     ON CONFLICT (identity_key) DO NOTHING
     RETURNING identity_key`,
    [keys.map((k) => k.key), clientId],
  );
  const taken = keys.filter((k) => !inserted.some((row) => row.identity_key === k.key));
  const holders: { identity_key: string; client_id: string }[] =
    taken.length === 0
      ? []
      : await runner.query(
          `SELECT identity_key, client_id FROM client_identity_keys WHERE identity_key = ANY($1::text[])`,
          [taken.map((k) => k.key)],
        );
  const matches = holders
    .filter((row) => row.client_id !== clientId)
    .map((row) => ({ clientId: row.client_id, matchedOn: taken.find((k) => k.key === row.identity_key)!.matchedOn }));
  const unacknowledged = matches.filter((m) => !allowDuplicateOf.includes(m.clientId));
  if (unacknowledged.length > 0) {
    const centers = await currentCenters(runner, unique(matches.map((m) => m.clientId)));
    const here = matches.filter((m) => centers.get(m.clientId) === reservation.atCenter);
    if (unacknowledged.some((m) => centers.get(m.clientId) === reservation.atCenter)) {
      throw new RuleViolation(
        'DUPLICATE_CLIENT',
        mode === 'register'
          ? '이미 등록된 구직자와 같은 사람으로 보입니다. 기존 구직자를 확인하고, 다른 사람이라면 확인한 구직자를 allowDuplicateOf에 모두 적어 다시 등록하세요.'
          : '바꾼 이름·생년월일·연락처가 이미 등록된 다른 구직자와 같습니다. 기존 구직자를 확인하세요.',
        {
          existingClientIds: unique(here.map((m) => m.clientId)),
          matchedOn: unique(here.map((m) => m.matchedOn)) as IdentityMatch[],
        },
      );
    }
    // Only women of other centers: that one exists is said (so she is not registered twice), never who or where.
    throw new RuleViolation(
      'CLIENT_AT_ANOTHER_CENTER',
      mode === 'register'
        ? '이 사람은 다른 새일센터에 이미 구직자로 등록되어 있습니다. 새로 등록하지 말고, 그 센터에 사례 이관(담당 센터 변경)을 요청하세요. 어느 센터인지는 본인에게 확인하세요.'
        : '바꾼 이름·생년월일·연락처가 다른 새일센터에 등록된 구직자와 같습니다. 입력을 확인하고, 같은 사람이라면 그 센터와 사례 이관을 협의하세요.',
    );
  }
  const notMatched =
    mode === 'register' ? allowDuplicateOf.filter((id) => !matches.some((m) => m.clientId === id)) : [];
  if (notMatched.length > 0) {
    throw new RuleViolation(
      'NOT_A_DUPLICATE',
      'allowDuplicateOf에 적은 구직자가 이 사람과 일치하지 않습니다. 중복으로 안내된 구직자만 적으세요.',
      { notMatched },
    );
  }
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];

/**
 * Her search keys (name alone, phone digits alone) in `client_search_keys`, inside the append
 * transaction: the searchable index is this write-side table, not the events (which carry her
 * keys sealed) nor a read model, so that her erasure can delete her rows in its transaction and
 * leave no hash of her identity readable. `replace` (a profile change) drops her previous keys first.
 */
export async function indexSearchKeys(
  runner: Pick<QueryRunner, 'query'>,
  clientId: string,
  searchKeys: string[],
  mode: 'register' | 'replace',
): Promise<void> {
  if (mode === 'replace') await runner.query(`DELETE FROM client_search_keys WHERE client_id = $1`, [clientId]);
  await runner.query(
    `INSERT INTO client_search_keys (search_key, client_id) SELECT DISTINCT key, $2::uuid FROM unnest($1::text[]) AS k(key) ON CONFLICT DO NOTHING`,
    [searchKeys, clientId],
  );
}

/** Each client's center now (her registration's or her last transfer's), from the event store, in the caller's transaction. */
async function currentCenters(runner: QueryRunner, clientIds: string[]): Promise<Map<string, string>> {
  const rows: { client_id: string; center_id: string }[] = await runner.query(
    `SELECT DISTINCT ON (stream_id) substr(stream_id, 8) AS client_id, data->>'centerId' AS center_id FROM events
      WHERE stream_id = ANY($1::text[]) AND event_type IN ('ClientRegistered', 'CounselorAssigned')
      ORDER BY stream_id, stream_version DESC`,
    [clientIds.map((id) => `client-${id}`)],
  );
  return new Map(rows.map((r) => [r.client_id, r.center_id]));
}
