import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  LOW_RATING_MAX,
  type HallEventType,
  type TicketView,
  type TransferResult,
} from '@onewindow/contracts';
import { LRUCache } from 'lru-cache';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { IssueTicketRow } from '@onewindow/persistence';
import type { Actor } from '../auth/access.decorator';
import type { DevicePrincipal, Principal } from '../auth/principal';
import { ScopeService } from '../auth/scope.service';
import { DomainError } from '../common/domain-error';
import { todayInShanghai } from '../common/service-date';
import type { CompleteTicketDto } from './dto/complete-ticket.dto';
import type { IssueTicketDto } from './dto/issue-ticket.dto';
import type { RateTicketDto } from './dto/rate-ticket.dto';
import { HallEventsService } from './hall-events.service';
import {
  competingCategories,
  estimateWaitMinutes,
  windowServes,
  type ServingWindow,
} from './queue-estimate';
import { StatusTokens } from './status-tokens';
import {
  TICKET_COLUMNS,
  toTicketView,
  updateReturning,
  type TicketRow,
} from './ticket-row';

interface ItemRow {
  code: string;
  category_code: string;
  ticket_prefix: string;
  typical_handling_minutes: string;
}

/** Handling times of the last this-many done tickets of a category make the recent mean. */
const RECENT_HANDLING_SAMPLE = 50;

/** Windows that compete for a category's tickets (see `competition`). */
interface Competition {
  /** categories whose waiting tickets compete with it; null: every category */
  categories: string[] | null;
  /** windows able to serve it */
  able: number;
}

/** A rating pad may rate a ticket up to this long after its completion. */
export const RATING_WINDOW_MINUTES = 10;

/** How long read-mostly inputs of the queue are reused. */
const WINDOWS_TTL_MS = 2_000;
const HANDLING_TTL_MS = 60_000;
const CATALOG_TTL_MS = 60_000;

