import { DataSource, EntityManager } from 'typeorm';

/** The part of a TypeORM query runner/manager the platform uses: plain parameterised SQL. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export function sqlOf(target: DataSource | EntityManager): Sql {
  return { query: (text, params) => target.query(text, params) };
}

/** Quotes an identifier we built ourselves (table names of projections). */
export function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe identifier ${name}`);
  return `"${name}"`;
}
