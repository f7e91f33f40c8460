/** Every browser flow, in the order the tier runs them; each file holds one screen family's flows. */
import type { Flow } from '../support';
import { caseFlows } from './case';
import { counselorFlows } from './counselor';

export const flows: Flow[] = [...counselorFlows, ...caseFlows];
