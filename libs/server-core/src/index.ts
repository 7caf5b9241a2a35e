export * from './lib/config/app-config';
export * from './lib/logging/logger-options';
export * from './lib/queues/queues';
export * from './lib/config/config.module';
export * from './lib/testing/own-redis';
export * from './lib/imports';
export * from './lib/testing/until';
