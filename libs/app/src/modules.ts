import type { SaeilModuleDefinition } from '@saeil/runtime';
import { intakeModule } from '@saeil/intake';
import { counselingModule } from '@saeil/counseling';
import { trainingModule } from '@saeil/training';
import { internshipModule } from '@saeil/internship';
import { placementModule } from '@saeil/placement';
import { employersModule } from '@saeil/employers';
import { caseViewsModule } from '@saeil/case-views';
import { identityModule } from '@saeil/identity';
import { privacyModule } from '@saeil/privacy';
import { programsModule } from '@saeil/programs';
import { kpiModule } from '@saeil/kpi';
import { retentionModule } from '@saeil/retention';
import { statisticsModule } from '@saeil/statistics';
import { reportsModule } from '@saeil/reports';
import { accessLogModule } from '@saeil/access-log';

/** The bounded contexts this build of Saeil runs. Add a module here to wire it everywhere. */
export const SAEIL_MODULES: SaeilModuleDefinition[] = [identityModule, privacyModule, intakeModule, counselingModule, trainingModule, internshipModule, placementModule, employersModule, caseViewsModule, programsModule, kpiModule, retentionModule, statisticsModule, reportsModule, accessLogModule];
