import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@onewindow/migrations';
import { ENTITIES } from './entities';

/** The one data-source definition, used by the API, the worker, the CLI and the tests. */
export function dataSourceOptions(
  databaseUrl: string,
  extra: Partial<DataSourceOptions> = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    // uuids come from PostgreSQL's built-in gen_random_uuid(); TypeORM must not install uuid-ossp
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: false,
    extra: { max: 20, application_name: 'onewindow' },
    ...extra,
  } as DataSourceOptions;
}
