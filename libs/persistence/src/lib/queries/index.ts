import { AccountQueries } from './account.queries';
import { AuditQueries } from './audit.queries';
import { CatalogQueries } from './catalog.queries';
import { DeviceQueries } from './device.queries';
import { FigureQueries } from './figure.queries';
import { FootfallQueries } from './footfall.queries';
import { HallEventQueries } from './hall-event.queries';
import { HallQueries } from './hall.queries';
import { HealthQueries } from './health.queries';
import { ImportQueries } from './import.queries';
import { PlanQueries } from './plan.queries';
import type { Queries, Queryable } from './queries';
import { RegionQueries } from './region.queries';
import { RollupQueries } from './rollup.queries';
import { StaffQueries } from './staff.queries';
import { TicketQueries } from './ticket.queries';
import { TicketReadQueries } from './ticket-reads.queries';
import { WindowQueries } from './window.queries';

export * from './queries';
export * from './sql-results';
export * from './ticket-row';
export * from './ticket-view';
export * from './account.queries';
export * from './audit.queries';
export * from './catalog.queries';
export * from './device.queries';
export * from './figure.queries';
export * from './footfall.queries';
export * from './hall-event.queries';
export * from './hall.queries';
export * from './health.queries';
export * from './import.queries';
export * from './plan.queries';
export * from './region.queries';
export * from './rollup.queries';
export * from './staff.queries';
export * from './ticket-reads.queries';
export * from './ticket.queries';
export * from './window.queries';

/** Every query class, one per aggregate: what QueriesModule provides. */
export const QUERY_CLASSES: (new (db: Queryable) => Queries)[] = [
  AccountQueries,
  AuditQueries,
  CatalogQueries,
  DeviceQueries,
  FigureQueries,
  FootfallQueries,
  HallEventQueries,
  HallQueries,
  HealthQueries,
  ImportQueries,
  PlanQueries,
  RegionQueries,
  RollupQueries,
  StaffQueries,
  TicketQueries,
  TicketReadQueries,
  WindowQueries,
];
