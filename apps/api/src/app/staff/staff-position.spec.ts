import { positionOn, RecordedMove } from './staff-position';

describe('positionOn', () => {
  const moves: RecordedMove[] = [
    {
      effectiveDate: '2019-05-06',
      fromRole: 'department_clerk',
      fromPlace: '社会保障 A03',
      toRole: 'comprehensive_clerk',
      toPlace: '综合受理 C01',
    },
    {
      effectiveDate: '2020-04-01',
      fromRole: 'comprehensive_clerk',
      fromPlace: '综合受理 C01',
      toRole: 'self_service_guide',
      toPlace: '三楼自助服务区',
    },
  ];

  it('is where the latest earlier move took them', () => {
    expect(positionOn('self_service_guide', moves, '2020-04-02')).toEqual({
      role: 'self_service_guide',
      place: '三楼自助服务区',
    });
    expect(positionOn('self_service_guide', moves, '2020-04-01')).toEqual({
      role: 'comprehensive_clerk',
      place: '综合受理 C01',
    });
  });

  it('before every move: where the first move took them from', () => {
    expect(positionOn('self_service_guide', moves, '2019-01-01')).toEqual({
      role: 'department_clerk',
      place: '社会保障 A03',
    });
  });

  it('without moves: the role they were created with, no place', () => {
    expect(positionOn('online_coach', [], '2020-01-01')).toEqual({
      role: 'online_coach',
      place: null,
    });
  });
});
