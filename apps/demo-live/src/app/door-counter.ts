import type { DayContext } from './day-context';

/** Minutes of a footfall period (a door counter's report). */
const FOOTFALL_PERIOD_MINUTES = 15;

/**
 * The door counter: people through the doors, reported per quarter hour until the last arrival
 * (the fraction of a person carried to the next period).
 */
export class DoorCounter {
  private entries = 0;

  constructor(
    private readonly ctx: DayContext,
    private readonly sensorId: string,
  ) {}

  /** People came in (visitors per ticket as fitted: fractions add up). */
  enter(people: number): void {
    this.entries += people;
  }

  async run(): Promise<void> {
    const { api, hall, tokens, clock, stopper, log } = this.ctx;
    const periodMs = clock.realMs(FOOTFALL_PERIOD_MINUTES);
    let start = Date.now();
    let carry = 0;
    const post = async () => {
      const end = Date.now();
      const exact = this.entries + carry;
      const entries = Math.floor(exact);
      carry = exact - entries;
      this.entries = 0;
      try {
        await api.request('POST', `/halls/${hall.id}/footfall`, {
          token: tokens.sensor,
          body: {
            sensorId: this.sensorId,
            periodStart: new Date(start).toISOString(),
            periodEnd: new Date(Math.max(end, start + 1)).toISOString(),
            entries,
            exits: entries,
          },
          // the same sensorId + periodStart replaces: a retry cannot count twice
          retryNetwork: true,
        });
      } catch (e) {
        log.warn({ err: String(e) }, 'footfall not taken');
      }
      start = end;
    };
    while (!this.ctx.arrivalsDone && !stopper.stopped) {
      await stopper.sleep(periodMs);
      await post();
    }
  }
}
