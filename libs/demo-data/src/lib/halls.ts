import { factsHall } from './facts';

export type WindowMode = 'department' | 'comprehensive';

/** Opens n windows; department windows are spread over `categories` by CATEGORY_WEIGHTS. */
export interface OpenSpec {
  mode: WindowMode;
  n: number;
  /** department: the departments to spread over (default all); comprehensive: skill set (default all) */
  categories?: string[];
  /** explicit number of department windows per category (instead of n spread by weight) */
  counts?: Record<string, number>;
  /** windows numbered per floor (101, 102 … 201 …) */
  floor?: number;
  labels?: string[];
}

/** Retires n windows (department windows proportionally over their departments). */
export interface RetireSpec {
  mode: WindowMode;
  n: number | 'all';
  categories?: string[];
  counts?: Record<string, number>;
  floor?: number;
}

/** Converts windows: department → comprehensive, or a comprehensive window to a new skill set. */
export interface ConvertSpec {
  fromMode: WindowMode;
  n: number | 'all';
  categories?: string[];
  floor?: number;
  /** skill set after the change ([] = every category of the hall) */
  toCategories: string[];
}

export interface WindowStep {
  date: string;
  note: string;
  convert?: ConvertSpec[];
  retire?: RetireSpec[];
  open?: OpenSpec[];
}

export type StaffDestination =
  | 'comprehensive_clerk'
  | 'self_service_guide'
  | 'online_coach'
  | 'agent'
  | 'township_centre'
  | 'back_office'
  | 'left';

export interface HallSpec {
  key: string;
  name: string;
  nameEn: string;
  regionCode: string;
  kind: 'city_center' | 'county_center' | 'township_center' | 'partner_outlet';
  /** true for halls not in the facts file */
  generated: boolean;
  /** categories the hall serves, per year (the last entry applies to later years) */
  categories: { from: string; codes: string[] }[];
  /** service items the hall handles (default: every item of its categories) */
  items?: string[];
  windowPlan: WindowStep[];
  /** daily visitors, monthly levels 2019-01 … 2020-12 (halls with footfall/tickets) */
  visitorLevels?: number[];
  /** exact mean visitors per open day over a span (calibration to the facts) */
  visitorCalibration?: { from: string; to: string; mean: number }[];
  /** tickets as a share of visitors, per year */
  ticketShare?: Record<number, number>;
  /** window handling per open day, monthly levels 2019-01 … 2020-12 (halls without tickets) */
  windowLevels?: number[];
  /** handled per clerk and day at the windows (township centres), per year */
  servedPerClerk?: Record<number, number>;
  /** partner-outlet counter handling per outlet and open day */
  partnerPerOutlet?: number;
  selfServiceShare: [number, number];
  agentShare: [number, number];
  /** online-handling rate per year (exact over the year) and the shape within the year */
  onlineRate: Record<number, number>;
  /** online share of the mobile app (浙里办) in online handling, 2019 → 2020 end */
  mobileShare: [number, number];
  consultations?: {
    daily: [number, number];
    mixStart: [number, number, number];
    mixEnd: [number, number, number];
  };
  /** where the clerks of retired windows go (weights) */
  destinations: Partial<Record<StaffDestination, number>>;
  /** staff besides the window clerks on 2019-01-01 */
  extraStaff: Partial<
    Record<
      'back_office' | 'self_service_guide' | 'agent' | 'online_coach',
      number
    >
  >;
  /** township centre receiving the hall's 'township_centre' moves */
  townshipPlace?: string;
}

