import 'reflect-metadata';
import { loadConfig } from '@saeil/config';
import { createDataSource } from '@saeil/database';
import { AGGREGATE_TABLES, fillAggregatesFromFacts } from '../libs/statistics/src/projections/statistics-aggregates';
/**
 * Checks a database's statistics aggregates, as the projection kept them event by event, against
 * the same aggregates computed at once from its fact tables (the migration's fill), into scratch
 * tables `<table>_chk` that it drops afterwards. Prints the rows found on one side only: 0 and 0
 * when they agree. Read-only for the live tables.
 *
 *   DATABASE_URL=postgres://…/saeil_stats npx ts-node --transpile-only -r tsconfig-paths/register bench/statistics-aggregates-check.ts
 */
async function main() {
  const config = loadConfig();
  const ds = createDataSource(config.DATABASE_URL!, [], 2);
  await ds.initialize();
  for (const t of AGGREGATE_TABLES) { await ds.query(`DROP TABLE IF EXISTS ${t}_chk`); await ds.query(`CREATE TABLE ${t}_chk (LIKE ${t} INCLUDING ALL)`); }
  const t0 = performance.now();
  await fillAggregatesFromFacts((text, params) => ds.query(text, params), (n) => (AGGREGATE_TABLES.includes(n) ? `${n}_chk` : n));
  console.log('fill ms', (performance.now() - t0).toFixed(0));
  const nonEmpty: Record<string, string> = { rm_stat_agg_counts: `counts <> '{}'::jsonb`, rm_stat_agg_retention: 'eligible <> 0', rm_stat_placement_repeats: 'true', rm_stat_support_repeats: 'true' };
  for (const t of AGGREGATE_TABLES) {
    const [{ a }] = await ds.query(`SELECT count(*)::int AS a FROM (SELECT * FROM ${t} WHERE ${nonEmpty[t]} EXCEPT SELECT * FROM ${t}_chk) x`);
    const [{ b }] = await ds.query(`SELECT count(*)::int AS b FROM (SELECT * FROM ${t}_chk EXCEPT SELECT * FROM ${t} WHERE ${nonEmpty[t]}) x`);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM ${t}_chk`);
    console.log(t, 'rows', n, 'only incremental', a, 'only filled', b);
    await ds.query(`DROP TABLE ${t}_chk`);
  }
  await ds.destroy();
}
main();
