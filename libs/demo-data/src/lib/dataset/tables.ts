import { FootfallRow } from '../footfall';
import { HandlingRow } from '../handling';
import {
  TICKET_COLUMNS,
  TICKET_COUNTER_COLUMNS,
  TicketCounterRow,
} from '../tickets/rows';
import { TableStream, batched, ticketChunks, wholeTable } from './copy-streams';
import type { DemoDataset } from './demo-dataset';

const HANDLING_COLUMNS: readonly (keyof HandlingRow & string)[] = [
  'hall_id',
  'record_date',
  'service_item_code',
  'channel',
  'count',
];

const FOOTFALL_COLUMNS: readonly (keyof FootfallRow & string)[] = [
  'hall_id',
  'sensor_id',
  'period_start',
  'period_end',
  'entries',
  'exits',
  'received_at',
];

/**
 * The demo's tables in load order (foreign keys first), each a lazy stream of COPY chunks with its
 * columns. The ticket_counters stream reads what the tickets stream produced, so it must run after
 * it.
 */
export function demoTables(ds: DemoDataset): TableStream[] {
  const counters: TicketCounterRow[] = [];
  return [
    wholeTable('regions', () => ds.regions(), [
      'code',
      'name',
      'name_en',
      'level',
      'parent_code',
    ]),
    wholeTable('halls', () => ds.halls(), [
      'id',
      'key',
      'name',
      'name_en',
      'region_code',
      'kind',
    ]),
    wholeTable('categories', () => ds.categories(), [
      'code',
      'name',
      'name_en',
      'ticket_prefix',
      'sort_order',
      'specialist',
    ]),
    wholeTable('service_items', () => ds.serviceItems(), [
      'code',
      'name',
      'category_code',
      'aliases',
      'online_available',
      'typical_handling_minutes',
      'bundle',
    ]),
    wholeTable('windows', () => ds.windows(), [
      'id',
      'hall_id',
      'label',
      'mode',
      'category_codes',
      'state',
      'opened_on',
      'retired_on',
      'created_at',
      'updated_at',
    ]),
    wholeTable('window_events', () => ds.windowEvents(), [
      'hall_id',
      'window_id',
      'kind',
      'effective_date',
      'mode',
      'category_codes',
      'note',
      'created_at',
    ]),
    wholeTable('staff', () => ds.staff(), [
      'id',
      'hall_id',
      'name',
      'role',
      'skills',
      'active',
      'created_at',
    ]),
    wholeTable('reassignments', () => ds.reassignments(), [
      'id',
      'staff_id',
      'hall_id',
      'from_role',
      'from_place',
      'to_role',
      'to_place',
      'effective_date',
      'reason',
      'created_at',
    ]),
    wholeTable('targets', () => ds.targets(), [
      'id',
      'hall_id',
      'region_code',
      'metric',
      'comparison',
      'value',
      'parameter',
      'due_date',
      'note',
      'created_at',
    ]),
    wholeTable('users', () => ds.users(), [
      'id',
      'username',
      'password_hash',
      'role',
      'hall_id',
      'region_code',
      'display_name',
      'active',
    ]),
    wholeTable('consultations', () => ds.consultations(), [
      'hall_id',
      'record_date',
      'channel',
      'count',
    ]),
    {
      table: 'handling_records',
      columns: HANDLING_COLUMNS,
      chunks: () => batched(ds.handlingDays(), HANDLING_COLUMNS),
    },
    {
      table: 'footfall',
      columns: FOOTFALL_COLUMNS,
      chunks: () => batched(ds.footfallDays(), FOOTFALL_COLUMNS),
    },
    {
      table: 'tickets',
      columns: TICKET_COLUMNS,
      chunks: () => ticketChunks(ds.ticketDays(), counters),
    },
    {
      table: 'ticket_counters',
      columns: TICKET_COUNTER_COLUMNS,
      chunks: () => batched([counters], TICKET_COUNTER_COLUMNS),
    },
  ];
}
