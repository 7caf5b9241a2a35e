export * from './lib/config/app-config';
