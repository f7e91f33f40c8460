import { newClient, startTestSaeil, TestSaeil } from '../../../tests/support/app';
import { api, counselorAccount, counselorOf } from '../../../tests/support/auth';
import { Projection } from './projection';

/**
 * Read-your-writes (`?minPosition=`) for a position the read model ignores: her consent is not a
 * caseload event, but the registration before it in her stream is, so a query passing the
 * consent's position must wait for the registration, never answer "reached" without her row.
 * The worker does not run here, so nothing is ever applied and "reached" can only come from the
 * rule itself.
 */
describe('read-your-writes for a position the projection ignores', () => {
  let saeil: TestSaeil;
  const caseload: Projection = {
    name: 'caseload',
    tables: [],
    contexts: ['intake'],
    eventTypes: ['ClientRegistered'],
    apply: async () => undefined,
  };

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'consistency_ignored', kafka: false, worker: false });
  }, 60_000);
  afterAll(async () => saeil?.dispose());

  /** Her counselor at center-naju (newClient's center) registers her and records her consent. */
  const counselor = () => api(saeil, counselorOf('center-naju'));

  it('waits for the earlier events of the same stream the projection does apply', async () => {
    const http = await counselor();
    const registered = await http
      .post('/clients')
      .send(newClient(1, await counselorAccount(saeil, 'center-naju', 'ryw')))
      .expect(201);
    const consent = await http
      .post(`/clients/${registered.body.clientId}/consents`)
      .send({ purpose: 'service', version: '2026-01', givenOn: '2026-02-01' })
      .expect(200);

    expect(await saeil.runtime.consistency.hasReached(caseload, consent.body.position)).toBe(false);
    expect(await saeil.runtime.consistency.waitFor(caseload, consent.body.position, 200)).toBe(false);
  });

  it('is reached at once when the projection applies nothing of that stream', async () => {
    const http = await counselor();
    const registered = await http
      .post('/clients')
      .send(newClient(2, await counselorAccount(saeil, 'center-naju', 'ryw')))
      .expect(201);
    const consent = await http
      .post(`/clients/${registered.body.clientId}/consents`)
      .send({ purpose: 'service', version: '2026-01', givenOn: '2026-02-01' })
      .expect(200);
    const nothing: Projection = { ...caseload, name: 'placements-only', eventTypes: ['EmploymentStarted'] };

    expect(await saeil.runtime.consistency.hasReached(nothing, consent.body.position)).toBe(true);
  });
});
