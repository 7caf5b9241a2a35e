import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last number issued per hall, day and prefix (row-locked while a ticket is issued). */
@Entity({ name: 'ticket_counters' })
export class TicketCounterEntity {
  @PrimaryColumn({
    name: 'hall_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_ticket_counters',
  })
  hallId!: string;

  @PrimaryColumn({
    name: 'service_date',
    type: 'date',
    primaryKeyConstraintName: 'PK_ticket_counters',
  })
  serviceDate!: string;

  @PrimaryColumn({
    name: 'prefix',
    type: 'varchar',
    length: 2,
    primaryKeyConstraintName: 'PK_ticket_counters',
  })
  prefix!: string;

  @Column({ name: 'last_value', type: 'integer', default: 0 })
  lastValue!: number;
}
