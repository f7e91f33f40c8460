export * from './employers.module';
export * from './domain/business-registration-number';
export * from './domain/employer.decider';
export * from './domain/agreement.decider';
export * from './domain/job-fair.decider';
export * from './domain/council-meeting.decider';
export { employerIdOf } from './commands/register-employer/employer-id';
