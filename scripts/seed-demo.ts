import { randomBytes, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addDays, addMonths, todayInKorea } from '../libs/core/src/dates';
import { passwordProblems } from '../libs/identity/src/domain/password-policy';

/**
 * `npm run seed:demo`: a demo center a newcomer can log into and look around — one supervisor,
 * two counselors and six women's cases at a center of config/centers.json, the center's 사후관리
 * 프로그램 (a 100/70/50 plan with its budget) and 확인지표 plan (indicators, targets, an entered
 * actual), and a regional supervisor of its 시·도 and a Ministry analyst to read the figures, so
 * that every role has something to look at — created by talking
 * to a RUNNING Saeil over HTTP (`npm start` in another terminal). Everything goes through the
 * real commands: the administrator creates the accounts (POST /accounts), each counselor then
 * logs in and records her own cases (registration, consents, counseling, a plan, training, two
 * placements with their follow-ups, one closure), and the supervisor sets the center's program
 * and KPI plan, so validation, business rules, authorization
 * and the event store see exactly what a person's requests would make them see. Nothing is
 * written into the database behind the system's back.
 *
 * The passwords are generated here (crypto-random, checked against the password policy) and
 * printed once, at the end, in a small table; they are never stored.
 *
 * Re-running: the demo accounts are the marker. If they already exist the run says so and exits
 * 0 creating nothing — no account, no case — since the cases belong to those counselors and only
 * they could add to them (their passwords were shown once, by the run that created them). Within
 * one run every case command carries an Idempotency-Key of that run, so a command retried after a
 * dropped connection or a 503 is answered with its first result instead of being applied twice.
 * Everything that can be checked first is (the URL answers like Saeil, the administrator logs
 * in, none of the demo accounts exists) before anything is created. Should the api still go away
 * half-way, the accounts already created are printed with their passwords before the error, so
 * they are not lost; a rerun then finds them and creates nothing (the demo stays as far as it got).
 */

export const DEFAULT_URL = 'http://127.0.0.1:3000';
export const DEFAULT_CENTER = 'center-naju';
const CONSENT_FORM_VERSION = '2026-01';

export interface SeedDemoOptions {
  /** Base URL of the running api, e.g. http://127.0.0.1:3000. */
  url: string;
  adminUser: string;
  adminPassword: string;
  /** A center of the centers directory (config/centers.json, or SAEIL_CENTERS_FILE). */
  centerId: string;
  /** The centers directory to check the center against; config/centers.json unless told. */
  centersFile?: string;
  /** "Today" on the Korean calendar, from which every date is counted back; the real today unless told. */
  today?: string;
}

export interface SeedDemoLogger {
  info(line: string): void;
  error(line: string): void;
}

export type DemoRole = 'supervisor' | 'counselor' | 'regional_supervisor' | 'ministry_analyst';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: DemoRole;
  /** Only when this run created the account. */
  password?: string;
}

export interface DemoCase {
  clientId: string;
  name: string;
  counselor: string;
  status: string;
}

export interface SeedDemoResult {
  /** `exists`: the demo accounts were there already, nothing was created. */
  outcome: 'created' | 'exists';
  centerId: string;
  accounts: DemoAccount[];
  cases: DemoCase[];
  /** How many cases of the center the demo supervisor sees in her caseload at the end (created runs). */
  supervisorSees?: number;
  /** The center's demo 사후관리 프로그램 and 확인지표 plan (created runs). */
  programId?: string;
  kpiPlanId?: string;
  /** The center's 시·도: the regional supervisor's region. */
  region?: string;
  docsUrl: string;
}

/** A failure the person running the seed can act on: its message is one line, printed as it is. */
export class SeedDemoError extends Error {}

interface CenterInfo {
  name: string;
  region: string;
  /** Its place in the directory: keeps demo phone numbers of different centers apart. */
  index: number;
}

// ---------------------------------------------------------------------------------------------
// HTTP

interface Answer {
  status: number;
  body: any;
}

interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Sent as Idempotency-Key: makes the request safe to retry. */
  idempotencyKey?: string;
}

const REQUEST_TIMEOUT_MS = 30_000;
const RETRYABLE_STATUS = new Set([502, 503, 504]);

class SaeilClient {
  constructor(readonly baseUrl: string) {}

  /** One request; a connection that fails is a SeedDemoError naming the URL. */
  async send(method: string, path: string, options: RequestOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      text = await response.text();
    } catch (error) {
      throw new SeedDemoError(
        `cannot reach Saeil at ${this.baseUrl} (${reasonOf(error)}): is it running (npm start)? Pass --url if it listens elsewhere.`,
      );
    }
    let body: unknown = text;
    try {
      body = text.length > 0 ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: kept as text, reported as such by the caller.
    }
    return { status: response.status, body };
  }

  /**
   * A request that carries an idempotency key, retried (with the same key) when the connection
   * drops or the api answers 502/503/504: the first result comes back, nothing is applied twice.
   */
  async sendWithRetry(
    method: string,
    path: string,
    options: RequestOptions & { idempotencyKey: string },
  ): Promise<Answer> {
    for (let attempt = 1; ; attempt++) {
      try {
        const answer = await this.send(method, path, options);
        if (!RETRYABLE_STATUS.has(answer.status) || attempt >= 4) return answer;
      } catch (error) {
        if (attempt >= 4) throw error;
      }
      await sleep(500 * 2 ** (attempt - 1));
    }
  }
}

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  if (cause?.code) return cause.code;
  if ((error as Error | undefined)?.name === 'TimeoutError') return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
  return cause?.message ?? (error as Error | undefined)?.message ?? String(error);
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** `CODE: message` of an error body, or a short excerpt of whatever came back. */
function describe(answer: Answer): string {
  const error = answer.body?.error;
  if (error?.code) {
    const fields = Array.isArray(error.fields)
      ? ` (${error.fields.map((f: { field: string; message: string }) => `${f.field}: ${f.message}`).join('; ')})`
      : '';
    return `${answer.status} ${error.code}: ${error.message}${fields}`;
  }
  const excerpt = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? '');
  return `${answer.status} ${excerpt.replace(/\s+/g, ' ').slice(0, 120)}`;
}

