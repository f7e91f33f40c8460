import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CENTER_FROM_RECORD, validateDto } from '@saeil/core';
import { startTestSaeil, TestSaeil } from '../support/app';
import {
  accountIdOf,
  ADMINISTRATOR,
  api,
  Caller,
  counselorOf,
  MINISTRY_ANALYST,
  regionalSupervisorOf,
  supervisorOf,
  TEST_METRICS_TOKEN,
  TestRole,
  tokenFor,
} from '../support/auth';
import { waitFor } from '../support/env';

/**
 * The authorization matrix (issue 5): every route of the api × every role × her own center ×
 * another center × no token, through HTTP on a real PostgreSQL.
 *
 * The expectations are written here, apart from the code: `ROUTES` says who may call each route.
 * A route the api serves that this table does not list fails the test, so a new endpoint cannot
 * ship without its row. For each row:
 * - no token (and a forged one): 401 — a public route must not ask for one;
 * - each role its own center (or region, or the nation) reaches: admitted (neither 401, 403 nor
 *   404) when the row lists the role, 403 otherwise;
 * - each center- or region-scoped role it admits, the same request about the other center's
 *   records: 404 with nothing but the error (never the data), or 403 OUT_OF_SCOPE where the body
 *   names the other center for a new record. The other center's records exist (made by its own
 *   supervisor in beforeAll), so a 404 can only come from the scope.
 */

const OWN = 'center-naju'; // 전라남도
const OTHER = 'center-jinju'; // 경상남도
const ROLES: TestRole[] = ['counselor', 'supervisor', 'regional_supervisor', 'ministry_analyst', 'administrator'];
const CASE_WORKERS: TestRole[] = ['counselor', 'supervisor'];
const CASE_READERS: TestRole[] = ['counselor', 'supervisor', 'regional_supervisor'];
const FIGURE_READERS: TestRole[] = ['counselor', 'supervisor', 'regional_supervisor', 'ministry_analyst'];
const REPORT_READERS: TestRole[] = ['supervisor', 'regional_supervisor', 'ministry_analyst'];
const SUPERVISOR: TestRole[] = ['supervisor'];
const ADMIN: TestRole[] = ['administrator'];
const ANALYST: TestRole[] = ['ministry_analyst'];
/** Roles whose reach is one center or one region: they have an "other center" to be kept from. */
const SCOPED: TestRole[] = ['counselor', 'supervisor', 'regional_supervisor'];

/** The records of one center the requests name. */
interface CenterFixtures {
  centerId: string;
  region: string;
  clientId: string;
  placementId: string;
  startupId: string;
  courseId: string;
  groupProgramId: string;
  retentionProgramId: string;
  employerId: string;
  agreementId: string;
  internshipId: string;
  kpiPlanId: string;
  kpiIndicatorId: string;
  budgetPlanId: string;
  /** Two counselor accounts of the center: her counselor, and one a reassignment names. */
  counselorId: string;
  secondCounselorId: string;
}

interface Fixtures {
  own: CenterFixtures;
  other: CenterFixtures;
  /** An account the administration routes act on. */
  spareAccountId: string;
}

interface Call {
  path: string;
  query?: Record<string, string | number>;
  body?: unknown;
}

interface RouteSpec {
  /** As Express lists it: 'POST /clients/:clientId/closure'. */
  route: string;
  /** Who is admitted; 'public' needs no token; 'metrics-token' only METRICS_TOKEN (a scraper), no account. */
  roles: TestRole[] | 'public' | 'metrics-token';
  /** The request a role makes about records of center `f` (her own, or the other one). */
  call(f: CenterFixtures, role: TestRole, all: Fixtures): Call;
  /** What the other center's request answers: 404 (default) for records named by id, 403 for a body naming the center. */
  other?: 404 | 403 | 'empty-list' | 'none';
  /**
   * A request about her own center's record that also names a woman of the other center in its
   * body (an attendee, a trainee, a beneficiary): 404 for every scoped role it admits.
   */
  cross?(all: Fixtures): Call;
}

const day = '2026-11-02';
const levelOf = (f: CenterFixtures, role: TestRole): { level: string; id?: string } =>
  role === 'regional_supervisor'
    ? { level: 'region', id: f.region }
    : role === 'ministry_analyst'
      ? { level: 'nation' }
      : { level: 'center', id: f.centerId };
const reportPath = (f: CenterFixtures, role: TestRole, suffix = ''): Call => {
  const { level, id } = levelOf(f, role);
  return { path: `/ministry-reports/${level}/2026-Q3${suffix}`, query: id ? { id } : {} };
};
const statistics =
  (what: string) =>
  (f: CenterFixtures, role: TestRole): Call => {
    const { level, id } = levelOf(f, role);
    return {
      path: `/statistics/${what}`,
      query: { level, ...(id ? { id } : {}), from: '2026-01-01', to: '2026-12-31' },
    };
  };
const client = (f: CenterFixtures, suffix: string, body?: unknown): Call => ({
  path: `/clients/${f.clientId}${suffix}`,
  body,
});
const job = {
  employerName: '(주)나주식품',
  jobTitle: '품질관리 사무원',
  occupation: '0231',
  employmentType: 'regular',
  weeklyHours: 40,
  monthlyWage: 2_350_000,
  startOn: '2026-06-01',
  channel: 'self',
  employmentInsurance: true,
};
const programPlan = (centerId: string) => ({
  centerId,
  name: '같이하는 고백(go 100)',
  periodFrom: '2026-01-01',
  periodTo: '2026-12-31',
  milestones: [{ n: 1, plannedClients: 30, benefit: '취업 축하 기념품', unitCost: 30_000 }],
  budget: [{ source: 'national', amount: 2_000_000 }],
});
const budgetPlan = (centerId: string) => ({
  centerId,
  name: '여성새로일하기센터 기능강화',
  fromYear: 2026,
  toYear: 2026,
  lines: [{ year: 2026, source: 'national', amount: 7_000_000 }],
});
const kpiPlan = (centerId: string) => ({
  centerId,
  name: '2026 확인지표',
  fromYear: 2026,
  toYear: 2026,
  indicators: [{ name: '기관협약 수', unit: '개소', yearlyTargets: [3] }],
});
const course = (centerId: string) => ({
  centerId,
  title: '전산회계 실무',
  provider: '나주직업전문학교',
  field: '회계',
  startsOn: '2026-09-01',
  endsOn: '2026-12-31',
  hours: 120,
  capacity: 20,
});

/**
 * Who may call what. Destructive steps (closing, voiding, ending) come after the steps that need
 * the record open; every row runs in this order.
 */
