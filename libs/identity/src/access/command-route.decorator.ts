import { applyDecorators } from '@nestjs/common';
import { ApiErrors } from '@saeil/core';
import type { CommandDefinition } from '@saeil/runtime';
import type { Role } from '../domain/roles';
import { RecordKind, ScopedRecords } from './record-scope';
import { Roles } from './roles.decorator';

/**
 * The HTTP route of a command takes who may send it from the command's definition (`access`),
 * the same declaration the Kafka command topic checks: `@CommandRoute(registerClient)`. Its
 * OpenAPI errors come with it: every command can meet a version conflict (409) and a rule (422);
 * its success body is the route's `@ApiAnswer(ResultClass)`.
 */
export function CommandRoute(definition: Pick<CommandDefinition, 'access'>): ClassDecorator & MethodDecorator {
  const records = (definition.access.records ?? []).map((r) => ({ kind: r.kind as RecordKind, field: r.field, enrolledIn: r.enrolledIn }));
  return applyDecorators(Roles(...(definition.access.roles as Role[])), ScopedRecords(...records), ApiErrors(409, 422));
}
