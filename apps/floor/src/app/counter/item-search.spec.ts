import { ItemSearch } from './item-search';

describe('ItemSearch', () => {
  let asked: string[];
  let failures: unknown[];
  let answers: Map<string, (items: string[]) => void>;
  let search: ItemSearch<string>;

  beforeEach(() => {
    jest.useFakeTimers();
    asked = [];
    failures = [];
    answers = new Map();
    search = new ItemSearch<string>(
      (q) => {
        asked.push(q);
        return new Promise((resolve) => answers.set(q, resolve));
      },
      (e) => failures.push(e),
      250,
    );
  });

  afterEach(() => jest.useRealTimers());

  it('asks once typing pauses, with the last words, trimmed', async () => {
    search.input('医');
    jest.advanceTimersByTime(100);
    search.input('医保 ');
    jest.advanceTimersByTime(249);
    expect(asked).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(asked).toEqual(['医保']);
    expect(search.searching()).toBe(true);
    answers.get('医保')?.(['医保关系转移']);
    await Promise.resolve();
    await Promise.resolve();
    expect(search.results()).toEqual(['医保关系转移']);
    expect(search.searching()).toBe(false);
  });

  it('shows only the latest answer when an older one arrives late', async () => {
    search.input('社保');
    jest.advanceTimersByTime(250);
    search.input('税务');
    jest.advanceTimersByTime(250);
    answers.get('税务')?.(['税务登记']);
    await Promise.resolve();
    await Promise.resolve();
    answers.get('社保')?.(['社保卡申领']);
    await Promise.resolve();
    await Promise.resolve();
    expect(search.results()).toEqual(['税务登记']);
  });

  it('clears the results for empty words without asking', async () => {
    search.input('社保');
    jest.advanceTimersByTime(250);
    answers.get('社保')?.(['社保卡申领']);
    await Promise.resolve();
    await Promise.resolve();
    search.input('  ');
    jest.advanceTimersByTime(250);
    expect(asked).toEqual(['社保']);
    expect(search.results()).toEqual([]);
  });

  it('flush() runs the waiting search at once and resolves with its answer', async () => {
    search.input('医保');
    const flushed = search.flush();
    expect(asked).toEqual(['医保']);
    answers.get('医保')?.(['医保关系转移']);
    await flushed;
    expect(search.results()).toEqual(['医保关系转移']);
    jest.advanceTimersByTime(1000);
    expect(asked).toEqual(['医保']);
    // nothing waits: flush asks nothing
    await search.flush();
    expect(asked).toEqual(['医保']);
  });

  it('reports a failure of the latest search only; cancel() drops what is under way', async () => {
    const failing = new ItemSearch<string>(
      () => Promise.reject(new Error('offline')),
      (e) => failures.push(e),
      250,
    );
    failing.input('社保');
    jest.advanceTimersByTime(250);
    await Promise.resolve();
    await Promise.resolve();
    expect(failures).toHaveLength(1);

    search.input('社保');
    jest.advanceTimersByTime(250);
    search.cancel();
    answers.get('社保')?.(['社保卡申领']);
    await Promise.resolve();
    await Promise.resolve();
    expect(search.results()).toEqual([]);
    expect(search.searching()).toBe(false);
    search.input('税务');
    search.cancel();
    jest.advanceTimersByTime(1000);
    expect(asked).toEqual(['社保']);
  });
});
