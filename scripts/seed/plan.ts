import { addDays, addMonths } from '@saeil/core';
import { KOREAN_REGIONS } from '@saeil/contracts';
import { Random } from './random';
import * as K from './korea';

/**
 * The synthetic national data set as a plan: for each center its counselors and courses, for each
 * client the commands a center would have sent, dated, in order. Both writers (the bulk path and
 * the HTTP command path in the equivalence test) execute the same plan.
 */
export interface SeedOptions {
  seed: number;
  centers: number;
  clients: number;
  /** Last day of the data (YYYY-MM-DD): registrations span the year before it. */
  asOf: string;
  /** The follow-up contact window (FOLLOW_UP_WINDOW_DAYS_BEFORE/AFTER): when the sweep marks due and overdue. */
  window: { daysBefore: number; daysAfter: number };
}

export interface CenterPlan {
  index: number;
  centerId: string;
  region: string;
  /** Her counselors' account ids (the seed creates the accounts: `seedAccountsOf`). */
  counselorIds: string[];
  courses: CoursePlan[];
}

/** A counselor account the seed creates: a case names its counselor by her account id. */
export interface SeedAccount {
  accountId: string;
  username: string;
  displayName: string;
  centerId: string;
}

/** The counselor accounts of the planned centers, the k-th of center n named seed-counselor-nnn-kk. */
export function seedAccountsOf(centers: CenterPlan[]): SeedAccount[] {
  return centers.flatMap((c) =>
    c.counselorIds.map((accountId, k) => ({
      accountId,
      username: `seed-counselor-${pad(c.index + 1, 3)}-${pad(k + 1, 2)}`,
      displayName: `상담사 ${pad(c.index + 1, 3)}-${pad(k + 1, 2)}`,
      centerId: c.centerId,
    })),
  );
}

export interface CoursePlan {
  courseId: string;
  body: {
    centerId: string;
    title: string;
    provider: string;
    field: string;
    startsOn: string;
    endsOn: string;
    hours: number;
    capacity: number;
  };
}

/** Actor of the events the worker's follow-up sweep writes. */
const SWEEP_ACTOR = 'system:follow-up-sweep';

type Dated<T> = T & { on: string; actorId: string };
export type SeedStep = Dated<
  | {
      kind: 'RegisterClient';
      clientId: string;
      body: Record<string, unknown> & { centerId: string; counselorId: string; registeredOn: string };
    }
  | {
      kind: 'GiveConsent';
      clientId: string;
      body: { purpose: 'service' | 'employer_sharing'; version: string; givenOn: string };
    }
  | {
      kind: 'RecordCounselingSession';
      clientId: string;
      sessionId: string;
      body: { channel: string; topic: string; durationMinutes: number; occurredOn: string };
    }
  | { kind: 'EnrollInCourse'; clientId: string; courseId: string; body: { enrolledOn: string } }
  | { kind: 'CompleteTraining'; clientId: string; courseId: string; body: { completedOn: string } }
  | {
      kind: 'StartEmployment';
      clientId: string;
      placementId: string;
      body: Record<string, unknown> & { startOn: string };
    }
  | { kind: 'MarkFollowUpDue' | 'MarkFollowUpOverdue'; clientId: string; placementId: string; n: number }
  | {
      kind: 'RecordFollowUp';
      clientId: string;
      placementId: string;
      body: {
        n: number;
        contactedOn: string;
        channel: string;
        outcome: string;
        support: string[];
        difficulties?: string[];
      };
    }
  | { kind: 'EndEmployment'; clientId: string; placementId: string; body: { endedOn: string; reason: string } }
  | { kind: 'CloseCase'; clientId: string; body: { reason: string; closedOn: string } }
>;

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);
const BIRTH_RANGE_DAYS = 12_783; // 1970-01-01 … 2004-12-31

/** Centers spread over the 17 시·도 in proportion to where the real ones are. */
export function planCenters(options: SeedOptions): CenterPlan[] {
  const weights = KOREAN_REGIONS.map((r) => K.CENTERS_PER_REGION[r]);
  const total = weights.reduce((a, b) => a + b, 0);
  const regionOf: string[] = [];
  let cumulative = 0;
  KOREAN_REGIONS.forEach((region, r) => {
    cumulative += weights[r];
    const upTo = Math.round((cumulative / total) * options.centers);
    while (regionOf.length < upTo) regionOf.push(region);
  });
  return regionOf.map((region, index) => {
    const random = new Random(options.seed, 'center', index);
    const centerId = `center-${pad(index + 1, 3)}`;
    // Account ids from a stream of their own: the center's other draws stay as they were.
    const accountIds = new Random(options.seed, 'counselor-account', index);
    const counselorIds = Array.from({ length: random.int(4, 8) }, () => accountIds.uuid());
    const firstStart = addDays(options.asOf, -340);
    const courses = Array.from({ length: 6 }, (_, k): CoursePlan => {
      const [field, title] = random.pick(K.COURSE_FIELDS);
      const startsOn = addDays(firstStart, k * 55 + random.int(0, 10));
      return {
        courseId: random.uuid(),
        body: {
          centerId,
          title,
          provider: random.pick(K.TRAINING_PROVIDERS),
          field,
          startsOn,
          endsOn: addDays(startsOn, random.int(50, 90)),
          hours: random.int(12, 40) * 10,
          capacity: 400,
        },
      };
    });
    return { index, centerId, region, counselorIds, courses };
  });
}

