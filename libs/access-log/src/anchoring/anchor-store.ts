import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { MessageBus } from '@saeil/messaging';
import type { Anchor } from '../domain/anchors';

/** Where anchors are kept, outside the database: appended, and read back whole for verification. */
export interface AnchorStore {
  /** Said in logs and answers: `kafka topic …` or `file …`. */
  readonly where: string;
  append(anchor: Anchor): Promise<void>;
  /** Every record as stored (parsed JSON, or the raw text of a line that is not JSON). */
  readAll(): Promise<unknown[]>;
}

/** JSON lines in a file of the data directory (owner-only), synced after each append. */
export class FileAnchorStore implements AnchorStore {
  constructor(private readonly path: string) {}

  get where(): string {
    return `file ${this.path}`;
  }

  async append(anchor: Anchor): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    const file = await open(this.path, 'a', 0o600);
    try {
      await file.appendFile(`${JSON.stringify(anchor)}\n`);
      await file.sync();
    } finally {
      await file.close();
    }
  }

  async readAll(): Promise<unknown[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map(parseOrRaw);
  }
}

/** One partition of a topic kept forever; read back from its first offset without a consumer group. */
export class KafkaAnchorStore implements AnchorStore {
  private ensured?: Promise<void>;

  constructor(
    private readonly bus: MessageBus,
    private readonly topic: string,
  ) {}

  get where(): string {
    return `kafka topic ${this.topic}`;
  }

  /** Creates the topic (once per process): one partition, no time or size limit on what it keeps. */
  ensureTopic(): Promise<void> {
    this.ensured ??= this.bus
      .ensureTopics([{ topic: this.topic, partitions: 1, config: { 'retention.ms': '-1', 'retention.bytes': '-1' } }])
      .catch((error) => {
        this.ensured = undefined;
        throw error;
      });
    return this.ensured;
  }

  async append(anchor: Anchor): Promise<void> {
    await this.ensureTopic();
    await this.bus.publish([{ topic: this.topic, key: 'access-log', value: JSON.stringify(anchor), headers: {} }]);
  }

  async readAll(): Promise<unknown[]> {
    await this.ensureTopic();
    const offsets = await this.bus.partitionOffsets([this.topic]);
    const ranges = offsets
      .filter((o) => o.high > o.low)
      .map((o) => ({ topic: o.topic, partition: o.partition, from: o.low, to: o.high }));
    if (ranges.length === 0) return [];
    return (await this.bus.readRanges(ranges)).map((m) => parseOrRaw(m.value ?? ''));
  }
}

function parseOrRaw(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
