import { createHash } from 'node:crypto';
import { AccessLogEntry, chain, chainHash, GENESIS_HASH, verifyChain } from './hash-chain';

const entry = (seq: number, over: Partial<AccessLogEntry> = {}): AccessLogEntry => ({
  seq,
  at: `2026-11-0${seq}T01:00:00.000Z`,
  actorId: 'counselor-kim',
  actorKind: 'header',
  actorCenterId: null,
  sourceAddress: '10.0.0.7',
  action: 'read.timeline',
  subjectClientId: '8f0c7d2e-1111-4222-8333-444455556666',
  route: `/cases/8f0c7d2e-1111-4222-8333-444455556666/timeline`,
  reason: null,
  outcome: null,
  ...over,
});

describe('access-log hash chain', () => {
  it('hashes sha256(prev_hash ‖ the row as a fixed-order JSON array)', () => {
    const e = entry(1);
    const byHand = createHash('sha256')
      .update(
        GENESIS_HASH +
          JSON.stringify([
            1,
            e.at,
            'counselor-kim',
            'header',
            null,
            '10.0.0.7',
            'read.timeline',
            e.subjectClientId,
            e.route,
            null,
          ]),
      )
      .digest('hex');
    expect(chainHash(GENESIS_HASH, e)).toBe(byHand);
  });

  it('hashes the outcome as an eleventh element on rows that have one; a row cannot change form without its hash changing', () => {
    const refused = entry(1, { outcome: 'refused' });
    const byHand = createHash('sha256')
      .update(
        GENESIS_HASH +
          JSON.stringify([
            1,
            refused.at,
            'counselor-kim',
            'header',
            null,
            '10.0.0.7',
            'read.timeline',
            refused.subjectClientId,
            refused.route,
            null,
            'refused',
          ]),
      )
      .digest('hex');
    expect(chainHash(GENESIS_HASH, refused)).toBe(byHand);
    const forms = [entry(1), entry(1, { outcome: 'allowed' }), refused].map((e) => chainHash(GENESIS_HASH, e));
    expect(new Set(forms).size).toBe(3);
    const [row] = chain(GENESIS_HASH, [refused]);
    for (const outcome of [null, 'allowed'] as const)
      expect(verifyChain([{ ...row, outcome }])).toMatchObject({ ok: false, brokenAt: { seq: 1, problem: 'hash' } });
  });

  it('links each row to the one before', () => {
    const rows = chain(GENESIS_HASH, [entry(1), entry(2), entry(3)]);
    expect(rows[0].prevHash).toBe(GENESIS_HASH);
    expect(rows[1].prevHash).toBe(rows[0].hash);
    expect(rows[2].prevHash).toBe(rows[1].hash);
    expect(verifyChain(rows)).toEqual({ ok: true, rows: 3 });
  });

  it('names the row whose content was changed after it was written', () => {
    const rows = chain(GENESIS_HASH, [entry(1), entry(2), entry(3)]);
    rows[1] = { ...rows[1], subjectClientId: '00000000-0000-4000-8000-000000000000' };
    expect(verifyChain(rows)).toEqual({ ok: false, rows: 3, brokenAt: { seq: 2, problem: 'hash' } });
  });

  it('names the row after one rewritten with a recomputed hash (its link no longer matches)', () => {
    const rows = chain(GENESIS_HASH, [entry(1), entry(2), entry(3)]);
    const forged = { ...rows[1], actorId: 'someone-else' };
    rows[1] = { ...forged, hash: chainHash(forged.prevHash, forged) };
    expect(verifyChain(rows)).toEqual({ ok: false, rows: 3, brokenAt: { seq: 3, problem: 'link' } });
  });

  it('names the row after a deleted one', () => {
    const rows = chain(GENESIS_HASH, [entry(1), entry(2), entry(3)]);
    expect(verifyChain([rows[0], rows[2]])).toEqual({ ok: false, rows: 2, brokenAt: { seq: 3, problem: 'gap' } });
  });

  it('checks a month against the last row of the month before', () => {
    const rows = chain(GENESIS_HASH, [entry(1), entry(2), entry(3)]);
    expect(verifyChain(rows.slice(1), rows[0])).toEqual({ ok: true, rows: 2 });
    const otherHead = { ...rows[0], hash: 'f'.repeat(64) };
    expect(verifyChain(rows.slice(1), otherHead)).toEqual({
      ok: false,
      rows: 2,
      brokenAt: { seq: 2, problem: 'link' },
    });
  });
});
