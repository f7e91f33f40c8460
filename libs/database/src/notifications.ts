import { Client } from 'pg';
import type { Logger } from 'pino';
import { isServerShutdown } from './waker';

/**
 * One LISTEN connection per process. Followers (relay, projections) register a wake-up
 * callback; they also poll, so a lost notification or a dropped connection only costs the
 * polling interval, never an event.
 */
export class Notifications {
  private client?: Client;
  private readonly callbacks = new Set<() => void>();
  private stopped = false;
  private reconnectTimer?: NodeJS.Timeout;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly logger?: Logger,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect().catch((error) => {
      this.logger?.warn({ err: error }, 'LISTEN connection failed; followers fall back to polling');
      this.scheduleReconnect();
    });
  }

  subscribe(callback: () => void): () => void {
    this.callbacks.add(callback);
    return () => this.callbacks.delete(callback);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.url, application_name: 'saeil-listen' });
    client.on('notification', () => this.callbacks.forEach((cb) => cb()));
    client.on('error', (error) => {
      if (this.stopped) {
        // our own stop: nothing to say
      } else if (isServerShutdown(error)) {
        this.logger?.info(
          { code: (error as { code?: string }).code },
          'PostgreSQL is shutting down; LISTEN reconnects when it is back',
        );
      } else {
        this.logger?.warn({ err: error }, 'LISTEN connection lost; reconnecting');
      }
      this.client = undefined;
      client.end().catch(() => undefined);
      this.scheduleReconnect();
    });
    await client.connect();
    await client.query(`LISTEN ${this.channel}`);
    this.client = client;
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (!this.stopped) this.connect().catch(() => this.scheduleReconnect());
    }, 1000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}

/**
 * A session-level advisory lock held on a dedicated connection: whoever holds it is the one
 * process doing a job that must not run twice (the outbox relay, the follow-up scheduler).
 * If the connection dies, PostgreSQL releases the lock and another process takes over.
 */
export class LeaderLock {
  private client?: Client;

  constructor(
    private readonly url: string,
    private readonly key: number,
  ) {}

  get held(): boolean {
    return !!this.client;
  }

  async tryAcquire(): Promise<boolean> {
    if (this.client) return true;
    const client = new Client({ connectionString: this.url, application_name: `saeil-leader-${this.key}` });
    client.on('error', () => {
      if (this.client === client) this.client = undefined;
    });
    try {
      await client.connect();
      const { rows } = await client.query('SELECT pg_try_advisory_lock($1) AS ok', [this.key]);
      if (rows[0].ok) {
        this.client = client;
        return true;
      }
    } catch {
      // Database unreachable: not the leader now; the caller tries again later.
    }
    await client.end().catch(() => undefined);
    return false;
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