@Injectable()
export class TicketsService {
  private readonly catalogCache = new LRUCache<string, Map<string, ItemRow>>({
    max: 1,
    ttl: CATALOG_TTL_MS,
  });
  private readonly windowsCache = new LRUCache<
    string,
    (ServingWindow & { open: boolean })[]
  >({ max: 5_000, ttl: WINDOWS_TTL_MS });
  private readonly handlingCache = new LRUCache<string, number>({
    max: 50_000,
    ttl: HANDLING_TTL_MS,
  });

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: HallEventsService,
    private readonly scope: ScopeService,
    private readonly statusTokens: StatusTokens,
  ) {}

  /**
   * Issues a ticket: number allocation, insert, idempotency record and event in one statement.
   * Retries with the same Idempotency-Key serialise on an advisory lock of the key, so racing
   * retries return the one ticket.
   */
  async issue(
    actor: Actor,
    hallId: string,
    dto: IssueTicketDto,
    idempotencyKey: string | undefined,
  ): Promise<{ ticket: TicketView; created: boolean }> {
    const p = actor.principal;
    if (p.type === 'device' && !idempotencyKey) {
      throw DomainError.invalid(
        'Idempotency-Key header is required for kiosks',
        [{ field: 'Idempotency-Key', problems: ['is required for kiosks'] }],
      );
    }
    const item = await this.findItem(dto.serviceItemCode, 'serviceItemCode');
    const priority = dto.priority ?? 'normal';
    const channel = dto.channel ?? (p.type === 'device' ? 'kiosk' : 'staff');
    const requestHash = createHash('sha256')
      .update(JSON.stringify([item.code, priority, channel]))
      .digest('hex');
    const principalKey = `${p.type}:${p.id}`;
    const competition = await this.competition(hallId, item.category_code);
    // the new ticket's id is chosen here so that its status token (an HMAC of the id) is known
    // before the insert, which stores only the token's hash
    const newId = randomUUID();

    // one statement (issue_ticket, libs/persistence/src/sql/functions/issue_ticket.sql): key
    // check, number, ticket, key row and live event commit together, and the hall's counter row is
    // locked only that long. The row type is held to the function's result columns
    // (ISSUE_TICKET_RESULT); the same Idempotency-Key with another body raises SQLSTATE OW409, the
    // contract's 409 through SQL_ERRORS (common/domain-error.ts).
    const rows: IssueTicketRow[] = await this.withPartitions(() =>
      this.db.query(
        `SELECT * FROM issue_ticket($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          hallId,
          todayInShanghai(),
          principalKey,
          idempotencyKey ?? null,
          requestHash,
          item.code,
          item.category_code,
          item.ticket_prefix,
          priority,
          channel,
          competition.categories,
          newId,
          this.statusTokens.hash(this.statusTokens.tokenFor(newId)),
        ],
      ),
    );
    const [{ result, ahead, ...row }] = rows;
    const created = result === 'created';
    if (created) this.events.notify(hallId);
    const ticket =
      ahead === null
        ? await this.withEstimate(row)
        : await this.estimated(row, competition, ahead);
    const statusToken = this.statusTokens.tokenFor(row.id);
    return {
      ticket: { ...ticket, statusToken, statusUrl: `/t/${statusToken}` },
      created,
    };
  }

  async get(principal: Principal, id: string): Promise<TicketView> {
    const row = await this.loadTicket(this.db.manager, id);
    await this.scope.assertHall(principal, row.hall_id, 'read');
    return this.withEstimate(row);
  }

  cancel(actor: Actor, id: string): Promise<TicketView> {
    return this.transition(
      actor.principal,
      id,
      ['waiting'],
      'ticket.cancelled',
      `state = 'cancelled', cancelled_at = now()`,
    );
  }

  /** Cancel by the ticket's holder, who proved it with the ticket's status token. */
  cancelByHolder(id: string): Promise<TicketView> {
    return this.transition(
      null,
      id,
      ['waiting'],
      'ticket.cancelled',
      `state = 'cancelled', cancelled_at = now()`,
    );
  }

  /**
   * A rating pad's 好差评 of the ticket just completed at its window: once per ticket, within
   * RATING_WINDOW_MINUTES of the completion; a reason only with a low rating.
   */
  async rate(
    device: DevicePrincipal,
    id: string,
    dto: RateTicketDto,
  ): Promise<TicketView> {
    if (dto.reason !== undefined && dto.rating > LOW_RATING_MAX)
      throw DomainError.invalid('A reason goes with a low rating only', [
        {
          field: 'reason',
          problems: [`only for a rating of ${LOW_RATING_MAX} or less`],
        },
      ]);
    const row = await this.db.transaction(async (m) => {
      const [t]: (TicketRow & { completed_ago: number | null })[] =
        await m.query(
          `SELECT ${TICKET_COLUMNS}, w.label AS window_label,
                  extract(epoch FROM now() - t.completed_at) / 60 AS completed_ago
           FROM tickets t LEFT JOIN windows w ON w.id = t.window_id
           WHERE t.id = $1 FOR UPDATE OF t`,
          [id],
        );
      // another hall's ticket is as unknown to a device as a ticket that does not exist
      if (!t || t.hall_id !== device.hallId)
        throw DomainError.notFound('Ticket');
      if (t.state !== 'done')
        throw DomainError.conflict(
          `Cannot rate a ticket that is ${t.state} (needs done)`,
        );
      if (t.window_id !== device.windowId)
        throw DomainError.forbidden(
          'This rating pad belongs to another window',
        );
      if (t.rating !== null)
        throw DomainError.conflict('This ticket is already rated');
      if (Number(t.completed_ago) > RATING_WINDOW_MINUTES)
        throw DomainError.conflict(
          `Ratings close ${RATING_WINDOW_MINUTES} minutes after completion`,
        );
      const [after] = await updateReturning<TicketRow>(
        m,
        `UPDATE tickets t SET rating = $3, rating_reason = $4, rated_at = now()
         WHERE id = $1 AND service_date = $2 RETURNING ${TICKET_COLUMNS}`,
        [id, t.service_date, dto.rating, dto.reason ?? null],
      );
      after.window_label = t.window_label;
      return after;
    });
    return toTicketView(row);
  }

  recall(actor: Actor, id: string): Promise<TicketView> {
    return this.transition(
      actor.principal,
      id,
      ['called'],
      'ticket.recalled',
      `recall_count = recall_count + 1`,
    );
  }

  start(actor: Actor, id: string): Promise<TicketView> {
    return this.transition(
      actor.principal,
      id,
      ['called'],
      'ticket.started',
      `state = 'serving', started_at = now()`,
    );
  }

  noShow(actor: Actor, id: string): Promise<TicketView> {
    return this.transition(
      actor.principal,
      id,
      ['called'],
      'ticket.no_show',
      `state = 'no_show', completed_at = now()`,
    );
  }

  complete(
    actor: Actor,
    id: string,
    dto: CompleteTicketDto,
  ): Promise<TicketView> {
    return this.transition(
      actor.principal,
      id,
      ['serving'],
      'ticket.completed',
      `state = 'done', completed_at = now(), outcome = $3, rating = $4`,
      [dto.outcome, dto.rating ?? null],
    );
  }

  /** Ends the served ticket as transferred and opens a waiting one for the other item, keeping its place. */
  async transfer(
    actor: Actor,
    id: string,
    serviceItemCode: string,
  ): Promise<TransferResult> {
    const item = await this.findItem(serviceItemCode, 'serviceItemCode');
    const result = await this.withPartitions(() =>
      this.db.transaction(async (m) => {
        const from = await this.lockForChange(
          m,
          actor.principal,
          id,
          ['serving'],
          'transfer',
        );
        const [ended] = await updateReturning<TicketRow>(
          m,
          `UPDATE tickets t SET state = 'transferred', completed_at = now() WHERE id = $1 AND service_date = $2 RETURNING ${TICKET_COLUMNS}`,
          [id, from.service_date],
        );
        ended.window_label = from.window_label;
        const competition = await this.competition(
          from.hall_id,
          item.category_code,
        );
        const to = await this.insertTicket(m, {
          hallId: from.hall_id,
          serviceDate: todayInShanghai(),
          item,
          priority: from.priority,
          channel: 'staff',
          queueAt: from.queue_at,
          transferredFromId: from.id,
          competition,
        });
        const view = { from: toTicketView(ended), to: toTicketView(to) };
        await this.events.append(m, from.hall_id, 'ticket.transferred', view);
        return { hallId: from.hall_id, ended, to, competition };
      }),
    );
    this.events.notify(result.hallId);
    return {
      from: toTicketView(result.ended),
      to: await this.estimated(result.to, result.competition, result.to.ahead),
    };
  }

  /** Position and estimated wait of a waiting ticket (read-only, outside any transaction). */
  async withEstimate(row: TicketRow): Promise<TicketView> {
    const [view] = await this.withEstimates([row]);
    return view;
  }

  /**
   * Views of tickets with the position and estimated wait of those waiting: one query counts the
   * tickets ahead of all of them (tickets_ahead, read from the stored rows so the queue times keep
   * their full precision).
   */
  async withEstimates(rows: TicketRow[]): Promise<TicketView[]> {
    const competitions = new Map<string, Competition>();
    const inputs: {
      id: string;
      service_date: string;
      categories: string[] | null;
    }[] = [];
    for (const r of rows) {
      if (r.state !== 'waiting') continue;
      const key = `${r.hall_id}|${r.category_code}`;
      let c = competitions.get(key);
      if (!c) {
        c = await this.competition(r.hall_id, r.category_code);
        competitions.set(key, c);
      }
      inputs.push({
        id: r.id,
        service_date: r.service_date,
        categories: c.categories,
      });
    }
    const ahead = new Map<string, number>();
    if (inputs.length) {
      const counted: { id: string; ahead: number }[] = await this.db.query(
        `SELECT t.id, tickets_ahead(t.hall_id, t.service_date, t.id, x.categories,
                                    CASE WHEN t.priority = 'normal' THEN 0 ELSE 1 END, t.queue_at) AS ahead
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, service_date date, categories text[])
         JOIN tickets t ON t.id = x.id AND t.service_date = x.service_date`,
        [JSON.stringify(inputs)],
      );
      for (const c of counted) ahead.set(c.id, c.ahead);
    }
    return Promise.all(
      rows.map((r) => {
        const c = competitions.get(`${r.hall_id}|${r.category_code}`);
        return r.state === 'waiting' && c && ahead.has(r.id)
          ? this.estimated(r, c, ahead.get(r.id) as number)
          : toTicketView(r);
      }),
    );
  }

  /** The ticket's view with its position and estimate, given the tickets ahead of it. */
  private async estimated(
    row: TicketRow,
    competition: Competition,
    ahead: number,
  ): Promise<TicketView> {
    const handling = await this.handlingMinutes(row);
    return toTicketView(row, {
      position: ahead + 1,
      estimatedWaitMinutes: estimateWaitMinutes(
        ahead,
        handling,
        competition.able,
      ),
    });
  }

  /**
   * Which waiting tickets compete with a category for the same windows, and how many windows
   * can serve it: the open ones, or when none of those serve it, the ones that would once open.
   */
  private async competition(
    hallId: string,
    categoryCode: string,
  ): Promise<Competition> {
    const windows = await this.servingWindows(hallId);
    const open = windows.filter((w) => w.open);
    const serving = open.some((w) => windowServes(w, categoryCode))
      ? open
      : windows;
    return {
      categories: competingCategories(serving, categoryCode),
      able: serving.filter((w) => windowServes(w, categoryCode)).length,
    };
  }

  private async servingWindows(
    hallId: string,
  ): Promise<(ServingWindow & { open: boolean })[]> {
    const hit = this.windowsCache.get(hallId);
    if (hit) return hit;
    const rows: {
      mode: 'department' | 'comprehensive';
      category_codes: string[];
      state: string;
    }[] = await this.db.query(
      `SELECT mode, category_codes, state FROM windows WHERE hall_id = $1 AND state <> 'retired'`,
      [hallId],
    );
    const windows = rows.map((w) => ({
      mode: w.mode,
      categoryCodes: w.category_codes,
      open: w.state === 'open',
    }));
    this.windowsCache.set(hallId, windows);
    return windows;
  }

  /** Mean handling minutes of the category's recent done tickets, else the item's typical time; cached a minute. */
  private async handlingMinutes(row: TicketRow): Promise<number> {
    const key = `${row.hall_id}|${row.category_code}|${row.service_date}`;
    let mean = this.handlingCache.get(key);
    if (mean === undefined) {
      const [r]: { mean: string | null }[] = await this.db.query(
        `SELECT avg(extract(epoch FROM completed_at - started_at)) / 60 AS mean FROM (
           SELECT completed_at, started_at FROM tickets
           WHERE hall_id = $1 AND category_code = $2 AND state = 'done' AND started_at IS NOT NULL
             AND service_date >= $3::date - 14 AND service_date <= $3::date
           ORDER BY completed_at DESC LIMIT ${RECENT_HANDLING_SAMPLE}) recent`,
        [row.hall_id, row.category_code, row.service_date],
      );
      mean = r.mean === null ? NaN : Number(r.mean);
      this.handlingCache.set(key, mean);
    }
    if (Number.isFinite(mean)) return mean;
    const item = (await this.catalog()).get(row.service_item_code);
    return Number(item?.typical_handling_minutes ?? 10);
  }

  /** A state change of one ticket and its event; `principal` null: the holder (status token). */
  private async transition(
    principal: Principal | null,
    id: string,
    from: TicketRow['state'][],
    event: HallEventType,
    set: string,
    params: unknown[] = [],
  ): Promise<TicketView> {
    const row = await this.db.transaction(async (m) => {
      const before = await this.lockForChange(
        m,
        principal,
        id,
        from,
        event.replace('ticket.', ''),
      );
      const [after] = await updateReturning<TicketRow>(
        m,
        `UPDATE tickets t SET ${set} WHERE id = $1 AND service_date = $2 RETURNING ${TICKET_COLUMNS}`,
        [id, before.service_date, ...params],
      );
      after.window_label = before.window_label;
      await this.events.append(m, before.hall_id, event, toTicketView(after));
      return after;
    });
    this.events.notify(row.hall_id);
    return this.withEstimate(row);
  }

  /**
   * Locks a ticket for a state change: 404 unknown, 403 outside the caller's hall (`principal`
   * null: its holder, already proven by the status token), 409 wrong state.
   */
  private async lockForChange(
    m: EntityManager,
    principal: Principal | null,
    id: string,
    from: TicketRow['state'][],
    action: string,
  ): Promise<TicketRow> {
    const [row]: TicketRow[] = await m.query(
      `SELECT ${TICKET_COLUMNS}, w.label AS window_label FROM tickets t LEFT JOIN windows w ON w.id = t.window_id
       WHERE t.id = $1 FOR UPDATE OF t`,
      [id],
    );
    if (!row) throw DomainError.notFound('Ticket');
    if (principal)
      await this.scope.assertHall(principal, row.hall_id, 'operate');
    if (!from.includes(row.state)) {
      throw DomainError.conflict(
        `Cannot ${action.replace('_', '-')} a ticket that is ${row.state} (needs ${from.join(' or ')})`,
      );
    }
    return row;
  }

  private async loadTicket(
    m: EntityManager,
    id: string,
    serviceDate?: string,
  ): Promise<TicketRow> {
    const [row]: TicketRow[] = await m.query(
      `SELECT ${TICKET_COLUMNS}, w.label AS window_label FROM tickets t LEFT JOIN windows w ON w.id = t.window_id
       WHERE t.id = $1 ${serviceDate ? 'AND t.service_date = $2' : ''}`,
      serviceDate ? [id, serviceDate] : [id],
    );
    if (!row) throw DomainError.notFound('Ticket');
    return row;
  }

  private async findItem(code: string, field: string): Promise<ItemRow> {
    let item = (await this.catalog()).get(code);
    if (!item) {
      // perhaps added since the catalog was read
      this.catalogCache.clear();
      item = (await this.catalog()).get(code);
    }
    if (!item)
      throw DomainError.invalid('Unknown service item', [
        { field, problems: [`no service item ${code}`] },
      ]);
    return item;
  }

  /** The province-wide catalog (a hundred-odd rows), read once a minute. */
  private async catalog(): Promise<Map<string, ItemRow>> {
    const hit = this.catalogCache.get('all');
    if (hit) return hit;
    const rows: ItemRow[] = await this.db.query(
      `SELECT i.code, i.category_code, c.ticket_prefix, i.typical_handling_minutes
       FROM service_items i JOIN categories c ON c.code = i.category_code`,
    );
    const map = new Map(rows.map((r) => [r.code, r]));
    this.catalogCache.set('all', map);
    return map;
  }

  /** Next number of the item's category prefix for the hall and day, and the ticket row. */
  private async insertTicket(
    m: EntityManager,
    t: {
      hallId: string;
      serviceDate: string;
      item: ItemRow;
      priority: string;
      channel: string;
      queueAt: Date | null;
      transferredFromId: string | null;
      competition: Competition;
    },
  ): Promise<TicketRow & { ahead: number }> {
    // one statement: the next number of the prefix (the one numbering path, as issue_ticket's) and
    // the ticket, and how many waiting tickets are ahead of it
    const [row]: (TicketRow & { ahead: number })[] = await m.query(
      `WITH next AS (SELECT next_ticket_sequence($2, $1, $3) AS n)
       INSERT INTO tickets AS t (service_date, hall_id, number, prefix, sequence, service_item_code, category_code, priority, channel,
                                 state, issued_at, queue_at, transferred_from_id)
       SELECT $1, $2, ticket_number($3, n), $3, n, $4, $5, $6, $7,
              'waiting', now(), COALESCE($8, now()), $9
       FROM next
       RETURNING ${TICKET_COLUMNS},
         tickets_ahead(t.hall_id, t.service_date, t.id, $10, CASE WHEN t.priority = 'normal' THEN 0 ELSE 1 END, t.queue_at) AS ahead`,
      [
        t.serviceDate,
        t.hallId,
        t.item.ticket_prefix,
        t.item.code,
        t.item.category_code,
        t.priority,
        t.channel,
        t.queueAt,
        t.transferredFromId,
        t.competition.categories,
      ],
    );
    return row;
  }

  /** Creates the month's ticket partition if the worker has not yet, then tries once more. */
  private async withPartitions<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (
        !(e instanceof QueryFailedError) ||
        !/no partition of relation "tickets"/.test(e.message)
      )
        throw e;
      const today = todayInShanghai();
      await this.db.query(
        `SELECT ensure_ticket_partitions($1::date, $1::date)`,
        [today],
      );
      return work();
    }
  }
}