const ALL: string[] = [];
const MAIN = [
  'social_security',
  'medical_insurance',
  'market_regulation',
  'real_estate',
  'police_vehicles',
  'provident_fund',
  'tax',
  'civil_affairs',
  'family_planning',
  'disabled_persons',
  'urban_management',
];
const TOWNSHIP = [
  'social_security',
  'medical_insurance',
  'civil_affairs',
  'family_planning',
  'disabled_persons',
];
const TOWNSHIP_ITEMS = [
  'SS-0001',
  'SS-0002',
  'SS-0003',
  'SS-0004',
  'SS-0008',
  'SS-0009',
  'SS-0012',
  'MI-0001',
  'MI-0002',
  'MI-0003',
  'MI-0004',
  'MI-0009',
  'CA-0001',
  'CA-0005',
  'CA-0006',
  'CA-0007',
  'CA-0008',
  'CA-0009',
  'FP-0001',
  'FP-0002',
  'FP-0003',
  'FP-0004',
  'DP-0001',
  'DP-0002',
  'DP-0003',
  'DP-0004',
  'UM-0001',
  'UM-0003',
];
const SANMEN_CATS = [
  'market_regulation',
  'real_estate',
  'provident_fund',
  'tax',
  'police_vehicles',
  'medical_insurance',
  'social_security',
];
const SANMEN_ITEMS = [
  'MR-0001',
  'MR-0002',
  'RE-0003',
  'RE-0004',
  'PF-0001',
  'PF-0002',
  'PF-0003',
  'TX-0001',
  'TX-0002',
  'PV-0001',
  'PV-0005',
  'SS-0002',
  'SS-0008',
  'MI-0002',
  'MI-0009',
];
const SANMEN_TOWNS = [
  '海游',
  '沙柳',
  '海润',
  '珠岙',
  '亭旁',
  '健跳',
  '横渡',
  '浦坝港',
  '花桥',
  '高枧',
  '蛇蟠',
  '小雄',
  '沿海工业城',
];

function nameOf(key: string): string {
  return factsHall(key).name;
}
function regionOf(key: string): string {
  return factsHall(key).region;
}
function kindOf(key: string): HallSpec['kind'] {
  return factsHall(key).kind;
}

/** Linear monthly levels from a to b over 24 months, with optional overrides by index (0 = 2019-01). */
function ramp(
  a: number,
  b: number,
  overrides: Record<number, number> = {},
): number[] {
  return Array.from(
    { length: 24 },
    (_, i) => overrides[i] ?? Math.round(a + ((b - a) * i) / 23),
  );
}

