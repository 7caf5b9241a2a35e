import { Global, Module, type Provider } from '@nestjs/common';
import { QUERY_CLASSES } from '@onewindow/persistence';
import { DataSource } from 'typeorm';

const providers: Provider[] = QUERY_CLASSES.map((QueryClass) => ({
  provide: QueryClass,
  useFactory: (db: DataSource) => new QueryClass(db),
  inject: [DataSource],
}));

/**
 * Every query class (libs/persistence), bound to the application's DataSource and injectable
 * everywhere: a service asks for `TicketQueries`, `FigureQueries`… and inside a transaction
 * uses `queries.on(manager)`. Import once, after TypeOrmModule.forRoot.
 */
@Global()
@Module({ providers, exports: providers })
export class QueriesModule {}
