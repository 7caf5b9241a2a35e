import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@onewindow/server-core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './app/worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(config),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.get(Logger).log('OneWindow worker started');
}

bootstrap().catch((e: Error) => {
  process.stderr.write(`OneWindow worker failed to start: ${e.message}\n`);
  process.exit(1);
});
