import { erlangCAnswer } from '@onewindow/queueing';
import { runPlanningTask } from './planning-tasks';

describe('runPlanningTask (the planning threads’ work)', () => {
  const erlangC = {
    arrivalsPerHour: 200,
    meanServiceMinutes: 3,
    target: { waitMinutes: 1 / 3, share: 0.8 },
  };

  it('answers as the library does, in a form that crosses threads', () => {
    const out = runPlanningTask({ kind: 'erlang-c', body: erlangC });
    expect(out).toEqual({ ok: true, value: erlangCAnswer(erlangC) });
    expect(structuredClone(out)).toEqual(out);
  });

  it('turns the library’s input errors into data (error classes do not cross threads)', () => {
    const out = runPlanningTask({
      kind: 'erlang-c',
      body: { ...erlangC, meanServiceMinutes: -1 },
    });
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.inputErrors.length).toBeGreaterThan(0);
      expect(out.inputErrors.join(' ')).toMatch(/meanService|service/i);
    }
  });

  it('throws anything else (a bug is a 500, not a 400)', () => {
    expect(() =>
      runPlanningTask({
        kind: 'replay',
        body: null as never,
      }),
    ).toThrow(TypeError);
  });
});
