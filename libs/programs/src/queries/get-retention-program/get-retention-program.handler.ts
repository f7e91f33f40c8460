import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@saeil/core';
import { RetentionProgramView } from '../program-view';
import { ProgramViews } from '../program-views';
import { GetRetentionProgramQuery } from './get-retention-program.query';

export interface RetentionProgramAnswer extends RetentionProgramView {
  consistency?: { minPosition: number; reached: boolean };
}

@QueryHandler(GetRetentionProgramQuery)
export class GetRetentionProgramHandler implements IQueryHandler<GetRetentionProgramQuery, RetentionProgramAnswer> {
  constructor(private readonly views: ProgramViews) {}

  async execute({ programId, minPosition }: GetRetentionProgramQuery): Promise<RetentionProgramAnswer> {
    const consistency = await this.views.consistent(minPosition);
    const [view] = await this.views.find({ programId });
    if (!view) throw new NotFound('사후관리 프로그램', programId);
    return { ...view, ...(consistency ? { consistency } : {}) };
  }
}
