export * from './internship.module';
export * from './domain/internship.decider';
export * from './domain/subsidy-schedule';
export {
  loadInternshipSubsidies,
  parseInternshipSubsidies,
  INTERNSHIP_SUBSIDIES_FILE_ENV,
} from './config/internship-subsidies.config';
