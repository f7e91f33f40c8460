import type { SaeilModuleDefinition } from '@saeil/runtime';
import { intakeModule } from '@saeil/intake';

/** The bounded contexts this build of Saeil runs. Add a module here to wire it everywhere. */
export const SAEIL_MODULES: SaeilModuleDefinition[] = [intakeModule];
