import 'reflect-metadata';
import { CASE_SYSTEM_MODULES } from '@saeil/app';
import { runProcess } from '@saeil/app/process';

/** The api alone: HTTP commands and queries. Run the worker beside it (docker-compose does). */
runProcess({ api: true, worker: false, name: 'saeil-api', modules: CASE_SYSTEM_MODULES });
