import 'reflect-metadata';
import { runProcess } from '@saeil/app/process';

/** The api alone: HTTP commands and queries. Run the worker beside it (docker-compose does). */
runProcess({ api: true, worker: false, name: 'saeil-api' });
