import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/**
 * The data source of the TypeORM CLI (migration:show, migration:generate, migration:run):
 * the same options as the API and the worker, on DATABASE_URL or the local development database.
 */
export default new DataSource(
  dataSourceOptions(
    process.env['DATABASE_URL'] ??
      'postgres://postgres@127.0.0.1:5432/onewindow',
  ),
);
