import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  WindowHistoryResponse,
  WindowMode,
  WindowView,
} from '@onewindow/contracts';
import {
  CategoryEntity,
  WindowEntity,
  WindowEventEntity,
  WindowQueries,
} from '@onewindow/persistence';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import type { Actor } from '../auth/access.decorator';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import {
  assertNotFuture,
  assertSpan,
  todayInShanghai,
} from '../common/service-date';
import { HallEventsService } from '../live/hall-events.service';
import type { CreateWindowDto } from './dto/create-window.dto';
import type { RetireWindowDto } from './dto/retire-window.dto';
import type { UpdateWindowDto } from './dto/update-window.dto';
import { ModeDelta, windowCountsByDay } from './window-history';

const MAX_HISTORY_DAYS = 366 * 12;

@Injectable()
export class WindowsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly windows: WindowQueries,
    private readonly audit: AuditService,
    private readonly events: HallEventsService,
  ) {}

  async list(hallId: string, includeRetired: boolean): Promise<WindowView[]> {
    const rows = await this.db.getRepository(WindowEntity).find({
      where: includeRetired ? { hallId } : { hallId, state: Not('retired') },
      order: { label: 'ASC' },
    });
    return rows.map(toWindowView);
  }

  /**
   * The layout on a day, from the lifecycle events: the windows in service then (opened on or
   * before it, not retired by it) with the mode and skill set of their latest event up to it.
   * `state` is today's (a window retired since shows `retired`).
   */
  async layoutOn(hallId: string, asOf: string): Promise<WindowView[]> {
    assertNotFuture(asOf, 'asOf');
    const rows = await this.windows.layoutOn(hallId, asOf);
    return rows.map((r) => ({
      id: r.id,
      label: r.label,
      mode: r.mode,
      categoryCodes: r.category_codes ?? [],
      state: r.state,
      openedOn: r.opened_on,
      retiredOn: r.retired_on,
    }));
  }

  async create(
    actor: Actor,
    hallId: string,
    dto: CreateWindowDto,
  ): Promise<WindowView> {
    const categoryCodes = await this.checkCategories(
      dto.mode,
      dto.categoryCodes ?? [],
    );
    const openedOn = dto.effectiveDate ?? todayInShanghai();
    assertNotFuture(openedOn, 'effectiveDate');
    const view = await this.db.transaction(async (m) => {
      await this.assertLabelFree(m, hallId, dto.label);
      const window = await m.save(
        m.create(WindowEntity, {
          hallId,
          label: dto.label,
          mode: dto.mode,
          categoryCodes,
          state: 'closed',
          openedOn,
        }),
      );
      return this.recordChange(m, actor, window, 'window.create', null, {
        kind: 'opened',
        effectiveDate: openedOn,
        mode: dto.mode,
        categoryCodes,
        note: dto.note ?? null,
      });
    });
    this.events.notify(hallId);
    return view;
  }

  /** Converts a window (department ↔ comprehensive) or changes its skill set. */
  update(
    actor: Actor,
    hallId: string,
    windowId: string,
    dto: UpdateWindowDto,
  ): Promise<WindowView> {
    return this.change(
      actor,
      hallId,
      windowId,
      'window.update',
      dto.effectiveDate,
      async (window, effectiveDate) => {
        if (window.state === 'retired')
          throw DomainError.conflict('The window is retired');
        const mode = dto.mode ?? window.mode;
        // converting to comprehensive without a skill set: it serves every category
        const fallback =
          mode === 'comprehensive' && dto.mode === 'comprehensive'
            ? []
            : window.categoryCodes;
        const categoryCodes = await this.checkCategories(
          mode,
          dto.categoryCodes ?? fallback,
        );
        window.mode = mode;
        window.categoryCodes = categoryCodes;
        return {
          kind: 'converted',
          effectiveDate,
          mode,
          categoryCodes,
          note: dto.note ?? null,
        };
      },
    );
  }

  retire(
    actor: Actor,
    hallId: string,
    windowId: string,
    dto: RetireWindowDto,
  ): Promise<WindowView> {
    return this.change(
      actor,
      hallId,
      windowId,
      'window.retire',
      dto.effectiveDate,
      async (window, effectiveDate) => {
        if (window.state === 'retired')
          throw DomainError.conflict('The window is already retired');
        window.state = 'retired';
        window.retiredOn = effectiveDate;
        return { kind: 'retired', effectiveDate, note: dto.note ?? null };
      },
    );
  }

  /**
   * Locks a window, applies `mutate` (which returns its lifecycle event), saves and records it.
   * The event's day defaults to today; it may be earlier (history) but never after today, and
   * never before the window's latest recorded event: its events stay in date order.
   */
  private async change(
    actor: Actor,
    hallId: string,
    windowId: string,
    action: string,
    effectiveDate: string | undefined,
    mutate: (
      window: WindowEntity,
      effectiveDate: string,
    ) => Promise<Partial<WindowEventEntity>>,
  ): Promise<WindowView> {
    const day = effectiveDate ?? todayInShanghai();
    assertNotFuture(day, 'effectiveDate');
    const view = await this.db.transaction(async (m) => {
      const window = await this.lockWindow(m, hallId, windowId);
      const latest = await this.windows.on(m).latestEventDate(windowId);
      if (latest && day < latest) {
        throw DomainError.conflict(
          `This window has a change dated ${latest}: record changes in date order (effectiveDate ${day} is earlier)`,
        );
      }
      const before = toWindowView(window);
      const event = await mutate(window, day);
      window.updatedAt = new Date();
      await m.save(window);
      return this.recordChange(m, actor, window, action, before, event);
    });
    this.events.notify(hallId);
    return view;
  }

  /** The lifecycle event, the audit row and the live event of one change, in its transaction. */
  private async recordChange(
    m: EntityManager,
    actor: Actor,
    window: WindowEntity,
    action: string,
    before: WindowView | null,
    event: Partial<WindowEventEntity>,
  ): Promise<WindowView> {
    await m.insert(WindowEventEntity, {
      ...event,
      hallId: window.hallId,
      windowId: window.id,
      createdBy: actor.principal.id,
    });
    const after = toWindowView(window);
    await this.audit.record(m, actor, {
      action,
      entityType: 'window',
      entityId: window.id,
      hallId: window.hallId,
      before,
      after,
    });
    await this.events.append(m, window.hallId, 'window.changed', after);
    return after;
  }

  /** Windows per day by mode, derived from the lifecycle events. */
  async history(
    hallId: string,
    from: string,
    to: string,
  ): Promise<WindowHistoryResponse> {
    assertSpan(from, to, MAX_HISTORY_DAYS);
    const deltas = await this.modeDeltas([hallId], to);
    return { hallId, from, to, days: windowCountsByDay(deltas, from, to) };
  }

  /**
   * Each day's change to the window count per mode up to `to`, summed over the halls (the input of
   * windowCountsByDay). Also what the targets of a hall or a region count their windows from.
   */
  async modeDeltas(hallIds: string[], to: string): Promise<ModeDelta[]> {
    const rows = await this.windows.modeDeltas(hallIds, to);
    return rows.map((r) => ({
      date: r.date,
      mode: r.mode,
      delta: Number(r.delta),
    }));
  }

  private async lockWindow(
    m: EntityManager,
    hallId: string,
    windowId: string,
  ): Promise<WindowEntity> {
    const window = await m.getRepository(WindowEntity).findOne({
      where: { id: windowId, hallId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!window) throw DomainError.notFound('Window');
    return window;
  }

  private async assertLabelFree(
    m: EntityManager,
    hallId: string,
    label: string,
  ): Promise<void> {
    const taken = await m
      .getRepository(WindowEntity)
      .exists({ where: { hallId, label, state: Not('retired') } });
    if (taken)
      throw DomainError.conflict(
        `Window label ${label} is already in use in this hall`,
      );
  }

  private async checkCategories(
    mode: WindowMode,
    codes: string[],
  ): Promise<string[]> {
    const unique = [...new Set(codes)].sort();
    if (mode === 'department' && unique.length === 0) {
      throw DomainError.invalid('A department window needs its categories', [
        {
          field: 'categoryCodes',
          problems: ['must list at least one category for a department window'],
        },
      ]);
    }
    if (unique.length) {
      const known = await this.db
        .getRepository(CategoryEntity)
        .find({ where: { code: In(unique) } });
      const missing = unique.filter((c) => !known.some((k) => k.code === c));
      if (missing.length) {
        throw DomainError.invalid('Unknown categories', [
          {
            field: 'categoryCodes',
            problems: [`unknown: ${missing.join(', ')}`],
          },
        ]);
      }
    }
    return unique;
  }
}

export function toWindowView(w: WindowEntity): WindowView {
  return {
    id: w.id,
    label: w.label,
    mode: w.mode,
    categoryCodes: w.categoryCodes,
    state: w.state,
    openedOn: w.openedOn,
    retiredOn: w.retiredOn ?? null,
  };
}
