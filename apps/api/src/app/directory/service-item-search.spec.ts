import {
  correctBySound,
  normalizeQuery,
  queryVariants,
  rankItems,
  scoreItem,
  stripFillers,
  vocabularyOf,
} from './service-item-search';

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

  it('writes ages in Chinese numerals as digits', () => {
    expect(normalizeQuery('我妈八十多岁了')).toBe('我妈80多岁了');
    expect(normalizeQuery('满六十五周岁')).toBe('满65周岁');
    expect(normalizeQuery('一下')).toBe('一下');
  });

  it('drops dictation fillers and question frames', () => {
    expect(
      stripFillers(
        normalizeQuery('嗯，那个我想问一下就是社保卡丢了怎么办啊？'),
      ),
    ).toBe('社保卡丢了');
    expect(stripFillers('居住证在哪里办呢')).toBe('居住证');
  });

  it('corrects a homophone typo of a catalog word, and leaves known words alone', () => {
    const vocabulary = vocabularyOf([
      { code: 'PV-0008', name: '户口迁移登记', aliases: ['把户口迁过来'] },
      { code: 'PV-0001', name: '机动车驾驶证换证', aliases: [] },
      { code: 'MR-0004', name: '企业变更登记', aliases: ['公司搬家'] },
    ]);
    expect(correctBySound('护口迁移', vocabulary)).toBe('户口迁移');
    expect(correctBySound('驾驶正到期', vocabulary)).toBe('驾驶证到期');
    // "办驾" sounds like "搬家", but "驾" belongs to the known "驾驶"
    expect(correctBySound('办驾驶证', vocabulary)).toBe('办驾驶证');
  });

  it('also asks everyday words in the catalog wording', () => {
    expect(queryVariants('驾照丢了')).toEqual(
      expect.arrayContaining(['驾驶证丢了', '驾照遗失补领']),
    );
    expect(rankItems(items, '执照找不到了', 3)[0].item.code).toBe('MR-0002');
  });

  it('finds an item through fillers and a typo together', () => {
    expect(
      rankItems(items, '嗯那个我想问下社保卡在哪里半啊', 3)[0].item.code,
    ).toBe('SS-0001');
  });

  it('asks nothing for fillers and function words only', () => {
    expect(rankItems(items, '你好', 5)).toEqual([]);
    expect(rankItems(items, '怎么办', 5)).toEqual([]);
    expect(rankItems(items, '', 5)).toEqual([]);
  });

  it('falls back to a few weak suggestions rather than nothing', () => {
    // shares only "执" and "照" with MR-0002: below the normal threshold
    const weak = rankItems(items, '我的照片和执行', 5);
    expect(weak.map((r) => r.item.code)).toEqual(['MR-0002']);
    expect(weak[0].score).toBeLessThan(0.15);
  });
});
