export * from './training.module';
export * from './domain/course.decider';
