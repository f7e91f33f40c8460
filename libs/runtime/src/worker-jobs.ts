import { backOffAfterFailure, Waker } from '@saeil/database';
import type { Metrics } from '@saeil/observability';
import type { WorkerJob, WorkerServices } from './reactor';

/**
 * Runs each module's worker jobs on their interval: a run, then a sleep, so one process never
 * runs a job twice at once. A failed run is logged and the next one comes on time; stop() waits
 * for the runs in progress.
 */
export class WorkerJobs {
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly wakers: Waker[] = [];

  constructor(
    private readonly jobs: WorkerJob[],
    private readonly services: WorkerServices,
    private readonly metrics?: Metrics,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loops = this.jobs.map((job) => {
      const waker = new Waker();
      this.wakers.push(waker);
      return this.loop(job, waker);
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakers.forEach((w) => w.wake());
    await Promise.all(this.loops);
  }

  private async loop(job: WorkerJob, waker: Waker): Promise<void> {
    const interval = job.intervalMs(this.services.config);
    while (this.running) {
      try {
        await job.run(this.services);
        this.metrics?.workerJobRuns.inc({ job: job.name });
      } catch (error) {
        await backOffAfterFailure(
          waker,
          interval,
          () => this.running,
          () =>
            this.services.logger.warn(
              { err: error, job: job.name },
              'worker job failed; it runs again at its next interval',
            ),
        );
        continue;
      }
      if (this.running) await waker.sleep(interval);
    }
  }
}
