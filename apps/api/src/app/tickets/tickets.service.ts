import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  LOW_RATING_MAX,
  type TicketView,
  type TransferResult,
} from '@onewindow/contracts';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import {
  TicketQueries,
  type TicketChange,
  type Queryable,
  type TicketRow,
} from '@onewindow/persistence';
import type { Actor } from '../auth/access.decorator';
import type { DevicePrincipal, Principal } from '../auth/principal';
import { ScopeService } from '../auth/scope.service';
import { DomainError } from '../common/domain-error';
import { todayInShanghai } from '../common/service-date';
import type { CompleteTicketDto } from './dto/complete-ticket.dto';
import type { IssueTicketDto } from './dto/issue-ticket.dto';
import type { RateTicketDto } from './dto/rate-ticket.dto';
import { HallEventsService } from '../live/hall-events.service';
import { ServiceCatalog } from './service-catalog';
import { StatusTokens } from './status-tokens';
import { TicketEstimates } from './ticket-estimates.service';
import { toTicketView } from '@onewindow/persistence';

/** A rating pad may rate a ticket up to this long after its completion. */
export const RATING_WINDOW_MINUTES = 10;

@Injectable()
export class TicketsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tickets: TicketQueries,
    private readonly estimates: TicketEstimates,
    private readonly catalog: ServiceCatalog,
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
    const item = await this.catalog.item(
      dto.serviceItemCode,
      'serviceItemCode',
    );
    const priority = dto.priority ?? 'normal';
    const channel = dto.channel ?? (p.type === 'device' ? 'kiosk' : 'staff');
    const requestHash = createHash('sha256')
      .update(JSON.stringify([item.code, priority, channel]))
      .digest('hex');
    const principalKey = `${p.type}:${p.id}`;
    const competition = await this.estimates.competition(
      hallId,
      item.category_code,
    );
    // the new ticket's id is chosen here so that its status token (an HMAC of the id) is known
    // before the insert, which stores only the token's hash
    const newId = randomUUID();

    // one statement (issue_ticket, libs/persistence/src/sql/functions/issue_ticket.sql): key
    // check, number, ticket, key row and live event commit together, and the hall's counter row is
    // locked only that long. The row type is held to the function's result columns
    // (ISSUE_TICKET_RESULT); the same Idempotency-Key with another body raises SQLSTATE OW409, the
    // contract's 409 through SQL_ERRORS (common/domain-error.ts).
    const rows = await this.withPartitions(() =>
      this.tickets.issue({
        hallId,
        serviceDate: todayInShanghai(),
        principalKey,
        idempotencyKey: idempotencyKey ?? null,
        requestHash,
        itemCode: item.code,
        categoryCode: item.category_code,
        prefix: item.ticket_prefix,
        priority,
        channel,
        competing: competition.categories,
        id: newId,
        statusTokenHash: this.statusTokens.hash(
          this.statusTokens.tokenFor(newId),
        ),
      }),
    );
    const [{ result, ahead, ...row }] = rows;
    const created = result === 'created';
    if (created) this.events.notify(hallId);
    const ticket =
      ahead === null
        ? await this.estimates.withEstimate(row)
        : await this.estimates.estimated(row, competition, ahead);
    const statusToken = this.statusTokens.tokenFor(row.id);
    return {
      ticket: { ...ticket, statusToken, statusUrl: `/t/${statusToken}` },
      created,
    };
  }

  async get(principal: Principal, id: string): Promise<TicketView> {
    const row = await this.loadTicket(id);
    await this.scope.assertHall(principal, row.hall_id, 'read');
    return this.estimates.withEstimate(row);
  }

  /**
   * Cancels a waiting ticket. A kiosk cancels for the holder standing at it; a member of staff's
   * cancel is a correction (docs/figures.md: only the holder's counts as giving up).
   */
  cancel(actor: Actor, id: string): Promise<TicketView> {
    return this.transition(
      actor.principal,
      id,
      actor.principal.type === 'device' ? 'cancelByHolder' : 'cancel',
    );
  }

  /** Cancel by the ticket's holder, who proved it with the ticket's status token. */
  cancelByHolder(id: string): Promise<TicketView> {
    return this.transition(null, id, 'cancelByHolder');
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
      const tickets = this.tickets.on(m);
      const t = await tickets.lockForRating(id);
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
      const after = await tickets.rate(
        id,
        t.service_date,
        dto.rating,
        dto.reason ?? null,
      );
      after.window_label = t.window_label;
      return after;
    });
    return toTicketView(row);
  }

  recall(actor: Actor, id: string): Promise<TicketView> {
    return this.transition(actor.principal, id, 'recall');
  }

  start(actor: Actor, id: string): Promise<TicketView> {
    return this.transition(actor.principal, id, 'start');
  }

  noShow(actor: Actor, id: string): Promise<TicketView> {
    return this.transition(actor.principal, id, 'noShow');
  }

  complete(
    actor: Actor,
    id: string,
    dto: CompleteTicketDto,
  ): Promise<TicketView> {
    return this.transition(
      actor.principal,
      id,
      'complete',
      dto.outcome,
      dto.rating ?? null,
    );
  }

  /** Ends the served ticket as transferred and opens a waiting one for the other item, keeping its place. */
  async transfer(
    actor: Actor,
    id: string,
    serviceItemCode: string,
  ): Promise<TransferResult> {
    const item = await this.catalog.item(serviceItemCode, 'serviceItemCode');
    const result = await this.withPartitions(() =>
      this.db.transaction(async (m) => {
        const from = await this.lockForChange(
          m,
          actor.principal,
          id,
          ['serving'],
          'transfer',
        );
        const ended = await this.tickets
          .on(m)
          .markTransferred(id, from.service_date);
        ended.window_label = from.window_label;
        const competition = await this.estimates.competition(
          from.hall_id,
          item.category_code,
        );
        const to = await this.tickets.on(m).insertTransferred({
          hallId: from.hall_id,
          serviceDate: todayInShanghai(),
          itemCode: item.code,
          categoryCode: item.category_code,
          prefix: item.ticket_prefix,
          priority: from.priority,
          channel: 'staff',
          queueAt: from.queue_at,
          transferredFromId: from.id,
          competing: competition.categories,
        });
        const view = { from: toTicketView(ended), to: toTicketView(to) };
        await this.events.append(m, from.hall_id, 'ticket.transferred', view);
        return { hallId: from.hall_id, ended, to, competition };
      }),
    );
    this.events.notify(result.hallId);
    return {
      from: toTicketView(result.ended),
      to: await this.estimates.estimated(
        result.to,
        result.competition,
        result.to.ahead,
      ),
    };
  }

  /**
   * A state change of one ticket and its event; `principal` null: the holder (status token). 404
   * unknown, 403 outside the caller's hall, 409 a state the change may not leave, in that order.
   * The scope check runs first, on the ticket's hall (which never changes), outside any
   * transaction; the rest is one statement (change_ticket, libs/persistence/src/sql/functions/
   * change_ticket.sql): lock, state check (SQLSTATE OW409, the contract's 409 through SQL_ERRORS,
   * common/domain-error.ts), change and event commit together, so the hall's event counter row
   * that call-next also needs is locked for one round trip.
   */
  private async transition(
    principal: Principal | null,
    id: string,
    change: TicketChange,
    outcome: string | null = null,
    rating: number | null = null,
  ): Promise<TicketView> {
    const place = await this.tickets.placeOf(id);
    if (!place) throw DomainError.notFound('Ticket');
    if (principal)
      await this.scope.assertHall(principal, place.hall_id, 'operate');
    const row = await this.tickets.changeTicket(
      id,
      place.service_date,
      change,
      outcome,
      rating,
    );
    this.events.notify(row.hall_id);
    return this.estimates.withEstimate(row);
  }

  /**
   * Locks a ticket for a state change: 404 unknown, 403 outside the caller's hall (`principal`
   * null: its holder, already proven by the status token), 409 wrong state.
   */
  private async lockForChange(
    m: Queryable,
    principal: Principal | null,
    id: string,
    from: TicketRow['state'][],
    action: string,
  ): Promise<TicketRow> {
    const row = await this.tickets.on(m).lock(id);
    if (!row) throw DomainError.notFound('Ticket');
    // on the transaction's connection: a second one from the pool while this one is held could
    // starve the pool under load
    if (principal)
      await this.scope.assertHall(principal, row.hall_id, 'operate', m);
    if (!from.includes(row.state)) {
      throw DomainError.conflict(
        `Cannot ${action.replace('_', '-')} a ticket that is ${row.state} (needs ${from.join(' or ')})`,
      );
    }
    return row;
  }

  private async loadTicket(id: string): Promise<TicketRow> {
    const row = await this.tickets.find(id);
    if (!row) throw DomainError.notFound('Ticket');
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
      await this.tickets.ensurePartitions(today);
      return work();
    }
  }
}
