// Two-sided p-values of a standard normal z, to double precision across the range (no stats library in geo/).

/** 2 / (2n + 1), the series' factors: a multiplication per term instead of a division. */
const TWO_OVER_ODD = Float64Array.from({ length: 200 }, (_, n) => 2 / (2 * n + 1));

/** erfc(x) for x >= 0: a positive series for small x, a continued fraction (Lentz) for the tail. */
function erfc(x: number): number {
  if (x < 2.5) {
    // erf(x) = 2/sqrt(pi) e^{-x^2} sum_n 2^n x^{2n+1} / (1*3*...*(2n+1)): all terms positive, no cancellation.
    const x2 = x * x;
    let term = x;
    let sum = x;
    for (let n = 1; n < 200 && term > sum * 1e-17; n++) {
      term *= x2 * TWO_OVER_ODD[n];
      sum += term;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
  }
  // erfc(x) = e^{-x^2}/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), modified Lentz.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const an = n / 2;
    d = x + an * d;
    d = d === 0 ? tiny : d;
    c = x + an / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

/** P(|Z| >= |z|) for a standard normal Z. */
export function twoSidedP(z: number): number {
  if (!Number.isFinite(z)) return Number.isNaN(z) ? 1 : 0;
  return erfc(Math.abs(z) / Math.SQRT2);
}
