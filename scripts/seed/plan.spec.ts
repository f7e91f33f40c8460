import { KOREAN_REGIONS } from '@saeil/contracts';
import { planCenters, planClient, SeedOptions } from './plan';
import { Random } from './random';

const OPTIONS: SeedOptions = {
  seed: 42,
  centers: 160,
  clients: 200_000,
  asOf: '2026-11-20',
  window: { daysBefore: 7, daysAfter: 14 },
};

describe('synthetic seed plan', () => {
  const centers = planCenters(OPTIONS);

  it('is the same plan every time for the same seed and index (resume never changes a case)', () => {
    expect(planClient(OPTIONS, planCenters(OPTIONS), 12_345)).toEqual(planClient(OPTIONS, centers, 12_345));
    expect(planClient({ ...OPTIONS, seed: 43 }, centers, 12_345)).not.toEqual(planClient(OPTIONS, centers, 12_345));
  });

  it('puts 160 centers in all 17 시·도, most in 경기도 and 서울', () => {
    expect(centers).toHaveLength(160);
    expect(new Set(centers.map((c) => c.region))).toEqual(new Set(KOREAN_REGIONS));
    const count = (region: string) => centers.filter((c) => c.region === region).length;
    expect(count('경기도')).toBeGreaterThan(count('서울특별시'));
    expect(count('서울특별시')).toBeGreaterThan(count('부산광역시'));
  });

  it('never repeats an id, a phone, or a name + birth date at one center, over 30,000 clients', () => {
    const ids = new Set<string>();
    const phones = new Set<string>();
    const identities = new Set<string>();
    let steps = 0;
    for (let i = 0; i < 30_000; i++) {
      for (const step of planClient(OPTIONS, centers, i)) {
        steps += 1;
        if (step.kind === 'RegisterClient') {
          ids.add(step.clientId);
          phones.add(step.body.phone as string);
          identities.add(`${step.body.name}|${step.body.birthDate}|${step.body.centerId}`);
        }
        if (step.kind === 'RecordCounselingSession') ids.add(step.sessionId);
        if (step.kind === 'StartEmployment') ids.add(step.placementId);
      }
    }
    expect(phones.size).toBe(30_000);
    expect(identities.size).toBe(30_000);
    expect(ids.size).toBeGreaterThan(30_000 * 2);
    expect(steps).toBeGreaterThan(30_000 * 5);
  });

  it('draws ids from a hash, so a million of them do not collide (32-bit states would, ~100 times)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      const random = new Random(42, 'client-metadata', i);
      for (let k = 0; k < 10; k++) seen.add(random.uuid());
    }
    expect(seen.size).toBe(1_000_000);
  });

  it('dates everything on or before as-of, in order, follow-ups after the start of her job', () => {
    for (let i = 0; i < 2_000; i++) {
      const steps = planClient(OPTIONS, centers, i);
      expect(steps[0].kind).toBe('RegisterClient');
      expect(steps.every((s) => s.on <= OPTIONS.asOf)).toBe(true);
      expect(steps.map((s) => s.on)).toEqual([...steps.map((s) => s.on)].sort());
      const start = steps.find((s) => s.kind === 'StartEmployment');
      for (const s of steps.filter((s) => s.kind === 'RecordFollowUp')) expect(s.on >= start!.on).toBe(true);
    }
  });
});
