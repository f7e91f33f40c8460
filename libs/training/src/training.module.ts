import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TRAINING_CONTEXT } from '@saeil/contracts';
import type { SaeilModuleDefinition } from '@saeil/runtime';
import { CreateCourseController } from './commands/create-course/create-course.controller';
import { CreateCourseHandler } from './commands/create-course/create-course.handler';
import { createCourse } from './commands/create-course/create-course.command';
import { EnrollInCourseController } from './commands/enroll-in-course/enroll-in-course.controller';
import { EnrollInCourseHandler } from './commands/enroll-in-course/enroll-in-course.handler';
import { enrollInCourse } from './commands/enroll-in-course/enroll-in-course.command';
import { RecordTrainingAttendanceController } from './commands/record-training-attendance/record-training-attendance.controller';
import { RecordTrainingAttendanceHandler } from './commands/record-training-attendance/record-training-attendance.handler';
import { recordTrainingAttendance } from './commands/record-training-attendance/record-training-attendance.command';
import { CompleteTrainingController } from './commands/complete-training/complete-training.controller';
import { CompleteTrainingHandler } from './commands/complete-training/complete-training.handler';
import { completeTraining } from './commands/complete-training/complete-training.command';
import { RecordTrainingDropoutController } from './commands/record-training-dropout/record-training-dropout.controller';
import { RecordTrainingDropoutHandler } from './commands/record-training-dropout/record-training-dropout.handler';
import { recordTrainingDropout } from './commands/record-training-dropout/record-training-dropout.command';
import { RecordTrainingCertificateController } from './commands/record-training-certificate/record-training-certificate.controller';
import { RecordTrainingCertificateHandler } from './commands/record-training-certificate/record-training-certificate.handler';
import { recordTrainingCertificate } from './commands/record-training-certificate/record-training-certificate.command';
import { GetCourseController } from './queries/get-course/get-course.controller';
import { GetCourseHandler } from './queries/get-course/get-course.handler';

@Module({
  imports: [CqrsModule],
  controllers: [
    CreateCourseController,
    EnrollInCourseController,
    RecordTrainingAttendanceController,
    CompleteTrainingController,
    RecordTrainingDropoutController,
    RecordTrainingCertificateController,
    GetCourseController,
  ],
  providers: [
    CreateCourseHandler,
    EnrollInCourseHandler,
    RecordTrainingAttendanceHandler,
    CompleteTrainingHandler,
    RecordTrainingDropoutHandler,
    RecordTrainingCertificateHandler,
    GetCourseHandler,
  ],
})
export class TrainingModule {}

export const trainingModule: SaeilModuleDefinition = {
  name: 'training',
  contexts: [TRAINING_CONTEXT],
  migrations: [],
  projections: [],
  commands: [
    createCourse,
    enrollInCourse,
    recordTrainingAttendance,
    completeTraining,
    recordTrainingDropout,
    recordTrainingCertificate,
  ],
  nestModule: TrainingModule,
};
