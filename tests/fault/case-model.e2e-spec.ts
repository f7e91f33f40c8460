import fc from 'fast-check';
import { newClient, startTestSaeil, TestSaeil } from '../support/app';
import { Api, api, counselorAccount, counselorOf } from '../support/auth';
import { waitFor } from '../support/env';
import { CaseModel, CaseCommand, caseCommands, initialModel, RealCase } from './support/case-model';

/**
 * Model-based test: fast-check draws random sequences of commands against one woman's case
 * (consents given and withdrawn, counseling sessions, a plan, closing and reopening, placements
 * started, ended and voided), sends them through HTTP to a running Saeil, and checks every answer
 * (accepted, or refused with the rule's code) against a small model of the rules written here.
 * After each sequence the read models (caseload status, last contact, next action, timeline
 * length, placements list) must say what the model says; the timeline includes the follow-ups
 * the retention context schedules for each placement started. On failure fast-check prints the seed
 * and the shrunk sequence; rerun with `FC_SEED=<seed>`.
 */
describe('one case under random command sequences, checked against a model', () => {
  let saeil: TestSaeil;
  /** A counselor of center-naju, logged in, acts on every case. */
  let http: Api;
  let clients = 0;

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'fault_model', kafka: false });
    http = await api(saeil, counselorOf('center-naju'));
  }, 60_000);
  afterAll(async () => saeil?.dispose());

  /**
   * The positions of the follow-ups the system schedules for each placement she started (the
   * retention reactor follows the placements, so they come a moment after the start's answer).
   */
  async function scheduledFollowUps(model: CaseModel, real: RealCase): Promise<number[]> {
    return waitFor(
      async () => {
        const rows: { position: string }[] = await saeil.runtime.dataSource.query(
          `SELECT global_position AS position FROM events WHERE event_type = 'FollowUpsScheduled' AND data->>'clientId' = $1`,
          [real.clientId],
        );
        return rows.length === model.placements.length ? rows.map((r) => Number(r.position)) : undefined;
      },
      { description: `follow-ups scheduled for her ${model.placements.length} placements` },
    );
  }

  async function expectReadModelsMatch(model: CaseModel, real: RealCase): Promise<void> {
    // Read-your-writes waits for the stream of the position given: wait for each of hers in turn.
    for (const position of [...real.lastPositions.values(), ...(await scheduledFollowUps(model, real))]) {
      const caseload = await http
        .get('/caseload')
        .query({ counselorId: real.counselorId, minPosition: position, pageSize: 1 })
        .expect(200);
      const timeline = await http
        .get(`/cases/${real.clientId}/timeline`)
        .query({ minPosition: position, pageSize: 1 })
        .expect(200);
      expect([caseload.body.consistency.reached, timeline.body.consistency.reached]).toEqual([true, true]);
    }

    const caseload = await http.get('/caseload').query({ counselorId: real.counselorId }).expect(200);
    const row = caseload.body.items.find((i: { clientId: string }) => i.clientId === real.clientId);
    expect({
      status: row?.status,
      lastContactOn: row?.lastContactOn ?? null,
      nextAction: row?.nextAction ?? null,
    }).toEqual({
      status: model.status(),
      lastContactOn: model.lastContactOn(),
      nextAction: model.nextAction,
    });

    const timeline = await http.get(`/cases/${real.clientId}/timeline`).query({ pageSize: 1 }).expect(200);
    expect(timeline.body.total).toBe(model.eventCount);

    const placements = await http.get(`/clients/${real.clientId}/placements`).expect(200);
    expect(
      placements.body.placements.map((p: { placementId: string; status: string }) => [p.placementId, p.status]),
    ).toEqual(model.placements.map((status, i) => [real.placementIds[i], status]));
  }

  it('answers every command as the model does, and the read models agree with it', async () => {
    const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
    await fc.assert(
      fc.asyncProperty(fc.commands(caseCommands(), { maxCommands: 12 }), async (commands: Iterable<CaseCommand>) => {
        clients++;
        const counselorId = await counselorAccount(saeil, 'center-naju', `model-${clients}`);
        // Registered on the day her consents are dated: her jobs (05-04) start after both.
        const registered = await http
          .post('/clients')
          .send({ ...newClient(5000 + clients, counselorId), registeredOn: '2026-02-01' })
          .expect(201);
        const real: RealCase = {
          http,
          clientId: registered.body.clientId,
          counselorId,
          placementIds: [],
          lastPositions: new Map([['intake', registered.body.position]]),
        };
        const model = initialModel();
        await fc.asyncModelRun(() => ({ model, real }), commands);
        await expectReadModelsMatch(model, real);
      }),
      { numRuns: 20, seed, verbose: 1 },
    );
  }, 180_000);
});
