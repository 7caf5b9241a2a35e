/** Stops every wait at once when the simulator is asked to stop. */
export class Stopper {
  private stoppedFlag = false;
  private readonly waiters = new Set<() => void>();

  get stopped(): boolean {
    return this.stoppedFlag;
  }

  stop(): void {
    this.stoppedFlag = true;
    for (const w of this.waiters) w();
    this.waiters.clear();
  }

  /** Waits `ms` (less when stopped, or when `wake` fires). */
  sleep(ms: number, wake?: Signal): Promise<void> {
    if (this.stoppedFlag) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        wake?.off(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
      wake?.on(done);
    });
  }
}

/** Wakes whoever waits on it (idle clerks when a ticket is issued). */
export class Signal {
  private readonly listeners = new Set<() => void>();
  on(f: () => void): void {
    this.listeners.add(f);
  }
  off(f: () => void): void {
    this.listeners.delete(f);
  }
  fire(): void {
    for (const f of [...this.listeners]) f();
  }
}
