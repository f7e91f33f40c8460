import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '@saeil/config';
import { createDataSource, migrate } from '@saeil/database';
import { SAEIL_MODULES } from '@saeil/app';
import { CentersDirectory, StatisticsQueries } from '@saeil/statistics';
import { KpiAchievements } from '../libs/kpi/src/queries/kpi-achievement/kpi-achievements';
import { ReportGenerator } from '../libs/reports/src/report/report-generator';
import { RetentionStatisticsHandler } from '../libs/statistics/src/queries/retention-statistics/retention-statistics.handler';
import { RetentionStatisticsQuery } from '../libs/statistics/src/queries/retention-statistics/retention-statistics.query';
import { EmploymentStatisticsHandler } from '../libs/statistics/src/queries/employment-statistics/employment-statistics.handler';
import { EmploymentStatisticsQuery } from '../libs/statistics/src/queries/employment-statistics/employment-statistics.query';
import { ActivityStatisticsHandler } from '../libs/statistics/src/queries/activity-statistics/activity-statistics.handler';
import { ActivityStatisticsQuery } from '../libs/statistics/src/queries/activity-statistics/activity-statistics.query';
import type { StatisticsReadConsistency } from '../libs/statistics/src/queries/read-consistency';
import { closedLoop, LoadResult } from './support/load';

/**
 * The statistics reads of issue 17 in process (no HTTP, no login): each by 4 callers for
 * `--seconds`, first counted from the facts (the path every read took before the aggregates, and
 * still an asOfPosition's), then from the aggregates. Needs a seeded database whose statistics
 * are projected (`npm run seed:synthetic`, then `npm run projections:rebuild -- statistics`):
 *
 *   DATABASE_URL=postgres://…/saeil_stats npx ts-node --transpile-only -r tsconfig-paths/register bench/statistics-reads.ts
 */
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, only: { type: 'string' } } });
const SECONDS = Number(values.seconds);
const AS_OF = '2026-11-20';
const PERIOD = { from: '2025-11-21', to: AS_OF };
const QUARTER = '2026-Q3';

async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = createDataSource(config.DATABASE_URL!, SAEIL_MODULES.flatMap((m) => m.migrations), 10);
  await dataSource.initialize();
  await migrate(dataSource);
  const directory = CentersDirectory.load(config.SAEIL_CENTERS_FILE);
  const statistics = new StatisticsQueries(dataSource, directory, config);
  const kpi = new KpiAchievements(dataSource, config, { today: () => AS_OF }, statistics);
  const reports = new ReportGenerator(config, statistics, kpi);
  // No read here asks for minPosition, so the consistency wait is never reached.
  const noWait = { await: async () => undefined } as unknown as StatisticsReadConsistency;
  const retention = new RetentionStatisticsHandler(statistics, noWait, config);
  const employment = new EmploymentStatisticsHandler(statistics, noWait, config);
  const activity = new ActivityStatisticsHandler(statistics, noWait, config);
  const [{ center_id: busiest }] = await dataSource.query(`SELECT center_id FROM rm_stat_placements GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
  const nation = { level: 'nation' as const, ...PERIOD };
  const center = { level: 'center' as const, id: busiest as string, ...PERIOD };

  const reads: { name: string; run: () => Promise<unknown> }[] = [
    { name: 'retention, national rollup by 시·도', run: () => retention.execute(new RetentionStatisticsQuery({ ...nation, by: 'region' }, 'suppressed')) },
    { name: 'retention, national by placement month', run: () => retention.execute(new RetentionStatisticsQuery({ ...nation, by: 'placementMonth' }, 'suppressed')) },
    { name: 'employment, national rollup by 시·도', run: () => employment.execute(new EmploymentStatisticsQuery({ ...nation, by: 'region' }, 'suppressed')) },
    { name: 'activity, national rollup by 시·도', run: () => activity.execute(new ActivityStatisticsQuery({ ...nation, by: 'region' }, 'suppressed')) },
    { name: `Ministry report preview, nation ${QUARTER}`, run: () => reports.generate({ level: 'nation' }, QUARTER) },
    { name: 'retention, one center', run: () => retention.execute(new RetentionStatisticsQuery({ ...center }, 'exact')) },
    { name: 'employment, one center', run: () => employment.execute(new EmploymentStatisticsQuery({ ...center }, 'exact')) },
    { name: `Ministry report preview, one center ${QUARTER}`, run: () => reports.generateWithExact({ level: 'center', scopeId: busiest }, QUARTER) },
  ].filter((r) => !values.only || r.name.includes(values.only));

  const [{ events }] = await dataSource.query(`SELECT count(*)::int AS events FROM events`);
  const [{ clients }] = await dataSource.query(`SELECT count(*)::int AS clients FROM rm_stat_clients`);
  console.log(`${clients} clients, ${events} events; busiest center ${busiest}; period ${PERIOD.from} … ${PERIOD.to}; ${SECONDS} s per read, 4 callers`);
  const results: Record<string, Record<string, LoadResult>> = {};
  for (const mode of ['facts', 'aggregates'] as const) {
    statistics.readAggregates = mode === 'aggregates';
    for (const read of reads) {
      await read.run(); // warm-up
      const result = await closedLoop(4, SECONDS, async () => {
        await read.run();
        return undefined;
      });
      (results[read.name] ??= {})[mode] = result;
      console.log(`${mode.padEnd(10)} ${read.name}: ${result.perSecond} req/s, p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms ${Object.keys(result.failed).length ? JSON.stringify(result.failed) : ''}`);
    }
  }
  console.log('\n| read (4 callers) | facts p50 ms | facts p95 ms | aggregates p50 ms | aggregates p95 ms |\n| --- | ---: | ---: | ---: | ---: |');
  for (const [name, r] of Object.entries(results)) {
    console.log(`| ${name} | ${r.facts?.latencyMs.p50} | ${r.facts?.latencyMs.p95} | ${r.aggregates?.latencyMs.p50} | ${r.aggregates?.latencyMs.p95} |`);
  }
  await dataSource.destroy();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
