import {
  erlangAAnswer,
  erlangCAnswer,
  minimumWindows,
  QueueingInputError,
  replay,
  simulate,
  type Criterion,
  type ErlangAAnswer,
  type ErlangARequest,
  type ErlangCAnswer,
  type ErlangCRequest,
  type Layout,
  type LayoutKind,
  type OverallFigures,
  type ReplayCustomer,
  type ReplayInterval,
  type ReplayResult,
  type Scenario,
  type ServiceTarget,
  type SimulateResult,
} from '@onewindow/queueing';

export interface SimulateBody {
  scenario: Scenario;
  layout: Layout;
  replications?: number;
  seed?: number;
}
export interface MinimumWindowsBody {
  scenario: Scenario;
  layout: { kind: LayoutKind; pools?: { categories: string[] }[] };
  criterion: Criterion;
  replications?: number;
  seed?: number;
}
export interface ReplayBody {
  customers: ReplayCustomer[];
  layout: Layout;
  target: ServiceTarget;
  intervals?: ReplayInterval[];
}
export interface MinimumWindowsAnswer {
  kind: LayoutKind;
  windows: number | Record<string, number>;
  total: number;
  achieved: OverallFigures;
}

/** One instant answer of the planner, as the request's (already validated) body. */
export type PlanningTask =
  | { kind: 'erlang-c'; body: ErlangCRequest }
  | { kind: 'erlang-a'; body: ErlangARequest }
  | { kind: 'simulate'; body: SimulateBody }
  | { kind: 'minimum-windows'; body: MinimumWindowsBody }
  | { kind: 'replay'; body: ReplayBody };

/** What each kind of task answers. */
export interface PlanningAnswers {
  'erlang-c': ErlangCAnswer;
  'erlang-a': ErlangAAnswer;
  simulate: SimulateResult;
  'minimum-windows': MinimumWindowsAnswer;
  replay: ReplayResult;
}

/**
 * A task's outcome as it crosses back from the worker thread (structured clone keeps no error
 * classes): the answer, or the library's input errors (→ the contract's 400).
 */
export type PlanningOutcome =
  | { ok: true; value: unknown }
  | { ok: false; inputErrors: string[] };

/**
 * Computes one planner answer: the body of a planning worker thread (planning-worker.ts), pure and
 * synchronous. A QueueingInputError becomes `inputErrors`; anything else is thrown (→ 500).
 */
export function runPlanningTask(task: PlanningTask): PlanningOutcome {
  try {
    return { ok: true, value: answer(task) };
  } catch (e) {
    if (e instanceof QueueingInputError)
      return { ok: false, inputErrors: [...e.errors] };
    throw e;
  }
}

function answer(task: PlanningTask): unknown {
  switch (task.kind) {
    case 'erlang-c':
      return erlangCAnswer(task.body);
    case 'erlang-a':
      return erlangAAnswer(task.body);
    case 'simulate': {
      const b = task.body;
      return simulate(b.scenario, b.layout, {
        replications: b.replications,
        seed: b.seed,
      });
    }
    case 'minimum-windows': {
      const b = task.body;
      const r = minimumWindows(b.scenario, b.layout, {
        criterion: b.criterion,
        replications: b.replications,
        seed: b.seed,
      });
      const out: MinimumWindowsAnswer = {
        kind: r.kind,
        windows: r.windows,
        total: r.total,
        achieved: r.achieved,
      };
      return out;
    }
    case 'replay': {
      const b = task.body;
      return replay(b.customers, b.layout, b.target, {
        intervals: b.intervals,
      });
    }
  }
}
