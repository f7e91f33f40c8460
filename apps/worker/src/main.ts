import 'reflect-metadata';
import { CASE_SYSTEM_MODULES } from '@saeil/app';
import { runProcess } from '@saeil/app/process';

/** The worker alone: outbox relay, projection consumers, scheduled jobs; serves /health and /metrics. */
runProcess({ api: false, worker: true, name: 'saeil-worker', modules: CASE_SYSTEM_MODULES });
