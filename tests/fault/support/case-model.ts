import fc from 'fast-check';
import type request from 'supertest';
import type { Api } from '../../support/auth';

/**
 * A deliberately small model of one case's rules, written from the deciders' documented rules
 * (not from their code): what each command should answer and what the read models should show.
 */
export type Purpose = 'service' | 'employer_sharing';
export type PlacementStatus = 'active' | 'ended' | 'voided';

export class CaseModel {
  closed = false;
  consents = new Set<Purpose>();
  /** Ever counselled (a session or a plan): the case is "counseling" rather than "intake" from then on. */
  counseled = false;
  sessionDays: string[] = [];
  planSet = false;
  nextAction: { description: string; dueOn: string } | null = null;
  placements: PlacementStatus[] = [];
  /** Events on her timeline: her registration, one per accepted command, and the follow-ups scheduled for each placement. */
  eventCount = 1;

  status(): string {
    if (this.closed) return 'closed';
    if (this.placements.includes('active')) return 'employed';
    return this.counseled ? 'counseling' : 'intake';
  }

  lastContactOn(): string | null {
    return this.sessionDays.length ? [...this.sessionDays].sort().at(-1)! : null;
  }

  /** The refusal an open-case command gets, if any: a closed case first, then missing consents. */
  openCaseRefusal(needs: Purpose[]): string | undefined {
    if (this.closed) return 'CASE_CLOSED';
    if (needs.some((p) => !this.consents.has(p))) return 'CONSENT_REQUIRED';
    return undefined;
  }
}

export const initialModel = (): CaseModel => new CaseModel();

export interface RealCase {
  /** Her counselor, logged in: every command goes out with her token. */
  http: Api;
  clientId: string;
  counselorId: string;
  /** Placement ids in the order they were started (the model's placements index them). */
  placementIds: string[];
  /**
   * The last global position written to each of her streams (intake, counseling, placements).
   * Read-your-writes waits for the stream of the position it is given, so the checks wait for each.
   */
  lastPositions: Map<Stream, number>;
}

export type Stream = 'intake' | 'counseling' | 'placements';

export type CaseCommand = fc.AsyncCommand<CaseModel, RealCase>;

type Expected = { status: number } | { refused: string };

/** Sends one command and checks its answer against what the model expected; true when accepted. */
async function send(
  real: RealCase,
  stream: Stream,
  path: string,
  body: object,
  expected: Expected,
): Promise<request.Response> {
  const response = await real.http.post(path).send(body);
  if ('refused' in expected) {
    expect({ status: response.status, code: response.body.error?.code }).toEqual({
      status: 422,
      code: expected.refused,
    });
  } else {
    expect({ status: response.status, body: response.status >= 300 ? response.body : undefined }).toEqual({
      status: expected.status,
      body: undefined,
    });
    real.lastPositions.set(stream, response.body.position);
  }
  return response;
}

abstract class Base implements CaseCommand {
  check(_model: Readonly<CaseModel>): boolean {
    return true;
  }
  abstract run(model: CaseModel, real: RealCase): Promise<void>;
  abstract toString(): string;
}

class GiveConsent extends Base {
  constructor(readonly purpose: Purpose) {
    super();
  }
  async run(model: CaseModel, real: RealCase) {
    const refused = model.consents.has(this.purpose) ? 'CONSENT_ALREADY_GIVEN' : undefined;
    await send(
      real,
      'intake',
      `/clients/${real.clientId}/consents`,
      { purpose: this.purpose, version: '2026-01', givenOn: '2026-02-01' },
      refused ? { refused } : { status: 200 },
    );
    if (refused) return;
    model.consents.add(this.purpose);
    model.eventCount++;
  }
  toString() {
    return `giveConsent(${this.purpose})`;
  }
}

class WithdrawConsent extends Base {
  constructor(readonly purpose: Purpose) {
    super();
  }
  async run(model: CaseModel, real: RealCase) {
    const refused = model.consents.has(this.purpose) ? undefined : 'CONSENT_NOT_GIVEN';
    await send(
      real,
      'intake',
      `/clients/${real.clientId}/consents/${this.purpose}/withdrawal`,
      { withdrawnOn: '2026-02-15' },
      refused ? { refused } : { status: 200 },
    );
    if (refused) return;
    model.consents.delete(this.purpose);
    model.eventCount++;
  }
  toString() {
    return `withdrawConsent(${this.purpose})`;
  }
}

class RecordSession extends Base {
  constructor(readonly day: string) {
    super();
  }
  async run(model: CaseModel, real: RealCase) {
    const refused = model.openCaseRefusal(['service']);
    await send(
      real,
      'counseling',
      `/clients/${real.clientId}/counseling-sessions`,
      { channel: 'in_center', topic: '상담', durationMinutes: 30, occurredOn: this.day },
      refused ? { refused } : { status: 201 },
    );
    if (refused) return;
    model.sessionDays.push(this.day);
    model.counseled = true;
    model.eventCount++;
  }
  toString() {
    return `recordSession(${this.day})`;
  }
}

class SetPlan extends Base {
  async run(model: CaseModel, real: RealCase) {
    const refused = model.openCaseRefusal(['service']) ?? (model.planSet ? 'PLAN_ALREADY_SET' : undefined);
    const nextAction = { description: '이력서 제출', dueOn: '2026-03-20' };
    const body = {
      goals: ['사무직 취업'],
      desiredOccupation: '사무원',
      plannedServices: ['counseling'],
      nextAction,
      setOn: '2026-03-10',
    };
    await send(
      real,
      'counseling',
      `/clients/${real.clientId}/employment-plan`,
      body,
      refused ? { refused } : { status: 201 },
    );
    if (refused) return;
    model.planSet = true;
    model.counseled = true;
    model.nextAction = nextAction;
    model.eventCount++;
  }
  toString() {
    return 'setPlan';
  }
}