// ---------------------------------------------------------------------------------------------
// Sessions

interface Session {
  username: string;
  /** Her account id: what a case's counselorId names. */
  accountId: string;
  accessToken: string;
  refreshToken: string;
}

async function logIn(client: SaeilClient, username: string, password: string, who: string): Promise<Session> {
  const answer = await client.send('POST', '/auth/login', { body: { username, password } });
  if (answer.status === 200 && typeof answer.body?.accessToken === 'string') {
    const me = await client.send('GET', '/auth/me', { token: answer.body.accessToken });
    if (me.status !== 200 || typeof me.body?.accountId !== 'string')
      throw new SeedDemoError(`reading who "${username}" is at ${client.baseUrl} failed: ${describe(me)}`);
    return {
      username,
      accountId: me.body.accountId,
      accessToken: answer.body.accessToken,
      refreshToken: answer.body.refreshToken,
    };
  }
  if (answer.status === 401)
    throw new SeedDemoError(
      `${who} "${username}" cannot log in at ${client.baseUrl}: wrong user name or password (${answer.body?.error?.code ?? 401}).`,
    );
  if (answer.status === 429)
    throw new SeedDemoError(`${who} "${username}" cannot log in at ${client.baseUrl} now: ${describe(answer)}`);
  throw new SeedDemoError(`logging in as ${who} "${username}" at ${client.baseUrl} failed: ${describe(answer)}`);
}

async function logOut(client: SaeilClient, session: Session): Promise<void> {
  // Best effort: the demo should not leave refresh tokens behind; a failure here changes nothing.
  await client.send('POST', '/auth/logout', { body: { refreshToken: session.refreshToken } }).catch(() => undefined);
}

// ---------------------------------------------------------------------------------------------
// Accounts

/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/l/I), nor start a command-line option. */
const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const PASSWORD_LENGTH = 20;

/**
 * A password the policy accepts: 20 characters drawn uniformly (crypto.randomInt) from 56, about
 * 116 bits, redrawn in the vanishing case the policy refuses it.
 */
export function generatePassword(username: string): string {
  for (;;) {
    const password = Array.from(
      { length: PASSWORD_LENGTH },
      () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)],
    ).join('');
    if (passwordProblems(password, username).length === 0) return password;
  }
}

/**
 * The demo accounts of a center (a case names its counselor by her account id). The regional supervisor (of the center's 시·도) and the analyst are the center's
 * demo too, named after it, so that demos of two centers of one 시·도 never share an account.
 */
export function demoAccountsOf(centerId: string): DemoAccount[] {
  const tag =
    centerId
      .replace(/^center-/, '')
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 30) || 'center';
  return [
    { username: `demo-${tag}-supervisor`, displayName: '정미경 (데모 팀장)', role: 'supervisor' },
    { username: `demo-${tag}-counselor-1`, displayName: '김하늘 (데모 상담사)', role: 'counselor' },
    { username: `demo-${tag}-counselor-2`, displayName: '이수진 (데모 상담사)', role: 'counselor' },
    { username: `demo-${tag}-regional`, displayName: '박지현 (데모 시·도 담당)', role: 'regional_supervisor' },
    { username: `demo-${tag}-analyst`, displayName: '오세라 (데모 여성가족부 분석)', role: 'ministry_analyst' },
  ];
}

/** Where an account works: a center (counselor, supervisor), the 시·도 (regional supervisor), or the nation. */
function placeOf(account: DemoAccount, centerId: string, region: string): { centerId?: string; region?: string } {
  if (account.role === 'regional_supervisor') return { region };
  if (account.role === 'ministry_analyst') return {};
  return { centerId };
}

const isUsernameTaken = (answer: Answer) => answer.status === 409 || answer.body?.error?.code === 'USERNAME_TAKEN';

// ---------------------------------------------------------------------------------------------
// The cases

interface CaseScript {
  /** Index into the demo counselors (0 or 1): whose case it is. */
  counselor: 0 | 1;
  name: string;
  birthDate: string;
  /** Last digit(s) of the obviously fake 010-0000-xxxx number. */
  phoneNo: number;
  profile: Record<string, unknown>;
  registeredDaysAgo: number;
  consents: ('service' | 'employer_sharing')[];
  sessions: {
    daysAgo: number;
    channel: string;
    topic: string;
    durationMinutes: number;
    place?: string;
    notes?: string;
  }[];
  plan?: {
    daysAgo: number;
    goals: string[];
    desiredOccupation: string;
    plannedServices: string[];
    nextAction: string;
    dueInDays: number;
  };
  training?: { course: 'accounting' | 'care'; enrolledDaysAgo: number; completedDaysAgo?: number };
  placement?: {
    startedDaysAgo: number;
    body: Record<string, unknown>;
    followUps: { n: 1 | 2 | 3; support: string[]; difficulties?: string[]; outcome: string; channel: string }[];
  };
  closure?: { daysAgo: number; reason: string };
}

