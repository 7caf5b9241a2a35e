export * from './lib/server-core';
