/**
 * Sleep that a notification can cut short. A wake-up that arrives while the follower is busy
 * is remembered, so the next sleep returns at once instead of waiting out the poll interval.
 */
export class Waker {
  private pending = false;
  private resolveSleep?: () => void;

  wake(): void {
    this.pending = true;
    this.resolveSleep?.();
  }

  async sleep(ms: number): Promise<void> {
    if (!this.pending) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.resolveSleep = undefined;
          resolve();
        };
        const timer = setTimeout(done, ms);
        this.resolveSleep = done;
      });
    }
    this.pending = false;
  }
}
