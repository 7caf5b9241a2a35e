import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { HallEntity } from './hall.entity';
import { UserEntity } from './user.entity';

/** A saved planning run: its inputs, progress and results (shapes owned by the planner). */
@Entity({ name: 'plans' })
@Check('CHK_plans_state', `"state" IN ('queued', 'running', 'done', 'failed')`)
@Check('CHK_plans_progress', `"progress" >= 0 AND "progress" <= 1`)
@Index('IDX_plans_hall_created', ['hallId', 'createdAt'])
export class PlanEntity {
  @PrimaryGeneratedColumn('uuid', {
    name: 'id',
    primaryKeyConstraintName: 'plans_pkey',
  })
  id!: string;

  @Column({ name: 'hall_id', type: 'uuid' })
  hallId!: string;

  @ManyToOne(() => HallEntity, { nullable: false })
  @JoinColumn({
    name: 'hall_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'plans_hall_id_fkey',
  })
  hall?: HallEntity;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => UserEntity, { nullable: true })
  @JoinColumn({
    name: 'created_by',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'plans_created_by_fkey',
  })
  creator?: UserEntity | null;

  @Column({ name: 'name', type: 'varchar', length: 100, nullable: true })
  name!: string | null;

  @Column({ name: 'state', type: 'varchar', length: 10, default: 'queued' })
  state!: 'queued' | 'running' | 'done' | 'failed';

  /** 0…1 */
  @Column({ name: 'progress', type: 'double precision', default: 0 })
  progress!: number;

  @Column({ name: 'inputs', type: 'jsonb' })
  inputs!: Record<string, unknown>;

  @Column({ name: 'result', type: 'jsonb', nullable: true })
  result!: Record<string, unknown> | null;

  @Column({ name: 'error', type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