const COURSES = {
  // Ended: her training done before the job she got.
  accounting: {
    title: '전산회계 실무 (데모)',
    provider: '한빛직업전문학교',
    field: '경영·회계',
    startsDaysAgo: 100,
    endsDaysAgo: 40,
    hours: 240,
    capacity: 20,
  },
  // Running now.
  care: {
    title: '요양보호사 양성과정 (데모)',
    provider: '늘봄요양교육원',
    field: '요양보호',
    startsDaysAgo: 14,
    endsDaysAgo: -45,
    hours: 240,
    capacity: 15,
  },
} as const;

/** The center's 사후관리 프로그램 (glossary: "같이하는 고백(go 100)", 100/70/50 clients at months 1/2/3). */
const DEMO_PROGRAM = {
  milestones: [
    { n: 1, plannedClients: 100, benefit: '취업 축하 기념품', unitCost: 30_000 },
    { n: 2, plannedClients: 70, benefit: '직장 적응 상담과 교통비 지원', unitCost: 50_000 },
    { n: 3, plannedClients: 50, benefit: '3개월 근속 축하데이', unitCost: 100_000 },
  ],
  // 11,500,000원: the plan's cost (100 × 30,000 + 70 × 50,000 + 50 × 100,000), by funding source.
  budget: [
    { source: 'national', amount: 6_000_000 },
    { source: 'provincial', amount: 3_500_000 },
    { source: 'municipal', amount: 2_000_000 },
  ],
};

/** The center's 확인지표 over three years (last, this, next); weights sum to 100. */
const DEMO_KPI_INDICATORS: {
  name: string;
  unit: string;
  yearlyTargets: number[];
  weight: number;
  metric?: string;
  actuals?: { yearsAgo: 0 | 1; value: number; note: string }[];
}[] = [
  { name: '취업자 수', unit: '명', yearlyTargets: [120, 130, 140], weight: 40, metric: 'employed_clients' },
  {
    name: '사후관리사업 수혜자 수',
    unit: '명',
    yearlyTargets: [50, 60, 70],
    weight: 30,
    metric: 'retention_beneficiaries',
  },
  {
    name: '채용기업 사후관리 건수',
    unit: '건',
    yearlyTargets: [20, 25, 30],
    weight: 30,
    actuals: [
      { yearsAgo: 1, value: 22, note: '양성평등 교육, 환경개선 컨설팅 (데모)' },
      { yearsAgo: 0, value: 9, note: '올해 입력분 (데모)' },
    ],
  },
];

