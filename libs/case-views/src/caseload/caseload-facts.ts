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
  nextAction?: { description: string; dueOn: string };
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

export function applyToFacts(facts: CaseloadFacts, type: string, data: Record<string, any>): CaseloadFacts {
  const contactField = CONTACT_DATE[type];
  const f: CaseloadFacts = contactField ? { ...facts, lastContactOn: later(facts.lastContactOn, data[contactField]) } : { ...facts };
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
      return { ...f, counseled: true, nextAction: data.nextAction };
    case 'EmploymentPlanRevised':
      return data.changes?.nextAction ? { ...f, nextAction: data.changes.nextAction } : f;
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
      return { ...f, activeInternships: remove(f.activeInternships, data.internshipId), activePlacements: add(f.activePlacements, `internship:${data.internshipId}`) };
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
