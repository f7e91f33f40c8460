import pino from 'pino';
import type { WorkerJob, WorkerServices } from './reactor';
import { WorkerJobs } from './worker-jobs';

const services = { config: {}, logger: pino({ level: 'silent' }) } as unknown as WorkerServices;

describe('worker jobs', () => {
  it('runs a job at once, again after its interval, never twice at once, and keeps going after a failed run', async () => {
    let runs = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    const job: WorkerJob = {
      name: 'sweep',
      intervalMs: () => 20,
      async run() {
        runs += 1;
        concurrent += 1;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        await new Promise((resolve) => setTimeout(resolve, 30));
        concurrent -= 1;
        if (runs === 1) throw new Error('first run fails');
      },
    };
    const jobs = new WorkerJobs([job], services);
    jobs.start();
    await new Promise((resolve) => setTimeout(resolve, 400));
    await jobs.stop();
    const afterStop = runs;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(runs).toBeGreaterThanOrEqual(2); // the run after the failed one came
    expect(maxConcurrent).toBe(1);
    expect(runs).toBe(afterStop); // stop() waited for the run in progress and nothing ran after it
  });
});
