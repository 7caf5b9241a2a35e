import { serves, servesAll, waitingRows, waitingTotal } from './waiting';

const names = new Map([
  ['social_security', '社保'],
  ['medical_insurance', '医保'],
  ['tax', '税务'],
]);
const waiting = {
  tax: 4,
  social_security: 2,
  medical_insurance: 0,
  unknown_cat: 1,
};

describe('which categories a window serves', () => {
  it('a comprehensive window with no categories serves all; otherwise its list', () => {
    expect(servesAll({ mode: 'comprehensive', categoryCodes: [] })).toBe(true);
    expect(servesAll({ mode: 'comprehensive', categoryCodes: ['tax'] })).toBe(
      false,
    );
    expect(servesAll({ mode: 'department', categoryCodes: [] })).toBe(false);
    expect(serves({ mode: 'comprehensive', categoryCodes: [] }, 'tax')).toBe(
      true,
    );
    expect(serves({ mode: 'department', categoryCodes: ['tax'] }, 'tax')).toBe(
      true,
    );
    expect(
      serves({ mode: 'department', categoryCodes: ['tax'] }, 'social_security'),
    ).toBe(false);
    // a department window with an empty list serves nothing
    expect(serves({ mode: 'department', categoryCodes: [] }, 'tax')).toBe(
      false,
    );
  });
});

describe('waitingRows', () => {
  it("lists a department window's categories, even those nobody waits for, in catalog order", () => {
    const rows = waitingRows(
      waiting,
      { mode: 'department', categoryCodes: ['tax', 'medical_insurance'] },
      names,
    );
    expect(rows).toEqual([
      { code: 'medical_insurance', name: '医保', count: 0 },
      { code: 'tax', name: '税务', count: 4 },
    ]);
    expect(waitingTotal(rows)).toBe(4);
  });

  it('lists every category someone waits for at a window serving all, naming unknown ones by code', () => {
    const rows = waitingRows(
      waiting,
      { mode: 'comprehensive', categoryCodes: [] },
      names,
    );
    expect(rows.map((r) => [r.name, r.count])).toEqual([
      ['社保', 2],
      ['税务', 4],
      ['unknown_cat', 1],
    ]);
    expect(waitingTotal(rows)).toBe(7);
  });

  it('counts a listed category absent from the queue as zero and never below zero', () => {
    const rows = waitingRows(
      { tax: -1 },
      { mode: 'comprehensive', categoryCodes: ['tax', 'social_security'] },
      names,
    );
    expect(rows.map((r) => r.count)).toEqual([0, 0]);
    expect(waitingTotal([])).toBe(0);
  });
});
