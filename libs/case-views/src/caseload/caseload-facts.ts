/**
 * What the caseload needs to know about one case, folded from events of every context, and the
 * status a counselor sees. Pure, so the status rules are unit-tested without a database.
 */
export const CASE_STATUSES = ['intake', 'counseling', 'in_training', 'interning', 'employed', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface CaseloadFacts {
  closed: boolean;
  counseled: boolean;
  /** Courses she is enrolled in and has neither completed nor dropped. */
  enrolledCourses: string[];
  activeInternships: string[];
  /** Placements started and not ended or voided; converted internships count too. */
  activePlacements: string[];
  startups: string[];
  lastContactOn?: string;
  /**
   * The plan's next step while it is still to do (see `NEXT_ACTION_ENDS`); `setAt` is the global
   * position of the plan event that set it.
   */
  nextAction?: { description: string; dueOn: string; setAt?: number };
  /** Global position of the last event that ended the next action (employed, closed). */
  nextActionEndedAt?: number;
  /** Unknown (undefined) until her registration has been applied. */
  centerId?: string;
  counselorId?: string;
}

export const newFacts = (centerId?: string, counselorId?: string): CaseloadFacts => ({
  closed: false,
  counseled: false,
  enrolledCourses: [],
  activeInternships: [],
  activePlacements: [],
  startups: [],
  centerId,
  counselorId,
});

const add = (list: string[], id: string) => (list.includes(id) ? list : [...list, id]);
const remove = (list: string[], id: string) => list.filter((x) => x !== id);
const later = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : a > b ? a : b);

/** Events that count as contact with her (for "last contact"). */
const CONTACT_DATE: Record<string, string> = {
  CounselingSessionRecorded: 'occurredOn',
  GroupSessionHeld: 'heldOn',
  OutreachEventHeld: 'heldOn',
  FollowUpRecorded: 'contactedOn',
};

export const CASELOAD_EVENT_TYPES = [
  'CounselorAssigned',
  'CaseClosed',
  'CaseReopened',
  'CounselingSessionRecorded',
  'EmploymentPlanSet',
  'EmploymentPlanRevised',
  'GroupSessionHeld',
  'OutreachEventHeld',
  'TrainingEnrolled',
  'TrainingCompleted',
  'TrainingDroppedOut',
  'InternshipStarted',
  'InternshipEnded',
  'InternshipConverted',
  'EmploymentStarted',
  'EmploymentEnded',
  'PlacementVoided',
  'StartupStarted',
] as const;

/**
 * Events after which the plan's next action is no longer hers to do: her case closed, or she is
 * employed (a job, a converted internship, a business of her own) — the employment plan
 * (개인별 취업지원계획) reached its goal, and her follow-ups (사후관리) have their own queue.
 * Reopening or losing the job later does not bring an old next action back: the counselor
 * revises the plan with the next step. A next action that was done is likewise replaced by the
 * revision that sets the next one (superseded).
 */
export const NEXT_ACTION_ENDS = ['CaseClosed', 'EmploymentStarted', 'InternshipConverted', 'StartupStarted'] as const;

/**
 * A next action set by the event at `position`, unless an end came after it. Kafka does not order
 * the counseling topic with the intake or placement ones, so a plan set before her job may arrive
 * after it: global positions (commit order) decide, not arrival. Without a position (a fold in
 * order) arrival is the order.
 */
function nextActionSet(
  f: CaseloadFacts,
  action: { description: string; dueOn: string },
  position?: number,
): CaseloadFacts {
  if (position !== undefined && f.nextActionEndedAt !== undefined && position < f.nextActionEndedAt) return f;
  return {
    ...f,
    nextAction: {
      description: action.description,
      dueOn: action.dueOn,
      ...(position !== undefined ? { setAt: position } : {}),
    },
  };
}

function nextActionEnded(f: CaseloadFacts, position?: number): CaseloadFacts {
  const setLater = position !== undefined && f.nextAction?.setAt !== undefined && f.nextAction.setAt > position;
  const endedAt = position === undefined ? f.nextActionEndedAt : Math.max(f.nextActionEndedAt ?? 0, position);
  return {
    ...f,
    nextAction: setLater ? f.nextAction : undefined,
    ...(endedAt !== undefined ? { nextActionEndedAt: endedAt } : {}),
  };
}

/** `position`: the event's global position (the projection passes it; see nextActionSet). */
export function applyToFacts(
  facts: CaseloadFacts,
  type: string,
  data: Record<string, any>,
  position?: number,
): CaseloadFacts {
  const contactField = CONTACT_DATE[type];
  const read: CaseloadFacts = contactField
    ? { ...facts, lastContactOn: later(facts.lastContactOn, data[contactField]) }
    : { ...facts };
  const f = (NEXT_ACTION_ENDS as readonly string[]).includes(type) ? nextActionEnded(read, position) : read;
  switch (type) {
    case 'CounselorAssigned':
      return { ...f, centerId: data.centerId, counselorId: data.counselorId };
    case 'CaseClosed':
      return { ...f, closed: true };
    case 'CaseReopened':
      return { ...f, closed: false };
    case 'CounselingSessionRecorded':
    case 'GroupSessionHeld':
    case 'OutreachEventHeld':
      return { ...f, counseled: true };
    case 'EmploymentPlanSet':
      return { ...nextActionSet(f, data.nextAction, position), counseled: true };
    case 'EmploymentPlanRevised':
      return data.changes?.nextAction ? nextActionSet(f, data.changes.nextAction, position) : f;
    case 'TrainingEnrolled':
      return { ...f, enrolledCourses: add(f.enrolledCourses, data.courseId) };
    case 'TrainingCompleted':
    case 'TrainingDroppedOut':
      return { ...f, enrolledCourses: remove(f.enrolledCourses, data.courseId) };
    case 'InternshipStarted':
      return { ...f, activeInternships: add(f.activeInternships, data.internshipId) };
    case 'InternshipEnded':
      return { ...f, activeInternships: remove(f.activeInternships, data.internshipId) };
    case 'InternshipConverted':
      return {
        ...f,
        activeInternships: remove(f.activeInternships, data.internshipId),
        activePlacements: add(f.activePlacements, `internship:${data.internshipId}`),
      };
    case 'EmploymentStarted':
      return { ...f, activePlacements: add(f.activePlacements, data.placementId) };
    case 'EmploymentEnded':
    case 'PlacementVoided':
      return { ...f, activePlacements: remove(f.activePlacements, data.placementId) };
    case 'StartupStarted':
      return { ...f, startups: add(f.startups, data.startupId) };
    default:
      return f;
  }
}

/** The furthest stage the case is in now: closed, then employed, interning, in training, counseling, intake. */
export function statusOf(f: CaseloadFacts): CaseStatus {
  if (f.closed) return 'closed';
  if (f.activePlacements.length > 0 || f.startups.length > 0) return 'employed';
  if (f.activeInternships.length > 0) return 'interning';
  if (f.enrolledCourses.length > 0) return 'in_training';
  if (f.counseled) return 'counseling';
  return 'intake';
}
