import { Injectable } from '@nestjs/common';
import { CommandAuthorizer, CommandCaller, type CommandDefinition } from '@saeil/runtime';
import { AccessDenied, AuthenticationRequired } from '../principal/auth-errors';
import { AccessTokenVerifier } from '../principal/principal';
import { AccessResolver } from './access-resolver';
import type { RecordKind } from './record-scope';

/**
 * The Kafka command topic's door keeper: a command message carries the access token of the
 * account it acts for (an integration logs in like anyone), and passes the same checks as the
 * command's HTTP route — a valid token (401), a role its definition admits (403), and every record
 * its DTO names within her reach (404). The recorded actor is that account, whatever the message
 * states.
 */
@Injectable()
export class TokenCommandAuthorizer extends CommandAuthorizer {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly resolver: AccessResolver,
  ) {
    super();
  }

  async authenticate(token: string | undefined, definition: CommandDefinition): Promise<CommandCaller> {
    if (!token) throw new AuthenticationRequired();
    const principal = await this.verifier.verify(token);
    if (!definition.access.roles.includes(principal.role)) throw new AccessDenied();
    const access = this.resolver.accessOf(principal);
    return {
      actorId: access.actorId,
      coversCenter: access.coversCenter,
      coversLevel: access.coversLevel,
      answersFor: access.answersFor,
      requireReference: access.requireReference,
      reaches: async (dto) => {
        const fields = dto as Record<string, unknown>;
        for (const ref of definition.access.records ?? []) {
          await this.resolver.requireRecords(
            access,
            ref.kind as RecordKind,
            fields[ref.field],
            ref.enrolledIn === undefined ? undefined : fields[ref.enrolledIn],
            ref.field,
          );
        }
      },
    };
  }
}
