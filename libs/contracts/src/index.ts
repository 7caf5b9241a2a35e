export * from './lib/enums';
export * from './lib/api';
export * from './lib/queue';
