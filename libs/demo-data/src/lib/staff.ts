import type { StaffRole } from '@onewindow/contracts';
import { CATEGORIES } from './catalog';
import { dayOf, isoOf } from './calendar';
import { HallSpec, StaffDestination, hallCategoriesOn } from './halls';
import { hallId, staffId, uuidV5 } from './ids';
import { Rng, cumulative } from './rng';
import { HallWindows, WindowModel } from './windows';


export interface StaffRow {
  id: string;
  hall_id: string;
  name: string;
  role: StaffRole;
  skills: string[];
  active: boolean;
  created_at: string;
}

export interface ReassignmentRow {
  id: string;
  staff_id: string;
  hall_id: string;
  from_role: StaffRole;
  from_place: string | null;
  to_role: StaffRole;
  to_place: string | null;
  effective_date: string;
  reason: string;
  created_at: string;
}

/** Staff moves are recorded from this day on (the span of the demo's facts). */
export const STAFF_FROM = '2019-01-01';
export const STAFF_TO = '2020-12-31';

const SURNAMES =
  '王陈张李徐吴周金朱杨黄叶林胡何郑楼傅龚蒋沈俞方应潘赵刘孙马郭许韩冯宋丁袁章毛范骆施钱夏董程邵姚';
const GIVEN =
  '伟芳娜敏静丽强磊洋艳勇军杰娟涛明超霞平刚燕玲萍红英华建国文斌波辉宇鑫婷雪佳颖晨浩然欣怡思远志海云飞琳倩蕾晓梅凯亮峰';

function personName(rng: Rng): string {
  const s = SURNAMES[rng.int(SURNAMES.length)];
  const n = rng.chance(0.7) ? 2 : 1;
  let g = '';
  for (let i = 0; i < n; i++) g += GIVEN[rng.int(GIVEN.length)];
  return s + g;
}

function deptName(code: string): string {
  return CATEGORIES.find((c) => c.code === code)?.name ?? code;
}

const REASONS: Record<StaffDestination, string> = {
  comprehensive_clerk: '部门窗口并入无差别受理综合窗口,转为综合窗口受理员',
  self_service_guide: '窗口精简,转岗自助服务区,肩并肩教群众"网上办""掌上办"',
  online_coach: '窗口精简,转岗线上导服,视频指导群众和代办员网上申报',
  agent: '窗口精简,转岗代办帮办服务(老年人、残疾人等特殊群体)',
  township_centre: '民生事项下沉,转岗乡镇(街道)便民服务中心综合窗口',
  back_office: '窗口精简,转入后台审批',
  left: '窗口精简,调离行政服务中心',
};

export interface HallStaff {
  staff: StaffRow[];
  reassignments: ReassignmentRow[];
}

/**
 * Staff of a hall and their moves in 2019–2020, derived from the window history: one clerk per
 * window open on 2019-01-01, plus a few others; a converted window keeps its clerk as a
 * comprehensive clerk; a new window takes a clerk displaced on the same day; the remaining
 * displaced clerks go where the hall sends them (self-service guide, online coach, agent,
 * township centre, back office, left).
 */
