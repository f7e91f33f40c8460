import { Client } from 'pg';
import type { Logger } from 'pino';
import { isServerShutdown } from '@saeil/database';

/** The channel erasures are announced on; the payload is the client id. */
export const ERASURE_CHANNEL = 'saeil_privacy_erasure';

export interface ErasureListenerHandlers {
  /** A client was erased (possibly by another process). */
  erased(clientId: string): void;
  /** Connected or reconnected: announcements may have been missed meanwhile. */
  connected(): void;
  /** The connection is gone: until `connected`, nothing can be trusted to be announced. */
  disconnected(): void;
}

/**
 * LISTEN on the erasure channel, on a connection of its own. Not libs/database's Notifications:
 * that one wakes followers without a payload and does not tell when it was disconnected, and here
 * both matter — the vault evicts one client by name, and while this connection is down it stops
 * trusting its cache altogether (see PrivacyVault).
 */
export class ErasureListener {
  private client?: Client;
  private stopped = false;
  private reconnectTimer?: NodeJS.Timeout;

  constructor(
    private readonly url: string,
    private readonly handlers: ErasureListenerHandlers,
    private readonly logger?: Pick<Logger, 'warn' | 'info'>,
    private readonly reconnectMs = 1000,
  ) {}

  get listening(): boolean {
    return !!this.client;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect().catch((error) => {
      this.logger?.warn(
        { err: error },
        'privacy: erasure LISTEN connection failed; data keys are not cached until it is back',
      );
      this.scheduleReconnect();
    });
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.url, application_name: 'saeil-privacy-listen' });
    client.on('notification', (message) => {
      if (message.channel === ERASURE_CHANNEL && message.payload) this.handlers.erased(message.payload);
    });
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      this.handlers.disconnected();
      if (this.stopped) {
        // our own stop: nothing to say
      } else if (isServerShutdown(error)) {
        this.logger?.info(
          { code: (error as { code?: string }).code },
          'privacy: PostgreSQL is shutting down; data keys are not cached until the erasure LISTEN is back',
        );
      } else {
        this.logger?.warn(
          { err: error },
          'privacy: erasure LISTEN connection lost; data keys are not cached until it is back',
        );
      }
      client.end().catch(() => undefined);
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    await client.connect();
    await client.query(`LISTEN ${ERASURE_CHANNEL}`);
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.handlers.connected();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (!this.stopped) this.connect().catch(() => this.scheduleReconnect());
    }, this.reconnectMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
