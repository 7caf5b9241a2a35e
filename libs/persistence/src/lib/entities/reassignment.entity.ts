import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { HallEntity } from './hall.entity';
import { StaffEntity } from './staff.entity';

/** A staff move from one role/place to another (e.g. department clerk → online coach). */
@Entity({ name: 'reassignments' })
@Index('IDX_reassignments_hall_date', ['hallId', 'effectiveDate'])
export class ReassignmentEntity {
  @PrimaryGeneratedColumn('uuid', {
    name: 'id',
    primaryKeyConstraintName: 'reassignments_pkey',
  })
  id!: string;

  @Column({ name: 'staff_id', type: 'uuid' })
  staffId!: string;

  @ManyToOne(() => StaffEntity, { nullable: false })
  @JoinColumn({
    name: 'staff_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'reassignments_staff_id_fkey',
  })
  staff?: StaffEntity;

  @Column({ name: 'hall_id', type: 'uuid' })
  hallId!: string;

  @ManyToOne(() => HallEntity, { nullable: false })
  @JoinColumn({
    name: 'hall_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'reassignments_hall_id_fkey',
  })
  hall?: HallEntity;

  @Column({ name: 'from_role', type: 'varchar', length: 32 })
  fromRole!: string;

  @Column({ name: 'from_place', type: 'varchar', length: 100, nullable: true })
  fromPlace!: string | null;

  @Column({ name: 'to_role', type: 'varchar', length: 32 })
  toRole!: string;

  @Column({ name: 'to_place', type: 'varchar', length: 100, nullable: true })
  toPlace!: string | null;

  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate!: string;

  @Column({ name: 'reason', type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
