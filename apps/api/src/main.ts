import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { dataSourceOptions, runMigrations } from '@onewindow/persistence';
import { loadConfigOrExit } from '@onewindow/server-core';
import { DataSource } from 'typeorm';
import { AppModule } from './app/app.module';
import {
  configureApp,
  createHttpAdapter,
  NEST_APP_OPTIONS,
} from './app/configure-app';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  if (config.MIGRATE_ON_START === 'true') {
    const ds = new DataSource(
      dataSourceOptions(config.DATABASE_URL, { extra: { max: 2 } }),
    );
    await ds.initialize();
    try {
      const applied = await runMigrations(ds);
      if (applied.length)
        process.stdout.write(
          `${JSON.stringify({ msg: 'migrations applied', applied })}\n`,
        );
    } finally {
      await ds.destroy();
    }
  }
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    createHttpAdapter(),
    NEST_APP_OPTIONS,
  );
  await configureApp(app);
  await app.listen(config.PORT, '0.0.0.0');
}

bootstrap().catch((e: Error) => {
  process.stderr.write(`OneWindow API failed to start: ${e.message}\n`);
  process.exit(1);
});
