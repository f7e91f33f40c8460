import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RetentionProgramView } from '../program-view';
import { ProgramViews } from '../program-views';
import { ListRetentionProgramsQuery } from './list-retention-programs.query';

export interface RetentionProgramList {
  centerId: string;
  programs: RetentionProgramView[];
  consistency?: { minPosition: number; reached: boolean };
}

@QueryHandler(ListRetentionProgramsQuery)
export class ListRetentionProgramsHandler implements IQueryHandler<ListRetentionProgramsQuery, RetentionProgramList> {
  constructor(private readonly views: ProgramViews) {}

  async execute({ centerId, minPosition }: ListRetentionProgramsQuery): Promise<RetentionProgramList> {
    const consistency = await this.views.consistent(minPosition);
    return { centerId, programs: await this.views.find({ centerId }), ...(consistency ? { consistency } : {}) };
  }
}
