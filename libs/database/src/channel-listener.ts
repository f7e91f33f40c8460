import { Client } from 'pg';
import type { Logger } from 'pino';
import { isServerShutdown } from './waker';

export interface ChannelListenerHandlers {
  /** A notification on the channel (its payload, '' when it has none). */
  message(payload: string): void;
  /** Connected or reconnected: notifications may have been missed meanwhile. */
  connected(): void;
  /** The connection is gone (or stopped answering): until `connected`, nothing can be trusted to be announced. */
  disconnected(): void;
}

export interface ChannelListenerOptions {
  /** The connection's application_name (how it shows in pg_stat_activity). */
  applicationName: string;
  /** Words for the log lines: what is not trusted while the connection is down. */
  whileDown: string;
  logger?: Pick<Logger, 'warn' | 'info'>;
  reconnectMs?: number;
  /**
   * How often the connection is asked to answer (`SELECT 1`); one that does not answer within the
   * same time is taken as lost. A connection cut without a reset (a dead network path) says nothing
   * on its own, and a listener that believed it was still hearing would trust what it caches.
   */
  heartbeatMs?: number;
}

/**
 * LISTEN on one channel, on a connection of its own, for a cache that is correct only while it
 * hears every change: it tells when it was connected (anything may have been missed before) and
 * when the connection was lost or stopped answering, so its owner stops trusting what it holds.
 * Not `Notifications`: that one wakes followers that also poll, so a lost connection costs them a
 * polling interval; here a missed notification would be a stale answer.
 */
export class ChannelListener {
  private client?: Client;
  private stopped = false;
  private reconnectTimer?: NodeJS.Timeout;
  private heartbeatTimer?: NodeJS.Timeout;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly handlers: ChannelListenerHandlers,
    private readonly options: ChannelListenerOptions,
  ) {}

  get listening(): boolean {
    return !!this.client;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect().catch((error) => {
      this.options.logger?.warn(
        { err: error },
        `LISTEN ${this.channel} failed; ${this.options.whileDown} until it is back`,
      );
      this.scheduleReconnect();
    });
  }

  private async connect(): Promise<void> {
    // keepAlive: a peer that vanished is found out by TCP too, not only by the heartbeat.
    const client = new Client({
      connectionString: this.url,
      application_name: this.options.applicationName,
      keepAlive: true,
    });
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.handlers.message(message.payload ?? '');
    });
    const lost = (error?: Error) => this.lose(client, error);
    client.on('error', lost);
    client.on('end', () => lost());
    await client.connect();
    await client.query(`LISTEN ${this.channel}`);
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.handlers.connected();
    this.scheduleHeartbeat(client);
  }

  private lose(client: Client, error?: Error): void {
    if (this.client !== client) return;
    this.client = undefined;
    if (this.heartbeatTimer) clearTimeout(this.heartbeatTimer);
    this.handlers.disconnected();
    if (this.stopped) {
      // our own stop: nothing to say
    } else if (isServerShutdown(error)) {
      this.options.logger?.info(
        { code: (error as { code?: string }).code },
        `PostgreSQL is shutting down; ${this.options.whileDown} until LISTEN ${this.channel} is back`,
      );
    } else {
      this.options.logger?.warn(
        { err: error },
        `LISTEN ${this.channel} connection lost; ${this.options.whileDown} until it is back`,
      );
    }
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleHeartbeat(client: Client): void {
    const every = this.options.heartbeatMs;
    if (!every) return;
    this.heartbeatTimer = setTimeout(() => {
      if (this.client !== client) return;
      let timeout: NodeJS.Timeout | undefined;
      const unanswered = new Promise<never>((_, reject) => {
        timeout = setTimeout(() => reject(new Error(`LISTEN connection did not answer within ${every} ms`)), every);
      });
      Promise.race([client.query('SELECT 1'), unanswered]).then(
        () => {
          clearTimeout(timeout);
          if (this.client === client) this.scheduleHeartbeat(client);
        },
        (error: Error) => {
          clearTimeout(timeout);
          this.lose(client, error);
        },
      );
    }, every);
    this.heartbeatTimer.unref();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (!this.stopped) this.connect().catch(() => this.scheduleReconnect());
    }, this.options.reconnectMs ?? 1000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.heartbeatTimer) clearTimeout(this.heartbeatTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
