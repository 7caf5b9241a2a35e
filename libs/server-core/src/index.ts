export * from './lib/config/app-config';
export * from './lib/logging/logger-options';
export * from './lib/jobs/jobs';
export * from './lib/config/config.module';
export * from './lib/persistence/queries.module';
export * from './lib/jobs/rollup-jobs';
export * from './lib/tickets/expire-waiting';
