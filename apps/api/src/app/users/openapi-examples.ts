import type { ListResponse, UserView } from '@onewindow/contracts';

/** Response examples of the user endpoints, for the OpenAPI document. */
export const USER_EXAMPLE: UserView = {
  id: '6d1f2e3a-4b5c-4d6e-8f70-8192a3b4c5d6',
  username: 'fuyang-clerk-2',
  role: 'clerk',
  hallId: '11111111-1111-4111-8111-111111111111',
  active: true,
};

export const USER_LIST_EXAMPLE: ListResponse<UserView> = {
  items: [
    {
      id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      username: 'fuyang-manager',
      role: 'hall_manager',
      hallId: '11111111-1111-4111-8111-111111111111',
      active: true,
    },
    USER_EXAMPLE,
    {
      id: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
      username: 'fuyang-clerk-old',
      role: 'clerk',
      hallId: '11111111-1111-4111-8111-111111111111',
      active: false,
    },
  ],
  total: 3,
};
