import {
  betaI,
  gammaP,
  gammaQ,
  lnGamma,
  studentTCdf,
  studentTQuantile,
} from './special';

describe('special functions', () => {
  it('lnGamma matches factorials and Γ(1/2) = √π', () => {
    let f = 0;
    for (let n = 1; n < 170; n++) {
      expect(lnGamma(n)).toBeCloseTo(f, 9);
      f += Math.log(n);
    }
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(lnGamma(0.1)).toBeCloseTo(2.252712651734206, 11);
  });

  it('regularised incomplete gamma: exponential and Poisson identities', () => {
    for (const x of [0.01, 0.5, 1, 3, 20, 50]) {
      expect(gammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 12);
      // Q(n, x) = P(Poisson(x) < n)
      let poisson = 0;
      let term = Math.exp(-x);
      for (let k = 0; k < 5; k++) {
        poisson += term;
        term *= x / (k + 1);
      }
      expect(gammaQ(5, x)).toBeCloseTo(poisson, 12);
    }
    expect(gammaP(1000, 1000)).toBeCloseTo(
      0.5 + 1 / (3 * Math.sqrt(2 * Math.PI * 1000)),
      4,
    );
  });

  it('incomplete beta: uniform and symmetric cases', () => {
    expect(betaI(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(betaI(0.5, 7, 7)).toBeCloseTo(0.5, 12);
    expect(betaI(0.2, 2, 1)).toBeCloseTo(0.04, 12);
  });

  it("Student's t quantiles from the tables", () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 4);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.2281, 4);
    expect(studentTQuantile(0.975, 29)).toBeCloseTo(2.0452, 4);
    expect(studentTQuantile(0.975, 1000)).toBeCloseTo(1.9623, 4);
    expect(studentTQuantile(0.025, 29)).toBeCloseTo(-2.0452, 4);
    expect(studentTCdf(studentTQuantile(0.9, 7), 7)).toBeCloseTo(0.9, 10);
  });
});
