import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Call-next in one round trip. A window's call used to be six statements in a TypeORM transaction
 * (window lock, candidates, streak, call, event counter + event, commit), so with fifty windows at
 * a hall the pool's connections sat idle in transaction between round trips, holding the window,
 * the candidate tickets and the hall's event counter row while the API sent the next statement.
 * One call of call_next() does the same work inside PostgreSQL:
 *
 * - locks the window (one call at a time per window); unknown: SQLSTATE OW404 'Window not found';
 *   not open: OW409 'Window <label> is <state>; open it first'; still holding a ticket today:
 *   OW409 'Window <label> still holds ticket <number>';
 * - the oldest normal and the oldest priority/appointment ticket the window may serve, each
 *   locked with SKIP LOCKED (two windows never get the same ticket), read by statements after the
 *   window's lock (a fresh snapshot: what the previous holder of the lock called is seen);
 * - the green channel (docs/architecture.md: who is called next; the API's `chooseNext` states the
 *   same rule and an integration test holds the two together): a normal ticket that has waited the
 *   hall's normal_max_wait_minutes goes first, after priority_streak_cap priority calls in a row at
 *   the window the oldest normal one does, otherwise priority first;
 * - the window's priority_streak, the ticket called (called_at: the moment of the call, after the
 *   window's lock) and the ticket.called event with the API's ticket view as its payload;
 * - answers the called ticket with its window's label, or no row when nothing waits that the window
 *   may serve.
 *
 * Two partial indexes keep its reads short however long the day's queue: IDX_tickets_held (the
 * ticket a window holds: it was a scan of the hall's whole day, ~20 ms at 30,000 tickets, on every
 * call) and IDX_tickets_waiting_priority (the oldest priority ticket: once the green channel has
 * called the early ones, the waiting index was walked past thousands of normal tickets to reach it).
 *
 * Current text: libs/persistence/src/sql/functions/call_next.sql.
 */
