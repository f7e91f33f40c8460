import 'reflect-metadata';
import { runProcess } from '@saeil/app/process';

/** `npm start`: the api and the worker in one process (embedded PostgreSQL unless DATABASE_URL is set). */
runProcess({ api: true, worker: true, name: 'saeil' });
