/** Every browser flow, in the order the tier runs them; each file holds one screen family's flows. */
import type { Flow } from '../support';
import { adminFlows } from './admin';
import { counselorFlows } from './counselor';
import { ministryFlows } from './ministry';

export const flows: Flow[] = [...counselorFlows, ...adminFlows, ...ministryFlows];
