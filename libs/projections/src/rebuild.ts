import type { Logger } from 'pino';
import { DataSource, QueryRunner } from 'typeorm';
import { EventStore, readCheckpoint, writeCheckpoint } from '@saeil/event-store';
import { ident } from '@saeil/database';
import { checkpointName, physicalTable, positionsKey, Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

export interface RebuildReport {
  projection: string;
  events: number;
  ms: number;
}

/**
 * Rebuilds a read model from position zero while the system keeps running:
 * 1. fill shadow tables (`<table>__rebuild`) from the event store, outside any lock;
 * 2. take the projection's advisory lock (live appliers wait), apply the last few events,
 *    swap the shadow tables in, move the shadow's checkpoint and stream positions to the live
 *    names — all in one transaction, so readers see either the old or the new model.
 */
export class ProjectionRebuilder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly logger: Logger,
    private readonly options: { batchSize: number; maxAttempts: number },
  ) {}

  async rebuild(projection: Projection): Promise<RebuildReport> {
    // A reactor (libs/runtime/src/reactor.ts) owns no tables: replaying it from zero would issue
    // every command again. Its place in the events is its checkpoint, which a rebuild never moves.
    if (projection.tables.length === 0)
      throw new Error(`${projection.name} owns no tables: it is a reactor and is never rebuilt`);
    const started = Date.now();
    const shadow = new ProjectionRunner(projection, 'rebuild', this.options.maxAttempts);
    await this.prepareShadow(projection);
    let events = 0;
    for (;;) {
      const read = await this.inTransaction((q) => this.applyNext(shadow, q));
      events += read;
      if (read < this.options.batchSize) break;
      if (events % (this.options.batchSize * 20) === 0)
        this.logger.info({ projection: projection.name, events }, 'rebuild progress');
    }
    await this.inTransaction(async (q) => {
      await shadow.lock(q);
      let read: number;
      do {
        read = await this.applyNext(shadow, q);
        events += read;
      } while (read === this.options.batchSize);
      await this.switchOver(projection, q);
    });
    const report = { projection: projection.name, events, ms: Date.now() - started };
    this.logger.info(report, 'projection rebuilt and switched over');
    return report;
  }

  private async applyNext(shadow: ProjectionRunner, q: QueryRunner): Promise<number> {
    const name = checkpointName(shadow.projection.name, 'rebuild');
    const checkpoint = await readCheckpoint(q, name);
    const batch = await this.store.readAll(checkpoint, this.options.batchSize, q);
    if (batch.length === 0) return 0;
    await shadow.applyBatch(q, batch, false, 'rebuild');
    const last = batch[batch.length - 1];
    await writeCheckpoint(q, name, { transactionId: last.transactionId, globalPosition: last.globalPosition });
    return batch.length;
  }

  private async prepareShadow(projection: Projection): Promise<void> {
    await this.inTransaction(async (q) => {
      for (const table of projection.tables) {
        await q.query(`DROP TABLE IF EXISTS ${ident(physicalTable(table, 'rebuild'))}`);
        await q.query(`CREATE TABLE ${ident(physicalTable(table, 'rebuild'))} (LIKE ${ident(table)} INCLUDING ALL)`);
        await this.nameShadowIndexes(q, table);
      }
      await q.query(`DELETE FROM checkpoints WHERE name = $1`, [checkpointName(projection.name, 'rebuild')]);
      await q.query(`DELETE FROM projection_stream_positions WHERE projection = $1`, [
        positionsKey(projection.name, 'rebuild'),
      ]);
      await q.query(`DELETE FROM dead_letters WHERE projection = $1`, [positionsKey(projection.name, 'rebuild')]);
    });
  }

  private async switchOver(projection: Projection, q: QueryRunner): Promise<void> {
    for (const table of projection.tables) {
      const shadowName = physicalTable(table, 'rebuild');
      await q.query(`DROP TABLE ${ident(table)}`);
      await q.query(`ALTER TABLE ${ident(shadowName)} RENAME TO ${ident(table)}`);
      const indexes: { indexname: string }[] = await q.query(`SELECT indexname FROM pg_indexes WHERE tablename = $1`, [
        table,
      ]);
      for (const { indexname } of indexes.filter((i) => i.indexname.endsWith('__rb'))) {
        await q.query(`ALTER INDEX ${ident(indexname)} RENAME TO ${ident(indexname.slice(0, -'__rb'.length))}`);
      }
    }
    const live = positionsKey(projection.name, 'live');
    const rebuilt = positionsKey(projection.name, 'rebuild');
    await q.query(`DELETE FROM projection_stream_positions WHERE projection = $1`, [live]);
    await q.query(`UPDATE projection_stream_positions SET projection = $1 WHERE projection = $2`, [live, rebuilt]);
    await q.query(`DELETE FROM dead_letters WHERE projection = $1`, [live]);
    await q.query(`UPDATE dead_letters SET projection = $1 WHERE projection = $2`, [live, rebuilt]);
    const checkpoint = await readCheckpoint(q, checkpointName(projection.name, 'rebuild'));
    await writeCheckpoint(q, checkpointName(projection.name, 'live'), checkpoint);
    await q.query(`DELETE FROM checkpoints WHERE name = $1`, [checkpointName(projection.name, 'rebuild')]);
  }

  /**
   * LIKE … INCLUDING ALL names the copied indexes after their columns; give each the live
   * index's name plus `__rb`, so the switch-over can restore the names migrations chose.
   */
  private async nameShadowIndexes(q: QueryRunner, table: string): Promise<void> {
    const shadowName = physicalTable(table, 'rebuild');
    const shape = (def: string) => def.replace(/^CREATE (UNIQUE )?INDEX \S+ ON \S+ /, '$1');
    const live: { indexname: string; indexdef: string }[] = await q.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = $1`,
      [table],
    );
    const copies: { indexname: string; indexdef: string }[] = await q.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = $1`,
      [shadowName],
    );
    for (const copy of copies) {
      const original = live.find((l) => shape(l.indexdef) === shape(copy.indexdef));
      if (original)
        await q.query(`ALTER INDEX ${ident(copy.indexname)} RENAME TO ${ident(`${original.indexname}__rb`)}`);
    }
  }

  private async inTransaction<T>(work: (q: QueryRunner) => Promise<T>): Promise<T> {
    const q = this.dataSource.createQueryRunner();
    await q.connect();
    try {
      await q.startTransaction();
      const result = await work(q);
      await q.commitTransaction();
      return result;
    } catch (error) {
      if (q.isTransactionActive) await q.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await q.release();
    }
  }
}
