import { ListRetentionProgramsDto } from '../list-retention-programs/list-retention-programs.dto';

/** A center's list: `centerId`, and `minPosition` to read your own write. */
export class ListBudgetPlansDto extends ListRetentionProgramsDto {}
