import { SaeilConfig } from '@saeil/config';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { INTERNSHIP_CONTEXT } from '@saeil/contracts';
import type { SaeilModuleDefinition } from '@saeil/runtime';
import {
  INTERNSHIP_SUBSIDIES,
  loadInternshipSubsidies,
  INTERNSHIP_SUBSIDIES_FILE_ENV,
} from './config/internship-subsidies.config';
import { ActiveInternships1732240450000 } from './migrations/1732240450000-active-internships';
import { StartInternshipController } from './commands/start-internship/start-internship.controller';
import { StartInternshipHandler } from './commands/start-internship/start-internship.handler';
import { startInternship } from './commands/start-internship/start-internship.command';
import { EndInternshipController } from './commands/end-internship/end-internship.controller';
import { EndInternshipHandler } from './commands/end-internship/end-internship.handler';
import { endInternship } from './commands/end-internship/end-internship.command';
import { ConvertInternshipController } from './commands/convert-internship/convert-internship.controller';
import { ConvertInternshipHandler } from './commands/convert-internship/convert-internship.handler';
import { convertInternship } from './commands/convert-internship/convert-internship.command';
import { PayInternshipSubsidyController } from './commands/pay-internship-subsidy/pay-internship-subsidy.controller';
import { PayInternshipSubsidyHandler } from './commands/pay-internship-subsidy/pay-internship-subsidy.handler';
import { payInternshipSubsidy } from './commands/pay-internship-subsidy/pay-internship-subsidy.command';

@Module({
  imports: [CqrsModule],
  controllers: [
    StartInternshipController,
    EndInternshipController,
    ConvertInternshipController,
    PayInternshipSubsidyController,
  ],
  providers: [
    // Read and validated when the module starts: a bad schedule file stops the process at once.
    {
      provide: INTERNSHIP_SUBSIDIES,
      inject: [SaeilConfig],
      useFactory: (config: SaeilConfig) =>
        loadInternshipSubsidies({ [INTERNSHIP_SUBSIDIES_FILE_ENV]: config.SAEIL_INTERNSHIP_SUBSIDIES_FILE }),
    },
    StartInternshipHandler,
    EndInternshipHandler,
    ConvertInternshipHandler,
    PayInternshipSubsidyHandler,
  ],
})
export class InternshipModule {}

export const internshipModule: SaeilModuleDefinition = {
  name: 'internship',
  contexts: [INTERNSHIP_CONTEXT],
  migrations: [ActiveInternships1732240450000],
  projections: [],
  commands: [startInternship, endInternship, convertInternship, payInternshipSubsidy],
  nestModule: InternshipModule,
};