class CloseCase extends Base {
  async run(model: CaseModel, real: RealCase) {
    const refused = model.closed ? 'CASE_ALREADY_CLOSED' : undefined;
    await send(
      real,
      'intake',
      `/clients/${real.clientId}/closure`,
      { reason: '연락 두절', closedOn: '2026-04-01' },
      refused ? { refused } : { status: 200 },
    );
    if (refused) return;
    model.closed = true;
    // Her next action ends with her case (reopening does not bring it back).
    model.nextAction = null;
    model.eventCount++;
  }
  toString() {
    return 'closeCase';
  }
}

class ReopenCase extends Base {
  async run(model: CaseModel, real: RealCase) {
    const refused = model.closed ? undefined : 'CASE_NOT_CLOSED';
    await send(
      real,
      'intake',
      `/clients/${real.clientId}/reopening`,
      { reason: '다시 구직 활동', reopenedOn: '2026-04-02' },
      refused ? { refused } : { status: 200 },
    );
    if (refused) return;
    model.closed = false;
    model.eventCount++;
  }
  toString() {
    return 'reopenCase';
  }
}

class StartEmployment extends Base {
  constructor(readonly channel: 'center' | 'self') {
    super();
  }
  async run(model: CaseModel, real: RealCase) {
    // Referring her to an employer shares her data with it: that needs the employer-sharing consent too.
    const needs: Purpose[] = this.channel === 'center' ? ['service', 'employer_sharing'] : ['service'];
    const refused =
      model.openCaseRefusal(needs) ?? (model.placements.includes('active') ? 'ACTIVE_PLACEMENT_EXISTS' : undefined);
    const body = {
      employerName: '한울세무회계',
      jobTitle: '회계 사무원',
      occupation: '0231',
      employmentType: 'regular',
      weeklyHours: 40,
      monthlyWage: 2_400_000,
      startOn: '2026-05-04',
      channel: this.channel,
      employmentInsurance: true,
    };
    const response = await send(
      real,
      'placements',
      `/clients/${real.clientId}/placements`,
      body,
      refused ? { refused } : { status: 201 },
    );
    if (refused) return;
    real.placementIds.push(response.body.placementId);
    model.placements.push('active');
    // Employed: the plan's next action is done with (a plan set afterwards sets a new one).
    model.nextAction = null;
    model.eventCount += 2; // her start, and the 1/2/3-month follow-ups the system schedules from it
  }
  toString() {
    return `startEmployment(${this.channel})`;
  }
}

/** The placement refusal for a placement that is no longer active. */
const inactiveRefusal = (status: PlacementStatus): string | undefined =>
  status === 'ended' ? 'PLACEMENT_ALREADY_ENDED' : status === 'voided' ? 'PLACEMENT_VOIDED' : undefined;

class EndEmployment extends Base {
  constructor(readonly pick: number) {
    super();
  }
  override check(model: Readonly<CaseModel>) {
    return model.placements.length > 0;
  }
  async run(model: CaseModel, real: RealCase) {
    const i = this.pick % model.placements.length;
    const refused = model.openCaseRefusal(['service']) ?? inactiveRefusal(model.placements[i]);
    await send(
      real,
      'placements',
      `/clients/${real.clientId}/placements/${real.placementIds[i]}/end`,
      { endedOn: '2026-06-30', reason: 'resigned' },
      refused ? { refused } : { status: 200 },
    );
    if (refused) return;
    model.placements[i] = 'ended';
    model.eventCount++;
  }
  toString() {
    return `endEmployment(#${this.pick})`;
  }
}

class VoidPlacement extends Base {
  constructor(readonly pick: number) {
    super();
  }
  override check(model: Readonly<CaseModel>) {
    return model.placements.length > 0;
  }
  async run(model: CaseModel, real: RealCase) {
    // A correction of the record: allowed on a closed case and without consent.
    const i = this.pick % model.placements.length;
    const refused = inactiveRefusal(model.placements[i]);
    await send(
      real,
      'placements',
      `/clients/${real.clientId}/placements/${real.placementIds[i]}/void`,
      { reason: '다른 구직자의 기록을 잘못 입력함' },
      refused ? { refused } : { status: 200 },
    );
    if (refused) return;
    model.placements[i] = 'voided';
    model.eventCount++;
  }
  toString() {
    return `voidPlacement(#${this.pick})`;
  }
}

const purpose = fc.constantFrom<Purpose>('service', 'employer_sharing');
/** Days of 2026 up to October: never in the future, in an order unrelated to the order sent. */
const day = fc.integer({ min: 0, max: 299 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));

/** The command arbitraries; consents and sessions weigh more, as in a real case. */
export function caseCommands(): fc.Arbitrary<CaseCommand>[] {
  return [
    purpose.map((p) => new GiveConsent(p)),
    purpose.map((p) => new GiveConsent(p)),
    purpose.map((p) => new WithdrawConsent(p)),
    day.map((d) => new RecordSession(d)),
    day.map((d) => new RecordSession(d)),
    fc.constant(new SetPlan()),
    fc.constant(new CloseCase()),
    fc.constant(new ReopenCase()),
    fc.constantFrom<'center' | 'self'>('center', 'self').map((c) => new StartEmployment(c)),
    fc.nat(3).map((n) => new EndEmployment(n)),
    fc.nat(3).map((n) => new VoidPlacement(n)),
  ];
}
