import { caseloadProjection } from '@saeil/case-views';
import { waitFor } from '../support/env';
import { newClient, startTestSaeil, TestSaeil } from '../support/app';
import { api, counselorAccount, counselorOf } from '../support/auth';

async function snapshot(saeil: TestSaeil): Promise<Record<string, unknown>[]> {
  return saeil.runtime.dataSource.query(
    `SELECT client_id, center_id, counselor_id, personal, birth_year, erased_at, region, status, facts, registered_at, last_contact_on::text, next_action, last_event_at, last_position FROM rm_caseload ORDER BY client_id`,
  );
}

/** Registrations by a counselor of center-naju, logged in, 25 at a time. */
async function register(
  saeil: TestSaeil,
  from: number,
  count: number,
): Promise<{ clientId: string; position: number }[]> {
  const http = await api(saeil, counselorOf('center-naju'));
  // four counselors of the center share her registrations
  const counselors = await Promise.all([0, 1, 2, 3].map((k) => counselorAccount(saeil, 'center-naju', `rebuild-${k}`)));
  const out: { clientId: string; position: number }[] = [];
  for (let i = from; i < from + count; i += 25) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(25, from + count - i) }, (_, k) =>
        http
          .post('/clients')
          .send(newClient(i + k, counselors[(i + k) % 4]))
          .expect(201),
      ),
    );
    out.push(...batch.map((r) => r.body));
  }
  return out;
}

async function caughtUp(saeil: TestSaeil, position: number) {
  await waitFor(() => saeil.runtime.consistency.waitFor(caseloadProjection, position, 1000), {
    timeoutMs: 30_000,
    description: `caseload at ${position}`,
  });
}

describe('projection rebuild while the system runs', () => {
  let saeil: TestSaeil;
  beforeAll(
    async () =>
      (saeil = await startTestSaeil({ label: 'rebuild', kafka: false, env: { PROJECTION_BATCH_SIZE: '50' } })),
  );
  afterAll(async () => saeil?.dispose());

  it('rebuilds from position zero into a shadow, switches over, and equals the incrementally built read model', async () => {
    const first = await register(saeil, 0, 300);
    await caughtUp(saeil, Math.max(...first.map((r) => r.position)));
    const incremental = await snapshot(saeil);
    expect(incremental).toHaveLength(300);

    // Writes go on during the rebuild; the live projection keeps applying them until the switch.
    const [report, during] = await Promise.all([
      saeil.runtime.rebuilder.rebuild(caseloadProjection),
      register(saeil, 300, 100),
    ]);
    expect(report.events).toBeGreaterThanOrEqual(300);
    await caughtUp(saeil, Math.max(...during.map((r) => r.position)));

    const rebuilt = await snapshot(saeil);
    expect(rebuilt).toHaveLength(400);
    const firstIds = new Set(first.map((r) => r.clientId));
    expect(rebuilt.filter((r) => firstIds.has(r.client_id as string))).toEqual(incremental);
    expect(new Set(rebuilt.map((r) => r.client_id))).toEqual(new Set([...first, ...during].map((r) => r.clientId)));

    // A second rebuild with nothing new gives the same table again, and leaves no shadow behind.
    await saeil.runtime.rebuilder.rebuild(caseloadProjection);
    expect(await snapshot(saeil)).toEqual(rebuilt);
    const shadows = await saeil.runtime.dataSource.query(
      `SELECT tablename FROM pg_tables WHERE tablename LIKE '%__rebuild'`,
    );
    expect(shadows).toEqual([]);
    const indexes = await saeil.runtime.dataSource.query(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'rm_caseload' ORDER BY indexname`,
    );
    expect(indexes.map((i: { indexname: string }) => i.indexname)).toEqual([
      'rm_caseload_center',
      'rm_caseload_counselor',
      'rm_caseload_pkey',
    ]);

    // The live projection goes on from the rebuilt checkpoint: a new registration shows up once.
    const [late] = await register(saeil, 400, 1);
    await caughtUp(saeil, late.position);
    expect(await snapshot(saeil)).toHaveLength(401);
  }, 120_000);
});