const ROUTES: RouteSpec[] = [
  // Operations and login: open.
  { route: 'GET /health', roles: 'public', call: () => ({ path: '/health' }), other: 'none' },
  { route: 'GET /metrics', roles: 'metrics-token', call: () => ({ path: '/metrics' }), other: 'none' },
  // The OpenAPI document and its viewer (Swagger UI's static files are not listed one by one).
  { route: 'GET /docs', roles: 'public', call: () => ({ path: '/docs' }), other: 'none' },
  { route: 'GET /docs/openapi.json', roles: 'public', call: () => ({ path: '/docs/openapi.json' }), other: 'none' },
  { route: 'GET /docs-json', roles: 'public', call: () => ({ path: '/docs-json' }), other: 'none' },
  // The web app's entry: / and /app redirect to /app/ (its files are static, beside these).
  { route: 'GET /', roles: 'public', call: () => ({ path: '/' }), other: 'none' },
  { route: 'GET /app', roles: 'public', call: () => ({ path: '/app' }), other: 'none' },
  { route: 'GET /ministry', roles: 'public', call: () => ({ path: '/ministry' }), other: 'none' },
  { route: 'POST /auth/login', roles: 'public', call: () => ({ path: '/auth/login', body: {} }), other: 'none' },
  { route: 'POST /auth/refresh', roles: 'public', call: () => ({ path: '/auth/refresh', body: {} }), other: 'none' },
  { route: 'POST /auth/logout', roles: 'public', call: () => ({ path: '/auth/logout', body: {} }), other: 'none' },
  // Her own session: any account.
  { route: 'GET /auth/me', roles: ROLES, call: () => ({ path: '/auth/me' }), other: 'none' },
  { route: 'POST /auth/password', roles: ROLES, call: () => ({ path: '/auth/password', body: {} }), other: 'none' },
  // Accounts: the administrator.
  { route: 'GET /accounts', roles: ADMIN, call: () => ({ path: '/accounts' }), other: 'none' },
  { route: 'GET /accounts/audit', roles: ADMIN, call: () => ({ path: '/accounts/audit' }), other: 'none' },
  { route: 'POST /accounts', roles: ADMIN, call: () => ({ path: '/accounts', body: {} }), other: 'none' },
  {
    route: 'PATCH /accounts/:accountId',
    roles: ADMIN,
    call: (_, __, all) => ({ path: `/accounts/${all.spareAccountId}`, body: { displayName: '예비 계정' } }),
    other: 'none',
  },
  {
    route: 'POST /accounts/:accountId/disable',
    roles: ADMIN,
    call: (_, __, all) => ({ path: `/accounts/${all.spareAccountId}/disable`, body: {} }),
    other: 'none',
  },
  {
    route: 'POST /accounts/:accountId/enable',
    roles: ADMIN,
    call: (_, __, all) => ({ path: `/accounts/${all.spareAccountId}/enable`, body: {} }),
    other: 'none',
  },
  {
    route: 'POST /accounts/:accountId/password-reset',
    roles: ADMIN,
    call: (_, __, all) => ({
      path: `/accounts/${all.spareAccountId}/password-reset`,
      body: { newPassword: 'spare-reset-password-2026' },
    }),
    other: 'none',
  },
  // The access log: supervisors review their center, the administrator verifies.
  {
    route: 'GET /access-log',
    roles: ['supervisor', 'administrator'],
    call: (f) => ({ path: '/access-log', query: { month: '2026-12', centerId: f.centerId } }),
  },
  {
    route: 'GET /access-log/verify',
    roles: ADMIN,
    call: () => ({ path: '/access-log/verify', query: { month: '2026-12' } }),
    other: 'none',
  },

  // Intake.
  {
    route: 'POST /clients',
    roles: CASE_WORKERS,
    call: (f) => ({
      path: '/clients',
      body: {
        name: '매트릭스',
        birthDate: '1985-05-05',
        phone: '010-5555-0101',
        centerId: f.centerId,
        counselorId: f.counselorId,
        region: f.region,
      },
    }),
    other: 403,
  },
  { route: 'GET /clients/:clientId', roles: CASE_READERS, call: (f) => client(f, '') },
  {
    route: 'POST /clients/:clientId/consents',
    roles: CASE_WORKERS,
    call: (f) => client(f, '/consents', { purpose: 'marketing', version: '2026-01', givenOn: day }),
  },
  {
    route: 'POST /clients/:clientId/consents/:purpose/withdrawal',
    roles: CASE_WORKERS,
    call: (f) => client(f, '/consents/marketing/withdrawal', { withdrawnOn: '2026-11-03' }),
  },
  {
    route: 'PATCH /clients/:clientId/profile',
    roles: CASE_WORKERS,
    call: (f) => client(f, '/profile', { desiredOccupation: '사무원' }),
  },
  {
    route: 'POST /clients/:clientId/assignment',
    roles: CASE_WORKERS,
    call: (f) => client(f, '/assignment', { centerId: f.centerId, counselorId: f.secondCounselorId }),
  },
  // Her center's supervisor moves a counselor's cases; a made-up case id, so nothing of the fixtures moves.
  {
    route: 'POST /counselors/:counselorId/reassignment',
    roles: ['supervisor'],
    call: (f) => ({
      path: `/counselors/${f.counselorId}/reassignment`,
      body: {
        centerId: f.centerId,
        toCounselorIds: [f.secondCounselorId],
        clientIds: ['00000000-0000-4000-8000-00000000abcd'],
      },
    }),
    other: 403,
  },

  // Counseling.
  {
    route: 'POST /clients/:clientId/counseling-sessions',
    roles: CASE_WORKERS,
    call: (f) =>
      client(f, '/counseling-sessions', { channel: 'phone', topic: '구직 상담', durationMinutes: 30, occurredOn: day }),
  },
  {
    route: 'GET /clients/:clientId/counseling-sessions',
    roles: CASE_READERS,
    call: (f) => client(f, '/counseling-sessions'),
  },
  {
    route: 'POST /clients/:clientId/employment-plan',
    roles: CASE_WORKERS,
    call: (f) =>
      client(f, '/employment-plan', {
        goals: ['취업'],
        desiredOccupation: '사무원',
        plannedServices: ['counseling'],
        nextAction: { description: '상담', dueOn: '2026-12-20' },
        setOn: day,
      }),
  },
  {
    route: 'PATCH /clients/:clientId/employment-plan',
    roles: CASE_WORKERS,
    call: (f) => client(f, '/employment-plan', { desiredOccupation: '회계', reason: '변경', revisedOn: '2026-11-03' }),
  },
  { route: 'GET /clients/:clientId/employment-plan', roles: CASE_READERS, call: (f) => client(f, '/employment-plan') },
  {
    route: 'POST /group-programs',
    roles: CASE_WORKERS,
    call: (f) => ({
      path: '/group-programs',
      body: { centerId: f.centerId, name: '집단상담 1기', year: 2026, plannedSessions: 4, plannedParticipants: 12 },
    }),
    other: 403,
  },
  {
    route: 'GET /group-programs/:programId',
    roles: CASE_READERS,
    call: (f) => ({ path: `/group-programs/${f.groupProgramId}` }),
  },
  {
    route: 'POST /group-programs/:programId/sessions',
    roles: CASE_WORKERS,
    call: (f) => ({
      path: `/group-programs/${f.groupProgramId}/sessions`,
      body: { sessionNo: 1, heldOn: day, attendeeClientIds: [f.clientId], walkInCount: 0 },
    }),
    cross: ({ own, other }) => ({
      path: `/group-programs/${own.groupProgramId}/sessions`,
      body: { sessionNo: 2, heldOn: day, attendeeClientIds: [own.clientId, other.clientId], walkInCount: 0 },
    }),
  },
  {
    route: 'POST /outreach-events',
    roles: CASE_WORKERS,
    call: (f) => ({
      path: '/outreach-events',
      body: { centerId: f.centerId, place: '5일장', heldOn: day, counselorIds: [f.counselorId], walkInContacts: 3 },
    }),
    other: 403,
    cross: ({ own, other }) => ({
      path: '/outreach-events',
      body: {
        centerId: own.centerId,
        place: '5일장',
        heldOn: day,
        counselorIds: [own.counselorId],
        walkInContacts: 3,
        registeredClientIds: [other.clientId],
      },
    }),
  },

  // Training.
  {
    route: 'POST /courses',
    roles: CASE_WORKERS,
    call: (f) => ({ path: '/courses', body: course(f.centerId) }),
    other: 403,
  },
  { route: 'GET /courses/:courseId', roles: CASE_READERS, call: (f) => ({ path: `/courses/${f.courseId}` }) },
  {
    route: 'POST /courses/:courseId/enrollments',
    roles: CASE_WORKERS,
    call: (f) => ({
      path: `/courses/${f.courseId}/enrollments`,
      body: { clientId: f.clientId, enrolledOn: '2026-09-01' },
    }),
    cross: ({ own, other }) => ({
      path: `/courses/${own.courseId}/enrollments`,
      body: { clientId: other.clientId, enrolledOn: '2026-09-01' },
    }),
  },
  {
    route: 'POST /courses/:courseId/attendance',
    roles: CASE_WORKERS,
    call: (f) => ({
      path: `/courses/${f.courseId}/attendance`,
      body: { clientId: f.clientId, date: '2026-09-02', present: true },
    }),
  },
  {
    route: 'POST /courses/:courseId/certificates',
    roles: CASE_WORKERS,
    call: (f) => ({
      path: `/courses/${f.courseId}/certificates`,
      body: { clientId: f.clientId, certificate: '전산회계 2급', obtainedOn: '2026-10-02' },
    }),
  },
  {
    route: 'POST /courses/:courseId/completions',
    roles: CASE_WORKERS,
    call: (f) => ({
      path: `/courses/${f.courseId}/completions`,
      body: { clientId: f.clientId, completedOn: '2026-11-01' },
    }),
  },
  {
    route: 'POST /courses/:courseId/dropouts',
    roles: CASE_WORKERS,
    call: (f) => ({
      path: `/courses/${f.courseId}/dropouts`,
      body: { clientId: f.clientId, droppedOn: '2026-11-01', reason: 'employed' },
    }),
  },

  // Employers and agreements (the employer is a company several centers may serve: the body's center decides).
  {
    route: 'POST /employers',
    roles: CASE_WORKERS,
    call: (f) => ({
      path: '/employers',
      body: {
        centerId: f.centerId,
        businessRegistrationNumber: '220-81-62517',
        name: '(주)매트릭스',
        industry: '제조업',
        size: 'small',
      },
    }),
    other: 403,
  },
  {
    route: 'POST /employers/:employerId/services',
    roles: CASE_WORKERS,
    call: (f) => ({
      path: `/employers/${f.employerId}/services`,
      body: { centerId: f.centerId, service: 'consulting', providedOn: day },
    }),
    other: 403,
  },
  {
    route: 'POST /agreements',
    roles: CASE_WORKERS,
    call: (f) => ({
      path: '/agreements',
      body: {
        centerId: f.centerId,
        kind: 'women_friendly_company',
        employerId: f.employerId,
        signedOn: day,
        termStart: day,
      },
    }),
    other: 403,
  },
  {
    route: 'POST /agreements/:agreementId/renewal',
    roles: CASE_WORKERS,
    call: (f) => ({
      path: `/agreements/${f.agreementId}/renewal`,
      body: { newTermEnd: '2028-11-01', renewedOn: '2026-11-05' },
    }),
  },
  {
    route: 'POST /agreements/:agreementId/end',
    roles: CASE_WORKERS,
    call: (f) => ({ path: `/agreements/${f.agreementId}/end`, body: { endedOn: '2026-11-20', reason: '사업 종료' } }),
  },
  {
    route: 'POST /job-fairs',
    roles: CASE_WORKERS,
    call: (f) => ({
      path: '/job-fairs',
      body: { centerId: f.centerId, name: '여성 채용박람회', heldOn: day, companies: 3, applicants: 40, hires: 5 },
    }),
    other: 403,
  },
  {
    route: 'POST /council-meetings',
    roles: CASE_WORKERS,
    call: (f) => ({ path: '/council-meetings', body: { centerId: f.centerId, heldOn: day, title: '지역 협의회' } }),
    other: 403,
  },
  {
    route: 'GET /center-activities',
    roles: CASE_READERS,
    call: (f) => ({ path: '/center-activities', query: { centerId: f.centerId } }),
  },

  // Internships.
  {
    route: 'POST /internships',
    roles: CASE_WORKERS,
    call: (f) => ({
      path: '/internships',
      body: {
        clientId: f.clientId,
        employerId: 'employer-matrix',
        employerName: '(주)매트릭스',
        startOn: '2026-10-01',
        plannedEndOn: '2026-12-31',
        region: f.region,
      },
    }),
  },
  {
    route: 'POST /internships/:internshipId/subsidy-payments',
    roles: CASE_WORKERS,
    call: (f) => ({
      path: `/internships/${f.internshipId}/subsidy-payments`,
      body: { paymentNo: 1, kind: 'monthly', recipient: 'employer', amount: 800_000, paidOn: '2026-11-01' },
    }),
  },
  {
    route: 'POST /internships/:internshipId/conversion',
    roles: CASE_WORKERS,
    call: (f) => ({
      path: `/internships/${f.internshipId}/conversion`,
      body: { convertedOn: '2026-11-10', jobTitle: '사무원', employmentType: 'regular' },
    }),
  },
  {
    route: 'POST /internships/:internshipId/end',
    roles: CASE_WORKERS,
    call: (f) => ({ path: `/internships/${f.internshipId}/end`, body: { endedOn: '2026-11-30', reason: 'completed' } }),
  },

  // Placement and retention follow-ups.
  {
    route: 'POST /clients/:clientId/placements',
    roles: CASE_WORKERS,
    call: (f) => client(f, '/placements', { ...job, startOn: '2026-10-01' }),
  },
  { route: 'GET /clients/:clientId/placements', roles: CASE_READERS, call: (f) => client(f, '/placements') },
  {
    route: 'POST /clients/:clientId/placements/:placementId/follow-ups',
    roles: CASE_WORKERS,
    call: (f) =>
      client(f, `/placements/${f.placementId}/follow-ups`, {
        n: 1,
        contactedOn: '2026-07-02',
        channel: 'phone',
        outcome: 'employed_same_employer',
        support: ['counseling'],
      }),
  },
  {
    route: 'POST /clients/:clientId/startups',
    roles: CASE_WORKERS,
    call: (f) => client(f, '/startups', { businessName: '나주 공방', industry: '공예', startedOn: '2026-10-01' }),
  },
  {
    route: 'POST /clients/:clientId/startups/:startupId/grants',
    roles: CASE_WORKERS,
    call: (f) => client(f, `/startups/${f.startupId}/grants`, { amount: 1_000_000, paidOn: '2026-11-01' }),
  },
  {
    route: 'GET /follow-ups/queue',
    roles: CASE_READERS,
    call: (f) => ({ path: '/follow-ups/queue', query: { counselorId: f.counselorId } }),
    other: 'empty-list',
  },
  {
    route: 'GET /follow-ups/queue/by-counselor',
    roles: CASE_READERS,
    call: (f) => ({ path: '/follow-ups/queue/by-counselor', query: { centerId: f.centerId } }),
  },

  // Retention programs: supervisors plan, case workers give benefits.
  {
    route: 'POST /retention-programs',
    roles: SUPERVISOR,
    call: (f) => ({ path: '/retention-programs', body: programPlan(f.centerId) }),
    other: 403,
  },
  {
    route: 'GET /retention-programs',
    roles: CASE_READERS,
    call: (f) => ({ path: '/retention-programs', query: { centerId: f.centerId } }),
  },
  {
    route: 'GET /retention-programs/:programId',
    roles: CASE_READERS,
    call: (f) => ({ path: `/retention-programs/${f.retentionProgramId}` }),
  },
  {
    route: 'POST /retention-programs/:programId/amendments',
    roles: SUPERVISOR,
    call: (f) => {
      const { centerId: _centerId, ...plan } = programPlan(f.centerId);
      return {
        path: `/retention-programs/${f.retentionProgramId}/amendments`,
        body: { ...plan, amendedOn: day, reason: '예산 변경' },
      };
    },
  },
  {
    route: 'POST /retention-programs/:programId/benefits',
    roles: CASE_WORKERS,
    call: (f) => ({
      path: `/retention-programs/${f.retentionProgramId}/benefits`,
      body: {
        clientId: f.clientId,
        placementId: f.placementId,
        n: 1,
        providedOn: '2026-07-02',
        fundingSource: 'national',
      },
    }),
    cross: ({ own, other }) => ({
      path: `/retention-programs/${own.retentionProgramId}/benefits`,
      body: {
        clientId: other.clientId,
        placementId: other.placementId,
        n: 1,
        providedOn: '2026-07-02',
        fundingSource: 'national',
      },
    }),
  },

  // Budget plans: supervisors plan and record execution; read as retention programs are.
  {
    route: 'POST /budget-plans',
    roles: SUPERVISOR,
    call: (f) => ({ path: '/budget-plans', body: budgetPlan(f.centerId) }),
    other: 403,
  },
  {
    route: 'GET /budget-plans',
    roles: CASE_READERS,
    call: (f) => ({ path: '/budget-plans', query: { centerId: f.centerId } }),
  },
  {
    route: 'GET /budget-plans/:planId',
    roles: CASE_READERS,
    call: (f) => ({ path: `/budget-plans/${f.budgetPlanId}` }),
  },
  {
    route: 'POST /budget-plans/:planId/amendments',
    roles: SUPERVISOR,
    call: (f) => {
      const { centerId: _centerId, ...plan } = budgetPlan(f.centerId);
      return {
        path: `/budget-plans/${f.budgetPlanId}/amendments`,
        body: { ...plan, amendedOn: day, reason: '추경 반영' },
      };
    },
  },
  {
    route: 'POST /budget-plans/:planId/executions',
    roles: SUPERVISOR,
    call: (f) => ({
      path: `/budget-plans/${f.budgetPlanId}/executions`,
      body: { executedOn: day, source: 'national', amount: 10_000, purpose: '취업자 간담회' },
    }),
  },

  // KPIs.
  {
    route: 'POST /kpi-plans',
    roles: SUPERVISOR,
    call: (f) => ({ path: '/kpi-plans', body: kpiPlan(f.centerId) }),
    other: 403,
  },
  {
    route: 'POST /kpi-plans/:planId/actuals',
    roles: SUPERVISOR,
    call: (f) => ({
      path: `/kpi-plans/${f.kpiPlanId}/actuals`,
      body: { indicatorId: f.kpiIndicatorId, year: 2026, value: 1, enteredOn: day },
    }),
  },
  {
    route: 'GET /kpi-plans/:planId/achievement',
    roles: REPORT_READERS,
    call: (f) => ({ path: `/kpi-plans/${f.kpiPlanId}/achievement`, query: { asOfDate: '2026-11-30' } }),
  },

  // Case views.
  {
    route: 'GET /caseload',
    roles: CASE_READERS,
    call: (f) => ({ path: '/caseload', query: { centerId: f.centerId } }),
  },
  {
    route: 'GET /cases/:clientId/timeline',
    roles: CASE_READERS,
    call: (f) => ({ path: `/cases/${f.clientId}/timeline` }),
  },

  // Statistics and the Ministry report: aggregates, by level.
  {
    route: 'GET /statistics/centers',
    roles: FIGURE_READERS,
    call: () => ({ path: '/statistics/centers' }),
    other: 'none',
  },
  { route: 'GET /statistics/retention', roles: FIGURE_READERS, call: statistics('retention') },
  { route: 'GET /statistics/employment', roles: FIGURE_READERS, call: statistics('employment') },
  { route: 'GET /statistics/activity', roles: FIGURE_READERS, call: statistics('activity') },
  // The Ministry dashboard (fed by the submitted reports only): the Ministry analyst.
  {
    route: 'GET /ministry-dashboard/periods',
    roles: ANALYST,
    call: () => ({ path: '/ministry-dashboard/periods' }),
    other: 'none',
  },
  {
    route: 'GET /ministry-dashboard/nation',
    roles: ANALYST,
    call: () => ({ path: '/ministry-dashboard/nation', query: { period: '2026-Q3' } }),
    other: 'none',
  },
  {
    route: 'GET /ministry-dashboard/regions/:region',
    roles: ANALYST,
    call: (f) => ({
      path: `/ministry-dashboard/regions/${encodeURIComponent(f.region)}`,
      query: { period: '2026-Q3' },
    }),
    other: 'none',
  },
  {
    route: 'GET /ministry-dashboard/trends',
    roles: ANALYST,
    call: () => ({ path: '/ministry-dashboard/trends', query: { kind: 'quarter', level: 'nation' } }),
    other: 'none',
  },
  {
    route: 'GET /ministry-dashboard/versions',
    roles: ANALYST,
    call: (f) => ({
      path: '/ministry-dashboard/versions',
      query: { level: 'center', id: f.centerId, period: '2026-Q3' },
    }),
    other: 'none',
  },
  {
    route: 'GET /ministry-dashboard/export',
    roles: ANALYST,
    call: () => ({ path: '/ministry-dashboard/export', query: { period: '2026-Q3', format: 'csv' } }),
    other: 'none',
  },
  { route: 'GET /ministry-reports/:level/:period', roles: REPORT_READERS, call: (f, role) => reportPath(f, role) },
  {
    route: 'POST /ministry-reports/:level/:period/submissions',
    roles: REPORT_READERS,
    call: (f, role) => ({ ...reportPath(f, role, '/submissions'), body: {} }),
  },
  {
    route: 'GET /ministry-reports/:level/:period/versions',
    roles: REPORT_READERS,
    call: (f, role) => reportPath(f, role, '/versions'),
  },
  {
    route: 'GET /ministry-reports/:level/:period/versions/:version',
    roles: REPORT_READERS,
    call: (f, role) => reportPath(f, role, '/versions/1'),
  },

  // Last, the steps that close records.
  {
    route: 'POST /clients/:clientId/placements/:placementId/end',
    roles: CASE_WORKERS,
    call: (f) => client(f, `/placements/${f.placementId}/end`, { endedOn: '2026-11-20', reason: 'resigned' }),
  },
  {
    route: 'POST /clients/:clientId/placements/:placementId/void',
    roles: CASE_WORKERS,
    call: (f) => client(f, `/placements/${f.placementId}/void`, { reason: '잘못 입력' }),
  },
  {
    route: 'POST /clients/:clientId/closure',
    roles: CASE_WORKERS,
    call: (f) => client(f, '/closure', { reason: '취업으로 종결', closedOn: '2026-11-25' }),
  },
  {
    route: 'POST /clients/:clientId/reopening',
    roles: CASE_WORKERS,
    call: (f) => client(f, '/reopening', { reason: '재상담 요청', reopenedOn: '2026-11-26' }),
  },
  // Her erasure destroys her data key: the very last step, by her center's supervisor or the administrator.
  {
    route: 'POST /clients/:clientId/erasure',
    roles: ['supervisor', 'administrator'],
    call: (f) => client(f, '/erasure', { reason: 'client_request' }),
  },
];

