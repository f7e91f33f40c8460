/** A domain event as deciders produce it: a plain object with an explicit `type`. */
export interface DomainEvent<T extends string = string, D extends object = object> {
  type: T;
  data: D;
}

/**
 * Pure domain logic: `decide(command, state) → events`, `evolve(state, event) → state`. It lives
 * in the core, not the event store, so a domain folder depends on nothing that stores anything.
 */
export interface Decider<C, S, E extends DomainEvent> {
  initialState(): S;
  evolve(state: S, event: E): S;
  decide(command: C, state: S): E[];
}
