import type {
  HallQueueRules,
  HallSpecialistCategories,
} from '@onewindow/contracts';

/** Response example of the specialist categories endpoints, for the OpenAPI document. */
export const HALL_SPECIALISTS_EXAMPLE: HallSpecialistCategories = {
  hallId: '22222222-2222-4222-8222-222222222222',
  source: 'hall',
  categories: [
    { code: 'social_security', name: '社会保障', specialist: false },
    { code: 'medical_insurance', name: '医疗保障', specialist: false },
    { code: 'market_regulation', name: '市场监管', specialist: false },
    { code: 'real_estate', name: '不动产登记', specialist: true },
    { code: 'police_vehicles', name: '公安/车驾管', specialist: true },
    { code: 'provident_fund', name: '住房公积金', specialist: true },
  ],
};

/** Response example of the queue rules endpoints, for the OpenAPI document. */
export const HALL_QUEUE_RULES_EXAMPLE: HallQueueRules = {
  hallId: '22222222-2222-4222-8222-222222222222',
  priorityStreakCap: 3,
  normalMaxWaitMinutes: 45,
};
