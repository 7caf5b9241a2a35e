import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { HallEntity } from './hall.entity';

/** A member of a hall's staff, with their current role and skill set (category codes). */
@Entity({ name: 'staff' })
@Index('IDX_staff_hall', ['hallId'])
export class StaffEntity {
  @PrimaryGeneratedColumn('uuid', {
    name: 'id',
    primaryKeyConstraintName: 'staff_pkey',
  })
  id!: string;

  @Column({ name: 'hall_id', type: 'uuid' })
  hallId!: string;

  @ManyToOne(() => HallEntity, { nullable: false })
  @JoinColumn({
    name: 'hall_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'staff_hall_id_fkey',
  })
  hall?: HallEntity;

  @Column({ name: 'name', type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'role', type: 'varchar', length: 32 })
  role!: string;

  @Column({ name: 'skills', type: 'text', array: true, default: [] })
  skills!: string[];

  @Column({ name: 'active', type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
