import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { DEFAULT_JOB_OPTIONS, JobName, JobQueue } from '@onewindow/server-core';
import { Queue } from 'bullmq';
import { OutboxDrainer } from './outbox-drainer.service';
import { RollupsProcessor } from './rollups.processor';

@Module({
  imports: [BullModule.registerQueue({ name: JobQueue.Rollups })],
  providers: [OutboxDrainer, RollupsProcessor],
})
export class RollupsModule implements OnApplicationBootstrap {
  private lastError = '';

  constructor(@InjectQueue(JobQueue.Rollups) private readonly queue: Queue) {
    // Redis away: the drainer keeps the outbox and says so; the queue need not repeat it
    this.queue.on('error', (e: Error) => {
      if (e.message !== this.lastError) this.lastError = e.message;
    });
  }

  /** One scheduler for all replicas: yesterday re-derived every night at 02:30 Asia/Shanghai. */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'rollup-yesterday-nightly',
      { pattern: '30 2 * * *', tz: 'Asia/Shanghai' },
      { name: JobName.RollupYesterday, data: {}, opts: DEFAULT_JOB_OPTIONS },
    );
  }
}
