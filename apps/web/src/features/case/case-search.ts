/**
 * The case page's view in the URL: which tab, which form is open and what it is about. A work-queue
 * item links here with the form ready (a follow-up due → 취업·사후관리 with the follow-up form for
 * that placement and milestone); a link reproduces what she sees.
 */
export const CASE_TABS = ['timeline', 'sessions', 'plan', 'training', 'internship', 'placements', 'profile'] as const;
export type CaseTab = (typeof CASE_TABS)[number];

export const CASE_FORMS = [
  'consent',
  'session',
  'plan',
  'enroll',
  'attendance',
  'completion',
  'certificate',
  'dropout',
  'internship-start',
  'subsidy',
  'internship-end',
  'conversion',
  'placement',
  'placement-end',
  'placement-void',
  'follow-up',
  'benefit',
  'startup',
  'startup-grant',
  'profile',
  'transfer',
  'closure',
  'reopening',
] as const;
export type CaseForm = (typeof CASE_FORMS)[number];

export interface CaseSearch {
  tab?: CaseTab;
  form?: CaseForm;
  placementId?: string;
  n?: 1 | 2 | 3;
  courseId?: string;
  internshipId?: string;
  startupId?: string;
}

/** The tab each form lives on: a link naming only the form opens its tab too. */
export const FORM_TAB: Record<CaseForm, CaseTab> = {
  consent: 'timeline',
  session: 'sessions',
  plan: 'plan',
  enroll: 'training',
  attendance: 'training',
  completion: 'training',
  certificate: 'training',
  dropout: 'training',
  'internship-start': 'internship',
  subsidy: 'internship',
  'internship-end': 'internship',
  conversion: 'internship',
  placement: 'placements',
  'placement-end': 'placements',
  'placement-void': 'placements',
  'follow-up': 'placements',
  benefit: 'placements',
  startup: 'placements',
  'startup-grant': 'placements',
  profile: 'profile',
  transfer: 'profile',
  closure: 'profile',
  reopening: 'profile',
};

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const id = (value: unknown) => (typeof value === 'string' && ID.test(value) ? value : undefined);

/** A hand-edited or stale URL never breaks the page: what is not understood is dropped. */
export function caseSearch(search: Record<string, unknown>): CaseSearch {
  const out: CaseSearch = {};
  if ((CASE_FORMS as readonly unknown[]).includes(search.form)) out.form = search.form as CaseForm;
  if ((CASE_TABS as readonly unknown[]).includes(search.tab)) out.tab = search.tab as CaseTab;
  else if (out.form) out.tab = FORM_TAB[out.form];
  const n = Number(search.n);
  if (n === 1 || n === 2 || n === 3) out.n = n;
  for (const key of ['placementId', 'courseId', 'internshipId', 'startupId'] as const) {
    const value = id(search[key]);
    if (value) out[key] = value;
  }
  return out;
}
