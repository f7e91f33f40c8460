import { SaeilConfig } from '@saeil/config';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PLACEMENT_CONTEXT } from '@saeil/contracts';
import type { SaeilModuleDefinition } from '@saeil/runtime';
import { StartupSupportConfig } from './config/startup-support.config';
import { startEmployment } from './commands/start-employment/start-employment.command';
import { StartEmploymentController } from './commands/start-employment/start-employment.controller';
import { StartEmploymentHandler } from './commands/start-employment/start-employment.handler';
import { endEmployment } from './commands/end-employment/end-employment.command';
import { EndEmploymentController } from './commands/end-employment/end-employment.controller';
import { EndEmploymentHandler } from './commands/end-employment/end-employment.handler';
import { voidPlacement } from './commands/void-placement/void-placement.command';
import { VoidPlacementController } from './commands/void-placement/void-placement.controller';
import { VoidPlacementHandler } from './commands/void-placement/void-placement.handler';
import { startStartup } from './commands/start-startup/start-startup.command';
import { StartStartupController } from './commands/start-startup/start-startup.controller';
import { StartStartupHandler } from './commands/start-startup/start-startup.handler';
import { payStartupGrant } from './commands/pay-startup-grant/pay-startup-grant.command';
import { PayStartupGrantController } from './commands/pay-startup-grant/pay-startup-grant.controller';
import { PayStartupGrantHandler } from './commands/pay-startup-grant/pay-startup-grant.handler';
import { ListPlacementsController } from './queries/list-placements/list-placements.controller';
import { ListPlacementsHandler } from './queries/list-placements/list-placements.handler';
import { StartupGrantTeams1732240500000 } from './migrations/1732240500000-startup-grant-teams';

@Module({
  imports: [CqrsModule],
  controllers: [
    StartEmploymentController,
    EndEmploymentController,
    VoidPlacementController,
    StartStartupController,
    PayStartupGrantController,
    ListPlacementsController,
  ],
  providers: [
    // Read and checked when the module starts: a bad file stops the start, naming file and field.
    {
      provide: StartupSupportConfig,
      inject: [SaeilConfig],
      useFactory: (config: SaeilConfig) => StartupSupportConfig.load(config.SAEIL_STARTUP_SUPPORT_FILE),
    },
    StartEmploymentHandler,
    EndEmploymentHandler,
    VoidPlacementHandler,
    StartStartupHandler,
    PayStartupGrantHandler,
    ListPlacementsHandler,
  ],
})
export class PlacementModule {}

export const placementModule: SaeilModuleDefinition = {
  name: 'placement',
  contexts: [PLACEMENT_CONTEXT],
  migrations: [StartupGrantTeams1732240500000],
  projections: [],
  commands: [startEmployment, endEmployment, voidPlacement, startStartup, payStartupGrant],
  nestModule: PlacementModule,
};
