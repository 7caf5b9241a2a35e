/**
 * The demo data set as a whole: its profiles and the tables the loader writes.
 *
 * profiles: seed, profiles and which halls and days get tickets and door counts; reference: the
 * regions, halls, categories and service items rows; demo-dataset: every fact kind of the demo,
 * generated lazily (windows, staff, visitors, tickets, door counts, handling records,
 * consultations, targets, users); tables: the tables in load order with their columns;
 * copy-streams: rows into COPY chunks.
 */
export type { CopyChunk, TableStream } from './copy-streams';
export { DemoDataset } from './demo-dataset';
export {
  DEFAULT_SEED,
  PROFILE_FOOTFALL,
  PROFILE_TICKETS,
  type DemoOptions,
  type DemoProfile,
  type TicketPlan,
} from './profiles';
export type {
  CategoryRow,
  HallRow,
  RegionRow,
  ServiceItemRow,
} from './reference';
