import type {
  ReassignmentFlowsResponse,
  StaffRole,
} from '@onewindow/contracts';
import type { CsvTable } from '../core/format/csv';
import { formatNumber } from '../core/format/format';
import type { Lang } from '../core/i18n/languages';
import { ChartOption, SERIES_COLORS } from './chart-option';
import { BuildConfig, escapeHtml, tr } from './common';

/** The role of a `from:<role>` / `to:<role>` node. */
export function roleOf(nodeId: string): StaffRole {
  return nodeId.slice(nodeId.indexOf(':') + 1) as StaffRole;
}

/**
 * Staff moves as a Sankey: roles left on the left, roles taken on the right (distinct nodes, so a
 * role both left and joined forms no cycle). Each role keeps one colour on both sides.
 */
export function flowsOptions(
  flows: ReassignmentFlowsResponse,
  lang: Lang,
  config: BuildConfig = {},
): ChartOption {
  const t = tr(lang);
  const roles = [...new Set(flows.nodes.map((n) => roleOf(n.id)))];
  const color = (id: string) =>
    SERIES_COLORS[roles.indexOf(roleOf(id)) % SERIES_COLORS.length];
  const name = (id: string) => t.staffRole[roleOf(id)] ?? id;
  return {
    animation: config.animation ?? true,
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const q = p as {
          dataType?: string;
          data: {
            source?: string;
            target?: string;
            value?: number;
            name?: string;
          };
          value?: number;
        };
        if (q.dataType === 'edge')
          return `${escapeHtml(name(q.data.source ?? ''))} → ${escapeHtml(name(q.data.target ?? ''))}: ${formatNumber(q.data.value ?? 0, lang)} ${t.chart.moves}`;
        return `${escapeHtml(name(q.data.name ?? ''))}: ${formatNumber(q.value ?? 0, lang)} ${t.chart.moves}`;
      },
    },
    series: [
      {
        type: 'sankey',
        left: 8,
        right: 160,
        top: 16,
        bottom: 16,
        nodeAlign: 'justify',
        emphasis: { focus: 'adjacency' },
        lineStyle: { color: 'gradient', opacity: 0.45 },
        label: {
          formatter: (p: unknown) => name((p as { name: string }).name),
          color: '#1f2933',
        },
        data: flows.nodes.map((n) => ({
          name: n.id,
          itemStyle: { color: color(n.id) },
        })),
        links: flows.links.map((l) => ({ ...l })),
      },
    ],
  };
}

export function flowsTable(
  flows: ReassignmentFlowsResponse,
  lang: Lang,
): CsvTable {
  const t = tr(lang);
  return {
    header: [t.chart.from, t.chart.to, t.chart.moves],
    rows: flows.links.map((l) => [
      t.staffRole[roleOf(l.source)],
      t.staffRole[roleOf(l.target)],
      l.value,
    ]),
  };
}