export class CallNextFunction1765756800000 implements MigrationInterface {
  name = 'CallNextFunction1765756800000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "IDX_tickets_held" ON "tickets" ("window_id", "service_date") WHERE "state" IN ('called', 'serving')`,
    );
    await q.query(
      `CREATE INDEX "IDX_tickets_waiting_priority" ON "tickets" ("hall_id", "service_date", "queue_at", "id") WHERE "state" = 'waiting' AND "priority" <> 'normal'`,
    );
    await q.query(CALL_NEXT);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION call_next(uuid, uuid, date)`);
    await q.query(`DROP INDEX "IDX_tickets_waiting_priority"`);
    await q.query(`DROP INDEX "IDX_tickets_held"`);
  }
}

/** call_next() as this migration leaves it (a frozen copy: its current text lives in sql/). */
const CALL_NEXT = `CREATE FUNCTION call_next(p_hall uuid, p_window uuid, p_date date)
      RETURNS TABLE (
        id uuid, service_date text, hall_id uuid, number varchar, prefix varchar, sequence integer,
        service_item_code varchar, category_code varchar, priority varchar, channel varchar, state varchar,
        issued_at timestamptz, queue_at timestamptz, called_at timestamptz, started_at timestamptz,
        completed_at timestamptz, cancelled_at timestamptz, window_id uuid, recall_count integer,
        outcome varchar, rating smallint, rating_reason varchar, transferred_from_id uuid, window_label varchar)
      LANGUAGE plpgsql AS $$
      #variable_conflict use_column
      DECLARE
        w record;
        categories text[];
        held varchar;
        normal_id uuid; normal_date date; normal_queue timestamptz;
        high_id uuid; high_date date; high_queue timestamptz;
        pick text;
        streak integer;
        moment timestamptz;
        c tickets%ROWTYPE;
      BEGIN
        -- the window, locked: one call at a time per window
        SELECT wi.label, wi.mode, wi.category_codes, wi.state, wi.priority_streak,
               ha.priority_streak_cap AS cap, ha.normal_max_wait_minutes AS max_wait
        INTO w
        FROM windows wi JOIN halls ha ON ha.id = wi.hall_id
        WHERE wi.id = p_window AND wi.hall_id = p_hall
        FOR UPDATE OF wi;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'Window not found' USING ERRCODE = 'OW404';
        END IF;
        IF w.state <> 'open' THEN
          RAISE EXCEPTION 'Window % is %; open it first', w.label, w.state USING ERRCODE = 'OW409';
        END IF;

        -- each statement from here reads a snapshot taken after the window's lock
        SELECT tk.number INTO held FROM tickets tk
        WHERE tk.hall_id = p_hall AND tk.service_date = p_date AND tk.window_id = p_window
          AND tk.state IN ('called', 'serving')
        LIMIT 1;
        IF held IS NOT NULL THEN
          RAISE EXCEPTION 'Window % still holds ticket %', w.label, held USING ERRCODE = 'OW409';
        END IF;

        -- a comprehensive window without a skill set serves every category
        categories := CASE WHEN w.mode = 'comprehensive' AND cardinality(w.category_codes) = 0
                           THEN NULL ELSE w.category_codes END;
        SELECT tk.id, tk.service_date, tk.queue_at INTO normal_id, normal_date, normal_queue FROM tickets tk
        WHERE tk.hall_id = p_hall AND tk.service_date = p_date AND tk.state = 'waiting'
          AND (categories IS NULL OR tk.category_code = ANY(categories)) AND tk.priority = 'normal'
        ORDER BY tk.queue_at, tk.id LIMIT 1
        FOR UPDATE OF tk SKIP LOCKED;
        SELECT tk.id, tk.service_date, tk.queue_at INTO high_id, high_date, high_queue FROM tickets tk
        WHERE tk.hall_id = p_hall AND tk.service_date = p_date AND tk.state = 'waiting'
          AND (categories IS NULL OR tk.category_code = ANY(categories)) AND tk.priority <> 'normal'
        ORDER BY tk.queue_at, tk.id LIMIT 1
        FOR UPDATE OF tk SKIP LOCKED;

        -- the green channel (the API's chooseNext states the same rule)
        moment := clock_timestamp();
        pick := CASE
          WHEN normal_id IS NULL AND high_id IS NULL THEN NULL
          WHEN normal_id IS NULL THEN 'priority'
          WHEN high_id IS NULL THEN 'normal'
          WHEN moment - normal_queue >= make_interval(mins => w.max_wait) THEN 'normal'
          WHEN w.priority_streak >= w.cap THEN 'normal'
          ELSE 'priority' END;
        IF pick IS NULL THEN
          RETURN;
        END IF;
        streak := CASE WHEN pick = 'priority' THEN w.priority_streak + 1 ELSE 0 END;
        IF streak <> w.priority_streak THEN
          UPDATE windows SET priority_streak = streak WHERE id = p_window;
        END IF;

        -- the call, stamped at its moment (not the transaction's start)
        UPDATE tickets tk SET state = 'called', called_at = moment, window_id = p_window
        WHERE tk.id = CASE WHEN pick = 'normal' THEN normal_id ELSE high_id END
          AND tk.service_date = CASE WHEN pick = 'normal' THEN normal_date ELSE high_date END
        RETURNING tk.* INTO c;

        -- the live event, with the payload of the API's ticket view (toTicketView): the fields
        -- every ticket has, and of the others those that are set
        PERFORM append_hall_event(p_hall, 'ticket.called', jsonb_build_object(
          'id', c.id, 'number', c.number, 'hallId', c.hall_id, 'serviceDate', to_char(c.service_date, 'YYYY-MM-DD'),
          'serviceItemCode', c.service_item_code, 'categoryCode', c.category_code, 'priority', c.priority,
          'state', c.state, 'issuedAt', to_char(c.issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'recallCount', c.recall_count) || jsonb_strip_nulls(jsonb_build_object(
          'calledAt', to_char(c.called_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'startedAt', to_char(c.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'completedAt', to_char(c.completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'windowId', c.window_id, 'windowLabel', w.label, 'outcome', c.outcome, 'rating', c.rating,
          'ratingReason', c.rating_reason, 'transferredFromId', c.transferred_from_id)));

        RETURN QUERY SELECT c.id, to_char(c.service_date, 'YYYY-MM-DD'), c.hall_id, c.number, c.prefix, c.sequence,
          c.service_item_code, c.category_code, c.priority, c.channel, c.state, c.issued_at, c.queue_at,
          c.called_at, c.started_at, c.completed_at, c.cancelled_at, c.window_id, c.recall_count, c.outcome,
          c.rating, c.rating_reason, c.transferred_from_id, w.label;
      END $$`;
