export * from './lib/data-source-options';
export * from './lib/migrate';
export * from './lib/entities';
export * from './lib/queries';
export * from './lib/sql-definitions';
