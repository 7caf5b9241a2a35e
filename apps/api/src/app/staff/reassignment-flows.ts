import type {
  ReassignmentFlowLink,
  ReassignmentFlowNode,
  ReassignmentFlowsResponse,
} from '@onewindow/contracts';
import { STAFF_ROLES } from '@onewindow/contracts';

/** Moves from one role to another (a count; the same pair may come more than once, e.g. per hall). */
export interface RoleMoveCount {
  fromRole: string;
  toRole: string;
  count: number;
}

const SOURCE = 'from:';
const TARGET = 'to:';

/** Roles in the order of STAFF_ROLES, unknown ones after them alphabetically. */
function byRoleOrder(a: string, b: string): number {
  const rank = (r: string) => {
    const i = (STAFF_ROLES as readonly string[]).indexOf(r);
    return i < 0 ? STAFF_ROLES.length : i;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

/**
 * The Sankey data of staff moves: one link per (from role, to role) with the summed count, nodes
 * `from:<role>` and `to:<role>` for the roles that occur on each side (so a role that people both
 * leave and join is two nodes, and the graph has no cycle). Nodes: sources then targets, each in
 * STAFF_ROLES order; links: largest first, then by source and target in that order. Pure.
 */
export function reassignmentFlows(
  moves: readonly RoleMoveCount[],
  from: string,
  to: string,
): ReassignmentFlowsResponse {
  const counts = new Map<string, RoleMoveCount>();
  for (const m of moves) {
    if (m.count <= 0) continue;
    const key = `${m.fromRole}\u0000${m.toRole}`;
    const seen = counts.get(key);
    if (seen) seen.count += m.count;
    else counts.set(key, { ...m });
  }
  const pairs = [...counts.values()].sort(
    (a, b) =>
      b.count - a.count ||
      byRoleOrder(a.fromRole, b.fromRole) ||
      byRoleOrder(a.toRole, b.toRole),
  );
  const sources = [...new Set(pairs.map((p) => p.fromRole))].sort(byRoleOrder);
  const targets = [...new Set(pairs.map((p) => p.toRole))].sort(byRoleOrder);
  const nodes: ReassignmentFlowNode[] = [
    ...sources.map((r) => ({ id: SOURCE + r, label: r })),
    ...targets.map((r) => ({ id: TARGET + r, label: r })),
  ];
  const links: ReassignmentFlowLink[] = pairs.map((p) => ({
    source: SOURCE + p.fromRole,
    target: TARGET + p.toRole,
    value: p.count,
  }));
  return {
    from,
    to,
    nodes,
    links,
    total: links.reduce((sum, l) => sum + l.value, 0),
  };
}
