import type { StoredEvent } from '@saeil/event-store';
import { EVENT_CONTRACTS } from '@saeil/contracts';

/**
 * Generated event histories for the projections' equivalence spec: every event type the
 * caseload, timeline, follow-up-queue and center-activities projections apply, for `clients`
 * clients (sealed and version 1 identities, profile updates, reassignments, erasures, plans,
 * training, internships, placements and their follow-ups, the center's activities), streams
 * interleaved at random (seeded) in commit order. A few poison events fail on purpose.
 */
export interface GeneratedHistory {
  /** Commit order, global positions 1, 2, 3, … (what the embedded feed and a rebuild read). */
  commitOrder: StoredEvent[];
  /**
   * The order a consumer of the context topics may see: each context in commit order, contexts
   * interleaved at random, and some events delivered again later (a consumer group's redelivery).
   */
  kafkaOrder: StoredEvent[];
  /** Event ids of the events made to fail. */
  poison: { caseload: string[]; timeline: string[]; followUpQueue: string[]; centerActivities: string[] };
  erasedClients: string[];
}

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONTEXT_OF = new Map(EVENT_CONTRACTS.map((c) => [c.type, c.context]));
const uuid = (kind: number, n: number) =>
  `00000000-0000-4000-8${kind.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;

export function generateHistory(seed: number, clients: number): GeneratedHistory {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const chance = (p: number) => random() < p;
  const day = () =>
    `2026-${String(1 + Math.floor(random() * 11)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  /** Mostly UTC with milliseconds, as the api writes them; some with an offset or no fraction. */
  const instant = () => {
    const d = day();
    const time = `${String(Math.floor(random() * 24)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}`;
    return chance(0.8)
      ? `${d}T${time}.${String(Math.floor(random() * 1000)).padStart(3, '0')}Z`
      : chance(0.5)
        ? `${d}T${time}+09:00`
        : `${d}T${time}Z`;
  };
  const centers = ['center-naju', 'center-mokpo', 'center-suncheon'];
  const counselors = ['counselor-a', 'counselor-b', 'counselor-c', 'counselor-d'];

  type Poisoned = keyof GeneratedHistory['poison'];
  type Draft = { type: string; data: Record<string, unknown>; centerId: string; poisons: Poisoned[] };
  const streams = new Map<string, Draft[]>();
  const push = (
    streamId: string,
    type: string,
    data: Record<string, unknown>,
    centerId = pick(centers),
    poisons: Poisoned[] = [],
  ) => {
    if (!streams.has(streamId)) streams.set(streamId, []);
    streams.get(streamId)!.push({ type, data, centerId, poisons });
  };
  const poison: GeneratedHistory['poison'] = { caseload: [], timeline: [], followUpQueue: [], centerActivities: [] };
  const clientIds = Array.from({ length: clients }, (_, k) => uuid(1, k));
  const erasedClients: string[] = [];

  clientIds.forEach((clientId, k) => {
    const center = pick(centers);
    const intake = `client-${clientId}`;
    const legacy = k % 5 === 0;
    const registration: Record<string, unknown> = legacy
      ? {
          clientId,
          centerId: center,
          counselorId: pick(counselors),
          name: `이름${k}`,
          birthDate: '1980-01-02',
          phone: `010-0000-${String(k).padStart(4, '0')}`,
          region: '전라남도',
        }
      : {
          clientId,
          centerId: center,
          counselorId: pick(counselors),
          personal: `pd1.${k}.registered`,
          birthYear: 1970 + (k % 30),
          region: '전라남도',
        };
    // Her other events may come first (another context's topic): then her row is a placeholder until this.
    // k = 3: a registration without her region, which the caseload refuses (a dead letter).
    if (k === 3) delete registration.region;
    push(intake, 'ClientRegistered', registration, center, k === 3 ? ['caseload'] : []);
    for (let i = 0; i < 4; i++) {
      const r = random();
      if (r < 0.25)
        push(
          intake,
          'ClientProfileUpdated',
          legacy
            ? {
                clientId,
                changes: {
                  name: `새이름${k}-${i}`,
                  ...(chance(0.5) ? { phone: '010-1111-2222' } : {}),
                  ...(chance(0.3) ? { region: '광주광역시' } : {}),
                },
              }
            : {
                clientId,
                personal: `pd1.${k}.updated${i}`,
                ...(chance(0.5) ? { birthYear: 1975 } : {}),
                changes: chance(0.3) ? { region: '광주광역시' } : {},
              },
        );
      else if (r < 0.45)
        push(intake, 'CounselorAssigned', { clientId, centerId: pick(centers), counselorId: pick(counselors) });
      else if (r < 0.55) push(intake, 'CaseClosed', { clientId, reason: 'moved' });
      else if (r < 0.6) push(intake, 'CaseReopened', { clientId });
      else if (r < 0.62) push(intake, 'ClientProfileUpdated', { clientId, changes: {} }); // nothing the queue keeps
    }
    if (k % 7 === 1) {
      push(intake, 'ClientDataErased', { clientId });
      erasedClients.push(clientId);
      // A later update does not bring her identity back.
      if (chance(0.5))
        push(
          intake,
          'ClientProfileUpdated',
          legacy ? { clientId, changes: { name: 'after' } } : { clientId, personal: `pd1.${k}.after`, changes: {} },
        );
    }

    const counseling = `counseling-${clientId}`;
    for (let i = 0, n = Math.floor(random() * 5); i < n; i++) {
      const r = random();
      if (r < 0.5)
        push(counseling, 'CounselingSessionRecorded', {
          clientId,
          sessionId: uuid(2, k * 10 + i),
          occurredOn: day(),
          mode: 'visit',
          topics: ['jobSearch'],
        });
      else if (r < 0.75)
        push(counseling, 'EmploymentPlanSet', {
          clientId,
          goal: '사무직',
          nextAction: { description: `다음 할 일 ${i}`, dueOn: day() },
        });
      else
        push(counseling, 'EmploymentPlanRevised', {
          clientId,
          changes: chance(0.7) ? { nextAction: { description: `바뀐 할 일 ${i}`, dueOn: day() } } : { goal: '판매직' },
        });
    }

    if (chance(0.4)) {
      const training = `training-${clientId}`;
      const courseId = uuid(3, k % 6);
      push(training, 'TrainingEnrolled', { clientId, courseId });
      if (chance(0.7))
        push(training, chance(0.5) ? 'TrainingCompleted' : 'TrainingDroppedOut', {
          clientId,
          courseId,
          completedOn: day(),
        });
    }
    if (chance(0.3)) {
      const internshipId = uuid(4, k);
      const internship = `internship-${internshipId}`;
      push(internship, 'InternshipStarted', { clientId, internshipId, employerId: uuid(9, k % 4), startOn: day() });
      if (chance(0.7))
        push(internship, chance(0.5) ? 'InternshipEnded' : 'InternshipConverted', {
          clientId,
          internshipId,
          endedOn: day(),
        });
    }
    for (let p = 0, placements = chance(0.5) ? 1 + Math.floor(random() * 2) : 0; p < placements; p++) {
      const placementId = uuid(5, k * 4 + p);
      const placement = `placement-${placementId}`;
      push(placement, 'EmploymentStarted', {
        clientId,
        placementId,
        employerName: `회사${k % 9}`,
        startOn: day(),
        jobTitle: '사무원',
        monthlyWage: 2_000_000,
      });
      const ended = chance(0.3);
      const voided = !ended && chance(0.15);
      if (ended) push(placement, 'EmploymentEnded', { clientId, placementId, endedOn: day(), reason: 'resigned' });
      if (voided) push(placement, 'PlacementVoided', { clientId, placementId, reason: 'entered by mistake' });
      const followUps = `follow-ups-${placementId}`;
      const milestones = [1, 3, 6].map((n) => ({ n, dueOn: day(), opensOn: day(), closesOn: day() }));
      const scheduled = {
        placementId,
        clientId,
        centerId: center,
        counselorId: pick(counselors),
        startOn: day(),
        milestones,
      };
      push(followUps, 'FollowUpsScheduled', scheduled);
      if (chance(0.2)) push(followUps, 'FollowUpsScheduled', { ...scheduled, counselorId: 'counselor-later' }); // scheduled again: nothing changes
      for (const m of milestones) {
        if (chance(0.6)) push(followUps, 'FollowUpDue', { placementId, n: m.n });
        if (chance(0.3)) push(followUps, 'FollowUpOverdue', { placementId, n: m.n });
        if (chance(0.4))
          push(followUps, 'FollowUpRecorded', {
            clientId,
            placementId,
            n: m.n,
            contactedOn: day(),
            outcome: pick(['employed_same', 'employed_other', 'unemployed']),
            counselorId: pick(counselors),
          });
      }
      if (ended)
        push(followUps, 'FollowUpsClosedByEmploymentEnd', { placementId, endedOn: day(), closedMilestones: [3, 6] });
      if (voided) push(followUps, 'FollowUpsCancelled', { placementId, reason: 'placement_voided' });
    }
    if (chance(0.1))
      push(`startup-${clientId}`, 'StartupStarted', {
        clientId,
        startupId: uuid(6, k),
        startedOn: day(),
        businessName: '가게',
      });
  });

  // The center's activities (and the clients they name).
  for (let c = 0; c < 6; c++)
    push(`course-${uuid(3, c)}`, 'TrainingCourseCreated', {
      courseId: uuid(3, c),
      centerId: pick(centers),
      title: `과정 ${c}`,
      provider: '훈련기관',
      field: 'IT',
      startsOn: day(),
      endsOn: day(),
      hours: 120,
      capacity: 20,
    });
  for (let g = 0; g < 4; g++) {
    const programId = uuid(7, g);
    const stream = `group-program-${programId}`;
    // Program 3 has sessions but was never created here: its changes are passed over.
    if (g !== 3)
      push(stream, 'GroupProgramCreated', {
        programId,
        centerId: pick(centers),
        name: `집단 프로그램 ${g}`,
        year: 2026,
        plannedSessions: 5,
        plannedParticipants: 10,
      });
    for (let s = 1; s <= 4; s++) {
      push(stream, 'GroupSessionHeld', {
        programId,
        sessionNo: chance(0.2) ? 1 : s,
        heldOn: day(),
        attendeeClientIds: clientIds.filter(() => chance(0.05)),
        walkInCount: Math.floor(random() * 3),
      });
    }
  }
  for (let o = 0; o < 3; o++)
    push(`outreach-${uuid(8, o)}`, 'OutreachEventHeld', {
      outreachId: uuid(8, o),
      centerId: pick(centers),
      place: `장소 ${o}`,
      heldOn: day(),
      counselorIds: [pick(counselors)],
      walkInContacts: 4,
      registeredClientIds: clientIds.filter(() => chance(0.04)),
      ...(chance(0.5) ? { notes: '메모' } : {}),
    });
  for (let e = 0; e < 4; e++) {
    const employerId = uuid(9, e);
    push(`employer-${employerId}`, 'EmployerRegistered', {
      employerId,
      centerId: pick(centers),
      name: `기업 ${e}`,
      businessRegistrationNumber: `123-45-6789${e}`,
      industry: '제조',
      size: 'small',
    });
    for (let s = 0; s < 3; s++)
      if (chance(0.7))
        push(`employer-${employerId}`, 'EmployerServiceProvided', {
          employerId,
          providedOn: day(),
          service: 'consulting',
        });
  }
  for (let a = 0; a < 3; a++) {
    const agreementId = uuid(10, a);
    push(`agreement-${agreementId}`, 'AgreementSigned', {
      agreementId,
      centerId: pick(centers),
      partyName: `협약 ${a}`,
      kind: 'employer',
      ...(chance(0.5) ? { employerId: uuid(9, a) } : {}),
      signedOn: day(),
      termStart: day(),
      termEnd: day(),
    });
    if (chance(0.7)) push(`agreement-${agreementId}`, 'AgreementRenewed', { agreementId, newTermEnd: day() });
    if (chance(0.5))
      push(`agreement-${agreementId}`, 'AgreementEnded', { agreementId, endedOn: day(), reason: 'expired' });
  }
  push(`job-fair-${uuid(11, 0)}`, 'JobFairHeld', {
    jobFairId: uuid(11, 0),
    centerId: 'center-naju',
    name: '채용박람회',
    heldOn: day(),
    companies: 10,
    applicants: 50,
    hires: 5,
  });
  push(`council-${uuid(12, 0)}`, 'CouncilMeetingHeld', {
    meetingId: uuid(12, 0),
    centerId: 'center-naju',
    title: '협의회',
    heldOn: day(),
    ...(chance(0.5) ? { attendees: ['기관 A'] } : {}),
  });

  // Poison: ids PostgreSQL refuses as uuids.
  push(
    'counseling-poison',
    'CounselingSessionRecorded',
    { clientId: 'not-a-uuid', sessionId: uuid(2, 999_999), occurredOn: day(), mode: 'visit', topics: [] },
    'center-naju',
    ['timeline', 'caseload'],
  );
  push('follow-ups-poison', 'FollowUpDue', { placementId: 'not-a-uuid', n: 1 }, 'center-naju', ['followUpQueue']);
  push(
    'employer-poison',
    'EmployerServiceProvided',
    { employerId: 'not-a-uuid', providedOn: day(), service: 'consulting' },
    'center-naju',
    ['centerActivities'],
  );

  // Commit order: streams interleaved at random, each in its own order.
  const pending = [...streams.entries()].map(([streamId, drafts]) => ({ streamId, drafts, next: 0 }));
  const commitOrder: StoredEvent[] = [];
  while (pending.length > 0) {
    const i = Math.floor(random() * pending.length);
    const stream = pending[i];
    const draft = stream.drafts[stream.next++];
    const position = commitOrder.length + 1;
    const context = CONTEXT_OF.get(draft.type);
    if (!context) throw new Error(`no contract for ${draft.type}`);
    const occurredAt = instant();
    commitOrder.push({
      eventId: uuid(100, position),
      globalPosition: position,
      transactionId: String(1000 + position),
      streamId: stream.streamId,
      streamVersion: stream.next,
      context,
      type: draft.type,
      schemaVersion: 1,
      data: draft.data,
      metadata: { actorId: pick(counselors), centerId: draft.centerId, correlationId: `c-${position}`, occurredAt },
      recordedAt: occurredAt.endsWith('Z') ? occurredAt : `${occurredAt.slice(0, 19)}Z`,
    });
    for (const p of draft.poisons) poison[p].push(uuid(100, position));
    if (stream.next === stream.drafts.length) pending.splice(i, 1);
  }

  // Kafka order: one queue per context, interleaved at random; now and then a recent event again.
  const queues = new Map<string, StoredEvent[]>();
  for (const e of commitOrder) {
    if (!queues.has(e.context)) queues.set(e.context, []);
    queues.get(e.context)!.push(e);
  }
  const cursors = [...queues.entries()].map(([context, events]) => ({ context, events, next: 0 }));
  const kafkaOrder: StoredEvent[] = [];
  while (cursors.length > 0) {
    const i = Math.floor(random() * cursors.length);
    const cursor = cursors[i];
    kafkaOrder.push(cursor.events[cursor.next++]);
    if (chance(0.05)) kafkaOrder.push(cursor.events[Math.max(0, cursor.next - 1 - Math.floor(random() * 20))]);
    if (cursor.next === cursor.events.length) cursors.splice(i, 1);
  }

  return { commitOrder, kafkaOrder, poison, erasedClients };
}
