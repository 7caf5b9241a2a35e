import type {
  ListResponse,
  ReassignmentFlowsResponse,
  ReassignmentView,
  StaffView,
} from '@onewindow/contracts';

/** Response examples of the Administration endpoints, for the OpenAPI document. */
export const STAFF_EXAMPLE: StaffView = {
  id: '5b0f3c2e-8c1a-4d2e-9f3b-1c2d3e4f5a6b',
  name: '王丽',
  role: 'comprehensive_clerk',
  skills: ['medical_insurance', 'social_security'],
  active: true,
};

export const STAFF_LIST_EXAMPLE: ListResponse<StaffView> = {
  items: [STAFF_EXAMPLE],
  total: 1,
};

export const REASSIGNMENT_EXAMPLE: ReassignmentView = {
  id: '0c7d2a9e-41f6-4b1e-8a55-2f9c3d4e5b6a',
  staffId: STAFF_EXAMPLE.id,
  staffName: STAFF_EXAMPLE.name,
  fromRole: 'comprehensive_clerk',
  fromPlace: '综合受理 C01',
  toRole: 'self_service_guide',
  toPlace: '三楼自助服务区',
  effectiveDate: '2020-04-01',
  reason: '窗口精简,转岗自助服务区,肩并肩教群众"网上办""掌上办"',
};

export const REASSIGNMENT_LIST_EXAMPLE: ListResponse<ReassignmentView> = {
  items: [REASSIGNMENT_EXAMPLE],
  total: 1,
};

export const FLOWS_EXAMPLE: ReassignmentFlowsResponse = {
  from: '2019-01-01',
  to: '2020-12-31',
  nodes: [
    { id: 'from:department_clerk', label: 'department_clerk' },
    { id: 'from:comprehensive_clerk', label: 'comprehensive_clerk' },
    { id: 'to:comprehensive_clerk', label: 'comprehensive_clerk' },
    { id: 'to:self_service_guide', label: 'self_service_guide' },
    { id: 'to:online_coach', label: 'online_coach' },
  ],
  links: [
    {
      source: 'from:department_clerk',
      target: 'to:comprehensive_clerk',
      value: 24,
    },
    {
      source: 'from:comprehensive_clerk',
      target: 'to:self_service_guide',
      value: 6,
    },
    {
      source: 'from:department_clerk',
      target: 'to:online_coach',
      value: 3,
    },
  ],
  total: 33,
};
