/** Every browser flow, in the order the tier runs them; each file holds one screen family's flows. */
import type { Flow } from '../support';
import { counselorFlows } from './counselor';
import { regionalFlows } from './regional';
import { supervisorFlows } from './supervisor';

export const flows: Flow[] = [...counselorFlows, ...supervisorFlows, ...regionalFlows];
