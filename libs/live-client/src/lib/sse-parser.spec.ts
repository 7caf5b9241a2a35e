import { SseParser } from './sse-parser';

describe('SseParser', () => {
  it('parses events split across chunks anywhere, with ids, names and multi-line data', () => {
    const p = new SseParser();
    const stream =
      'retry: 3000\n: connected to hall h at event 4\n\n' +
      'id: 5\nevent: ticket.issued\ndata: {"number":"A001"}\n\n' +
      'id: 6\r\nevent: window.changed\r\ndata: line1\r\ndata: line2\r\n\r\n';
    const events = [];
    for (let i = 0; i < stream.length; i += 7)
      events.push(...p.push(stream.slice(i, i + 7)));
    expect(events).toEqual([
      { id: '5', event: 'ticket.issued', data: '{"number":"A001"}' },
      { id: '6', event: 'window.changed', data: 'line1\nline2' },
    ]);
    expect(p.lastEventId).toBe('6');
    expect(p.retry).toBe(3000);
  });

  it('drops keep-alive comments and events without data, and names unnamed ones "message"', () => {
    const p = new SseParser();
    expect(p.push(': keep-alive\n\nevent: x\n\ndata:hi\n\n')).toEqual([
      { id: null, event: 'message', data: 'hi' },
    ]);
  });

  it('waits for the rest of a line that ends in a lone carriage return', () => {
    const p = new SseParser();
    expect(p.push('data: a\r')).toEqual([]);
    expect(p.push('\n\r\n')).toEqual([
      { id: null, event: 'message', data: 'a' },
    ]);
  });
});
