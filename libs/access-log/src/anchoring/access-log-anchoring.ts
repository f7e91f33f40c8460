import { join } from 'node:path';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { SaeilConfig } from '@saeil/config';
import { type MessageBus, Topics } from '@saeil/messaging';
import { Anchor, authenticAnchor, HeadAnchor, signAnchor } from '../domain/anchors';
import { accessLogMacKey } from './mac-key';
import { AnchorStore, FileAnchorStore, KafkaAnchorStore } from './anchor-store';

export const ANCHOR_FILE = 'access-log-anchors.jsonl';

/** Without Kafka, the anchors go to `<SAEIL_DATA_DIR>/access-log/access-log-anchors.jsonl` (never inside the database's own files). */
export function anchorFilePath(dataDir: string): string {
  return join(dataDir, 'access-log', ANCHOR_FILE);
}

export interface AnchoringServices {
  config: SaeilConfig;
  dataSource: DataSource;
  bus?: MessageBus;
  logger: Pick<Logger, 'warn'>;
}

/** What the anchors say, once each record's MAC is checked. */
export interface AnchorsRead {
  heads: HeadAnchor[];
  /** Rows 1…purgedThrough were removed by the retention purge (0: none). */
  purgedThrough: number;
  /** Records that are not anchors made with this key (altered, forged, or made with another key). */
  unauthentic: number;
}

/**
 * Publishes the 접속기록's head checkpoints outside the database (the Kafka topic when Kafka is
 * configured, else a file in the data directory) and reads them back for verification.
 */
export class AccessLogAnchoring {
  private lastPublished?: string;

  constructor(
    private readonly dataSource: DataSource,
    readonly store: AnchorStore,
    private readonly key: Buffer,
  ) {}

  static create(services: AnchoringServices, nodeEnv = process.env.NODE_ENV): AccessLogAnchoring {
    const key = accessLogMacKey(services.config, nodeEnv, services.logger);
    const store = services.bus
      ? new KafkaAnchorStore(services.bus, new Topics(services.config.KAFKA_TOPIC_PREFIX).accessLogAnchors())
      : new FileAnchorStore(anchorFilePath(services.config.SAEIL_DATA_DIR));
    return new AccessLogAnchoring(services.dataSource, store, key);
  }

  /** Anchors the chain's last row, unless this process already anchored that very row (or the log is empty). */
  async publishHead(now = new Date()): Promise<HeadAnchor | undefined> {
    const [last] = await this.dataSource.query(
      `SELECT seq, hash, (SELECT count(*) FROM access_log WHERE seq BETWEEN 1 AND l.seq)::bigint AS rows
         FROM (SELECT seq, hash FROM access_log WHERE seq >= 1 ORDER BY seq DESC LIMIT 1) l`,
    );
    if (!last) return undefined;
    const published = `${last.seq}:${last.hash}`;
    if (published === this.lastPublished) return undefined;
    const anchor = signAnchor(
      { v: 1, kind: 'head', seq: Number(last.seq), hash: last.hash, rows: Number(last.rows), at: now.toISOString() },
      this.key,
    ) as HeadAnchor;
    await this.store.append(anchor);
    this.lastPublished = published;
    return anchor;
  }

  /** Said before the retention purge deletes rows 1…through, so that their absence is expected. */
  async publishPurge(through: number, removed: number, now = new Date()): Promise<Anchor> {
    const anchor = signAnchor({ v: 1, kind: 'purge', through, removed, at: now.toISOString() }, this.key);
    await this.store.append(anchor);
    return anchor;
  }

  async read(): Promise<AnchorsRead> {
    const records = await this.store.readAll();
    const heads: HeadAnchor[] = [];
    let purgedThrough = 0;
    let unauthentic = 0;
    for (const record of records) {
      const anchor = authenticAnchor(record, this.key);
      if (!anchor) unauthentic++;
      else if (anchor.kind === 'head') heads.push(anchor);
      else purgedThrough = Math.max(purgedThrough, anchor.through);
    }
    heads.sort((a, b) => a.seq - b.seq);
    return { heads, purgedThrough, unauthentic };
  }
}

const byDataSource = new WeakMap<DataSource, AccessLogAnchoring>();

/** One anchoring per database connection in a process: the worker's jobs share it (and its last published head). */
export function anchoringFor(services: AnchoringServices): AccessLogAnchoring {
  let anchoring = byDataSource.get(services.dataSource);
  if (!anchoring) {
    anchoring = AccessLogAnchoring.create(services);
    byDataSource.set(services.dataSource, anchoring);
  }
  return anchoring;
}
