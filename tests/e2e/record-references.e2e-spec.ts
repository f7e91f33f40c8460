import { randomUUID } from 'node:crypto';
import { SAEIL_MODULES } from '@saeil/app';
import type { CommandDefinition, CommandReference } from '@saeil/runtime';
import { registerClient, startTestSaeil, TestSaeil } from '../support/app';
import { Api, api, counselorOf, supervisorOf, tokenFor } from '../support/auth';
import { describeKafka, kafkaBrokers } from '../support/env';
import { KafkaObserver, observeTopics } from '../support/kafka-observer';

/**
 * Records a command points to without acting on them (issue 13, finding 4: a placement's employer,
 * an agreement's employer, a follow-up's or a budget plan's retention program): every `CommandDefinition.references`
 * entry of a record kind is found in the modules, and each is sent with variants of its field — a
 * random UUID, a record of another kind, another center's record, her own — on HTTP and on the
 * Kafka command topic. What does not exist or is not her center's to use is 422
 * REFERENCE_NOT_FOUND naming the field and kind, and appends nothing.
 *
 * Employers are the exception by design: one employer per business registration number for the
 * whole country (its id derives from it), so no center can register its own copy and another
 * center's employer is usable. Records a command acts on (a course's enrollment, an agreement's
 * renewal) are named in the path and scoped as records: 404 alike for missing and foreign
 * (tests/e2e/authorization-matrix.e2e-spec.ts).
 */
const RECORD_KINDS = ['employer', 'agreement', 'course', 'retentionProgram'] as const;
type RecordKind = (typeof RECORD_KINDS)[number];

interface Fixtures {
  /** center-naju's record of each kind, and center-jinju's. */
  own: Partial<Record<RecordKind, string>>;
  foreign: Partial<Record<RecordKind, string>>;
}

/** A request that is accepted with the reference's field as given: HTTP and Kafka forms of the same command. */
interface Target {
  http: { path: string; body: Record<string, unknown> };
  kafka: Record<string, unknown>;
  /** Who may send it: center-naju's counselor unless it is a supervisor's command. */
  caller?: 'supervisor';
}

/** One accepted request per command, made fresh each time (a woman has one active job; a milestone is recorded once). */
const TARGETS: Record<string, (saeil: TestSaeil, value: string, fixtures: Fixtures) => Promise<Target>> = {
  async StartEmployment(saeil, employerId) {
    const clientId = await freshClient(saeil);
    const body = {
      employerId,
      employerName: '(주)나주식품',
      jobTitle: '사무원',
      occupation: '0231',
      employmentType: 'regular',
      weeklyHours: 40,
      monthlyWage: 2_300_000,
      startOn: '2026-01-31',
      channel: 'center',
      employmentInsurance: true,
    };
    return { http: { path: `/clients/${clientId}/placements`, body }, kafka: { clientId, ...body } };
  },
  async SignAgreement(_saeil, employerId) {
    const body = {
      centerId: 'center-naju',
      kind: 'women_friendly_company',
      employerId,
      signedOn: '2026-03-02',
      termStart: '2026-03-02',
    };
    return { http: { path: '/agreements', body }, kafka: body };
  },
  async RecordFollowUp(saeil, programId) {
    const clientId = await freshClient(saeil);
    const placed = await (
      await api(saeil, counselorOf('center-naju'))
    )
      .post(`/clients/${clientId}/placements`)
      .send({
        employerName: '(주)나주식품',
        jobTitle: '사무원',
        occupation: '0231',
        employmentType: 'regular',
        weeklyHours: 40,
        monthlyWage: 2_300_000,
        startOn: '2026-01-31',
        channel: 'self',
        employmentInsurance: true,
      })
      .expect(201);
    const { placementId } = placed.body;
    const body = {
      n: 1,
      contactedOn: '2026-03-04',
      channel: 'phone',
      outcome: 'employed_same_employer',
      support: ['gift_or_celebration'],
      programId,
    };
    return {
      http: { path: `/clients/${clientId}/placements/${placementId}/follow-ups`, body },
      kafka: { clientId, placementId, ...body },
    };
  },
  async DefineBudgetPlan(saeil, programId, fixtures) {
    // A program has one budget plan: her own center's program is a fresh one each time it is to be accepted.
    const own = programId === fixtures.own.retentionProgram ? await freshProgram(saeil) : programId;
    const body = {
      centerId: 'center-naju',
      name: '사후관리 프로그램 예산',
      programId: own,
      fromYear: 2026,
      toYear: 2026,
      lines: [{ year: 2026, source: 'national', amount: 3_000_000 }],
    };
    return { http: { path: '/budget-plans', body }, kafka: body, caller: 'supervisor' };
  },
};

