import { EVENT_CONTRACTS, EventContract } from '@saeil/contracts';

/** Payload fields that name the clients an event is about. */
const SINGLE = 'clientId';
const LISTS = ['attendeeClientIds', 'registeredClientIds'];

function mentionsClients(contract: EventContract): boolean {
  const properties = contract.payload.properties ?? {};
  return SINGLE in properties || LISTS.some((field) => field in properties);
}

/** Every published event type that concerns one or more clients (and so belongs in timelines). */
export function clientEventTypes(contracts: EventContract[] = EVENT_CONTRACTS): string[] {
  return contracts.filter(mentionsClients).map((c) => c.type);
}

/** The clients one event is about, without repeats. */
export function clientIdsOf(data: Record<string, unknown>): string[] {
  const ids: string[] = [];
  if (typeof data[SINGLE] === 'string') ids.push(data[SINGLE] as string);
  for (const field of LISTS) {
    const list = data[field];
    if (Array.isArray(list)) ids.push(...list.filter((v): v is string => typeof v === 'string'));
  }
  return [...new Set(ids)];
}