/** Client i's case, from registration to closure, as dated commands in the order they happened. */
export function planClient(options: SeedOptions, centers: CenterPlan[], i: number): SeedStep[] {
  const r = new Random(options.seed, 'client', i);
  const center = centers[i % centers.length];
  const localIndex = Math.floor(i / centers.length);
  const counselorId = r.pick(center.counselorIds);
  const clientId = r.uuid();
  const steps: SeedStep[] = [];
  const add = (step: SeedStep) => steps.push(step);
  const by = { actorId: counselorId };

  const registeredOn = addDays(options.asOf, -r.int(1, 364));
  // Unique by construction: birth dates are a permutation of the local index within a center
  // (name+birthDate+center never repeats), phones a permutation of the client index.
  const birthDate = addDays('1970-01-01', (localIndex * 7919 + center.index * 31) % BIRTH_RANGE_DAYS);
  const phone = pad((i * 48271 + options.seed * 7 + 1_000_000) % 100_000_000, 8);
  const careerBreakReason = r.weighted(K.CAREER_BREAKS);
  add({
    kind: 'RegisterClient',
    clientId,
    on: registeredOn,
    ...by,
    body: {
      registeredOn,
      name: `${r.weighted(K.SURNAMES.map(([s, w]) => [s, w] as const))}${r.pick(K.GIVEN_NAMES)}`,
      birthDate,
      phone: `010-${phone.slice(0, 4)}-${phone.slice(4)}`,
      centerId: center.centerId,
      counselorId,
      region: center.region,
      education: r.weighted(K.EDUCATION),
      careerBreakReason,
      careerBreakYears: r.int(5, 150) / 10,
      lastOccupation: r.pick(K.OCCUPATIONS),
      experienceYears: r.int(1, 12),
      desiredOccupation: r.pick(K.OCCUPATIONS),
      desiredEmploymentType: r.pick(['regular', 'contract', 'part_time', 'any'] as const),
      desiredHoursPerWeek: r.pick([20, 25, 30, 35, 40]),
      desiredMonthlyWage: r.int(180, 300) * 10_000,
      ...(careerBreakReason === 'childcare' ? { childcareNeeds: r.pick(K.CHILDCARE_NEEDS) } : {}),
    },
  });
  add({
    kind: 'GiveConsent',
    clientId,
    on: registeredOn,
    ...by,
    body: { purpose: 'service', version: '2025-01', givenOn: registeredOn },
  });
  const referredByCenter = r.chance(0.7);
  if (referredByCenter)
    add({
      kind: 'GiveConsent',
      clientId,
      on: registeredOn,
      ...by,
      body: { purpose: 'employer_sharing', version: '2025-01', givenOn: registeredOn },
    });

  // Training: the first course of her center starting after she registered, for about one in five.
  let readyOn = registeredOn;
  const course = center.courses.find((c) => c.body.startsOn >= registeredOn);
  if (course && r.chance(0.2)) {
    const enrolledOn = max(registeredOn, addDays(course.body.startsOn, -r.int(1, 14)));
    add({ kind: 'EnrollInCourse', clientId, courseId: course.courseId, on: enrolledOn, ...by, body: { enrolledOn } });
    if (course.body.endsOn < options.asOf && r.chance(0.85)) {
      add({
        kind: 'CompleteTraining',
        clientId,
        courseId: course.courseId,
        on: course.body.endsOn,
        ...by,
        body: { completedOn: course.body.endsOn },
      });
      readyOn = course.body.endsOn;
    } else readyOn = options.asOf;
  }

  // Placement: about 55 % find work 3 weeks to 5 months after they are ready.
  let lastOn = registeredOn;
  const startOn = addDays(readyOn, r.int(20, 150));
  const placed = r.chance(0.55) && startOn < options.asOf;
  const sessionsUntil = placed ? startOn : min(options.asOf, addDays(registeredOn, 150));
  const sessions = r.int(1, 6);
  const span = Math.max(0, daysBetween(registeredOn, sessionsUntil));
  const sessionDays = Array.from({ length: sessions }, (_, k) => (k === 0 ? 0 : r.int(0, span))).sort((a, b) => a - b);
  for (const offset of sessionDays) {
    const occurredOn = addDays(registeredOn, offset);
    add({
      kind: 'RecordCounselingSession',
      clientId,
      sessionId: r.uuid(),
      on: occurredOn,
      ...by,
      body: {
        channel: r.weighted(K.COUNSELING_CHANNELS_WEIGHTED),
        topic: r.pick(K.COUNSELING_TOPICS),
        durationMinutes: r.int(3, 9) * 10,
        occurredOn,
      },
    });
  }

  if (placed) {
    const placementId = r.uuid();
    const [occupation, jobTitle] = r.pick(K.JOBS);
    const employmentType = r.weighted([
      ['regular', 45],
      ['contract', 30],
      ['part_time', 25],
    ] as const);
    const weeklyHours = employmentType === 'part_time' ? r.int(15, 30) : 40;
    add({
      kind: 'StartEmployment',
      clientId,
      placementId,
      on: startOn,
      ...by,
      body: {
        employerName: `${r.pick(K.EMPLOYER_PREFIXES)}${r.pick(K.EMPLOYER_SUFFIXES)}`,
        jobTitle,
        occupation,
        employmentType,
        weeklyHours,
        monthlyWage: Math.round((r.int(190, 320) * 10_000 * weeklyHours) / 40 / 10_000) * 10_000,
        startOn,
        channel: referredByCenter ? 'center' : 'self',
        employmentInsurance: r.chance(0.85),
      },
    });
    lastOn = startOn;
    const endedOn = r.chance(0.12) ? addDays(startOn, r.int(15, 85)) : undefined;
    const ended = endedOn !== undefined && endedOn < options.asOf ? endedOn : undefined;
    const recordChance = [0.92, 0.8, 0.68];
    let stillEmployed = true;
    for (const n of [1, 2, 3]) {
      const dueOn = addMonths(startOn, n);
      if (ended && dueOn > ended) break;
      const opensOn = addDays(dueOn, -options.window.daysBefore);
      const closesOn = addDays(dueOn, options.window.daysAfter);
      if (opensOn > options.asOf) break;
      const sweep = { actorId: SWEEP_ACTOR, clientId, placementId };
      add({ kind: 'MarkFollowUpDue', n, on: opensOn, ...sweep });
      const contactedOn = addDays(dueOn, r.int(-5, 12));
      if (stillEmployed && r.chance(recordChance[n - 1]) && contactedOn <= options.asOf) {
        const outcome = r.weighted(K.FOLLOW_UP_OUTCOMES_WEIGHTED);
        const difficulties = r.chance(0.3) ? [r.pick(K.FOLLOW_UP_DIFFICULTIES)] : undefined;
        add({
          kind: 'RecordFollowUp',
          clientId,
          placementId,
          on: contactedOn,
          ...by,
          body: {
            n,
            contactedOn,
            channel: r.weighted([
              ['phone', 70],
              ['message', 15],
              ['visit', 10],
              ['in_center', 5],
            ] as const),
            outcome,
            support: n === 1 ? ['counseling', 'gift_or_celebration'] : ['counseling'],
            ...(difficulties ? { difficulties } : {}),
          },
        });
        lastOn = max(lastOn, contactedOn);
        if (outcome === 'not_employed') stillEmployed = false;
      } else if (closesOn < options.asOf) {
        add({ kind: 'MarkFollowUpOverdue', n, on: addDays(closesOn, 1), ...sweep });
      }
    }
    if (ended) {
      add({
        kind: 'EndEmployment',
        clientId,
        placementId,
        on: ended,
        ...by,
        body: { endedOn: ended, reason: r.weighted(K.EMPLOYMENT_END_REASONS_WEIGHTED) },
      });
      lastOn = max(lastOn, ended);
    }
  }

  // About one case in six is closed some weeks after the last thing that happened.
  const closedOn = addDays(max(lastOn, sessionsUntil), r.int(7, 60));
  if (r.chance(0.16) && closedOn <= options.asOf) {
    add({ kind: 'CloseCase', clientId, on: closedOn, ...by, body: { reason: r.pick(K.CLOSURE_REASONS), closedOn } });
  }
  // Stable sort by day keeps the written order within a day (registration before consent …).
  return steps
    .map((s, k) => [s, k] as const)
    .sort(([a, ka], [b, kb]) => (a.on < b.on ? -1 : a.on > b.on ? 1 : ka - kb))
    .map(([s]) => s);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