/** Six women, fictional; their phone numbers 010-0000-xxxx belong to no one. */
const CASES: CaseScript[] = [
  {
    counselor: 0,
    name: '김민지',
    birthDate: '1987-04-12',
    phoneNo: 1,
    profile: {
      education: 'college',
      careerBreakReason: 'childcare',
      careerBreakYears: 6,
      lastOccupation: '경리 사무원',
      experienceYears: 5,
      desiredOccupation: '회계 사무원',
      desiredEmploymentType: 'regular',
      certifications: ['전산회계 2급'],
    },
    registeredDaysAgo: 130,
    consents: ['service', 'employer_sharing'],
    sessions: [
      {
        daysAgo: 130,
        channel: 'in_center',
        topic: '초기상담: 경력과 희망 직종',
        durationMinutes: 60,
        notes: '경리 5년 경력, 회계 사무직 정규직 희망',
      },
      { daysAgo: 120, channel: 'phone', topic: '훈련 과정 안내', durationMinutes: 20 },
      { daysAgo: 38, channel: 'in_center', topic: '이력서·면접 준비', durationMinutes: 40 },
    ],
    plan: {
      daysAgo: 120,
      goals: ['회계 사무 정규직 취업'],
      desiredOccupation: '회계 사무원',
      plannedServices: ['counseling', 'training', 'job_matching'],
      nextAction: '전산회계 과정 수강',
      dueInDays: -100,
    },
    training: { course: 'accounting', enrolledDaysAgo: 105, completedDaysAgo: 40 },
    placement: {
      startedDaysAgo: 35,
      body: {
        employerName: '한결세무회계',
        jobTitle: '회계 사무원',
        occupation: '0231',
        employmentType: 'regular',
        weeklyHours: 40,
        monthlyWage: 2_450_000,
        channel: 'center',
        employmentInsurance: true,
      },
      followUps: [
        {
          n: 1,
          channel: 'phone',
          outcome: 'employed_same_employer',
          support: ['counseling'],
          difficulties: ['월말 결산 업무 적응'],
        },
      ],
    },
  },
  {
    counselor: 0,
    name: '이서영',
    birthDate: '1991-09-03',
    phoneNo: 2,
    profile: {
      education: 'university',
      careerBreakReason: 'pregnancy_childbirth',
      careerBreakYears: 3,
      lastOccupation: '어린이집 보육교사',
      experienceYears: 4,
      desiredOccupation: '요양보호사',
      desiredEmploymentType: 'part_time',
      desiredHoursPerWeek: 30,
      childcareNeeds: '만 3세 자녀, 오후 4시 이후 돌봄 필요',
    },
    registeredDaysAgo: 30,
    consents: ['service'],
    sessions: [
      { daysAgo: 30, channel: 'in_center', topic: '초기상담: 구직 의사와 돌봄 상황', durationMinutes: 50 },
      { daysAgo: 20, channel: 'online', topic: '요양보호사 과정 상담', durationMinutes: 30 },
    ],
    plan: {
      daysAgo: 20,
      goals: ['요양보호사 자격 취득', '재가요양기관 시간제 취업'],
      desiredOccupation: '요양보호사',
      plannedServices: ['training', 'job_matching'],
      nextAction: '요양보호사 자격시험 접수',
      dueInDays: 10,
    },
    training: { course: 'care', enrolledDaysAgo: 18 },
  },
  {
    counselor: 0,
    name: '최은정',
    birthDate: '1983-12-20',
    phoneNo: 3,
    profile: {
      education: 'high_school',
      careerBreakReason: 'family_care',
      careerBreakYears: 9,
      lastOccupation: '판매 사원',
      experienceYears: 3,
      desiredEmploymentType: 'any',
    },
    registeredDaysAgo: 4,
    consents: ['service'],
    sessions: [
      {
        daysAgo: 4,
        channel: 'in_center',
        topic: '초기상담: 구직 의사 확인',
        durationMinutes: 50,
        notes: '부모님 간병으로 9년 경력단절, 희망 직종 미정',
      },
    ],
  },
  {
    counselor: 1,
    name: '정혜린',
    birthDate: '1979-06-08',
    phoneNo: 4,
    profile: {
      education: 'high_school',
      careerBreakReason: 'childcare',
      careerBreakYears: 10,
      lastOccupation: '의류 판매원',
      experienceYears: 6,
      desiredOccupation: '고객 상담원',
      desiredEmploymentType: 'regular',
    },
    registeredDaysAgo: 190,
    consents: ['service', 'employer_sharing'],
    sessions: [
      { daysAgo: 190, channel: 'in_center', topic: '초기상담: 경력과 희망 직종', durationMinutes: 60 },
      {
        daysAgo: 175,
        channel: 'mobile_outreach',
        place: '빛가람동 행정복지센터',
        topic: '이력서 점검',
        durationMinutes: 40,
      },
    ],
    plan: {
      daysAgo: 175,
      goals: ['콜센터 상담직 정규직 취업'],
      desiredOccupation: '고객 상담원',
      plannedServices: ['counseling', 'job_matching', 'job_fair'],
      nextAction: '채용박람회 참가',
      dueInDays: -160,
    },
    placement: {
      startedDaysAgo: 110,
      body: {
        employerName: '새봄고객센터',
        jobTitle: '고객 상담원',
        occupation: '0291',
        employmentType: 'regular',
        weeklyHours: 40,
        monthlyWage: 2_250_000,
        channel: 'center',
        employmentInsurance: true,
      },
      followUps: [
        {
          n: 1,
          channel: 'phone',
          outcome: 'employed_same_employer',
          support: ['counseling'],
          difficulties: ['교대 근무 적응'],
        },
        { n: 2, channel: 'message', outcome: 'employed_same_employer', support: [] },
        { n: 3, channel: 'visit', outcome: 'employed_same_employer', support: ['gift_or_celebration'] },
      ],
    },
    closure: { daysAgo: 10, reason: '취업 후 3개월 사후관리 완료 (재직 유지)' },
  },
  {
    counselor: 1,
    name: '강수민',
    birthDate: '1989-02-14',
    phoneNo: 5,
    profile: {
      education: 'university',
      careerBreakReason: 'marriage',
      careerBreakYears: 5,
      lastOccupation: '웹디자이너',
      experienceYears: 4,
      desiredOccupation: '사무 보조원',
      desiredEmploymentType: 'part_time',
      desiredMonthlyWage: 1_800_000,
    },
    registeredDaysAgo: 60,
    consents: ['service', 'employer_sharing'],
    sessions: [
      { daysAgo: 60, channel: 'in_center', topic: '초기상담: 경력과 희망 직종', durationMinutes: 50 },
      { daysAgo: 45, channel: 'phone', topic: '구인 정보 안내', durationMinutes: 15 },
      { daysAgo: 12, channel: 'in_center', topic: '면접 준비', durationMinutes: 40 },
    ],
    plan: {
      daysAgo: 45,
      goals: ['사무 보조 시간제 취업'],
      desiredOccupation: '사무 보조원',
      plannedServices: ['counseling', 'job_matching'],
      nextAction: '구인업체 면접 (동행 면접)',
      dueInDays: 3,
    },
  },
  {
    counselor: 1,
    name: '윤지아',
    birthDate: '1994-07-30',
    phoneNo: 6,
    profile: { careerBreakReason: 'pregnancy_childbirth', careerBreakYears: 2 },
    registeredDaysAgo: 1,
    consents: ['service'],
    sessions: [],
  },
];

// ---------------------------------------------------------------------------------------------
// The seed

function readCenter(centerId: string, centersFile: string): CenterInfo {
  let directory: { centers?: Record<string, { name: string; region: string }> };
  try {
    directory = JSON.parse(readFileSync(centersFile, 'utf8'));
  } catch (error) {
    throw new SeedDemoError(`cannot read the centers directory ${centersFile}: ${(error as Error).message}`);
  }
  const ids = Object.keys(directory.centers ?? {});
  const index = ids.indexOf(centerId);
  if (index < 0) throw new SeedDemoError(`center ${centerId} is not in ${centersFile}; pick one of: ${ids.join(', ')}`);
  const { name, region } = directory.centers![centerId];
  return { name, region, index };
}

