// The small dense linear algebra a Gaussian process needs: Cholesky factor and triangular solves.

/** The lower Cholesky factor of a symmetric positive definite matrix, or null when it is not one. */
export function cholesky(matrix: number[][]): number[][] | null {
  const n = matrix.length;
  const lower = matrix.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i][j];
      for (let k = 0; k < j; k++) sum -= lower[i][k] * lower[j][k];
      if (i === j) {
        if (!(sum > 0)) return null;
        lower[i][i] = Math.sqrt(sum);
      } else {
        lower[i][j] = sum / lower[j][j];
      }
    }
  }
  return lower;
}

/** Solves L x = b for lower triangular L. */
export function solveLower(lower: number[][], b: number[]): number[] {
  const x = new Array<number>(b.length);
  for (let i = 0; i < b.length; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= lower[i][k] * x[k];
    x[i] = sum / lower[i][i];
  }
  return x;
}

/** Solves Lᵀ x = b for lower triangular L. */
export function solveUpper(lower: number[][], b: number[]): number[] {
  const n = b.length;
  const x = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = b[i];
    for (let k = i + 1; k < n; k++) sum -= lower[k][i] * x[k];
    x[i] = sum / lower[i][i];
  }
  return x;
}
