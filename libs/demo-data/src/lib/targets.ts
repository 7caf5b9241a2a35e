import { FACTS } from './facts';
import { hallId, uuidV5 } from './ids';

export interface TargetRow {
  id: string;
  hall_id: string | null;
  region_code: string | null;
  metric:
    | 'windows'
    | 'online_rate'
    | 'daily_visitors'
    | 'mean_wait'
    | 'within_minutes_share'
    | 'consultation_mix';
  comparison: 'lt' | 'le' | 'gt' | 'ge' | 'eq';
  value: number;
  parameter: number | null;
  due_date: string;
  note: string;
  created_at: string;
}

/**
 * The targets of the report: Yiwu below 30 windows and Lishui at most 150 by the end of 2020, the
 * province's 80 % online acceptance, Nanhu's consultation mix. A consultation_mix target keeps the
 * robot share in `value` and the online-human share in `parameter` (the window share is the rest).
 */
export function targetRows(): TargetRow[] {
  const rows: TargetRow[] = [];
  for (const h of FACTS.halls) {
    for (const t of h.targets ?? []) {
      rows.push({
        id: uuidV5(`target/${h.key}/${t.metric}/${t.by}`),
        hall_id: hallId(h.key),
        region_code: null,
        metric: t.metric as TargetRow['metric'],
        comparison: t.comparison as TargetRow['comparison'],
        value: t.value,
        parameter: null,
        due_date: t.by,
        note:
          h.key === 'yiwu'
            ? '今年年底前把人工窗口总数缩减至30个以内'
            : '大厅内窗口从年初340个精简到150个以内的年度目标',
        created_at: '2020-01-02 09:00:00+08',
      });
    }
    if (h.consultationTarget) {
      rows.push({
        id: uuidV5(`target/${h.key}/consultation_mix`),
        hall_id: hallId(h.key),
        region_code: null,
        metric: 'consultation_mix',
        comparison: 'ge',
        value: h.consultationTarget.robot,
        parameter: h.consultationTarget.onlineHuman,
        due_date: '2020-12-31',
        note: `政务服务咨询"机器人解决${Math.round(h.consultationTarget.robot * 100)}%,线上人工解决${Math.round(h.consultationTarget.onlineHuman * 100)}%,线下窗口解决${Math.round(h.consultationTarget.offlineWindow * 100)}%"(value = 机器人占比, parameter = 线上人工占比)`,
        created_at: '2020-01-02 09:00:00+08',
      });
    }
  }
  rows.push({
    id: uuidV5(`target/region/${FACTS.province.region}/online_rate`),
    hall_id: null,
    region_code: FACTS.province.region,
    metric: 'online_rate',
    comparison: 'ge',
    value: FACTS.province.onlineAcceptanceTarget2020,
    parameter: null,
    due_date: '2020-12-31',
    note: '80%以上政务服务办件实现网上受理',
    created_at: '2020-01-02 09:00:00+08',
  });
  return rows;
}