/**
 * Creates the demo center (accounts, then cases) on the Saeil at options.url. Throws a
 * SeedDemoError with a one-line message when it cannot (unreachable, wrong password, refused).
 */
export async function seedDemo(options: SeedDemoOptions, logger: SeedDemoLogger): Promise<SeedDemoResult> {
  const baseUrl = normalizeUrl(options.url);
  const client = new SaeilClient(baseUrl);
  const docsUrl = `${baseUrl}/docs`;
  // Like the app's SAEIL_CENTERS_FILE: relative to the working directory (npm run: the repository).
  const centersFile = resolve(options.centersFile ?? process.env.SAEIL_CENTERS_FILE ?? 'config/centers.json');
  const center = readCenter(options.centerId, centersFile);
  const today = options.today ?? todayInKorea();
  const accounts = demoAccountsOf(options.centerId);

  // Is it Saeil, and can the administrator log in? Both checked before anything is created.
  const health = await client.send('GET', '/health');
  if (typeof health.body !== 'object' || health.body === null || !('status' in health.body)) {
    throw new SeedDemoError(
      `${baseUrl} does not answer like Saeil (GET /health: ${describe(health)}); pass --url with the api's address.`,
    );
  }
  const admin = await logIn(client, options.adminUser, options.adminPassword, 'the administrator');
  const sessions: Session[] = [admin];
  try {
    const me = await client.send('GET', '/auth/me', { token: admin.accessToken });
    if (me.body?.role !== 'administrator')
      throw new SeedDemoError(
        `"${options.adminUser}" is not an administrator (role ${me.body?.role ?? 'unknown'}): pass --admin-user with an administrator's user name.`,
      );

    const existing = await client.send('GET', '/accounts', { token: admin.accessToken });
    if (existing.status !== 200 || !Array.isArray(existing.body))
      throw new SeedDemoError(`listing the accounts failed: ${describe(existing)}`);
    const taken = new Set<string>(existing.body.map((a: { username: string }) => a.username));
    const present = accounts.filter((a) => taken.has(a.username));
    if (present.length === accounts.length) return alreadySeeded(options.centerId, accounts, docsUrl, logger);
    if (present.length > 0) {
      throw new SeedDemoError(
        `some demo accounts of ${options.centerId} exist (${present.map((a) => a.username).join(', ')}) but not all: not seeding over them; pick another center with --center, or remove the demo data first.`,
      );
    }

    // The accounts. The first one answering "taken" means another run got there first (a race
    // with the check above): then it is that run's demo, and this one stops without creating more.
    const created: DemoAccount[] = [];
    try {
      for (const account of accounts) {
        account.password = generatePassword(account.username);
        const answer = await client.send('POST', '/accounts', {
          token: admin.accessToken,
          body: {
            username: account.username,
            displayName: account.displayName,
            role: account.role,
            ...placeOf(account, options.centerId, center.region),
            password: account.password,
          },
        });
        if (answer.status === 201) {
          created.push(account);
          logger.info(`created ${account.role} account ${account.username}`);
          continue;
        }
        if (created.length === 0 && isUsernameTaken(answer))
          return alreadySeeded(options.centerId, accounts, docsUrl, logger);
        throw new SeedDemoError(`creating the account ${account.username} failed: ${describe(answer)}`);
      }

      const supervisorAccount = accounts.find((a) => a.role === 'supervisor')!;
      const supervisor = await logIn(
        client,
        supervisorAccount.username,
        supervisorAccount.password!,
        'the demo supervisor',
      );
      sessions.push(supervisor);
      const counselors: Session[] = [];
      for (const account of accounts.filter((a) => a.role === 'counselor'))
        counselors.push(await logIn(client, account.username, account.password!, 'demo counselor'));
      sessions.push(...counselors);
      const run = new CaseRecorder(client, counselors, options.centerId, center, today, logger);
      const cases = await run.recordAll();
      const { programId, kpiPlanId } = await run.recordCenterPlans(supervisor);
      const seen = await client.send(
        'GET',
        `/caseload?centerId=${encodeURIComponent(options.centerId)}&minPosition=${run.lastPosition}&waitMs=5000&pageSize=100`,
        { token: supervisor.accessToken },
      );
      const supervisorSees = seen.status === 200 ? (seen.body.total as number) : undefined;
      const statusOf = new Map<string, string>(
        seen.status === 200
          ? seen.body.items.map((i: { clientId: string; status: string }) => [i.clientId, i.status])
          : [],
      );
      for (const c of cases) c.status = statusOf.get(c.clientId) ?? c.status;
      printSummary(logger, {
        centerId: options.centerId,
        center,
        accounts,
        cases,
        supervisorSees,
        baseUrl,
        docsUrl,
        programId,
        kpiPlanId,
        today,
      });
      return {
        outcome: 'created',
        centerId: options.centerId,
        accounts,
        cases,
        supervisorSees,
        programId,
        kpiPlanId,
        region: center.region,
        docsUrl,
      };
    } catch (error) {
      // Accounts created before the failure exist now: their passwords must not be lost with it.
      if (created.length > 0) {
        logger.error('the demo stopped half-way; these of its accounts exist, with these passwords (shown only now):');
        for (const line of accountTable(created)) logger.error(line);
      }
      throw error;
    }
  } finally {
    for (const session of sessions) await logOut(client, session);
  }
}

