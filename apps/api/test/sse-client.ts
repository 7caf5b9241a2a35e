import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Harness } from './harness';

export interface SseEvent {
  id: number;
  event: string;
  data: Record<string, unknown>;
}

/** A display board in a test: reads a hall's event stream over a real socket. */
export class SseClient {
  readonly events: SseEvent[] = [];
  comments = 0;
  status = 0;
  /** The server ended the stream. */
  ended = false;
  private req?: http.ClientRequest;
  private buffer = '';

  static async listen(h: Harness): Promise<number> {
    const server = h.app.getHttpServer() as http.Server;
    if (!server.listening)
      await new Promise<void>((resolve) =>
        server.listen(0, '127.0.0.1', resolve),
      );
    return (server.address() as AddressInfo).port;
  }

  connect(
    port: number,
    path: string,
    headers: Record<string, string>,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      this.req = http.get(
        {
          host: '127.0.0.1',
          port,
          path,
          headers: { Accept: 'text/event-stream', ...headers },
        },
        (res) => {
          this.status = res.statusCode ?? 0;
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => this.feed(chunk));
          res.on('end', () => (this.ended = true));
          resolve();
        },
      );
      this.req.on('error', (e) => (this.status ? undefined : reject(e)));
    });
  }

  private feed(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const frame = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const fields: Record<string, string> = {};
      for (const line of frame.split('\n')) {
        if (line.startsWith(':')) {
          if (line.includes('keep-alive')) this.comments++;
          continue;
        }
        const i = line.indexOf(':');
        if (i > 0) fields[line.slice(0, i)] = line.slice(i + 1).trimStart();
      }
      if (fields['data']) {
        this.events.push({
          // streams without ids (citizens' ticket pages) count 0
          id: Number(fields['id'] ?? 0),
          event: fields['event'] ?? 'message',
          data: JSON.parse(fields['data']),
        });
      }
    }
  }

  /** Waits until `predicate` holds over the events received, or fails after `ms`. */
  async waitFor(
    predicate: (events: SseEvent[]) => boolean,
    ms = 10_000,
  ): Promise<void> {
    const deadline = Date.now() + ms;
    while (!predicate(this.events)) {
      if (Date.now() > deadline)
        throw new Error(
          `timed out; received ${JSON.stringify(this.events.map((e) => [e.id, e.event]))}`,
        );
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): void {
    this.req?.destroy();
  }
}