/**
 * Other spellings of an id (issue 13, finding 1): a UUID in upper case answered 200 with another
 * center's program, because the scope check looked the stream up case-sensitively and passed what
 * it could not resolve, while the read model's uuid column ignores case. Each form has the value a
 * body or a query carries and the path segment a URL carries (percent-encoded where a URL must be).
 * `decodesToCanonical`: the segment is the canonical id once the URL is decoded (the same record,
 * rightly), so only its body/query value is expected to be refused.
 */
interface IdForm {
  name: string;
  value(id: string): string;
  segment(id: string): string;
  decodesToCanonical?: boolean;
}
const percentEncoded = (text: string): string =>
  [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
const same = (f: (id: string) => string) => ({ value: f, segment: f });
const ID_FORMS: IdForm[] = [
  { name: 'upper case', ...same((id) => id.toUpperCase()) },
  { name: 'one letter in upper case', ...same((id) => id.replace(/[a-z]/, (c) => c.toUpperCase())) },
  { name: 'braces', value: (id) => `{${id}}`, segment: (id) => `%7B${id}%7D` },
  { name: 'surrounding spaces', value: (id) => ` ${id} `, segment: (id) => `%20${id}%20` },
  { name: 'a leading tab and a trailing newline', value: (id) => `\t${id}\n`, segment: (id) => `%09${id}%0A` },
  { name: 'a zero-width space before', value: (id) => `\u200b${id}`, segment: (id) => `%E2%80%8B${id}` },
  { name: 'trailing garbage', ...same((id) => `${id}x`) },
  { name: 'a trailing NUL', value: (id) => `${id}\u0000`, segment: (id) => `${id}%00` },
  { name: 'a trailing ";1"', value: (id) => `${id};1`, segment: (id) => `${id}%3B1` },
  { name: 'without hyphens', ...same((id) => id.replace(/-/g, '')) },
  { name: 'a URN', value: (id) => `urn:uuid:${id}`, segment: (id) => `urn%3Auuid%3A${id}` },
  {
    name: 'upper case, every character percent-encoded',
    value: (id) => percentEncoded(id.toUpperCase()),
    segment: (id) => percentEncoded(id.toUpperCase()),
  },
  { name: 'percent-encoded hyphens', ...same((id) => id.replace(/-/g, '%2D')), decodesToCanonical: true },
];
/** The fixture ids the routes name (records, and the center: a center id has one form too). */
const VARIED_IDS = [
  'clientId',
  'placementId',
  'startupId',
  'courseId',
  'groupProgramId',
  'retentionProgramId',
  'employerId',
  'agreementId',
  'internshipId',
  'kpiPlanId',
  'kpiIndicatorId',
  'budgetPlanId',
  'centerId',
  'spareAccountId',
] as const;
const PLACEHOLDER = 'zz-id-under-test-zz';

/** The route's call about center `f` with one of its ids put in `form`; undefined when the route does not take that id as a whole value or path segment. */
function callWithIdIn(
  spec: RouteSpec,
  f: CenterFixtures,
  role: TestRole,
  all: Fixtures,
  field: (typeof VARIED_IDS)[number],
  form: IdForm,
): { call: Call; inPath: boolean } | undefined {
  const marked = spec.call({ ...f, ...(field === 'spareAccountId' ? {} : { [field]: PLACEHOLDER }) }, role, {
    ...all,
    ...(field === 'spareAccountId' ? { spareAccountId: PLACEHOLDER } : {}),
  });
  const original = field === 'spareAccountId' ? all.spareAccountId : f[field];
  const segments = marked.path.split('/');
  const inPath = segments.includes(PLACEHOLDER);
  let inValues = false;
  const replace = (value: unknown): unknown => {
    if (value === PLACEHOLDER) {
      inValues = true;
      return form.value(original);
    }
    if (Array.isArray(value)) return value.map(replace);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v)]));
    return value;
  };
  const call: Call = {
    path: segments.map((s) => (s === PLACEHOLDER ? form.segment(original) : s)).join('/'),
    query: replace(marked.query) as Call['query'],
    body: replace(marked.body),
  };
  if (!inPath && !inValues) return undefined;
  if (JSON.stringify(call).includes(PLACEHOLDER)) return undefined; // part of a longer value (counselor-of-<center>): not an id field
  if (inPath && inValues) return undefined; // one fixture id in both: the body must repeat the path, not this test's concern
  return { call, inPath };
}

