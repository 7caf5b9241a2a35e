export * from './lib/data-source-options';
export * from './lib/migrate';
export * from './lib/test-database';
export * from './lib/entities';
export * from './lib/queries/ticket-history';
export * from './lib/queries/ticket-row';
export * from './lib/queries/sql-results';
export * from './lib/sql-definitions';
