import { signal } from '@angular/core';
import type { TicketView, WindowView } from '@onewindow/contracts';
import { ConsoleState } from './console-state';

const win = (over: Partial<WindowView> = {}): WindowView => ({
  id: 'w5',
  label: '5号窗口',
  mode: 'department',
  categoryCodes: ['social_security', 'tax'],
  state: 'open',
  openedOn: '2020-01-01',
  retiredOn: null,
  ...over,
});
const ticket = { id: 't23', number: 'A023', state: 'called' } as TicketView;

describe('ConsoleState', () => {
  let signedIn: ReturnType<typeof signal<boolean>>;
  let state: ConsoleState;

  beforeEach(() => {
    signedIn = signal(false);
    state = new ConsoleState(signedIn);
  });

  it('goes from sign-in to loading, to the choice of the window, to the console', () => {
    expect(state.phase()).toBe('login');
    signedIn.set(true);
    expect(state.phase()).toBe('loading');
    state.hall.set({ id: 'h1', name: '市民中心' } as never);
    expect(state.phase()).toBe('loading');
    state.windows.set([win(), win({ id: 'w9', state: 'retired' })]);
    expect(state.phase()).toBe('choose');
    expect(state.usableWindows().map((w) => w.id)).toEqual(['w5']);
    state.chooseWindow('w5');
    expect(state.phase()).toBe('console');
    state.choosing.set(true);
    expect(state.phase()).toBe('choose');
    state.chooseWindow('w5');
    expect(state.phase()).toBe('console');
    // the window retired meanwhile: choose another
    state.putWindow(win({ state: 'retired' }));
    expect(state.phase()).toBe('choose');
  });

  it('offers the actions that fit the held ticket and the window', () => {
    signedIn.set(true);
    state.windows.set([win()]);
    state.chooseWindow('w5');
    expect([...state.allowed()]).toEqual(['call']);
    expect([...state.windowAllowed()].sort()).toEqual(['close', 'pause']);
    state.setCurrent(ticket);
    expect([...state.allowed()].sort()).toEqual(['noshow', 'recall', 'start']);
  });

  it('counts each change of the held ticket, so an older read cannot undo a newer one', () => {
    const before = state.currentVersion;
    state.setCurrent(ticket);
    state.setCurrent(null);
    expect(state.currentVersion).toBe(before + 2);
    expect(state.current()).toBeNull();
  });

  it("forgets another window's ticket, day and notice when the window changes, not when it stays", () => {
    state.windows.set([win(), win({ id: 'w6', label: '6号窗口' })]);
    state.chooseWindow('w5');
    state.setCurrent(ticket);
    state.today.set({ windowId: 'w5', served: 3, noShows: 0 } as never);
    state.notice.set({ tone: 'ok', msg: { key: 'nobodyWaiting' } });
    state.chooseWindow('w5');
    expect(state.current()).toBe(ticket);
    expect(state.notice()).not.toBeNull();
    state.chooseWindow('w6');
    expect(state.current()).toBeNull();
    expect(state.today()).toBeNull();
    expect(state.notice()).toBeNull();
  });

  it('updates a window in the list, or adds one the list does not have yet', () => {
    state.windows.set([win()]);
    state.putWindow(win({ state: 'paused' }));
    state.putWindow(win({ id: 'w7', label: '7号窗口' }));
    expect(state.windows()?.map((w) => `${w.id}:${w.state}`)).toEqual([
      'w5:paused',
      'w7:open',
    ]);
  });

  it('lists what waits for the chosen window; null until the queue was read', () => {
    state.windows.set([win()]);
    state.chooseWindow('w5');
    expect(state.rows()).toBeNull();
    state.waiting.set({ social_security: 3, tax: 1, medical_insurance: 7 });
    state.categoryNames.set(new Map([['social_security', '社保']]));
    expect(state.rows()?.map((r) => `${r.name}:${r.count}`)).toEqual([
      '社保:3',
      'tax:1',
    ]);
    expect(state.total()).toBe(4);
    expect(state.allCategories()).toBe(false);
  });

  it('clear() forgets the hall', () => {
    signedIn.set(true);
    state.hall.set({ id: 'h1', name: '市民中心' } as never);
    state.windows.set([win()]);
    state.chooseWindow('w5');
    state.setCurrent(ticket);
    state.transferFor.set(ticket);
    state.live.set('open');
    state.busy.set(true);
    state.clear();
    expect(state.phase()).toBe('loading');
    expect(state.window()).toBeNull();
    expect(state.current()).toBeNull();
    expect(state.transferFor()).toBeNull();
    expect(state.live()).toBe('off');
    expect(state.busy()).toBe(false);
  });
});
