import type { TicketView } from '@onewindow/contracts';
import { newIdempotencyKey, TicketRequest } from './ticket-request';

const ticket = { id: 't1', number: 'A001' } as TicketView;

describe('TicketRequest', () => {
  it('keys are 1–64 visible ASCII characters and differ', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[\x21-\x7e]{1,64}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it('a double tap joins the try under way: one request', async () => {
    const sent: string[] = [];
    let release: (t: TicketView) => void = () => undefined;
    const send = (_b: unknown, key: string) => {
      sent.push(key);
      return new Promise<TicketView>((r) => (release = r));
    };
    const r = new TicketRequest();
    const body = { serviceItemCode: 'MI-0001', priority: 'normal' as const };
    const first = r.issue(body, send);
    const second = r.issue(body, send);
    release(ticket);
    expect(await first).toBe(ticket);
    expect(await second).toBe(ticket);
    expect(sent).toHaveLength(1);
  });

  it('retries after a failure with the same key; another choice or a reset gets a new one', async () => {
    const sent: string[] = [];
    let fail = true;
    const send = async (_b: unknown, key: string) => {
      sent.push(key);
      if (fail) throw new Error('network');
      return ticket;
    };
    let n = 0;
    const r = new TicketRequest(() => `k${++n}`);
    const body = { serviceItemCode: 'MI-0001', priority: 'normal' as const };
    await expect(r.issue(body, send)).rejects.toThrow('network');
    fail = false;
    await r.issue(body, send);
    await r.issue({ ...body, priority: 'priority' }, send);
    r.reset();
    await r.issue({ ...body, priority: 'priority' }, send);
    expect(sent).toEqual(['k1', 'k1', 'k2', 'k3']);
  });
});
