import type { StaffRole } from './enums';

/** A member of a hall's staff: their current role and skill set (category codes). */
export interface StaffView {
  id: string;
  name: string;
  role: StaffRole;
  skills: string[];
  active: boolean;
}

/** One recorded move of a staff member from a role/place to another. */
export interface ReassignmentView {
  id: string;
  staffId: string;
  staffName: string;
  fromRole: StaffRole;
  fromPlace: string | null;
  toRole: StaffRole;
  toPlace: string | null;
  /** YYYY-MM-DD (Asia/Shanghai) */
  effectiveDate: string;
  reason: string | null;
}

/**
 * A node of the moves' Sankey chart: `from:<role>` on the source side, `to:<role>` on the target
 * side (distinct ids, so a role that people both leave and join forms no cycle).
 */
export interface ReassignmentFlowNode {
  id: string;
  /** The role (a StaffRole code; the dashboard translates it). */
  label?: string;
}

export interface ReassignmentFlowLink {
  /** id of a `from:` node */
  source: string;
  /** id of a `to:` node */
  target: string;
  /** moves from that role to that role */
  value: number;
}

/** Moves between roles with an effective date in [from, to], for a hall or a region subtree. */
export interface ReassignmentFlowsResponse {
  from: string;
  to: string;
  nodes: ReassignmentFlowNode[];
  links: ReassignmentFlowLink[];
  /** moves counted (the sum of the links' values) */
  total: number;
}
