import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ValidationFailed } from './errors/domain-errors';
import { validateDto } from './http/validation';

/**
 * A JSON configuration file read once at start (centers directory, startup-support budget…):
 * anything wrong stops the start with the file and the field named, e.g.
 * `config/centers.json: centers.center-naju.region: region must be one of …`.
 */
export class JsonConfigFile {
  readonly content: unknown;

  /** `what` names the file's role in the message when it cannot be read or parsed. */
  constructor(
    readonly file: string,
    what: string,
  ) {
    try {
      this.content = JSON.parse(readFileSync(path.resolve(file), 'utf8'));
    } catch (error) {
      throw new Error(`${file}: cannot read the ${what} (${(error as Error).message})`, { cause: error });
    }
  }

  fail(field: string, message: string): never {
    throw new Error(`${this.file}: ${field}: ${message}`);
  }

  /** `value` checked against a class-validator class; the first bad field stops the start. */
  check<T extends object>(cls: new () => T, value: unknown, prefix = ''): T {
    if (!value || typeof value !== 'object' || Array.isArray(value))
      return this.fail(prefix ? prefix.slice(0, -1) : '(file)', 'must be an object');
    try {
      return validateDto(cls, value);
    } catch (error) {
      if (!(error instanceof ValidationFailed)) throw error;
      const [first] = error.fields;
      return this.fail(`${prefix}${first.field}`, first.message);
    }
  }
}
