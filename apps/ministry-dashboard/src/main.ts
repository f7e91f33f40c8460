import 'reflect-metadata';
import { MINISTRY_DASHBOARD_MODULES } from '@saeil/app';
import { runProcess } from '@saeil/app/process';

/**
 * The Ministry dashboard alone, deployable apart from the case system: it follows the Ministry
 * feed (saeil.ministry.stats.v1 with Kafka; the submitted reports in the event store without),
 * keeps its own tables (schema ministry_dashboard), serves its read API and the web app
 * (/ministry/ → the dashboard screen) with the same accounts and login.
 */
runProcess({ api: true, worker: true, name: 'saeil-ministry-dashboard', modules: MINISTRY_DASHBOARD_MODULES });
