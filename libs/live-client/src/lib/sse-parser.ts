/** One server-sent event as the stream delivers it. */
export interface SseEvent {
  /** the `id:` of the event, if it had one */
  id: string | null;
  /** the `event:` name; "message" when the server sent none */
  event: string;
  data: string;
}

/**
 * Incremental parser of a `text/event-stream` (WHATWG HTML, "Parsing an event stream"): feed it
 * the decoded text as it arrives, in chunks of any size; it returns the events completed by each
 * chunk. Comment lines (keep-alives) are dropped; `retry:` is kept for the reconnect delay.
 */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private event = '';
  private id: string | null = null;
  /** The last event id seen (for Last-Event-ID on reconnect). */
  lastEventId: string | null = null;
  /** Reconnect delay asked for by the server (ms), if any. */
  retry: number | null = null;

  push(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const out: SseEvent[] = [];
    let start = 0;
    for (;;) {
      const nl = this.nextLineEnd(start);
      if (nl === null) break;
      const line = this.buffer.slice(start, nl.at);
      start = nl.next;
      const event = this.line(line);
      if (event) out.push(event);
    }
    this.buffer = this.buffer.slice(start);
    return out;
  }

  /** Index of the next line end (\r\n, \n or \r) from `from`; null when the line is incomplete. */
  private nextLineEnd(from: number): { at: number; next: number } | null {
    for (let i = from; i < this.buffer.length; i++) {
      const c = this.buffer[i];
      if (c === '\n') return { at: i, next: i + 1 };
      if (c === '\r') {
        // a \r at the very end may be the first half of \r\n: wait for more
        if (i + 1 === this.buffer.length) return null;
        return { at: i, next: this.buffer[i + 1] === '\n' ? i + 2 : i + 1 };
      }
    }
    return null;
  }

  private line(line: string): SseEvent | null {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.data.push(value);
        break;
      case 'event':
        this.event = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.id = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
    }
    return null;
  }

  private dispatch(): SseEvent | null {
    if (this.id !== null) this.lastEventId = this.id;
    const hadData = this.data.length > 0;
    const event: SseEvent = {
      id: this.id,
      event: this.event || 'message',
      data: this.data.join('\n'),
    };
    this.data = [];
    this.event = '';
    this.id = null;
    return hadData ? event : null;
  }
}