export function generateHallStaff(
  spec: HallSpec,
  hw: HallWindows,
  seed: number,
): HallStaff {
  const rng = Rng.derive(seed, 'staff', spec.key);
  const hid = hallId(spec.key);
  const from = dayOf(STAFF_FROM);
  const to = dayOf(STAFF_TO);
  const staff: StaffRow[] = [];
  const reassignments: ReassignmentRow[] = [];
  const byWindow = new Map<string, StaffRow>();
  const allSkills = (iso: string): string[] => [...hallCategoriesOn(spec, iso)];

  const hire = (
    role: StaffRole,
    skills: string[],
    createdIso: string,
  ): StaffRow => {
    const row: StaffRow = {
      id: staffId(spec.key, staff.length + 1),
      hall_id: hid,
      name: personName(rng),
      role,
      skills,
      active: true,
      created_at: `${createdIso} 08:00:00+08`,
    };
    staff.push(row);
    return row;
  };
  const move = (
    s: StaffRow,
    toRole: StaffRole,
    fromPlace: string | null,
    toPlace: string | null,
    day: number,
    reason: string,
  ): void => {
    reassignments.push({
      id: uuidV5(`reassignment/${spec.key}/${reassignments.length + 1}`),
      staff_id: s.id,
      hall_id: hid,
      from_role: s.role,
      from_place: fromPlace,
      to_role: toRole,
      to_place: toPlace,
      effective_date: isoOf(day),
      reason,
      created_at: `${isoOf(day)} 08:00:00+08`,
    });
    s.role = toRole;
    if (toRole === 'left') s.active = false;
    if (toRole === 'comprehensive_clerk') s.skills = allSkills(isoOf(day));
  };
  const placeOf = (w: WindowModel): string => {
    const v =
      w.versions.filter((x) => x.day <= Math.max(from, w.openedOn)).pop() ??
      w.versions[0];
    return v.mode === 'department'
      ? `${deptName(v.categories[0])} ${w.label}`
      : `综合受理 ${w.label}`;
  };

  // clerks of the windows open when the record starts
  for (const w of hw.windows) {
    if (w.openedOn > from || (w.retiredOn !== null && w.retiredOn <= from))
      continue;
    const v = w.versions.filter((x) => x.day <= from).pop() ?? w.versions[0];
    const s =
      v.mode === 'department'
        ? hire('department_clerk', [...v.categories], isoOf(w.openedOn))
        : hire(
            'comprehensive_clerk',
            v.categories.length ? [...v.categories] : allSkills(STAFF_FROM),
            isoOf(w.openedOn),
          );
    byWindow.set(w.id, s);
  }
  for (const [role, n] of Object.entries(spec.extraStaff) as [
    StaffRole,
    number,
  ][]) {
    for (let i = 0; i < n; i++)
      hire(
        role,
        role === 'back_office' ? allSkills(STAFF_FROM) : [],
        '2018-06-01',
      );
  }

  const dest = Object.entries(spec.destinations) as [
    StaffDestination,
    number,
  ][];
  const destCum = cumulative(dest.map(([, w]) => w));
  const toPlaceOf = (d: StaffDestination, day: number): string | null => {
    switch (d) {
      case 'self_service_guide':
        return spec.key === 'fuyang' && day >= dayOf('2020-04-01')
          ? '三楼自助服务区(50台自助电脑、16台平板)'
          : spec.key === 'yiwu'
            ? '社保网办自助服务区'
            : '自助服务区';
      case 'online_coach':
        return '线上导服(网办辅导)';
      case 'agent':
        return '代办帮办服务';
      case 'township_centre':
        return spec.townshipPlace ?? '乡镇(街道)便民服务中心';
      case 'back_office':
        return '后台审批';
      case 'left':
        return null;
      default:
        return null;
    }
  };

  for (const change of hw.changes) {
    if (change.day < from || change.day > to) continue;
    for (const w of change.converted) {
      const s = byWindow.get(w.id);
      if (!s) continue;
      if (s.role === 'department_clerk')
        move(
          s,
          'comprehensive_clerk',
          placeOf(w),
          `综合受理 ${w.label}`,
          change.day,
          `${change.note}:部门窗口改为无差别受理综合窗口`,
        );
      else
        s.skills = w.versions[w.versions.length - 1].categories.length
          ? [...w.versions[w.versions.length - 1].categories]
          : allSkills(isoOf(change.day));
    }
    const displaced: { s: StaffRow; w: WindowModel }[] = [];
    for (const w of change.retired) {
      const s = byWindow.get(w.id);
      if (s) displaced.push({ s, w });
      byWindow.delete(w.id);
    }
    // Yiwu 2019: the social-security window clerks went to the social-security online
    // self-service area (the report); the other merged windows' clerks staff the new windows
    const yiwuMerger =
      spec.key === 'yiwu' && change.day === dayOf('2019-05-06');
    const toSelfService = (x: { s: StaffRow }): boolean =>
      yiwuMerger &&
      x.s.role === 'department_clerk' &&
      x.s.skills.includes('social_security');
    // department clerks first into the new comprehensive windows
    displaced.sort(
      (a, b) =>
        Number(toSelfService(a)) - Number(toSelfService(b)) ||
        (a.s.role === b.s.role ? 0 : a.s.role === 'department_clerk' ? -1 : 1),
    );
    for (const w of change.opened) {
      const d = displaced.shift();
      if (d) {
        if (d.s.role !== 'comprehensive_clerk')
          move(
            d.s,
            'comprehensive_clerk',
            placeOf(d.w),
            `综合受理 ${w.label}`,
            change.day,
            `${change.note}:${REASONS.comprehensive_clerk}`,
          );
        byWindow.set(w.id, d.s);
      } else {
        const v = w.versions[0];
        byWindow.set(
          w.id,
          hire(
            'comprehensive_clerk',
            v.categories.length
              ? [...v.categories]
              : allSkills(isoOf(change.day)),
            isoOf(change.day),
          ),
        );
      }
    }
    for (const { s, w } of displaced) {
      let d: StaffDestination;
      if (toSelfService({ s })) d = 'self_service_guide';
      else d = dest[rng.pick(destCum)][0];
      move(
        s,
        d,
        placeOf(w),
        toPlaceOf(d, change.day),
        change.day,
        `${change.note}:${REASONS[d]}`,
      );
    }
  }
  return { staff, reassignments };
}