const CALLERS: Record<TestRole, Caller> = {
  counselor: counselorOf(OWN),
  supervisor: supervisorOf(OWN),
  regional_supervisor: regionalSupervisorOf('전라남도'),
  ministry_analyst: MINISTRY_ANALYST,
  administrator: ADMINISTRATOR,
};

describe('authorization matrix: every route × role × own center × other center × no token', () => {
  let saeil: TestSaeil;
  let fixtures: Fixtures;

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'authz-matrix', kafka: false });
    fixtures = {
      own: await centerFixtures(saeil, OWN, '전라남도', 1),
      other: await centerFixtures(saeil, OTHER, '경상남도', 2),
      spareAccountId: await spareAccount(saeil),
    };
  }, 120_000);

  afterAll(async () => {
    await saeil?.dispose();
  });

  it('lists every route the api serves, and only those', () => {
    const served = servedRoutes(saeil).sort();
    const listed = ROUTES.map((r) => r.route).sort();
    expect({
      missingFromMatrix: served.filter((r) => !listed.includes(r)),
      notServed: listed.filter((r) => !served.includes(r)),
    }).toEqual({ missingFromMatrix: [], notServed: [] });
  });

  it("a record stays with the center that created it, whatever center a later event acts for (an enrollment acts for the woman's center)", async () => {
    // Neither door lets a caller do this any more, but events written before (or by a reactor)
    // may act for another center than the record's: sent straight to the CommandBus, past both
    // doors, so the ownership rule is what is tested.
    const bus = saeil.app.get(CommandBus);
    const enrollInCourse = saeil.runtime.modules.flatMap((m) => m.commands).find((d) => d.type === 'EnrollInCourse')!;
    const metadata = {
      actorId: 'field-app',
      centerId: CENTER_FROM_RECORD,
      correlationId: randomUUID(),
      commandId: randomUUID(),
      occurredAt: new Date().toISOString(),
    };
    const dto = validateDto(enrollInCourse.dto, {
      courseId: fixtures.other.courseId,
      clientId: fixtures.own.clientId,
      enrolledOn: '2026-09-03',
    });
    await bus.execute(enrollInCourse.build(dto, metadata) as never);
    const events = await saeil.runtime.dataSource.query(
      `SELECT metadata->>'centerId' AS center FROM events WHERE stream_id = $1 ORDER BY stream_version`,
      [`course-${fixtures.other.courseId}`],
    );
    expect(events.map((e: { center: string }) => e.center).slice(-1)).toEqual([OWN]); // the enrollment acted for her center
    const course = `/courses/${fixtures.other.courseId}`;
    expect((await send(saeil, 'GET', { path: course }, await tokenFor(saeil.url, counselorOf(OTHER)))).status).toBe(
      200,
    );
    expect((await send(saeil, 'GET', { path: course }, await tokenFor(saeil.url, counselorOf(OWN)))).status).toBe(404);
  });

  it("a course's center keeps recording for a trainee whose case moved to another center, and reaches nothing else of hers", async () => {
    const ownSupervisor = await api(saeil, supervisorOf(OWN));
    const { clientId } = (
      await ownSupervisor
        .post('/clients')
        .send({
          name: '전출훈련생',
          birthDate: '1986-05-20',
          phone: '010-7300-0003',
          centerId: OWN,
          counselorId: fixtures.own.counselorId,
          region: '전라남도',
        })
        .expect(201)
    ).body;
    await ownSupervisor
      .post(`/clients/${clientId}/consents`)
      .send({ purpose: 'service', version: '2026-01', givenOn: '2026-01-02' })
      .expect(200);
    const courseId = fixtures.own.courseId;
    await ownSupervisor
      .post(`/courses/${courseId}/enrollments`)
      .send({ clientId, enrolledOn: '2026-09-01' })
      .expect(201);
    // Her case moves to the other center (the sending center hands it over).
    await ownSupervisor
      .post(`/clients/${clientId}/assignment`)
      .send({ centerId: OTHER, counselorId: fixtures.other.counselorId })
      .expect(200);

    const ownCounselor = await tokenFor(saeil.url, counselorOf(OWN));
    const otherCounselor = await tokenFor(saeil.url, counselorOf(OTHER));
    // The course's own counselor records her course days and her completion ...
    const attendance = {
      path: `/courses/${courseId}/attendance`,
      body: { clientId, date: '2026-09-02', present: true },
    };
    expect((await send(saeil, 'POST', attendance, ownCounselor)).status).toBe(201);
    expect(
      (
        await send(
          saeil,
          'POST',
          { path: `/courses/${courseId}/completions`, body: { clientId, completedOn: '2026-11-01' } },
          ownCounselor,
        )
      ).status,
    ).toBe(201);
    // ... but no longer reaches her case,
    for (const path of [`/cases/${clientId}/timeline`, `/clients/${clientId}/placements`]) {
      const res = await send(saeil, 'GET', { path }, ownCounselor);
      expect({ path, status: res.status, body: res.body }).toMatchObject({
        path,
        status: 404,
        body: { error: { code: 'NOT_FOUND' } },
      });
    }
    // her new center does not reach the course,
    const fromNewCenter = await send(saeil, 'POST', attendance, otherCounselor);
    expect({ status: fromNewCenter.status, code: fromNewCenter.body?.error?.code }).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    // and the course does not bring within reach a woman of the other center who was never enrolled in it.
    const notEnrolled = await send(
      saeil,
      'POST',
      {
        path: `/courses/${courseId}/attendance`,
        body: { clientId: fixtures.other.clientId, date: '2026-09-02', present: true },
      },
      ownCounselor,
    );
    expect({ status: notEnrolled.status, code: notEnrolled.body?.error?.code }).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
  });

  // Before the rows below (which close and erase her case), while every fixture is as made.
  it.each(ROUTES.filter((r) => r.roles !== 'public').map((r) => [r.route, r] as const))(
    '%s, its ids in other forms: 400 or 404, never a record',
    async (_, spec) => {
      const problems: string[] = [];
      const [method] = spec.route.split(' ');
      const roles = spec.roles as TestRole[];
      const ownRole = roles[0];
      const otherRoles =
        spec.other === 'none' || spec.other === 'empty-list' ? [] : roles.filter((r) => SCOPED.includes(r));
      let variants = 0;
      for (const field of VARIED_IDS) {
        for (const form of ID_FORMS) {
          const runs: { whose: 'own' | 'other'; role: TestRole }[] = [
            { whose: 'own', role: ownRole },
            ...otherRoles.map((role) => ({ whose: 'other' as const, role })),
          ];
          for (const { whose, role } of runs) {
            const made = callWithIdIn(
              spec,
              whose === 'own' ? fixtures.own : fixtures.other,
              role,
              fixtures,
              field,
              form,
            );
            if (!made) continue;
            if (whose === 'own' && made.inPath && form.decodesToCanonical) continue; // her own record, rightly
            const original = field === 'spareAccountId' ? fixtures.spareAccountId : fixtures[whose][field];
            const given = made.inPath ? decodeURIComponent(form.segment(original)) : form.value(original);
            // Another id of the right form ("center-najux"), not another spelling of this one: whether it names anything is finding 4's.
            if (
              given !== original &&
              (field === 'centerId'
                ? /^[a-z0-9][a-z0-9_-]{0,63}$/
                : /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/
              ).test(given)
            )
              continue;
            variants++;
            const res = await send(saeil, method, made.call, await tokenFor(saeil.url, CALLERS[role]));
            const allowed = [400, 404, ...(spec.other === 403 && whose === 'other' ? [403] : [])];
            const codes = ['VALIDATION_FAILED', 'NOT_FOUND', ...(allowed.includes(403) ? ['OUT_OF_SCOPE'] : [])];
            if (
              !allowed.includes(res.status) ||
              !codes.includes(res.body?.error?.code) ||
              Object.keys(res.body ?? {}).length !== 1
            ) {
              problems.push(
                `${role}, ${whose} center's ${field} in ${form.name} (${made.inPath ? 'path' : 'body/query'}): ${res.status} ${brief(res)}, expected ${allowed.join(' or ')} with only the error`,
              );
            }
          }
        }
      }
      if (
        /:\w+Id\b/.test(spec.route) ||
        /Id\b/.test(JSON.stringify(spec.call(fixtures.own, roles[0], fixtures).body ?? {}))
      )
        expect(variants).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    },
  );

  // Issue 13, finding 6: "exists but not yours" and "does not exist" answer alike. For each id a
  // route takes (path, query or body), her own request with that one id replaced by the other
  // center's record, and by a random id of the same form, must get the same status, code, message
  // (but for the id) and fields — with her valid body, and with an invalid one.
  it.each(ROUTES.filter((r) => r.roles !== 'public' && (r.other ?? 404) !== 'none').map((r) => [r.route, r] as const))(
    "%s: another center's record answers exactly as a missing one",
    async (_, spec) => {
      const problems: string[] = [];
      const [method] = spec.route.split(' ');
      const role = (spec.roles as TestRole[]).find((r) => SCOPED.includes(r));
      if (!role) return;
      const token = await tokenFor(saeil.url, CALLERS[role]);
      // Employers are shared by every center (the body's center decides): another center's is not "not yours".
      for (const field of VARIED_IDS.filter((f) => f !== 'centerId' && f !== 'spareAccountId' && f !== 'employerId')) {
        const theirs = fixtures.other[field];
        const missing = randomUUID();
        const as = (id: string): IdForm => ({ name: 'replaced', value: () => id, segment: () => id });
        const withTheirs = callWithIdIn(spec, fixtures.own, role, fixtures, field, as(theirs));
        const withMissing = callWithIdIn(spec, fixtures.own, role, fixtures, field, as(missing));
        if (!withTheirs || !withMissing) continue;
        const bodies: [string, (b: unknown) => unknown][] = [['valid body', (b) => b]];
        if (method !== 'GET') bodies.push(['invalid body', (b) => ({ ...((b as object) ?? {}), surprise: true })]);
        for (const [label, body] of bodies) {
          const a = await send(saeil, method, { ...withTheirs.call, body: body(withTheirs.call.body) }, token);
          const b = await send(saeil, method, { ...withMissing.call, body: body(withMissing.call.body) }, token);
          const seen = (res: request.Response, id: string) => ({
            status: res.status,
            body: JSON.parse(JSON.stringify(res.body ?? {}).replaceAll(id, '<id>')),
          });
          const [other, absent] = [seen(a, theirs), seen(b, missing)];
          if (JSON.stringify(other) !== JSON.stringify(absent))
            problems.push(
              `${role}, ${field} (${label}): another center's → ${JSON.stringify(other).slice(0, 220)}; a missing one → ${JSON.stringify(absent).slice(0, 220)}`,
            );
          if (other.status < 400)
            problems.push(`${role}, ${field} (${label}): another center's record was accepted (${other.status})`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it.each(ROUTES.map((r) => [r.route, r] as const))('%s', async (_, spec) => {
    const problems: string[] = [];
    const [method] = spec.route.split(' ');
    const ownCall = (role: TestRole) => spec.call(fixtures.own, role, fixtures);

    // No token, and a forged one.
    for (const token of [undefined, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged']) {
      const res = await send(saeil, method, ownCall('supervisor'), token);
      if (spec.roles === 'public') {
        if (res.status === 401 && token === undefined)
          problems.push(`no token: ${res.status}, but the route is public`);
      } else if (res.status !== 401)
        problems.push(`${token ? 'forged token' : 'no token'}: ${res.status} ${brief(res)}, expected 401`);
    }
    if (spec.roles === 'public') {
      expect(problems).toEqual([]);
      return;
    }
    if (spec.roles === 'metrics-token') {
      for (const role of ROLES) {
        const res = await send(saeil, method, ownCall(role), await tokenFor(saeil.url, CALLERS[role]));
        if (res.status !== 401) problems.push(`${role}: ${res.status}, expected 401 (only METRICS_TOKEN reads it)`);
      }
      const scraper = await send(saeil, method, ownCall('supervisor'), TEST_METRICS_TOKEN);
      if (scraper.status !== 200) problems.push(`METRICS_TOKEN: ${scraper.status}, expected 200`);
      expect(problems).toEqual([]);
      return;
    }

    for (const role of ROLES) {
      const token = await tokenFor(saeil.url, CALLERS[role]);
      const admitted = spec.roles.includes(role);
      const own = await send(saeil, method, ownCall(role), token);
      // Every authenticated answer, admitted or refused, may carry her data: no cache keeps it (issue 13).
      if (own.headers['cache-control'] !== 'no-store')
        problems.push(`${role}, own: Cache-Control ${own.headers['cache-control']}, expected no-store`);
      // admitted: answered by the route itself — a 500 is not an admission
      if (admitted && ([401, 403, 404].includes(own.status) || own.status >= 500))
        problems.push(`${role}, own: ${own.status} ${brief(own)}, expected to be admitted`);
      if (!admitted && own.status !== 403) problems.push(`${role}, own: ${own.status} ${brief(own)}, expected 403`);
      if (!admitted && own.status === 403 && own.body?.error?.code !== 'ACCESS_DENIED')
        problems.push(`${role}: 403 with code ${own.body?.error?.code}, expected ACCESS_DENIED`);

      if (admitted && SCOPED.includes(role) && spec.cross) {
        const cross = await send(saeil, method, spec.cross(fixtures), token);
        if (cross.status !== 404 || cross.body?.error?.code !== 'NOT_FOUND')
          problems.push(
            `${role}, own record naming the other center's woman: ${cross.status} ${brief(cross)}, expected 404`,
          );
      }
      const expectation = spec.other ?? 404;
      if (!admitted || expectation === 'none' || !SCOPED.includes(role)) continue;
      const other = await send(saeil, method, spec.call(fixtures.other, role, fixtures), token);
      if (expectation === 'empty-list') {
        const listed = (res: request.Response) =>
          ['dueThisWeek', 'overdue', 'upcoming'].flatMap((k) => res.body?.[k] ?? []);
        // An empty list proves nothing unless there was something to hide: first the other center's
        // own supervisor sees its items (the worker schedules follow-ups after the placement), then
        // this caller, asking the same, must get none of them.
        const theirToken = await tokenFor(saeil.url, supervisorOf(OTHER));
        const hidden = await waitFor(
          async () => {
            const theirs = await send(saeil, method, spec.call(fixtures.other, 'supervisor', fixtures), theirToken);
            return theirs.status === 200 && listed(theirs).length > 0 ? listed(theirs) : undefined;
          },
          { description: "the other center's own list to hold something to hide" },
        );
        const again = await send(saeil, method, spec.call(fixtures.other, role, fixtures), token);
        const items = listed(again);
        if (again.status !== 200 || items.length > 0)
          problems.push(
            `${role}, other center: ${again.status} with ${items.length} of its ${hidden.length} items, expected 200 and none of them`,
          );
      } else if (other.status !== expectation) {
        problems.push(`${role}, other center: ${other.status} ${brief(other)}, expected ${expectation}`);
      } else {
        const code = expectation === 404 ? 'NOT_FOUND' : 'OUT_OF_SCOPE';
        // Nothing but the error: no record, no field of hers.
        if (other.body?.error?.code !== code || Object.keys(other.body).length !== 1)
          problems.push(`${role}, other center: body ${brief(other)}, expected only an error ${code}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

async function send(saeil: TestSaeil, method: string, call: Call, token?: string): Promise<request.Response> {
  let req = request(saeil.url)[method.toLowerCase() as 'get' | 'post' | 'patch'](call.path);
  if (token) req = req.set('Authorization', `Bearer ${token}`);
  if (call.query) req = req.query(call.query);
  return method === 'GET' ? req : req.send((call.body ?? {}) as object);
}

function brief(res: request.Response): string {
  return JSON.stringify(res.body ?? res.text).slice(0, 200);
}

/** Every route the Express router serves, as 'METHOD /path'. */
function servedRoutes(saeil: TestSaeil): string[] {
  type Layer = { route?: { path: string | string[]; methods: Record<string, boolean> } };
  const express = saeil.app.getHttpAdapter().getInstance() as {
    router?: { stack: Layer[] };
    _router?: { stack: Layer[] };
  };
  const routes = new Set<string>();
  for (const layer of (express.router ?? express._router)?.stack ?? []) {
    if (!layer.route) continue;
    for (const path of ([] as string[]).concat(layer.route.path)) {
      if (path.includes('*')) continue;
      // Swagger UI's own files and the YAML twin of the document: static, beside GET /docs.
      if (path.startsWith('/docs') && !['/docs', '/docs/openapi.json', '/docs-json'].includes(path)) continue;
      for (const [method, on] of Object.entries(layer.route.methods))
        if (on && method !== '_all') routes.add(`${method.toUpperCase()} ${path}`);
    }
  }
  return [...routes];
}

/** One center's records, made through HTTP by its own supervisor (so they exist, and belong to it). */
async function centerFixtures(saeil: TestSaeil, centerId: string, region: string, n: number): Promise<CenterFixtures> {
  const http = await api(saeil, supervisorOf(centerId));
  const created = async (path: string, body: unknown): Promise<Record<string, any>> => {
    const res = await http.post(path).send(body as object);
    if (res.status !== 201)
      throw new Error(`fixture ${path} for ${centerId}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const phone = `010-7${n}00-000${n}`;
  // Registered on the day of her consents: her job (06-01) and business (09-01) start after both.
  const [counselorId, secondCounselorId] = await Promise.all([
    accountIdOf(saeil, counselorOf(centerId)),
    accountIdOf(saeil, counselorOf(centerId, 'second')),
  ]);
  const { clientId } = await created('/clients', {
    name: `기준사례${n}`,
    birthDate: `198${n}-03-14`,
    phone,
    centerId,
    counselorId,
    region,
    registeredOn: '2026-01-02',
  });
  for (const purpose of ['service', 'employer_sharing']) {
    const res = await http
      .post(`/clients/${clientId}/consents`)
      .send({ purpose, version: '2026-01', givenOn: '2026-01-02' });
    if (res.status !== 200) throw new Error(`consent ${purpose}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const { placementId } = await created(`/clients/${clientId}/placements`, job);
  const { startupId } = await created(`/clients/${clientId}/startups`, {
    businessName: `공방${n}`,
    industry: '공예',
    startedOn: '2026-09-01',
  });
  const { courseId } = await created('/courses', course(centerId));
  const { programId: groupProgramId } = await created('/group-programs', {
    centerId,
    name: `집단상담 ${n}기`,
    year: 2026,
    plannedSessions: 4,
    plannedParticipants: 12,
  });
  const { programId: retentionProgramId } = await created('/retention-programs', programPlan(centerId));
  const { employerId } = await created('/employers', {
    centerId,
    businessRegistrationNumber: n === 1 ? '220-81-62517' : '124-81-00998',
    name: `(주)기준기업${n}`,
    industry: '제조업',
    size: 'small',
  });
  const { agreementId } = await created('/agreements', {
    centerId,
    kind: 'women_friendly_company',
    employerId,
    signedOn: '2026-03-02',
    termStart: '2026-03-02',
  });
  const { internshipId } = await created('/internships', {
    clientId,
    employerId: `employer-${n}`,
    employerName: `(주)인턴기업${n}`,
    startOn: '2026-09-01',
    plannedEndOn: '2026-12-31',
    region,
  });
  const plan = await created('/kpi-plans', kpiPlan(centerId));
  const { planId: budgetPlanId } = await created('/budget-plans', budgetPlan(centerId));
  return {
    centerId,
    region,
    clientId,
    placementId,
    startupId,
    courseId,
    groupProgramId,
    retentionProgramId,
    employerId,
    agreementId,
    internshipId,
    kpiPlanId: plan.planId,
    kpiIndicatorId: plan.indicators[0].indicatorId,
    budgetPlanId,
    counselorId,
    secondCounselorId,
  };
}

async function spareAccount(saeil: TestSaeil): Promise<string> {
  const admin = await api(saeil, ADMINISTRATOR);
  const res = await admin.post('/accounts').send({
    username: 'matrix.spare',
    displayName: '예비 계정',
    role: 'counselor',
    centerId: 'center-hwasun',
    password: 'spare-initial-password-2026',
  });
  if (res.status !== 201) throw new Error(`spare account: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accountId;
}
