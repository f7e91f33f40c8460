/** Every browser flow, in the order the tier runs them; each file holds one screen family's flows. */
import type { Flow } from '../support';
import { adminFlows } from './admin';
import { centerFlows } from './center';
import { caseFlows } from './case';
import { counselorFlows } from './counselor';
import { intakeFlows } from './intake';
import { menuFlows } from './menu';
import { ministryFlows } from './ministry';
import { regionalFlows } from './regional';
import { supervisorFlows } from './supervisor';

export const flows: Flow[] = [
  ...counselorFlows,
  ...caseFlows,
  ...intakeFlows,
  ...centerFlows,
  ...supervisorFlows,
  ...regionalFlows,
  ...adminFlows,
  ...ministryFlows,
  ...menuFlows,
];
