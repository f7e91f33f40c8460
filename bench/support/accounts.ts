import { Caller, tokenFor } from '../../tests/support/auth';

const keyOf = (caller: Caller) => `${caller.role}|${caller.centerId ?? ''}|${caller.region ?? ''}|${caller.name ?? ''}`;

/**
 * The bench calls the api as the people who would, each with her bearer token: every route needs
 * one, and a counselor or supervisor reaches only her own center's records, so the load on the
 * seeded centers is sent by a counselor of each. The accounts are created through the
 * administrator the processes start with (tests/support/auth.ts, as in the tests) and logged in
 * before a measured step, never inside one: the figures are of the commands and queries, not of
 * argon2. Tokens live 15 minutes; `ready` before each step renews those older than 10.
 */
export class BenchAccounts {
  private readonly headers = new Map<string, Record<string, string>>();

  constructor(private readonly url: string) {}

  /** Logs every caller in (her account created the first time), a few at a time. */
  async ready(callers: Caller[], parallel = 8): Promise<void> {
    const unique = [...new Map(callers.map((c) => [keyOf(c), c])).values()];
    for (let i = 0; i < unique.length; i += parallel) {
      await Promise.all(
        unique.slice(i, i + parallel).map(async (caller) => {
          this.headers.set(keyOf(caller), { authorization: `Bearer ${await tokenFor(this.url, caller)}` });
        }),
      );
    }
  }

  /** The Authorization header of a caller made ready before. */
  of(caller: Caller): Record<string, string> {
    const headers = this.headers.get(keyOf(caller));
    if (!headers) throw new Error(`not logged in: ${keyOf(caller)} (call ready() before the step)`);
    return headers;
  }
}