const freshProgram = async (saeil: TestSaeil): Promise<string> =>
  (
    await (
      await api(saeil, supervisorOf('center-naju'))
    )
      .post('/retention-programs')
      .send({
        centerId: 'center-naju',
        name: '같이하는 고백(go 100)',
        periodFrom: '2026-01-01',
        periodTo: '2026-12-31',
        milestones: [{ n: 1, plannedClients: 100, benefit: '기념품', unitCost: 30_000 }],
        budget: [{ source: 'national', amount: 3_000_000 }],
      })
      .expect(201)
  ).body.programId;

let clientNo = 900;
const freshClient = (saeil: TestSaeil) =>
  registerClient(saeil, clientNo++, { consents: ['service', 'employer_sharing'] });

/** Every (command, reference) the modules declare to a record. */
function declaredReferences(): { definition: CommandDefinition; reference: CommandReference & { kind: RecordKind } }[] {
  return SAEIL_MODULES.flatMap((m) => m.commands ?? []).flatMap((definition) =>
    (definition.references ?? [])
      .filter((r): r is CommandReference & { kind: RecordKind } => (RECORD_KINDS as readonly string[]).includes(r.kind))
      .map((reference) => ({ definition, reference })),
  );
}

/** Variants of a reference's value and whether each must be accepted. */
function variants(kind: RecordKind, f: Fixtures): { name: string; value: string; accepted: boolean }[] {
  const otherKind = kind === 'retentionProgram' ? f.own.employer! : f.own.retentionProgram!;
  return [
    { name: 'a random UUID', value: randomUUID(), accepted: false },
    { name: 'a record of another kind', value: otherKind, accepted: false },
    { name: "another center's record", value: f.foreign[kind]!, accepted: kind === 'employer' },
    { name: 'her own center’s record', value: f.own[kind]!, accepted: true },
  ];
}

