import type { CommandFigures } from './measures/commands';
import type { RelayFigures } from './measures/relay';
import type { LagFigures } from './measures/lag';
import type { RebuildFigures } from './measures/rebuild';
import type { QueryFigure } from './measures/queries';
import type { ProfileSummary } from './measures/profile';
import { renderWeb, type WebFigures } from './measures/web';
import { renderMinistryDashboard, type DashboardRenderFigures } from './measures/ministry-dashboard';

interface Results {
  date: string;
  command: string;
  totalSeconds: number;
  machine: { cpus: number; cpuModel?: string; memoryGiB: number; loadAverage1m?: { atStart: number; atEnd: number } };
  versions: Record<string, string>;
  scale: { clients: number; centers: number; events: number; seedSeconds: number };
  commands: CommandFigures[];
  relay: RelayFigures;
  lag: { targetPerSecond: number; embedded: LagFigures; kafka: LagFigures };
  rebuild: RebuildFigures;
  queries: QueryFigure[];
  memory: {
    embedded: { apiPeakMiB: number; workerPeakMiB: number };
    kafka: { apiPeakMiB: number; workerPeakMiB: number };
  };
  profile: ProfileSummary;
  web?: WebFigures;
  ministryDashboard?: DashboardRenderFigures | { notMeasured: string };
}

const n = (v: number) => v.toLocaleString('en');

/** The table bench/README.md shows, in Markdown. */
export function renderTable(r: Results): string {
  const lines: string[] = [];
  const row = (...cells: (string | number)[]) => lines.push(`| ${cells.join(' | ')} |`);
  lines.push(
    `Saeil bench, ${r.date} — ${r.machine.cpus} × ${r.machine.cpuModel ?? 'CPU'}, ${r.machine.memoryGiB} GiB; Node ${r.versions.node}, PostgreSQL ${r.versions.postgres}, Kafka ${r.versions.kafka}; commit ${r.versions.commit}`,
  );
  if (r.machine.loadAverage1m)
    lines.push(
      `Load average (1 min) at start ${r.machine.loadAverage1m.atStart.toFixed(1)}, at end ${r.machine.loadAverage1m.atEnd.toFixed(1)}: above ${r.machine.cpus} means other work shared the CPUs.`,
    );
  lines.push(
    `Data: ${n(r.scale.clients)} clients in ${r.scale.centers} centers, ${n(r.scale.events)} events (seeded in ${r.scale.seedSeconds} s). Whole run: ${r.totalSeconds} s.`,
  );
  lines.push('');
  lines.push(
    '**1. Commands through HTTP (record a counseling session) vs raw `pg` transactions (same event row + notify)**',
  );
  lines.push('');
  row('concurrency', 'Saeil cmd/s', 'p50 ms', 'p99 ms', 'refused', 'raw pg tx/s', 'p50 ms', 'p99 ms', 'ratio');
  row('---:', '---:', '---:', '---:', '---', '---:', '---:', '---:', '---:');
  for (const c of r.commands) {
    const refused =
      Object.entries(c.saeil.failed)
        .map(([k, v]) => `${v}×${k}`)
        .join(', ') || '0';
    row(
      c.concurrency,
      n(c.saeil.perSecond),
      c.saeil.latencyMs.p50,
      c.saeil.latencyMs.p99,
      refused,
      n(c.rawPg.perSecond),
      c.rawPg.latencyMs.p50,
      c.rawPg.latencyMs.p99,
      c.ratio,
    );
  }
  lines.push('');
  lines.push(
    '**2. Relay to Kafka vs raw kafkajs producer (same messages, acks=-1, idempotent, no compression, batches of ' +
      r.relay.batchSize +
      ')**',
  );
  lines.push('');
  row('events', 'Saeil relay events/s', 'raw kafkajs msg/s', 'ratio');
  row('---:', '---:', '---:', '---:');
  row(n(r.relay.events), n(r.relay.saeilEventsPerSecond), n(r.relay.rawKafkajsMessagesPerSecond), r.relay.ratio);
  lines.push('');
  lines.push(
    `**3. End-to-end lag, command accepted → caseload read model updated, at ${r.lag.targetPerSecond} cmd/s (half the best rate of 1)**`,
  );
  lines.push('');
  row('mode', 'achieved cmd/s', 'measured', 'p50 ms', 'p99 ms', 'max ms');
  row('---', '---:', '---:', '---:', '---:', '---:');
  for (const l of [r.lag.embedded, r.lag.kafka])
    row(l.mode, l.achievedPerSecond, `${l.reachedReadModel}/${l.accepted}`, l.lagMs.p50, l.lagMs.p99, l.lagMs.max);
  lines.push('');
  lines.push(
    `**4. Projection rebuild from position zero vs raw sequential read of \`events\` (${n(r.rebuild.rawRead.eventsPerSecond)} events/s, pages of ${r.rebuild.batchSize})**`,
  );
  lines.push('');
  row('projection', 'events', 'seconds', 'events/s', 'ratio');
  row('---', '---:', '---:', '---:', '---:');
  for (const p of r.rebuild.projections) row(p.name, n(p.events), p.seconds, n(p.eventsPerSecond), p.ratio);
  lines.push('');
  lines.push('**5. Dashboard and statistics queries (4 callers)**');
  lines.push('');
  row('query', 'req/s', 'p50 ms', 'p95 ms');
  row('---', '---:', '---:', '---:');
  for (const q of r.queries) {
    if (q.result) row(q.name, n(q.result.perSecond), q.result.latencyMs.p50, q.result.latencyMs.p95);
    else row(q.name, `not measured: ${q.notMeasured}`, '', '');
  }
  lines.push('');
  lines.push('**6. Peak memory (VmHWM) during 1–5**');
  lines.push('');
  row('mode', 'api MiB', 'worker MiB');
  row('---', '---:', '---:');
  row('embedded', r.memory.embedded.apiPeakMiB, r.memory.embedded.workerPeakMiB);
  row('Kafka', r.memory.kafka.apiPeakMiB, r.memory.kafka.workerPeakMiB);
  lines.push('');
  lines.push(
    `**Where the time goes: api CPU profile under the command load at concurrency 16 (${Math.round(r.profile.sampledMs)} ms sampled), self time**`,
  );
  lines.push('');
  row('area', 'self %');
  row('---', '---:');
  for (const a of r.profile.byArea.slice(0, 10)) row(a.area, a.selfPercent);
  lines.push('');
  row('frame', 'self %');
  row('---', '---:');
  for (const f of r.profile.topFrames.slice(0, 12)) row(`\`${f.frame}\``, f.selfPercent);
  lines.push('');
  if (r.web) lines.push(...renderWeb(r.web));
  if (r.ministryDashboard) lines.push(...renderMinistryDashboard(r.ministryDashboard));
  return `${lines.join('\n')}\n`;
}
