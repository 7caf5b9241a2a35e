export * from './lib/sse-parser';
export * from './lib/event-stream';
export * from './lib/hall-floor';