describe('records a command names by id (REFERENCE_NOT_FOUND)', () => {
  let saeil: TestSaeil;
  let counselor: Api;
  let supervisor: Api;
  const fixtures: Fixtures = { own: {}, foreign: {} };
  const references = declaredReferences();

  const countEvents = async (): Promise<number> => {
    // the worker's own events (follow-ups scheduled, the sweep) do not count: only what a request appended
    const [{ n }] = await saeil.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM events WHERE metadata->>'actorId' NOT LIKE 'system:%'`,
    );
    return n;
  };

  beforeAll(async () => {
    saeil = await startTestSaeil({
      label: 'record_references',
      kafka: Boolean(kafkaBrokers()),
      env: { SAEIL_CLOCK_TODAY: '2026-03-05' },
    });
    counselor = await api(saeil, counselorOf('center-naju'));
    supervisor = await api(saeil, supervisorOf('center-naju'));
    for (const [side, centerId, number] of [
      ['own', 'center-naju', '220-81-62517'],
      ['foreign', 'center-jinju', '124-81-00998'],
    ] as const) {
      const supervisor = await api(saeil, supervisorOf(centerId));
      const made = async (path: string, body: object) => (await supervisor.post(path).send(body).expect(201)).body;
      fixtures[side].employer = (
        await made('/employers', {
          centerId,
          businessRegistrationNumber: number,
          name: `(주)${centerId}`,
          industry: '제조업',
          size: 'small',
        })
      ).employerId;
      fixtures[side].agreement = (
        await made('/agreements', {
          centerId,
          kind: 'institution_mou',
          partyName: '대학교',
          signedOn: '2026-01-05',
          termStart: '2026-01-05',
          termEnd: '2028-12-31',
        })
      ).agreementId;
      fixtures[side].course = (
        await made('/courses', {
          centerId,
          title: '전산회계',
          provider: '직업학교',
          field: '회계',
          startsOn: '2026-04-01',
          endsOn: '2026-06-30',
          hours: 120,
          capacity: 20,
        })
      ).courseId;
      fixtures[side].retentionProgram = (
        await made('/retention-programs', {
          centerId,
          name: '같이하는 고백(go 100)',
          periodFrom: '2026-01-01',
          periodTo: '2026-12-31',
          milestones: [{ n: 1, plannedClients: 100, benefit: '기념품', unitCost: 30_000 }],
          budget: [{ source: 'national', amount: 3_000_000 }],
        })
      ).programId;
    }
  }, 120_000);
  afterAll(async () => saeil?.dispose());

  it('finds the references the commands declare, and knows an accepted request for each command (a new one fails here until added)', () => {
    const declared = references
      .map(({ definition, reference }) => `${definition.type}.${reference.field}:${reference.kind}`)
      .sort();
    expect(declared).toEqual(
      expect.arrayContaining([
        'RecordFollowUp.programId:retentionProgram',
        'SignAgreement.employerId:employer',
        'StartEmployment.employerId:employer',
      ]),
    );
    for (const { definition } of references) expect(Object.keys(TARGETS)).toContain(definition.type);
  });

  it('over HTTP: each variant of each reference is refused with 422 naming the field and kind, appending nothing, or accepted', async () => {
    const answers: string[] = [];
    for (const { definition, reference } of references) {
      for (const variant of variants(reference.kind, fixtures)) {
        const target = await TARGETS[definition.type](saeil, variant.value, fixtures);
        const before = await countEvents();
        const res = await (target.caller === 'supervisor' ? supervisor : counselor)
          .post(target.http.path)
          .send(target.http.body);
        const what = `${definition.type} ${reference.field} = ${variant.name}`;
        if (variant.accepted) {
          answers.push(`${what}: ${res.status < 300 ? 'accepted' : `${res.status} ${JSON.stringify(res.body)}`}`);
        } else {
          const refused =
            res.status === 422 &&
            res.body.error?.code === 'REFERENCE_NOT_FOUND' &&
            res.body.error.details?.field === reference.field &&
            res.body.error.details?.kind === reference.kind;
          answers.push(`${what}: ${refused ? 'refused' : `${res.status} ${JSON.stringify(res.body)}`}`);
          expect(await countEvents()).toBe(before);
        }
      }
    }
    expect(answers).toEqual(
      references.flatMap(({ definition, reference }) =>
        variants(reference.kind, fixtures).map(
          (v) => `${definition.type} ${reference.field} = ${v.name}: ${v.accepted ? 'accepted' : 'refused'}`,
        ),
      ),
    );
  });

  describeKafka('on the Kafka command topic', () => {
    let kafka: KafkaObserver;
    beforeAll(async () => {
      kafka = await observeTopics(saeil, { contexts: [] });
    });
    afterAll(async () => kafka?.stop());

    it('rejects the same variants with REFERENCE_NOT_FOUND and appends nothing; accepts the others', async () => {
      const token = await tokenFor(saeil.url, counselorOf('center-naju'));
      const supervisorToken = await tokenFor(saeil.url, supervisorOf('center-naju'));
      const answers: string[] = [];
      for (const { definition, reference } of references) {
        for (const variant of variants(reference.kind, fixtures)) {
          const target = await TARGETS[definition.type](saeil, variant.value, fixtures);
          const before = await countEvents();
          const reply = await kafka.sendCommand(definition.type, target.kafka, {
            token: target.caller === 'supervisor' ? supervisorToken : token,
          });
          const what = `${definition.type} ${reference.field} = ${variant.name}`;
          const refused =
            reply.status === 'rejected' &&
            reply.error?.code === 'REFERENCE_NOT_FOUND' &&
            reply.error?.details?.field === reference.field;
          answers.push(
            `${what}: ${reply.status === 'accepted' ? 'accepted' : refused ? 'refused' : JSON.stringify(reply)}`,
          );
          if (!variant.accepted) expect(await countEvents()).toBe(before);
        }
      }
      expect(answers).toEqual(
        references.flatMap(({ definition, reference }) =>
          variants(reference.kind, fixtures).map(
            (v) => `${definition.type} ${reference.field} = ${v.name}: ${v.accepted ? 'accepted' : 'refused'}`,
          ),
        ),
      );
    }, 180_000);
  });
});
