import type { OutgoingHttpHeaders } from 'node:http';
import {
  Injectable,
  Logger,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import type {
  PublicTicketView,
  TicketState,
  TicketView,
} from '@onewindow/contracts';
import { AppConfig } from '@onewindow/server-core';
import type { FastifyReply } from 'fastify';
import type { ServerResponse } from 'node:http';
import { DomainError } from '../common/domain-error';
import { todayInShanghai } from '../common/service-date';
import { HallEventsService } from '../live/hall-events.service';
import { StatusTokens, STATUS_TOKEN } from './status-tokens';
import {
  TicketReadQueries,
  type PublicTicketRow,
} from '@onewindow/persistence';
import { TicketEstimates } from './ticket-estimates.service';
import { TicketsService } from './tickets.service';

/** One citizen's open page. */
interface TicketStream {
  res: ServerResponse;
  ticketId: string;
  serviceDate: string;
  /** the last view sent, as JSON */
  sent: string;
  closing?: NodeJS.Timeout;
}

interface HallStreams {
  streams: Set<TicketStream>;
  unwatch: () => void;
  running: Promise<void> | null;
  again: boolean;
}

/** States after which a ticket page has nothing more to learn. */
const FINAL: ReadonlySet<TicketState> = new Set([
  'done',
  'no_show',
  'cancelled',
  'expired',
]);
/** Transfers are followed this many steps at most (a ticket transferred back and forth). */
const MAX_TRANSFERS = 10;
/** A page told its ticket is over is closed after this long (ms). */
const CLOSE_AFTER_FINAL_MS = 1_000;

/**
 * Citizens' ticket pages. A status token names one ticket of today (it expires with the service
 * day); a transferred ticket is followed to the ticket the transfer opened. Nothing else is
 * reachable through it: the view carries no id and nothing about other people.
 *
 * Live pages: every open page of a hall is refreshed by one query when the hall has new events
 * (HallEventsService.watch: the same wake-up as the boards' streams), and is sent its view only
 * when that changed.
 */
@Injectable()
export class PublicTicketsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('PublicTickets');
  private readonly halls = new Map<string, HallStreams>();
  private keepAlive?: NodeJS.Timeout;

  constructor(
    private readonly reads: TicketReadQueries,
    private readonly tokens: StatusTokens,
    private readonly tickets: TicketsService,
    private readonly estimates: TicketEstimates,
    private readonly events: HallEventsService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.keepAlive = setInterval(() => {
      for (const hall of this.halls.values())
        for (const s of hall.streams) s.res.write(`: keep-alive\n\n`);
    }, this.config.SSE_KEEPALIVE_SECONDS * 1000);
    this.keepAlive.unref();
  }

  onModuleDestroy(): void {
    if (this.keepAlive) clearInterval(this.keepAlive);
    for (const hall of this.halls.values()) {
      hall.unwatch();
      for (const s of hall.streams) s.res.end();
    }
    this.halls.clear();
  }

  async view(token: string): Promise<PublicTicketView> {
    const row = await this.resolve(token);
    const [view] = await this.estimates.withEstimates([row]);
    return toPublicView(row, view);
  }

  /** The holder cancels their ticket (the one a transfer opened, if it was transferred). */
  async cancel(token: string): Promise<PublicTicketView> {
    const row = await this.resolve(token);
    await this.tickets.cancelByHolder(row.id);
    return this.view(token);
  }

  /** Opens the live page of a ticket: its view now, then each change. */
  async stream(token: string, reply: FastifyReply): Promise<void> {
    const row = await this.resolve(token);
    const [view] = await this.estimates.withEstimates([row]);
    const first = JSON.stringify(toPublicView(row, view));
    reply.hijack();
    const res = reply.raw;
    // the headers set so far (request id, security headers, CORS) go with the stream's
    res.writeHead(200, {
      ...(reply.getHeaders() as OutgoingHttpHeaders),
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write(`retry: 5000\nevent: ticket\ndata: ${first}\n\n`);
    const stream: TicketStream = {
      res,
      ticketId: row.id,
      serviceDate: row.service_date,
      sent: first,
    };
    if (FINAL.has(row.state)) {
      this.closeSoon(stream);
      return;
    }
    let hall = this.halls.get(row.hall_id);
    if (!hall) {
      hall = {
        streams: new Set(),
        unwatch: () => undefined,
        running: null,
        again: false,
      };
      this.halls.set(row.hall_id, hall);
      const watching = hall;
      watching.unwatch = await this.events.watch(row.hall_id, () =>
        this.refresh(row.hall_id, watching),
      );
    }
    const streams = hall;
    streams.streams.add(stream);
    res.on('close', () => {
      if (stream.closing) clearTimeout(stream.closing);
      streams.streams.delete(stream);
      if (!streams.streams.size && this.halls.get(row.hall_id) === streams) {
        streams.unwatch();
        this.halls.delete(row.hall_id);
      }
    });
    // a change between the first read and the watch is not missed
    this.refresh(row.hall_id, streams);
  }

  /** Number of open ticket pages (tests and metrics). */
  streamCount(): number {
    let n = 0;
    for (const hall of this.halls.values()) n += hall.streams.size;
    return n;
  }

  /** Re-reads every open page's ticket of a hall (coalesced: one read at a time per hall). */
  private refresh(hallId: string, hall: HallStreams): void {
    if (hall.running) {
      hall.again = true;
      return;
    }
    hall.running = this.send(hall)
      .catch((e: Error) =>
        this.logger.warn(`refreshing ticket pages of ${hallId}: ${e.message}`),
      )
      .finally(() => {
        hall.running = null;
        if (hall.again) {
          hall.again = false;
          this.refresh(hallId, hall);
        }
      });
  }

  private async send(hall: HallStreams): Promise<void> {
    for (let step = 0; step <= MAX_TRANSFERS; step++) {
      const open = [...hall.streams].filter((s) => !s.closing);
      if (!open.length) return;
      const rows = await this.load(
        open.map((s) => ({ id: s.ticketId, serviceDate: s.serviceDate })),
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      // pages of a transferred ticket follow the ticket its transfer opened, then read again
      let moved = false;
      for (const s of open) {
        const r = byId.get(s.ticketId);
        if (r?.state === 'transferred' && r.successor_id) {
          s.ticketId = r.successor_id;
          moved = true;
        }
      }
      if (moved) continue;
      const views = await this.estimates.withEstimates(rows);
      const viewById = new Map(views.map((v) => [v.id, v]));
      for (const s of open) {
        const r = byId.get(s.ticketId);
        const v = viewById.get(s.ticketId);
        if (!r || !v) continue;
        const json = JSON.stringify(toPublicView(r, v));
        if (json !== s.sent) {
          s.sent = json;
          s.res.write(`event: ticket\ndata: ${json}\n\n`);
        }
        if (FINAL.has(r.state)) this.closeSoon(s);
      }
      return;
    }
  }

  private closeSoon(s: TicketStream): void {
    if (s.closing) return;
    s.closing = setTimeout(() => s.res.end(), CLOSE_AFTER_FINAL_MS);
    s.closing.unref();
  }

  /** The ticket of a token today, followed through its transfers; 404 for anything else. */
  private async resolve(token: string): Promise<PublicTicketRow> {
    if (!STATUS_TOKEN.test(token)) throw DomainError.notFound('Ticket');
    const first = await this.reads.byStatusToken(
      this.tokens.hash(token),
      todayInShanghai(),
    );
    if (!first) throw DomainError.notFound('Ticket');
    let row = first;
    for (let i = 0; i < MAX_TRANSFERS && row.successor_id; i++) {
      const [next] = await this.load([
        { id: row.successor_id, serviceDate: row.service_date },
      ]);
      if (!next) break;
      row = next;
    }
    return row;
  }

  private load(
    tickets: { id: string; serviceDate: string }[],
  ): Promise<PublicTicketRow[]> {
    return this.reads.forPublic(tickets);
  }
}

/** Exactly the public fields: no ids, nothing about other tickets. */
export function toPublicView(
  row: PublicTicketRow,
  view: TicketView,
): PublicTicketView {
  const waiting = row.state === 'waiting';
  return {
    hallName: row.hall_name,
    number: row.number,
    serviceItemName: row.item_name,
    state: row.state,
    position: waiting ? (view.position ?? null) : null,
    estimatedWaitMinutes: waiting ? (view.estimatedWaitMinutes ?? null) : null,
    ...(row.window_label && !waiting ? { windowLabel: row.window_label } : {}),
    ...(row.called_at ? { calledAt: row.called_at.toISOString() } : {}),
  };
}
