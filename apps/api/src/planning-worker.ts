/**
 * The planning worker thread: a separate webpack entry (dist/apps/api/planning-worker.js) that
 * PlanningPool runs in piscina's threads. It computes the planner's instant answers, so a
 * manager's minimum-windows search never holds the API's request loop.
 */
import { runPlanningTask } from './app/planning/planning-tasks';

export default runPlanningTask;
