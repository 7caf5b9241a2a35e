import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A ticket's change of state in one round trip. No-show, start, complete, recall and cancel were
 * each a TypeORM transaction of several statements (lock the ticket, update it, append the event,
 * commit), so the hall's event counter row, locked by the event's append, stayed locked until the
 * API's COMMIT arrived; every call-next of the hall (call_next() appends an event too) waited for
 * it. One call of change_ticket() does the same work inside PostgreSQL:
 *
 * - locks the ticket; unknown: SQLSTATE OW404 'Ticket not found';
 * - refuses a change the ticket's state does not allow: OW409 'Cannot <action> a ticket that is
 *   <state> (needs <states>)', the words the API used (action: the event's name without `ticket.`,
 *   `_` as `-`);
 * - applies the change as the API did (`now()`: the statement's transaction start):
 *   cancel / cancelByHolder (from waiting): cancelled, cancelled_at, cancelled_by staff / holder;
 *   recall (from called): recall_count + 1; start (from called): serving, started_at;
 *   noShow (from called): no_show, completed_at; complete (from serving): done, completed_at,
 *   outcome and rating as given;
 * - appends the change's event (ticket.cancelled, .recalled, .started, .no_show, .completed) with
 *   the API's ticket view of the row (window label included) as its payload;
 * - answers the ticket as it now is, with its window's label.
 *
 * Who may change which hall's ticket stays the API's check, made before the call (a ticket's hall
 * never changes). Current text: libs/persistence/src/sql/functions/change_ticket.sql.
 */
export class ChangeTicketFunction1765843200000 implements MigrationInterface {
  name = 'ChangeTicketFunction1765843200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(CHANGE_TICKET);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP FUNCTION change_ticket(uuid, date, text, varchar, smallint)`,
    );
  }
}

/** change_ticket() as this migration leaves it (a frozen copy: its current text lives in sql/). */
const CHANGE_TICKET = `CREATE FUNCTION change_ticket(p_id uuid, p_date date, p_change text, p_outcome varchar, p_rating smallint)
      RETURNS TABLE (
        id uuid, service_date text, hall_id uuid, number varchar, prefix varchar, sequence integer,
        service_item_code varchar, category_code varchar, priority varchar, channel varchar, state varchar,
        issued_at timestamptz, queue_at timestamptz, called_at timestamptz, started_at timestamptz,
        completed_at timestamptz, cancelled_at timestamptz, window_id uuid, recall_count integer,
        outcome varchar, rating smallint, rating_reason varchar, transferred_from_id uuid, window_label varchar)
      LANGUAGE plpgsql AS $$
      #variable_conflict use_column
      DECLARE
        t record;
        allowed text[];
        event text;
        c tickets%ROWTYPE;
      BEGIN
        allowed := CASE p_change
          WHEN 'cancel' THEN ARRAY['waiting'] WHEN 'cancelByHolder' THEN ARRAY['waiting']
          WHEN 'recall' THEN ARRAY['called'] WHEN 'start' THEN ARRAY['called']
          WHEN 'noShow' THEN ARRAY['called'] WHEN 'complete' THEN ARRAY['serving'] END;
        event := CASE p_change
          WHEN 'cancel' THEN 'ticket.cancelled' WHEN 'cancelByHolder' THEN 'ticket.cancelled'
          WHEN 'recall' THEN 'ticket.recalled' WHEN 'start' THEN 'ticket.started'
          WHEN 'noShow' THEN 'ticket.no_show' WHEN 'complete' THEN 'ticket.completed' END;
        IF allowed IS NULL THEN
          RAISE EXCEPTION 'change_ticket: unknown change %', p_change;
        END IF;

        -- the ticket, locked, with its window's label
        SELECT tk.state, w.label INTO t
        FROM tickets tk LEFT JOIN windows w ON w.id = tk.window_id
        WHERE tk.id = p_id AND tk.service_date = p_date
        FOR UPDATE OF tk;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'Ticket not found' USING ERRCODE = 'OW404';
        END IF;
        IF NOT t.state = ANY(allowed) THEN
          RAISE EXCEPTION 'Cannot % a ticket that is % (needs %)',
            replace(substr(event, 8), '_', '-'), t.state, array_to_string(allowed, ' or ')
            USING ERRCODE = 'OW409';
        END IF;

        UPDATE tickets tk SET
          state = CASE p_change WHEN 'cancel' THEN 'cancelled' WHEN 'cancelByHolder' THEN 'cancelled'
                    WHEN 'start' THEN 'serving' WHEN 'noShow' THEN 'no_show' WHEN 'complete' THEN 'done'
                    ELSE tk.state END,
          cancelled_at = CASE WHEN p_change IN ('cancel', 'cancelByHolder') THEN now() ELSE tk.cancelled_at END,
          cancelled_by = CASE p_change WHEN 'cancel' THEN 'staff' WHEN 'cancelByHolder' THEN 'holder'
                           ELSE tk.cancelled_by END,
          recall_count = CASE WHEN p_change = 'recall' THEN tk.recall_count + 1 ELSE tk.recall_count END,
          started_at = CASE WHEN p_change = 'start' THEN now() ELSE tk.started_at END,
          completed_at = CASE WHEN p_change IN ('noShow', 'complete') THEN now() ELSE tk.completed_at END,
          outcome = CASE WHEN p_change = 'complete' THEN p_outcome ELSE tk.outcome END,
          rating = CASE WHEN p_change = 'complete' THEN p_rating ELSE tk.rating END
        WHERE tk.id = p_id AND tk.service_date = p_date
        RETURNING tk.* INTO c;

        -- the live event, with the payload of the API's ticket view (toTicketView): the fields
        -- every ticket has, and of the others those that are set
        PERFORM append_hall_event(c.hall_id, event, jsonb_build_object(
          'id', c.id, 'number', c.number, 'hallId', c.hall_id, 'serviceDate', to_char(c.service_date, 'YYYY-MM-DD'),
          'serviceItemCode', c.service_item_code, 'categoryCode', c.category_code, 'priority', c.priority,
          'state', c.state, 'issuedAt', to_char(c.issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'recallCount', c.recall_count) || jsonb_strip_nulls(jsonb_build_object(
          'calledAt', to_char(c.called_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'startedAt', to_char(c.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'completedAt', to_char(c.completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'windowId', c.window_id, 'windowLabel', t.label, 'outcome', c.outcome, 'rating', c.rating,
          'ratingReason', c.rating_reason, 'transferredFromId', c.transferred_from_id)));

        RETURN QUERY SELECT c.id, to_char(c.service_date, 'YYYY-MM-DD'), c.hall_id, c.number, c.prefix, c.sequence,
          c.service_item_code, c.category_code, c.priority, c.channel, c.state, c.issued_at, c.queue_at,
          c.called_at, c.started_at, c.completed_at, c.cancelled_at, c.window_id, c.recall_count, c.outcome,
          c.rating, c.rating_reason, c.transferred_from_id, t.label;
      END $$`;
