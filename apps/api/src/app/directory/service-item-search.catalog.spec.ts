import { SERVICE_ITEMS } from '@onewindow/demo-data';
import { rankItems } from './service-item-search';

/**
 * What citizens type at a kiosk, against the demo catalog (93 items). Each query names the items
 * that are a right answer; a query hits top-1 when the first item is one of them.
 */
const CASES: [string, string[]][] = [
  ['老父亲 医保 余额', ['MI-0001']],
  ['医保卡余额给家人用', ['MI-0001']],
  ['医保卡里的钱给爸妈用', ['MI-0001']],
  ['开公司', ['MR-0001']],
  ['营业执照', ['MR-0001', 'MR-0002', 'MR-0003']],
  ['营业执照丢了', ['MR-0003']],
  ['社保卡丢了', ['SS-0002', 'SS-0003']],
  ['驾照到期', ['PV-0001']],
  ['二手房过户', ['RE-0001']],
  ['买房提取公积金', ['PF-0001']],
  ['租房提取公积金', ['PF-0002']],
  ['办退休', ['SS-0006']],
  ['孩子上户口', ['PV-0009']],
  ['身份证丢了', ['PV-0006']],
  ['领结婚证', ['CA-0002']],
  ['申请低保', ['CA-0001']],
  ['办残疾证', ['DP-0001']],
  ['领失业金', ['SS-0007']],
  ['异地就医备案', ['MI-0003']],
  ['开饭店要什么证', ['MR-0008']],
  ['注销公司', ['MR-0005']],
  ['房贷还清了解押', ['RE-0004']],
  ['开无房证明', ['RE-0005']],
  ['新车上牌', ['PV-0003']],
  ['个税退税', ['TX-0003']],
  ['领发票', ['TX-0001']],
  ['办护照', ['PV-0011']],
  ['港澳签注', ['PV-0010']],
  ['生育津贴', ['MI-0007']],
  ['给孩子交医保', ['MI-0002']],
  ['老人高龄补贴', ['CA-0007']],
  ['开药店', ['MR-0011']],
  ['车子年检', ['PV-0005']],
  ['摆摊要执照吗', ['MR-0002']],
  ['公积金贷款', ['PF-0004']],
  ['社保缴费证明', ['SS-0008']],
  ['SS-0004', ['SS-0004']],
  ['企业设立登记', ['MR-0001']],
  ['我想把户口迁过来', ['PV-0008']],
  ['装修垃圾清运', ['UM-0001']],
  ['店门口装招牌', ['UM-0002']],
  ['上班受伤', ['SS-0010']],
  // paraphrases that share little text with any phrasing
  ['爸爸看病用我的医保', ['MI-0001']],
  ['公司搬家了', ['MR-0004']],
  ['小孩出生办医保', ['MI-0002']],
  ['驾驶证过期了', ['PV-0001']],
  ['结婚证丢了补办', ['CA-0004']],
  ['出国旅游办证件', ['PV-0011']],
  ['想开个奶茶店', ['MR-0002', 'MR-0008']],
  ['房子卖了怎么过户', ['RE-0001']],
  ['父亲去世了社保', ['SS-0014']],
  ['没有工作怎么交养老保险', ['SS-0004', 'SS-0009']],
];

describe('kiosk search on the demo catalog', () => {
  const results = CASES.map(([q, right]) => {
    const top = rankItems(SERVICE_ITEMS, q, 3).map((r) => r.item.code);
    return {
      q,
      right,
      top,
      top1: right.includes(top[0]),
      top3: top.some((c) => right.includes(c)),
    };
  });

  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it('finds the right item in the top three for every query', () => {
    expect(
      results.filter((r) => !r.top3).map((r) => `${r.q} → ${r.top.join(',')}`),
    ).toEqual([]);
  });

  it('puts the right item first for at least 90% of queries', () => {
    const top1 = results.filter((r) => r.top1).length / results.length;
    const top3 = results.filter((r) => r.top3).length / results.length;
    process.stdout.write(
      `kiosk search: ${results.length} queries, top-1 ${(top1 * 100).toFixed(1)}%, top-3 ${(top3 * 100).toFixed(1)}%\n`,
    );
    expect(
      results.filter((r) => !r.top1).map((r) => `${r.q} → ${r.top.join(',')}`)
        .length,
    ).toBeLessThanOrEqual(Math.floor(results.length * 0.1));
  });
});
