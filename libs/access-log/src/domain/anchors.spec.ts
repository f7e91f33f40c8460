import { randomBytes } from 'node:crypto';
import { authenticAnchor, signAnchor } from './anchors';

describe('access-log anchors', () => {
  const key = randomBytes(32);
  const head = signAnchor(
    { v: 1, kind: 'head', seq: 42, hash: 'a'.repeat(64), rows: 42, at: '2026-12-07T10:00:00.000Z' },
    key,
  );
  const purge = signAnchor({ v: 1, kind: 'purge', through: 7, removed: 7, at: '2026-12-07T10:00:00.000Z' }, key);

  it('authenticates what was signed with the key, read back from its JSON', () => {
    expect(authenticAnchor(JSON.parse(JSON.stringify(head)), key)).toEqual(head);
    expect(authenticAnchor(JSON.parse(JSON.stringify(purge)), key)).toEqual(purge);
  });

  it('refuses any field changed, another key, a missing or malformed MAC, and what is not an anchor', () => {
    const changed = [
      { ...head, seq: 43 },
      { ...head, hash: 'b'.repeat(64) },
      { ...head, rows: 41 },
      { ...head, at: '2026-12-07T10:00:01.000Z' },
      { ...head, kind: 'purge' },
      { ...purge, through: 8 },
      { ...purge, removed: 6 },
      { ...head, mac: undefined },
      { ...head, mac: 'zz' },
      { ...head, seq: -1 },
      { ...head, seq: 2 ** 53 },
      { ...head, v: 2 },
      'not json',
      null,
      42,
    ];
    for (const record of changed) expect(authenticAnchor(record, key)).toBeUndefined();
    expect(authenticAnchor(head, randomBytes(32))).toBeUndefined();
  });
});