function alreadySeeded(
  centerId: string,
  accounts: DemoAccount[],
  docsUrl: string,
  logger: SeedDemoLogger,
): SeedDemoResult {
  logger.info(
    `the demo accounts of ${centerId} already exist (${accounts.map((a) => a.username).join(', ')}): nothing created. ` +
      `Their passwords were printed by the run that created them; an administrator can set new ones (POST /accounts/:id/password-reset).`,
  );
  logger.info(`API docs: ${docsUrl}`);
  return { outcome: 'exists', centerId, accounts: accounts.map(({ password: _, ...a }) => a), cases: [], docsUrl };
}

function normalizeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SeedDemoError(`--url ${url} is not a URL; e.g. ${DEFAULT_URL}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new SeedDemoError(`--url ${url} must be http:// or https://`);
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

/** Records the cases, each as her counselor, through the HTTP commands. */
class CaseRecorder {
  lastPosition = 0;
  /** Idempotency keys of this run: `seed-demo.<run>.<case>.<step>`. */
  private readonly runId = randomBytes(6).toString('hex');
  private readonly courseIds = new Map<string, string>();

  constructor(
    private readonly client: SaeilClient,
    private readonly counselors: Session[],
    private readonly centerId: string,
    private readonly center: CenterInfo,
    private readonly today: string,
    private readonly logger: SeedDemoLogger,
  ) {}

  private day(daysAgo: number): string {
    return addDays(this.today, -daysAgo);
  }

  /** A command as `who`: its answer's body, or a SeedDemoError saying which step was refused and why. */
  private async command(
    who: Session,
    step: string,
    what: string,
    path: string,
    body: Record<string, unknown>,
  ): Promise<any> {
    const answer = await this.client.sendWithRetry('POST', path, {
      token: who.accessToken,
      body,
      idempotencyKey: `seed-demo.${this.runId}.${step}`,
    });
    if (answer.status < 200 || answer.status >= 300)
      throw new SeedDemoError(`${what} (as ${who.username}) was refused: ${describe(answer)}`);
    if (typeof answer.body?.position === 'number')
      this.lastPosition = Math.max(this.lastPosition, answer.body.position);
    return answer.body;
  }

  async recordAll(): Promise<DemoCase[]> {
    const cases: DemoCase[] = [];
    for (const [i, script] of CASES.entries()) cases.push(await this.recordCase(i + 1, script));
    return cases;
  }

  private async course(kind: keyof typeof COURSES, who: Session): Promise<string> {
    const known = this.courseIds.get(kind);
    if (known) return known;
    const c = COURSES[kind];
    const created = await this.command(who, `course.${kind}`, `creating the course ${c.title}`, '/courses', {
      centerId: this.centerId,
      title: c.title,
      provider: c.provider,
      field: c.field,
      startsOn: this.day(c.startsDaysAgo),
      endsOn: this.day(c.endsDaysAgo),
      hours: c.hours,
      capacity: c.capacity,
    });
    this.courseIds.set(kind, created.courseId);
    return created.courseId;
  }

  private async recordCase(n: number, s: CaseScript): Promise<DemoCase> {
    const who = this.counselors[s.counselor];
    const step = (name: string) => `case${n}.${name}`;
    const done: string[] = [];
    const registered = await this.command(who, step('register'), `registering ${s.name}`, '/clients', {
      name: s.name,
      birthDate: s.birthDate,
      phone: `010-0000-${String(this.center.index * 10 + s.phoneNo).padStart(4, '0')}`,
      centerId: this.centerId,
      counselorId: who.accountId,
      region: this.center.region,
      registeredOn: this.day(s.registeredDaysAgo),
      ...s.profile,
    });
    const clientId: string = registered.clientId;
    const client = `/clients/${clientId}`;
    for (const purpose of s.consents) {
      await this.command(who, step(`consent.${purpose}`), `${s.name}'s ${purpose} consent`, `${client}/consents`, {
        purpose,
        version: CONSENT_FORM_VERSION,
        givenOn: this.day(s.registeredDaysAgo),
      });
    }
    done.push(count(s.consents.length, 'consent'));

    // Sessions, plan, training, job and closure in the order they happened.
    type Event = { on: number; order: number; run: () => Promise<void> };
    const events: Event[] = [];
    s.sessions.forEach((session, k) =>
      events.push({
        on: session.daysAgo,
        order: 1,
        run: async () => {
          const { daysAgo, ...rest } = session;
          await this.command(
            who,
            step(`session${k + 1}`),
            `${s.name}'s counseling session`,
            `${client}/counseling-sessions`,
            { ...rest, occurredOn: this.day(daysAgo) },
          );
        },
      }),
    );
    if (s.sessions.length > 0) done.push(count(s.sessions.length, 'counseling session'));
    if (s.plan) {
      const plan = s.plan;
      events.push({
        on: plan.daysAgo,
        order: 2,
        run: async () => {
          await this.command(who, step('plan'), `${s.name}'s employment plan`, `${client}/employment-plan`, {
            goals: plan.goals,
            desiredOccupation: plan.desiredOccupation,
            plannedServices: plan.plannedServices,
            nextAction: { description: plan.nextAction, dueOn: addDays(this.today, plan.dueInDays) },
            setOn: this.day(plan.daysAgo),
          });
        },
      });
      done.push('employment plan');
    }
    if (s.training) {
      const training = s.training;
      events.push({
        on: training.enrolledDaysAgo,
        order: 3,
        run: async () => {
          const courseId = await this.course(training.course, who);
          await this.command(
            who,
            step('enroll'),
            `enrolling ${s.name} in ${COURSES[training.course].title}`,
            `/courses/${courseId}/enrollments`,
            { clientId, enrolledOn: this.day(training.enrolledDaysAgo) },
          );
        },
      });
      done.push(`training (${COURSES[training.course].title})`);
      if (training.completedDaysAgo !== undefined) {
        const completedDaysAgo = training.completedDaysAgo;
        events.push({
          on: completedDaysAgo,
          order: 4,
          run: async () => {
            const courseId = await this.course(training.course, who);
            await this.command(
              who,
              step('complete'),
              `${s.name}'s training completion`,
              `/courses/${courseId}/completions`,
              { clientId, completedOn: this.day(completedDaysAgo) },
            );
          },
        });
        done.push('completed');
      }
    }
    if (s.placement) {
      const placement = s.placement;
      const startOn = this.day(placement.startedDaysAgo);
      events.push({
        on: placement.startedDaysAgo,
        order: 5,
        run: async () => {
          const job = await this.command(who, step('placement'), `${s.name}'s placement`, `${client}/placements`, {
            ...placement.body,
            startOn,
          });
          for (const followUp of placement.followUps) {
            // A day or two after the milestone (start + n months), never after today.
            const contactedOn = [addDays(addMonths(startOn, followUp.n), 2), this.today].sort()[0];
            await this.followUp(
              who,
              step(`follow-up${followUp.n}`),
              s.name,
              `${client}/placements/${job.placementId}/follow-ups`,
              { ...followUp, contactedOn },
            );
          }
        },
      });
      done.push(`placement (${placement.body.employerName}) with ${count(placement.followUps.length, 'follow-up')}`);
    }
    if (s.closure) {
      const closure = s.closure;
      events.push({
        on: closure.daysAgo,
        order: 6,
        run: async () => {
          await this.command(who, step('closure'), `closing ${s.name}'s case`, `${client}/closure`, {
            reason: closure.reason,
            closedOn: this.day(closure.daysAgo),
          });
        },
      });
      done.push('closed');
    }
    events.sort((a, b) => b.on - a.on || a.order - b.order);
    for (const event of events) await event.run();
    this.logger.info(
      `case ${n}/${CASES.length}: ${s.name} (${who.username}) registered ${this.day(s.registeredDaysAgo)}: ${done.join(', ')}`,
    );
    return {
      clientId,
      name: s.name,
      counselor: who.username,
      status: s.closure
        ? 'closed'
        : s.placement
          ? 'employed'
          : s.training
            ? 'in_training'
            : s.sessions.length > 0
              ? 'counseling'
              : 'intake',
    };
  }

  /**
   * The center's plans, set by its supervisor: the 사후관리 프로그램 of this year (100, 70 and 50
   * clients supported at months 1, 2 and 3, its budget by funding source) and a three-year
   * 확인지표 plan (last year to next), two indicators counted from the statistics and one whose
   * actuals the center enters (last year's and this year's so far are entered here).
   */
  async recordCenterPlans(supervisor: Session): Promise<{ programId: string; kpiPlanId: string }> {
    const year = Number(this.today.slice(0, 4));
    const program = await this.command(supervisor, 'program', 'defining the retention program', '/retention-programs', {
      centerId: this.centerId,
      name: `${year} 같이하는 고백(go 100) (데모)`,
      periodFrom: `${year}-01-01`,
      periodTo: `${year}-12-31`,
      milestones: DEMO_PROGRAM.milestones,
      budget: DEMO_PROGRAM.budget,
    });
    this.logger.info(
      `retention program ${program.programId}: ${DEMO_PROGRAM.milestones.map((m) => m.plannedClients).join('/')} clients at months 1/2/3, budget ${DEMO_PROGRAM.budget.reduce((sum, b) => sum + b.amount, 0).toLocaleString('ko-KR')}원`,
    );

    const plan = await this.command(supervisor, 'kpi-plan', 'defining the KPI plan', '/kpi-plans', {
      centerId: this.centerId,
      name: '여성새로일하기센터 기능 강화 (데모)',
      fromYear: year - 1,
      toYear: year + 1,
      indicators: DEMO_KPI_INDICATORS.map(({ actuals: _, ...indicator }) => indicator),
    });
    const ids = new Map<string, string>(
      plan.indicators.map((i: { indicatorId: string; name: string }) => [i.name, i.indicatorId]),
    );
    for (const [i, indicator] of DEMO_KPI_INDICATORS.entries()) {
      for (const [k, actual] of (indicator.actuals ?? []).entries()) {
        const enteredOn = actual.yearsAgo === 0 ? this.today : `${year - actual.yearsAgo}-12-31`;
        await this.command(
          supervisor,
          `kpi-actual.${i}.${k}`,
          `entering the actual of ${indicator.name}`,
          `/kpi-plans/${plan.planId}/actuals`,
          {
            indicatorId: ids.get(indicator.name),
            year: year - actual.yearsAgo,
            value: actual.value,
            enteredOn,
            note: actual.note,
          },
        );
      }
    }
    this.logger.info(
      `KPI plan ${plan.planId}: ${count(DEMO_KPI_INDICATORS.length, 'indicator')}, ${year - 1}–${year + 1}`,
    );
    return { programId: program.programId, kpiPlanId: plan.planId };
  }

  /**
   * Her follow-ups are scheduled by the retention reactor after the placement event, a moment
   * later: until then the schedule is 404, so that answer is waited out (up to 30 s).
   */
  private async followUp(
    who: Session,
    step: string,
    name: string,
    path: string,
    body: Record<string, unknown>,
  ): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const answer = await this.client.sendWithRetry('POST', path, {
        token: who.accessToken,
        body,
        idempotencyKey: `seed-demo.${this.runId}.${step}`,
      });
      if (answer.status >= 200 && answer.status < 300) {
        if (typeof answer.body?.position === 'number')
          this.lastPosition = Math.max(this.lastPosition, answer.body.position);
        return;
      }
      if (answer.status !== 404 || Date.now() > deadline)
        throw new SeedDemoError(
          `${name}'s ${body.n}-month follow-up (as ${who.username}) was refused: ${describe(answer)}`,
        );
      await sleep(200);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Output

/** The last quarter that has ended on `today` (a Ministry report's period): 2026-05-10 → 2026-Q1. */
export function lastQuarter(today: string): string {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  return quarter === 0 ? `${year - 1}-Q4` : `${year}-Q${quarter}`;
}

function accountTable(accounts: DemoAccount[]): string[] {
  const rows = [
    ['user name', 'role', 'password'],
    ...accounts.map((a) => [a.username, a.role, a.password ?? '(not shown)']),
  ];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => `  ${r.map((cell, c) => cell.padEnd(widths[c])).join('  ')}`.trimEnd());
}

function printSummary(
  logger: SeedDemoLogger,
  s: {
    centerId: string;
    center: CenterInfo;
    accounts: DemoAccount[];
    cases: DemoCase[];
    supervisorSees?: number;
    baseUrl: string;
    docsUrl: string;
    programId: string;
    kpiPlanId: string;
    today: string;
  },
): void {
  const seen = s.supervisorSees === undefined ? '' : `; the supervisor's caseload shows ${s.supervisorSees}`;
  logger.info('');
  logger.info(`Demo center ready: ${s.center.name} (${s.centerId}), ${s.cases.length} cases${seen}.`);
  logger.info('');
  for (const line of accountTable(s.accounts)) logger.info(line);
  logger.info('');
  logger.info('These passwords are shown only this once. Log in: POST /auth/login with { "username", "password" }');
  logger.info('(or "Authorize" in the API docs), then, as');
  const region = encodeURIComponent(s.center.region);
  const from = `${s.today.slice(0, 4)}-01-01`;
  for (const line of [
    ['counselor, supervisor', `GET /caseload?centerId=${s.centerId}`],
    ['supervisor', `GET /retention-programs/${s.programId}  (사후관리 프로그램: plan, given, budget)`],
    ['supervisor', `GET /kpi-plans/${s.kpiPlanId}/achievement  (확인지표 달성률)`],
    [
      'regional supervisor',
      `GET /statistics/employment?level=region&id=${region}&from=${addDays(s.today, -365)}&to=${s.today}  (${s.center.region})`,
    ],
    [
      'ministry analyst',
      `GET /statistics/employment?level=nation&from=${from}&to=${s.today}, GET /ministry-reports/nation/${lastQuarter(s.today)}`,
    ],
  ]) {
    logger.info(`  ${line[0].padEnd(21)}  ${line[1]}`);
  }
  logger.info(`API docs: ${s.docsUrl}`);
}

// ---------------------------------------------------------------------------------------------
// Command line

export const USAGE =
  'usage: npm run seed:demo -- [--url http://127.0.0.1:3000] [--admin-user admin] [--admin-password …] [--center center-naju]\n' +
  '  the administrator password comes from SAEIL_ADMIN_PASSWORD unless --admin-password is given; Saeil must be running (npm start)';

/** The whole command: parses argv, runs the seed, returns the exit code (0 done or already there, 1 failed, 2 usage). */
export async function runCli(
  argv: string[],
  env: Record<string, string | undefined>,
  logger: SeedDemoLogger,
): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        url: { type: 'string', default: DEFAULT_URL },
        'admin-user': { type: 'string' },
        'admin-password': { type: 'string' },
        center: { type: 'string', default: DEFAULT_CENTER },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    logger.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    logger.info(USAGE);
    return 0;
  }
  const adminPassword = (values['admin-password'] as string | undefined) ?? env.SAEIL_ADMIN_PASSWORD;
  if (!adminPassword) {
    logger.error(
      `seed:demo needs the administrator's password: set SAEIL_ADMIN_PASSWORD or pass --admin-password\n${USAGE}`,
    );
    return 2;
  }
  try {
    await seedDemo(
      {
        url: values.url as string,
        adminUser: (values['admin-user'] as string | undefined) ?? env.SAEIL_ADMIN_USERNAME ?? 'admin',
        adminPassword,
        centerId: values.center as string,
      },
      logger,
    );
    return 0;
  } catch (error) {
    if (error instanceof SeedDemoError) {
      logger.error(`seed:demo: ${error.message}`);
      return 1;
    }
    logger.error(`seed:demo failed: ${(error as Error).stack ?? error}`);
    return 1;
  }
}

if (require.main === module) {
  const terminal: SeedDemoLogger = {
    info: (line) => process.stdout.write(`${line}\n`),
    error: (line) => process.stderr.write(`${line}\n`),
  };
  runCli(process.argv.slice(2), process.env, terminal).then((code) => {
    process.exitCode = code;
  });
}
