/**
 * Old events stay as they were written; readers see the current shape. An upcaster lifts one
 * event type from schema version `from` to `from + 1`; chains run in order on every read.
 */
export type Upcast = (data: Record<string, unknown>) => Record<string, unknown>;

export class UpcasterRegistry {
  private readonly steps = new Map<string, Map<number, Upcast>>();

  register(type: string, from: number, upcast: Upcast): this {
    const forType = this.steps.get(type) ?? new Map<number, Upcast>();
    if (forType.has(from)) throw new Error(`upcaster for ${type} v${from} registered twice`);
    forType.set(from, upcast);
    this.steps.set(type, forType);
    return this;
  }

  /** The version new events of this type are written with. */
  currentVersion(type: string): number {
    const forType = this.steps.get(type);
    return forType && forType.size > 0 ? Math.max(...forType.keys()) + 1 : 1;
  }

  upcast(
    type: string,
    schemaVersion: number,
    data: Record<string, unknown>,
  ): { schemaVersion: number; data: Record<string, unknown> } {
    const forType = this.steps.get(type);
    let version = schemaVersion;
    let current = data;
    for (let step = forType?.get(version); step; step = forType?.get(version)) {
      current = step(current);
      version += 1;
    }
    return { schemaVersion: version, data: current };
  }
}
