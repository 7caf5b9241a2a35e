import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module';
import { WindowsController } from './windows.controller';
import { WindowsService } from './windows.service';

@Module({
  imports: [QueueModule],
  controllers: [WindowsController],
  providers: [WindowsService],
  exports: [WindowsService],
})
export class WindowsModule {}
