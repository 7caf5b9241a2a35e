export * from './lib/enums';
export * from './lib/api';
export * from './lib/queue';
export * from './lib/targets';
export * from './lib/staff';
export * from './lib/analytics';
export * from './lib/imports';
export * from './lib/planning';
