import { normalizeQuery, rankItems, scoreItem } from './service-item-search';

const items = [
  {
    code: 'MI-0001',
    name: '基本医疗保险参保人员历年账户家庭共济备案',
    aliases: [
      '我的医保卡里有历年余额,能否给老父亲使用,该怎么办',
      '医保卡余额给家人用',
    ],
  },
  { code: 'MR-0001', name: '企业设立登记', aliases: ['开公司', '注册公司'] },
  { code: 'MR-0002', name: '营业执照遗失补领', aliases: ['营业执照丢了'] },
  { code: 'SS-0001', name: '社会保障卡申领', aliases: ['办社保卡'] },
];

describe('service item search', () => {
  it('normalises width, case, spaces and punctuation', () => {
    expect(normalizeQuery(' 医保，卡 ＡＢ ')).toBe('医保卡ab');
  });

  it.each([
    ['营业执照', 'MR-0002'],
    ['开公司', 'MR-0001'],
    ['医保卡余额给家人用', 'MI-0001'],
    ['老父亲 医保 余额', 'MI-0001'],
    ['社保卡', 'SS-0001'],
    ['mr-0001', 'MR-0001'],
  ])('%s → %s first', (q, code) => {
    expect(rankItems(items, q, 3)[0].item.code).toBe(code);
  });

  it('scores an exact code 1 and unrelated text below the threshold', () => {
    expect(scoreItem('MR-0002', items[2])).toBe(1);
    expect(rankItems(items, '天气预报', 5)).toEqual([]);
  });
});