export const HALL_SPECS: readonly HallSpec[] = [
  {
    key: 'yiwu',
    name: nameOf('yiwu'),
    nameEn: 'Yiwu Administrative Service Center',
    regionCode: regionOf('yiwu'),
    kind: kindOf('yiwu'),
    generated: false,
    categories: [{ from: '2000-01-01', codes: MAIN }],
    windowPlan: [
      {
        date: '2014-10-08',
        note: '新中心启用,各部门进驻设窗',
        open: [{ mode: 'department', n: 296 }],
      },
      {
        date: '2016-05-03',
        note: '新增部门窗口',
        open: [{ mode: 'department', n: 28 }],
      },
      {
        date: '2017-03-01',
        note: '"一窗受理、集成服务"改革:部门窗口整合,设综合窗口',
        retire: [{ mode: 'department', n: 120 }],
        open: [{ mode: 'comprehensive', n: 24, categories: ALL }],
      },
      {
        date: '2017-10-09',
        note: '精简低频部门窗口',
        retire: [{ mode: 'department', n: 50 }],
      },
      {
        date: '2018-05-02',
        note: '综合窗口扩面',
        retire: [{ mode: 'department', n: 40 }],
        open: [{ mode: 'comprehensive', n: 10, categories: ALL }],
      },
      {
        date: '2018-11-01',
        note: '精简部门窗口',
        retire: [{ mode: 'department', n: 28 }],
      },
      {
        date: '2019-05-06',
        note: '社保、医保、市场监管等36个窗口整合为全科无差别受理窗口,裁撤其中10个',
        retire: [
          {
            mode: 'department',
            n: 36,
            counts: {
              social_security: 14,
              medical_insurance: 10,
              market_regulation: 12,
            },
          },
        ],
        open: [{ mode: 'comprehensive', n: 26, categories: ALL }],
      },
      {
        date: '2019-09-02',
        note: '网上办、掌上办分流,精简窗口',
        retire: [
          { mode: 'department', n: 14 },
          { mode: 'comprehensive', n: 6 },
        ],
      },
      {
        date: '2020-03-02',
        note: '复工后精简窗口',
        retire: [
          { mode: 'department', n: 12 },
          { mode: 'comprehensive', n: 6 },
        ],
      },
      {
        date: '2020-06-01',
        note: '窗口精简至52个',
        retire: [
          { mode: 'department', n: 10 },
          { mode: 'comprehensive', n: 10 },
        ],
      },
      {
        date: '2020-09-01',
        note: '继续精简人工窗口',
        retire: [
          { mode: 'department', n: 4 },
          { mode: 'comprehensive', n: 8 },
        ],
      },
      {
        date: '2020-12-01',
        note: '年底前人工窗口缩减至30个以内',
        retire: [
          { mode: 'department', n: 4 },
          { mode: 'comprehensive', n: 7 },
        ],
      },
    ],
    visitorLevels: [
      2500, 2450, 2450, 2400, 2350, 2300, 2300, 2250, 2200, 2150, 2100, 2050,
      1900, 1800, 1650, 1650, 1650, 1600, 1550, 1500, 1450, 1400, 1400, 1350,
    ],
    ticketShare: { 2019: 0.6, 2020: 0.58 },
    selfServiceShare: [0.06, 0.22],
    agentShare: [0.01, 0.03],
    onlineRate: { 2019: 0.52, 2020: 0.8 },
    mobileShare: [0.45, 0.72],
    consultations: {
      daily: [380, 300],
      mixStart: [0.15, 0.3, 0.55],
      mixEnd: [0.42, 0.3, 0.28],
    },
    destinations: {
      self_service_guide: 5,
      online_coach: 3,
      agent: 2,
      township_centre: 2,
      back_office: 2,
      left: 1,
    },
    extraStaff: { back_office: 8, self_service_guide: 2, agent: 2 },
    townshipPlace: '义乌市稠城街道便民服务中心',
  },
  {
    key: 'fuyang',
    name: nameOf('fuyang'),
    nameEn: 'Fuyang District Administrative Service Center, Hangzhou',
    regionCode: regionOf('fuyang'),
    kind: kindOf('fuyang'),
    generated: false,
    categories: [{ from: '2000-01-01', codes: MAIN }],
    windowPlan: [
      {
        date: '2013-06-03',
        note: '新中心启用,部门窗口分设三层',
        open: [
          {
            mode: 'department',
            n: 58,
            floor: 1,
            categories: ['police_vehicles', 'real_estate', 'tax'],
          },
          {
            mode: 'department',
            n: 54,
            floor: 2,
            categories: [
              'social_security',
              'medical_insurance',
              'provident_fund',
              'civil_affairs',
            ],
          },
          {
            mode: 'department',
            n: 35,
            floor: 3,
            counts: {
              market_regulation: 24,
              family_planning: 4,
              disabled_persons: 3,
              urban_management: 4,
            },
          },
        ],
      },
      {
        date: '2017-09-01',
        note: '"一窗受理、集成服务"改革:设综合受理窗口',
        open: [
          { mode: 'comprehensive', n: 10, floor: 1, categories: ALL },
          { mode: 'comprehensive', n: 15, floor: 2, categories: ALL },
        ],
      },
      {
        date: '2018-06-01',
        note: '三楼设商事登记综合窗口,社保部门窗口改为综合窗口',
        convert: [
          {
            fromMode: 'department',
            n: 10,
            floor: 2,
            categories: ['social_security'],
            toCategories: ALL,
          },
        ],
        open: [{ mode: 'comprehensive', n: 12, floor: 3, categories: ALL }],
      },
      {
        date: '2019-09-16',
        note: '企业开办全程网办,精简三楼商事登记窗口',
        retire: [{ mode: 'department', n: 30, floor: 3 }],
      },
      {
        date: '2019-12-02',
        note: '部门窗口改为无差别受理综合窗口,精简低频窗口',
        convert: [
          { fromMode: 'department', n: 16, floor: 2, toCategories: ALL },
        ],
        retire: [{ mode: 'department', n: 20 }],
      },
      {
        date: '2020-04-01',
        note: '窗口由三层楼缩减到两层,三楼改设自助服务区',
        retire: [
          { mode: 'department', n: 'all', floor: 3 },
          { mode: 'comprehensive', n: 'all', floor: 3 },
        ],
      },
      {
        date: '2020-06-01',
        note: '二楼增设综合窗口,一楼部门窗口精简',
        retire: [{ mode: 'department', n: 5, floor: 1 }],
        open: [{ mode: 'comprehensive', n: 6, floor: 2, categories: ALL }],
      },
      {
        date: '2020-11-02',
        note: '继续精简部门窗口',
        retire: [{ mode: 'department', n: 6 }],
      },
    ],
    visitorLevels: [
      5150, 5150, 5100, 5050, 5000, 4950, 4900, 4850, 4500, 4000, 3500, 3200,
      3000, 2900, 2750, 2650, 2600, 2550, 2500, 2450, 2400, 2350, 2300, 2250,
    ],
    visitorCalibration: [
      { from: '2019-01-01', to: '2019-08-31', mean: 5000 },
      { from: '2020-01-01', to: '2020-08-31', mean: 2500 },
    ],
    ticketShare: { 2019: 0.59, 2020: 0.57 },
    selfServiceShare: [0.05, 0.25],
    agentShare: [0.01, 0.03],
    onlineRate: { 2019: 0.26, 2020: 0.78 },
    mobileShare: [0.42, 0.7],
    consultations: {
      daily: [700, 520],
      mixStart: [0.1, 0.25, 0.65],
      mixEnd: [0.45, 0.3, 0.25],
    },
    destinations: {
      online_coach: 4,
      self_service_guide: 4,
      agent: 1,
      township_centre: 2,
      back_office: 2,
      left: 1,
    },
    extraStaff: { back_office: 10, self_service_guide: 3, agent: 2 },
    townshipPlace: '杭州市富阳区富春街道便民服务中心',
  },
  {
    key: 'lishui',
    name: nameOf('lishui'),
    nameEn: 'Lishui Administrative Service Center',
    regionCode: regionOf('lishui'),
    kind: kindOf('lishui'),
    generated: false,
    categories: [{ from: '2000-01-01', codes: MAIN }],
    windowPlan: [
      {
        date: '2012-10-08',
        note: '市行政服务中心启用,部门窗口进驻',
        open: [{ mode: 'department', n: 300 }],
      },
      {
        date: '2018-03-01',
        note: '设综合受理窗口',
        open: [{ mode: 'comprehensive', n: 40, categories: ALL }],
      },
      {
        date: '2020-03-02',
        note: '年度目标:窗口从340个精简到150个以内(第一批)',
        retire: [{ mode: 'department', n: 60 }],
      },
      {
        date: '2020-05-06',
        note: '部门窗口改为综合窗口,精简第二批',
        convert: [{ fromMode: 'department', n: 30, toCategories: ALL }],
        retire: [{ mode: 'department', n: 50 }],
      },
      {
        date: '2020-07-01',
        note: '精简第三批',
        retire: [{ mode: 'department', n: 50 }],
      },
      {
        date: '2020-09-01',
        note: '精简第四批',
        retire: [{ mode: 'department', n: 20 }],
      },
      {
        date: '2020-11-02',
        note: '窗口精简到150个以内',
        retire: [{ mode: 'department', n: 12 }],
      },
    ],
    windowLevels: ramp(2600, 1500, { 13: 900 }),
    selfServiceShare: [0.05, 0.16],
    agentShare: [0.02, 0.05],
    onlineRate: { 2019: 0.45, 2020: 0.74 },
    mobileShare: [0.4, 0.68],
    consultations: {
      daily: [520, 440],
      mixStart: [0.05, 0.25, 0.7],
      mixEnd: [0.35, 0.3, 0.35],
    },
    destinations: {
      online_coach: 3,
      self_service_guide: 3,
      agent: 3,
      township_centre: 3,
      back_office: 2,
      left: 1,
    },
    extraStaff: { back_office: 14, self_service_guide: 2, agent: 4 },
    townshipPlace: '丽水市莲都区紫金街道便民服务中心',
  },
  {
    key: 'binjiang',
    name: nameOf('binjiang'),
    nameEn: 'Binjiang District Administrative Service Center, Hangzhou',
    regionCode: regionOf('binjiang'),
    kind: kindOf('binjiang'),
    generated: false,
    categories: [{ from: '2000-01-01', codes: MAIN }],
    windowPlan: [
      {
        date: '2015-06-01',
        note: '中心启用,部门窗口进驻',
        open: [{ mode: 'department', n: 84 }],
      },
      {
        date: '2018-06-01',
        note: '设综合受理窗口',
        open: [{ mode: 'comprehensive', n: 12, categories: ALL }],
      },
      {
        date: '2020-03-02',
        note: '部门窗口改为综合窗口,精简部门窗口',
        convert: [{ fromMode: 'department', n: 18, toCategories: ALL }],
        retire: [{ mode: 'department', n: 22 }],
      },
      {
        date: '2020-07-01',
        note: '人工窗口减少近一半',
        retire: [{ mode: 'department', n: 24 }],
      },
    ],
    windowLevels: ramp(1100, 620, { 13: 380 }),
    selfServiceShare: [0.06, 0.2],
    agentShare: [0.01, 0.03],
    onlineRate: { 2019: 0.62, 2020: 0.84 },
    mobileShare: [0.5, 0.75],
    destinations: {
      online_coach: 3,
      self_service_guide: 3,
      agent: 1,
      township_centre: 1,
      back_office: 2,
      left: 1,
    },
    extraStaff: { back_office: 5, self_service_guide: 1 },
  },
  {
    key: 'jiangbei',
    name: nameOf('jiangbei'),
    nameEn: 'Jiangbei District Administrative Service Center, Ningbo',
    regionCode: regionOf('jiangbei'),
    kind: kindOf('jiangbei'),
    generated: false,
    categories: [{ from: '2000-01-01', codes: MAIN }],
    windowPlan: [
      {
        date: '2015-01-05',
        note: '中心启用,部门窗口进驻',
        open: [{ mode: 'department', n: 64 }],
      },
      {
        date: '2017-07-03',
        note: '"一窗受理"改革:设综合窗口',
        convert: [{ fromMode: 'department', n: 16, toCategories: ALL }],
        open: [{ mode: 'comprehensive', n: 8, categories: ALL }],
      },
      {
        date: '2019-07-01',
        note: '86个高频事项和39个"一件事"编入"家里办"一本通,精简窗口',
        retire: [{ mode: 'department', n: 12 }],
      },
      {
        date: '2020-04-01',
        note: '600余个高频场景"翻译"上线,部门窗口改综合窗口并精简',
        convert: [{ fromMode: 'department', n: 10, toCategories: ALL }],
        retire: [{ mode: 'department', n: 14 }],
      },
    ],
    windowLevels: ramp(900, 480, { 13: 260 }),
    selfServiceShare: [0.08, 0.2],
    agentShare: [0.01, 0.03],
    onlineRate: { 2019: 0.7, 2020: 0.855 },
    mobileShare: [0.5, 0.76],
    consultations: {
      daily: [420, 380],
      mixStart: [0.2, 0.3, 0.5],
      mixEnd: [0.5, 0.3, 0.2],
    },
    destinations: {
      online_coach: 4,
      self_service_guide: 3,
      agent: 1,
      back_office: 2,
      left: 1,
    },
    extraStaff: { back_office: 4, online_coach: 2 },
  },
  {
    key: 'nanhu',
    name: nameOf('nanhu'),
    nameEn: 'Nanhu District Administrative Approval Bureau, Jiaxing',
    regionCode: regionOf('nanhu'),
    kind: kindOf('nanhu'),
    generated: false,
    categories: [{ from: '2000-01-01', codes: MAIN }],
    windowPlan: [
      {
        date: '2016-03-01',
        note: '审批局大厅启用,部门窗口进驻',
        open: [{ mode: 'department', n: 80 }],
      },
      {
        date: '2018-01-02',
        note: '设综合受理窗口',
        convert: [{ fromMode: 'department', n: 12, toCategories: ALL }],
        open: [{ mode: 'comprehensive', n: 8, categories: ALL }],
      },
      {
        date: '2019-10-08',
        note: '"政小云"智能客服上线,精简窗口',
        retire: [{ mode: 'department', n: 20 }],
      },
      {
        date: '2020-05-06',
        note: '继续精简部门窗口',
        retire: [{ mode: 'department', n: 18 }],
      },
    ],
    windowLevels: ramp(1000, 560, { 13: 320 }),
    selfServiceShare: [0.06, 0.18],
    agentShare: [0.01, 0.03],
    onlineRate: { 2019: 0.58, 2020: 0.83 },
    mobileShare: [0.48, 0.74],
    consultations: {
      daily: [650, 900],
      mixStart: [0.22, 0.3, 0.48],
      mixEnd: [0.6, 0.3, 0.1],
    },
    destinations: {
      online_coach: 5,
      self_service_guide: 2,
      agent: 1,
      back_office: 2,
      left: 1,
    },
    extraStaff: { back_office: 4, online_coach: 4 },
  },
  {
    key: 'zijin',
    name: nameOf('zijin'),
    nameEn: 'Zijin Subdistrict Convenience Service Center, Liandu',
    regionCode: regionOf('zijin'),
    kind: kindOf('zijin'),
    generated: false,
    categories: [
      { from: '2000-01-01', codes: ['civil_affairs', 'family_planning'] },
      {
        from: '2020-01-02',
        codes: [
          'civil_affairs',
          'family_planning',
          'disabled_persons',
          'social_security',
          'urban_management',
        ],
      },
    ],
    items: TOWNSHIP_ITEMS,
    windowPlan: [
      {
        date: '2016-07-01',
        note: '便民服务中心综合窗口(民政、计生)',
        open: [
          {
            mode: 'comprehensive',
            n: 2,
            categories: ['civil_affairs', 'family_planning'],
          },
        ],
      },
      {
        date: '2020-01-02',
        note: '民生事项延伸至便民服务中心:增加残联、社保、城管事项',
        convert: [
          {
            fromMode: 'comprehensive',
            n: 'all',
            toCategories: [
              'civil_affairs',
              'family_planning',
              'disabled_persons',
              'social_security',
              'urban_management',
            ],
          },
        ],
      },
    ],
    servedPerClerk: Object.fromEntries(
      (factsHall('zijin').dailyServedPerClerk ?? []).map((x) => [
        x.year,
        x.value,
      ]),
    ),
    selfServiceShare: [0.0, 0.05],
    agentShare: [0.05, 0.1],
    onlineRate: { 2019: 0.2, 2020: 0.45 },
    mobileShare: [0.5, 0.75],
    destinations: { comprehensive_clerk: 1 },
    extraStaff: {},
  },
  {
    key: 'sanmen',
    name: nameOf('sanmen'),
    nameEn:
      'Sanmen "Government–Bank Link" service points (27 rural commercial bank outlets)',
    regionCode: regionOf('sanmen'),
    kind: kindOf('sanmen'),
    generated: false,
    categories: [{ from: '2000-01-01', codes: SANMEN_CATS }],
    items: SANMEN_ITEMS,
    windowPlan: [
      {
        date: '2019-11-01',
        note: '"政银通"服务点首批12个网点设人工服务专柜',
        open: [
          {
            mode: 'comprehensive',
            n: 12,
            categories: SANMEN_CATS,
            labels: SANMEN_TOWNS.slice(0, 12).map((t) => `${t}支行专柜`),
          },
        ],
      },
      {
        date: '2020-04-01',
        note: '"政银通"服务点扩至27个网点,覆盖全县12个乡镇(街道)、园区',
        open: [
          {
            mode: 'comprehensive',
            n: 15,
            categories: SANMEN_CATS,
            labels: Array.from(
              { length: 15 },
              (_, i) =>
                `${SANMEN_TOWNS[i % SANMEN_TOWNS.length]}${Math.floor(i / SANMEN_TOWNS.length) + 2}号网点专柜`,
            ),
          },
        ],
      },
    ],
    partnerPerOutlet: 7,
    selfServiceShare: [0.1, 0.2],
    agentShare: [0, 0],
    onlineRate: { 2019: 0.15, 2020: 0.35 },
    mobileShare: [0.55, 0.75],
    destinations: { agent: 1 },
    extraStaff: {},
  },
  // generated township centres (not in the report): receivers of the 'township_centre' staff moves
  ...(
    [
      [
        'fuchun',
        '杭州市富阳区富春街道便民服务中心',
        'Fuchun Subdistrict Convenience Service Center, Fuyang (generated)',
        '330111001',
      ],
      [
        'dongzhou',
        '杭州市富阳区东洲街道便民服务中心',
        'Dongzhou Subdistrict Convenience Service Center, Fuyang (generated)',
        '330111003',
      ],
      [
        'choucheng',
        '义乌市稠城街道便民服务中心',
        'Choucheng Subdistrict Convenience Service Center, Yiwu (generated)',
        '330782001',
      ],
    ] as const
  ).map(
    ([key, name, nameEn, regionCode]): HallSpec => ({
      key,
      name,
      nameEn,
      regionCode,
      kind: 'township_center',
      generated: true,
      categories: [{ from: '2000-01-01', codes: TOWNSHIP }],
      items: TOWNSHIP_ITEMS.filter((c) => !c.startsWith('UM')),
      windowPlan: [
        {
          date: '2016-09-01',
          note: '便民服务中心综合窗口',
          open: [{ mode: 'comprehensive', n: 2, categories: TOWNSHIP }],
        },
        {
          date: '2019-10-08',
          note: '民生事项下沉,增设综合窗口',
          open: [{ mode: 'comprehensive', n: 1, categories: TOWNSHIP }],
        },
        {
          date: '2020-06-01',
          note: '民生事项下沉,增设综合窗口',
          open: [{ mode: 'comprehensive', n: 1, categories: TOWNSHIP }],
        },
      ],
      servedPerClerk: { 2019: 14, 2020: 18 },
      selfServiceShare: [0.02, 0.08],
      agentShare: [0.04, 0.08],
      onlineRate: { 2019: 0.25, 2020: 0.5 },
      mobileShare: [0.5, 0.75],
      destinations: { comprehensive_clerk: 1 },
      extraStaff: {},
    }),
  ),
];

/** Regions of the generated township centres (level township, under the facts' counties). */
export const GENERATED_REGIONS = [
  {
    code: '330111001',
    name: '富春街道',
    nameEn: 'Fuchun Subdistrict (generated)',
    level: 'township' as const,
    parent: '330111',
  },
  {
    code: '330111003',
    name: '东洲街道',
    nameEn: 'Dongzhou Subdistrict (generated)',
    level: 'township' as const,
    parent: '330111',
  },
  {
    code: '330782001',
    name: '稠城街道',
    nameEn: 'Choucheng Subdistrict (generated)',
    level: 'township' as const,
    parent: '330782',
  },
];

export function hallSpec(key: string): HallSpec {
  const h = HALL_SPECS.find((x) => x.key === key);
  if (!h) throw new Error(`unknown hall ${key}`);
  return h;
}

export function hallCategoriesOn(spec: HallSpec, iso: string): string[] {
  let codes = spec.categories[0].codes;
  for (const c of spec.categories) if (c.from <= iso) codes = c.codes;
  return codes;
}
