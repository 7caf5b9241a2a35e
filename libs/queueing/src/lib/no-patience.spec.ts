import { hallDay } from '../testing/hall-day';
import { comparePooling } from './compare';
import { minimumWindows } from './minimum-windows';
import { simulate } from './simulate';
import type { Figure } from './types';

/**
 * A scenario without patience gives exactly the numbers it gave before people could give up: the
 * figures below were recorded with the library as it was before patience existed (same scenario,
 * layouts, seeds), and are compared bit for bit. Patience has its own random stream, so the
 * arrivals and handling times of a day do not depend on it; a pool where nobody gives up runs the
 * loops it always ran.
 */
const day = hallDay(400);
const dept = {
  kind: 'department' as const,
  windows: { SOC: 4, MED: 2, EST: 3, TAX: 2 },
};
const none: Figure = { mean: 0, ci95: [0, 0] };

/** The figure object without `abandonedShare` (which did not exist), after checking it is 0. */
function withoutAbandoned<T extends { abandonedShare: Figure }>(
  f: T,
): Omit<T, 'abandonedShare'> {
  expect(f.abandonedShare).toEqual(none);
  const rest: Partial<T> = { ...f };
  delete rest.abandonedShare;
  return rest as Omit<T, 'abandonedShare'>;
}

describe('without patience, results are those recorded before patience existed', () => {
  it('simulate, department layout', () => {
    const r = simulate(day, dept, { replications: 4, seed: 11 });
    expect(withoutAbandoned(r.overall)).toEqual({
      meanWaitMinutes: {
        mean: 4.470043942080452,
        ci95: [1.5097359915991544, 7.430351892561751],
      },
      p50WaitMinutes: {
        mean: 0,
        ci95: [0, 0],
      },
      p90WaitMinutes: {
        mean: 13.689132544318223,
        ci95: [6.3255138573602165, 21.05275123127623],
      },
      p95WaitMinutes: {
        mean: 28.50686954336469,
        ci95: [3.6139317423594903, 53.39980734436989],
      },
      shareWithinTarget: {
        mean: 0.9091168264778441,
        ci95: [0.8502076512347163, 0.9680260017209719],
      },
      shareWaiting: {
        mean: 0.4325262921238153,
        ci95: [0.38156826532606164, 0.483484318921569],
      },
      utilisation: {
        mean: 0.5782548767063134,
        ci95: [0.5655665341502971, 0.5909432192623296],
      },
    });
    expect(r.byCategory.map(withoutAbandoned)).toEqual([
      {
        code: 'SOC',
        customers: {
          mean: 131.5,
          ci95: [120.06236295043074, 142.93763704956928],
        },
        meanWaitMinutes: {
          mean: 0.9462701820904758,
          ci95: [0.030057676657112564, 1.862482687523839],
        },
        p90WaitMinutes: {
          mean: 3.8499280594676524,
          ci95: [0, 7.904609583043632],
        },
        shareWithinTarget: {
          mean: 1,
          ci95: [1, 1],
        },
      },
      {
        code: 'MED',
        customers: {
          mean: 98,
          ci95: [76.37653218288884, 119.62346781711116],
        },
        meanWaitMinutes: {
          mean: 2.415645258528605,
          ci95: [0.7751628800011048, 4.056127637056105],
        },
        p90WaitMinutes: {
          mean: 8.3138837439896,
          ci95: [2.288716082296987, 14.339051405682213],
        },
        shareWithinTarget: {
          mean: 0.9793994995829859,
          ci95: [0.9311590298508522, 1],
        },
      },
      {
        code: 'EST',
        customers: {
          mean: 58.5,
          ci95: [49.26724845505864, 67.73275154494135],
        },
        meanWaitMinutes: {
          mean: 18.01722622213007,
          ci95: [0, 38.77179826750122],
        },
        p90WaitMinutes: {
          mean: 37.444881988129936,
          ci95: [3.452660492703771, 71.4371034835561],
        },
        shareWithinTarget: {
          mean: 0.551407139113507,
          ci95: [0.13598105964370166, 0.9668332185833124],
        },
      },
      {
        code: 'TAX',
        customers: {
          mean: 96.25,
          ci95: [92.96960943386466, 99.53039056613534],
        },
        meanWaitMinutes: {
          mean: 3.1365419138252406,
          ci95: [1.4686711741254324, 4.804412653525048],
        },
        p90WaitMinutes: {
          mean: 11.402375713747459,
          ci95: [4.0176204719424575, 18.78713095555246],
        },
        shareWithinTarget: {
          mean: 0.934902549430475,
          ci95: [0.8587061042828628, 1],
        },
      },
    ]);
    expect(withoutAbandoned(r.byInterval[3])).toEqual({
      start: 600,
      customers: {
        mean: 41.25,
        ci95: [30.350798953568294, 52.149201046431706],
      },
      meanWaitMinutes: {
        mean: 5.826162572632642,
        ci95: [0.832088938670255, 10.820236206595029],
      },
      shareWithinTarget: {
        mean: 0.8821969696969697,
        ci95: [0.7432589878946321, 1],
      },
    });
  });

  it('simulate, per-interval comprehensive windows', () => {
    const per = [4, 8, 12, 13, 12, 9, 7, 4, 3, 4, 8, 11, 12, 11, 8, 5, 3];
    const r = simulate(
      day,
      { kind: 'comprehensive', windows: { perInterval: per, afterClose: 3 } },
      { replications: 4, seed: 11 },
    );
    expect(withoutAbandoned(r.overall)).toEqual({
      meanWaitMinutes: {
        mean: 2.5330040553580897,
        ci95: [1.2320705489799562, 3.8339375617362235],
      },
      p50WaitMinutes: {
        mean: 0,
        ci95: [0, 0],
      },
      p90WaitMinutes: {
        mean: 6.425864013774308,
        ci95: [5.28349038500763, 7.568237642540986],
      },
      p95WaitMinutes: {
        mean: 12.805579249345586,
        ci95: [3.9137921238096887, 21.697366374881483],
      },
      shareWithinTarget: {
        mean: 0.9538363672045863,
        ci95: [0.9037098557044003, 1],
      },
      shareWaiting: {
        mean: 0.42880093440397654,
        ci95: [0.34868365035216964, 0.5089182184557834],
      },
      utilisation: {
        mean: 0.8006821479620556,
        ci95: [0.773640835265015, 0.8277234606590962],
      },
    });
  });

  it('minimumWindows, department', () => {
    const r = minimumWindows(
      day,
      { kind: 'department' },
      { replications: 6, seed: 5 },
    );
    expect(r.windows).toEqual({
      SOC: 4,
      MED: 2,
      EST: 5,
      TAX: 2,
    });
    expect(r.evaluations).toBe(9);
    expect(r.achieved.shareWithinTarget).toEqual({
      mean: 0.9406301422695202,
      ci95: [0.8934628127722979, 0.9877974717667426],
    });
    expect(r.achieved.meanWaitMinutes).toEqual({
      mean: 3.319308918252432,
      ci95: [2.064138350015905, 4.574479486488959],
    });
  });

  it('comparePooling: every paired difference [mean, ci low, ci high]', () => {
    const r = comparePooling(day, dept, { replications: 6, seed: 5 });
    const recorded: Record<string, number[]> = {
      'overall.meanWaitMinutes': [
        -4.401106665333859, -6.534325847790445, -2.2678874828772724,
      ],
      'overall.p90WaitMinutes': [
        -11.102843144286387, -21.24190108311774, -0.9637852054550358,
      ],
      'overall.p95WaitMinutes': [
        -22.71468762897294, -40.92622192844466, -4.503153329501213,
      ],
      'overall.shareWithinTarget': [
        0.0785803497930243, 0.023275188266331757, 0.13388551131971685,
      ],
      'overall.shareWaiting': [
        -0.12311550196969251, -0.17949638636650722, -0.06673461757287781,
      ],
      'category.SOC.meanWaitMinutes': [
        0.7237489806166931, -1.4186092431435937, 2.86610720437698,
      ],
      'category.SOC.p90WaitMinutes': [
        3.2781540375668343, -4.314060845125228, 10.870368920258896,
      ],
      'category.SOC.shareWithinTarget': [
        -0.03311482545860165, -0.11232013714022065, 0.04609048622301736,
      ],
      'category.MED.meanWaitMinutes': [
        -2.9217037264948593, -6.301730695999506, 0.45832324300978744,
      ],
      'category.MED.p90WaitMinutes': [
        -7.458898998101589, -19.80985042605291, 4.892052429849733,
      ],
      'category.MED.shareWithinTarget': [
        0.07270724052676747, -0.03352718927783334, 0.17894167033136826,
      ],
      'category.EST.meanWaitMinutes': [
        -22.218939240907662, -39.52310710472983, -4.91477137708549,
      ],
      'category.EST.p90WaitMinutes': [
        -51.76361219210909, -80.00640043489092, -23.52082394932727,
      ],
      'category.EST.shareWithinTarget': [
        0.4340749807987711, 0.16624531802635012, 0.7019046435711921,
      ],
      'category.TAX.meanWaitMinutes': [
        -1.5552668780420118, -2.6223300589758405, -0.4882036971081831,
      ],
      'category.TAX.p90WaitMinutes': [
        -3.6722180538069735, -9.953620054677053, 2.6091839470631055,
      ],
      'category.TAX.shareWithinTarget': [
        0.015718459030108173, -0.03559388218026835, 0.06703080024048469,
      ],
    };
    for (const [metric, v] of Object.entries(recorded)) {
      const m = r.metrics.find((x) => x.metric === metric);
      expect([m?.difference.mean, ...(m?.difference.ci95 ?? [])]).toEqual(v);
    }
  });
});
