import { buildMinistryReport } from '../report/build-ministry-report';
import { milestone, sources } from '@saeil/testing/report-fixtures';
import { canonicalJson, contentHash } from './canonical';

const Q1 = { key: '2026-Q1', kind: 'quarter' as const, from: '2026-01-01', to: '2026-03-31' };
const center = { level: 'center' as const, scopeId: 'center-naju' };

describe('canonical JSON and the content hash', () => {
  it('sorts keys at every depth, keeps array order, drops undefined, no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: null, c: '새일' }], e: undefined })).toBe(
      '{"a":[2,{"c":"새일","d":null}],"b":1}',
    );
  });

  it('hashes the canonical bytes with sha256', () => {
    // printf '{"a":1}' | sha256sum
    expect(contentHash({ a: 1 })).toBe('015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
  });

  it('the same figures give the same bytes whatever order the sources listed them in', () => {
    const given = sources({
      breakdowns: [
        {
          dimension: 'program',
          rows: [
            { key: 'go100', figures: [milestone(1, [20, 3, 1, 0, 1])] },
            { key: 'celebration', figures: [milestone(1, [10, 3, 1, 1, 0])] },
          ],
        },
      ],
    });
    const reordered = sources({
      breakdowns: [{ dimension: 'program', rows: [...given.breakdowns[0].rows].reverse() }],
    });
    const e = reordered.snapshot.employment;
    e.placementsByEmploymentType = { part_time: 3, regular: 30, contract: 11 };
    reordered.snapshot.activity.counselingSessionsByChannel = { mobile_outreach: 3, in_center: 80, phone: 120 };
    reordered.snapshot.retention = [...reordered.snapshot.retention].reverse();

    const first = buildMinistryReport(center, Q1, given, 5);
    const second = buildMinistryReport(center, Q1, reordered, 5);
    expect(canonicalJson(second)).toBe(canonicalJson(first));
    expect(contentHash(second)).toBe(contentHash(first));
  });

  it('one figure changed changes the hash', () => {
    const changed = sources();
    changed.snapshot.employment.clientsRegistered = 58;
    expect(contentHash(buildMinistryReport(center, Q1, changed, 5))).not.toBe(
      contentHash(buildMinistryReport(center, Q1, sources(), 5)),
    );
  });
});
