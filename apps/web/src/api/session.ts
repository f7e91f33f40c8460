/**
 * Her session in the browser. The access token lives in this module's memory only (never
 * localStorage or sessionStorage: no personal data or token in browser storage); the refresh
 * token is an httpOnly cookie the API sets on /auth, which script cannot read. A reload loses
 * the access token and `restore()` trades the cookie for a new one.
 *
 * Refresh tokens are single-use: two refreshes at once would spend the same token twice and
 * the API would end the whole login (REFRESH_TOKEN_REUSED). So there is one refresh at a time,
 * and every request that needs a token while it runs waits for it.
 */
export interface Principal {
  accountId: string;
  username: string;
  displayName: string;
  role: 'counselor' | 'supervisor' | 'regional_supervisor' | 'ministry_analyst' | 'administrator';
  centerId?: string;
  region?: string;
}

interface TokenAnswer {
  accessToken: string;
  expiresIn: number;
}

export class LoginRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

type Listener = () => void;

export class SessionStore {
  private accessToken: string | null = null;
  private current: Principal | null = null;
  private refreshing: Promise<string | null> | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly expiredListeners = new Set<Listener>();

  constructor(
    private readonly baseUrl = '',
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  get principal(): Principal | null {
    return this.current;
  }

  get token(): string | null {
    return this.accessToken;
  }

  /** Resolves when no refresh is running (at once when none is). */
  async settled(): Promise<void> {
    if (this.refreshing) await this.refreshing;
  }

  async login(username: string, password: string): Promise<Principal> {
    const response = await this.post('/auth/login', { username, password, cookie: true });
    if (!response.ok) throw await refusal(response);
    await this.accept((await response.json()) as TokenAnswer);
    return this.current!;
  }

  /** One refresh at a time: a second caller gets the refresh already under way. Null: no session. */
  refresh(): Promise<string | null> {
    if (!this.refreshing) {
      this.refreshing = this.doRefresh().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  /** On start: a session from the cookie, if she still has one. */
  async restore(): Promise<Principal | null> {
    if (this.current) return this.current;
    await this.refresh();
    return this.current;
  }

  async logout(): Promise<void> {
    this.clear();
    await this.post('/auth/logout', { cookie: true }).catch(() => undefined);
    this.emit();
  }

  /** A request was refused for want of a session and refreshing did not bring one back. */
  expire(): void {
    const had = this.current !== null;
    this.clear();
    this.emit();
    if (had) for (const listener of this.expiredListeners) listener();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onExpired(listener: Listener): () => void {
    this.expiredListeners.add(listener);
    return () => this.expiredListeners.delete(listener);
  }

  private async doRefresh(): Promise<string | null> {
    let response: Response;
    try {
      response = await this.post('/auth/refresh', { cookie: true });
    } catch {
      return null; // offline: keep what she has, the next request tries again
    }
    if (!response.ok) {
      // Read the refusal's body: an unread one keeps the request open in the browser (never "network idle").
      await response.text().catch(() => undefined);
      this.expire();
      return null;
    }
    await this.accept((await response.json()) as TokenAnswer);
    return this.accessToken;
  }

  private async accept(answer: TokenAnswer): Promise<void> {
    this.accessToken = answer.accessToken;
    if (!this.current) {
      const me = await this.fetchImpl(`${this.baseUrl}/auth/me`, {
        headers: { Authorization: `Bearer ${answer.accessToken}` },
      });
      if (!me.ok)
        throw new LoginRefused(
          me.status,
          'AUTHENTICATION_REQUIRED',
          '로그인 정보를 확인하지 못했습니다. 다시 로그인하세요.',
        );
      this.current = (await me.json()) as Principal;
    }
    this.emit();
  }

  private clear(): void {
    this.accessToken = null;
    this.current = null;
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  private post(path: string, body: object): Promise<Response> {
    return this.fetchImpl(`${this.baseUrl}${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }
}

async function refusal(response: Response): Promise<LoginRefused> {
  const body = (await response.json().catch(() => ({}))) as {
    error?: { code?: string; message?: string; retryAfterSeconds?: number };
  };
  const retryAfter = Number(response.headers.get('Retry-After')) || body.error?.retryAfterSeconds;
  const message =
    body.error?.message ??
    (response.status === 429
      ? '요청이 너무 많습니다. 잠시 후 다시 시도하세요.'
      : '로그인하지 못했습니다. 잠시 후 다시 시도하세요.');
  return new LoginRefused(response.status, body.error?.code ?? `HTTP_${response.status}`, message, retryAfter);
}

export const session = new SessionStore();
