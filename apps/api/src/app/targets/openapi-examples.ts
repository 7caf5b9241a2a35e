import type { ListResponse, TargetView } from '@onewindow/contracts';

/** Response examples of the target endpoints, for the OpenAPI document. */
export const TARGET_EXAMPLE: TargetView = {
  id: '7e1c9a4b-3d2f-4c6e-9b8a-5f4e3d2c1b0a',
  scope: { hallId: '22222222-2222-4222-8222-222222222222' },
  metric: 'windows',
  comparison: 'lt',
  value: 30,
  parameter: null,
  dueDate: '2020-12-31',
  note: '今年年底前把人工窗口总数缩减至30个以内',
  actual: {
    value: 28,
    asOf: '2020-12-31',
    basis: { from: '2020-12-31', to: '2020-12-31', sampleSize: 1 },
  },
  status: 'met',
};

export const REGION_TARGET_EXAMPLE: TargetView = {
  id: '3a5b7c9d-1e2f-4a6b-8c0d-2e4f6a8b0c1d',
  scope: { regionCode: '330000' },
  metric: 'online_rate',
  comparison: 'ge',
  value: 0.8,
  parameter: null,
  dueDate: '2021-06-30',
  note: '80%以上政务服务办件实现网上受理',
  actual: {
    value: 0.7412,
    asOf: '2021-03-15',
    basis: { from: '2021-02-14', to: '2021-03-15', sampleSize: 1_284_530 },
  },
  status: 'on_track',
};

export const TARGET_LIST_EXAMPLE: ListResponse<TargetView> = {
  items: [TARGET_EXAMPLE],
  total: 1,
};

export const REGION_TARGET_LIST_EXAMPLE: ListResponse<TargetView> = {
  items: [REGION_TARGET_EXAMPLE, TARGET_EXAMPLE],
  total: 2,
};
