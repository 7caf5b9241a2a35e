import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last event number of a hall; locked by each change until it commits. */
@Entity({ name: 'hall_event_counters' })
export class HallEventCounterEntity {
  @PrimaryColumn({
    name: 'hall_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_hall_event_counters',
  })
  hallId!: string;

  @Column({ name: 'last_seq', type: 'bigint', default: 0 })
  lastSeq!: string;
}
