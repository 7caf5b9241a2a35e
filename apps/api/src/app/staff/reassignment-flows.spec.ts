import { reassignmentFlows } from './reassignment-flows';

describe('reassignmentFlows', () => {
  it('sums each role pair over halls and gives source and target nodes distinct ids', () => {
    const flows = reassignmentFlows(
      [
        // hall A
        {
          fromRole: 'department_clerk',
          toRole: 'comprehensive_clerk',
          count: 3,
        },
        { fromRole: 'department_clerk', toRole: 'online_coach', count: 1 },
        {
          fromRole: 'comprehensive_clerk',
          toRole: 'self_service_guide',
          count: 1,
        },
        // hall B
        {
          fromRole: 'department_clerk',
          toRole: 'comprehensive_clerk',
          count: 2,
        },
        { fromRole: 'department_clerk', toRole: 'online_coach', count: 1 },
      ],
      '2019-01-01',
      '2020-12-31',
    );
    expect(flows).toEqual({
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
          value: 5,
        },
        {
          source: 'from:department_clerk',
          target: 'to:online_coach',
          value: 2,
        },
        {
          source: 'from:comprehensive_clerk',
          target: 'to:self_service_guide',
          value: 1,
        },
      ],
      total: 8,
    });
  });

  it('has no cycle even when a role is both left and joined', () => {
    const { nodes, links } = reassignmentFlows(
      [
        { fromRole: 'online_coach', toRole: 'agent', count: 1 },
        { fromRole: 'agent', toRole: 'online_coach', count: 1 },
      ],
      '2020-01-01',
      '2020-12-31',
    );
    const ids = nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const l of links) {
      expect(l.source.startsWith('from:')).toBe(true);
      expect(l.target.startsWith('to:')).toBe(true);
    }
    // equal counts: by source role in STAFF_ROLES order
    expect(links.map((l) => `${l.source}>${l.target}`)).toEqual([
      'from:online_coach>to:agent',
      'from:agent>to:online_coach',
    ]);
  });

  it('puts roles it does not know after the known ones and skips empty counts', () => {
    const flows = reassignmentFlows(
      [
        { fromRole: 'zz_legacy', toRole: 'left', count: 1 },
        { fromRole: 'back_office', toRole: 'left', count: 1 },
        { fromRole: 'agent', toRole: 'back_office', count: 0 },
      ],
      '2020-01-01',
      '2020-01-31',
    );
    expect(flows.nodes.map((n) => n.id)).toEqual([
      'from:back_office',
      'from:zz_legacy',
      'to:left',
    ]);
    expect(flows.total).toBe(2);
  });

  it('is empty without moves', () => {
    expect(reassignmentFlows([], '2020-01-01', '2020-01-31')).toEqual({
      from: '2020-01-01',
      to: '2020-01-31',
      nodes: [],
      links: [],
      total: 0,
    });
  });
});
