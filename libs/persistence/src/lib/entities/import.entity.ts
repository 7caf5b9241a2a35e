import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { HallEntity } from './hall.entity';
import { UserEntity } from './user.entity';

/**
 * An uploaded CSV file and the progress of its import (see migrations/1764806400000-Imports.ts):
 * the file itself, so a worker can run it from PostgreSQL alone, and a checkpoint that each batch
 * of facts moves in its own transaction.
 */
@Entity({ name: 'imports' })
@Unique('UQ_imports_hall_kind_sha256', ['hallId', 'kind', 'sha256'])
@Check(
  'CHK_imports_kind',
  `"kind" IN ('tickets', 'handling_records', 'consultations')`,
)
@Check(
  'CHK_imports_state',
  `"state" IN ('queued', 'running', 'done', 'failed')`,
)
@Check('CHK_imports_progress', `"progress" >= 0 AND "progress" <= 1`)
@Index('IDX_imports_hall_created', ['hallId', 'createdAt'])
@Index('IDX_imports_pending', ['createdAt'], {
  where: `"state" IN ('queued', 'running')`,
})
export class ImportEntity {
  @PrimaryGeneratedColumn('uuid', {
    name: 'id',
    primaryKeyConstraintName: 'imports_pkey',
  })
  id!: string;

  @Column({ name: 'hall_id', type: 'uuid' })
  hallId!: string;

  @ManyToOne(() => HallEntity, { nullable: false })
  @JoinColumn({
    name: 'hall_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'imports_hall_id_fkey',
  })
  hall?: HallEntity;

  @Column({ name: 'kind', type: 'varchar', length: 20 })
  kind!: 'tickets' | 'handling_records' | 'consultations';

  @Column({ name: 'file_name', type: 'varchar', length: 200, nullable: true })
  fileName!: string | null;

  /** SHA-256 (hex) of the file's text */
  @Column({ name: 'sha256', type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  /** The file as UTF-8 text (not loaded unless asked for). */
  @Column({ name: 'content', type: 'text', select: false })
  content!: string;

  /** Recognised header columns, by their canonical names, in file order. */
  @Column({ name: 'columns', type: 'text', array: true, default: [] })
  columns!: string[];

  @Column({ name: 'ignored_columns', type: 'text', array: true, default: [] })
  ignoredColumns!: string[];

  @Column({ name: 'state', type: 'varchar', length: 10, default: 'queued' })
  state!: 'queued' | 'running' | 'done' | 'failed';

  /** Hand-overs to BullMQ; the job id is import|<id>|<run>. */
  @Column({ name: 'run', type: 'integer', default: 1 })
  run!: number;

  /** 0…1 */
  @Column({ name: 'progress', type: 'double precision', default: 0 })
  progress!: number;

  /** The last line of the file whose rows are written and counted. */
  @Column({ name: 'checkpoint_line', type: 'integer', default: 0 })
  checkpointLine!: number;

  @Column({ name: 'rows_total', type: 'integer', default: 0 })
  rowsTotal!: number;

  @Column({ name: 'rows_imported', type: 'integer', default: 0 })
  rowsImported!: number;

  @Column({ name: 'rows_updated', type: 'integer', default: 0 })
  rowsUpdated!: number;

  @Column({ name: 'rows_unchanged', type: 'integer', default: 0 })
  rowsUnchanged!: number;

  @Column({ name: 'rows_rejected', type: 'integer', default: 0 })
  rowsRejected!: number;

  /** The first rejected rows ({ line, reason }), in file order. */
  @Column({ name: 'rejections', type: 'jsonb', default: [] })
  rejections!: { line: number; reason: string }[];

  @Column({ name: 'error', type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => UserEntity, { nullable: true })
  @JoinColumn({
    name: 'created_by',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'imports_created_by_fkey',
  })
  creator?: UserEntity | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
