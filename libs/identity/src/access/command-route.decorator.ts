import { applyDecorators, SetMetadata } from '@nestjs/common';
import type { CommandDefinition } from '@saeil/runtime';
import type { Role } from '../domain/roles';
import { RecordKind, ScopedRecords } from './record-scope';
import { Roles } from './roles.decorator';

/** The CommandDefinition a route serves, kept on it so tests (the fuzz) can find the DTO both doors validate. */
export const COMMAND_DEFINITION_KEY = 'saeil:command-definition';

/**
 * The HTTP route of a command takes who may send it from the command's definition (`access`),
 * the same declaration the Kafka command topic checks: `@CommandRoute(registerClient)`.
 */
export function CommandRoute(definition: Pick<CommandDefinition, 'access'>): ClassDecorator & MethodDecorator {
  const records = (definition.access.records ?? []).map((r) => ({ kind: r.kind as RecordKind, field: r.field, enrolledIn: r.enrolledIn }));
  return applyDecorators(Roles(...(definition.access.roles as Role[])), ScopedRecords(...records), SetMetadata(COMMAND_DEFINITION_KEY, definition));
}
