/**
 * The k nearest neighbours of every point of a layout, through a k-d tree: n log n to build and
 * about log n a query, whatever the points' density (a uniform grid would put a force layout's
 * dense core, or points stacked at one spot, into a few cells and compare them pair by pair).
 * Deterministic: among points at equal distance the one listed first wins, so the same layout
 * always gives the same neighbours.
 */

/**
 * For each point i, the indices of its `k` nearest other points, nearest first, at
 * `result[i * k]` … `result[i * k + k - 1]`; -1 pads the list when there are not k other points.
 */
export function nearestNeighbours(x: Float64Array, y: Float64Array, k: number): Int32Array {
  const count = x.length;
  if (y.length !== count) throw new RangeError("x and y must have the same length");
  if (!Number.isInteger(k) || k < 1) throw new RangeError("k must be a whole number ≥ 1");
  const result = new Int32Array(count * k).fill(-1);
  if (count < 2) return result;

  const tree = Int32Array.from({ length: count }, (_, i) => i);
  build(tree, x, y, 0, count, 0);

  // The best k found so far for the point being queried, kept sorted by (distance, index).
  const bestIndex = new Int32Array(k);
  const bestDistance = new Float64Array(k);
  let found = 0;
  let query = 0;
  let qx = 0;
  let qy = 0;

  const consider = (candidate: number) => {
    if (candidate === query) return;
    const ex = x[candidate]! - qx;
    const ey = y[candidate]! - qy;
    const distance = ex * ex + ey * ey;
    if (found === k && !closer(distance, candidate, bestDistance[k - 1]!, bestIndex[k - 1]!)) return;
    let at = found < k ? found++ : k - 1;
    while (at > 0 && closer(distance, candidate, bestDistance[at - 1]!, bestIndex[at - 1]!)) {
      bestDistance[at] = bestDistance[at - 1]!;
      bestIndex[at] = bestIndex[at - 1]!;
      at--;
    }
    bestDistance[at] = distance;
    bestIndex[at] = candidate;
  };

  const search = (lo: number, hi: number, depth: number) => {
    if (lo >= hi) return;
    const mid = (lo + hi) >>> 1;
    const point = tree[mid]!;
    consider(point);
    const gap = depth % 2 === 0 ? qx - x[point]! : qy - y[point]!;
    // The side of the splitting line that holds the query first; the other only if a point
    // there could still be nearer than the k-th best (equality kept: ties go by index).
    const within = () => found < k || gap * gap <= bestDistance[k - 1]!;
    if (gap < 0) {
      search(lo, mid, depth + 1);
      if (within()) search(mid + 1, hi, depth + 1);
    } else {
      search(mid + 1, hi, depth + 1);
      if (within()) search(lo, mid, depth + 1);
    }
  };

  for (query = 0; query < count; query++) {
    qx = x[query]!;
    qy = y[query]!;
    found = 0;
    search(0, count, 0);
    for (let j = 0; j < found; j++) result[query * k + j] = bestIndex[j]!;
  }
  return result;
}

/** (distance a, index a) comes before (distance b, index b). */
function closer(distanceA: number, indexA: number, distanceB: number, indexB: number): boolean {
  return distanceA < distanceB || (distanceA === distanceB && indexA < indexB);
}

/**
 * Orders `tree[lo, hi)` as an implicit k-d tree: the median by x (depth even) or y (depth odd)
 * at the middle, the points before it on its lower side, those after on its upper side, each
 * side ordered the same way one level deeper.
 */
function build(tree: Int32Array, x: Float64Array, y: Float64Array, lo: number, hi: number, depth: number): void {
  if (hi - lo < 2) return;
  const mid = (lo + hi) >>> 1;
  select(tree, depth % 2 === 0 ? x : y, lo, hi - 1, mid);
  build(tree, x, y, lo, mid, depth + 1);
  build(tree, x, y, mid + 1, hi, depth + 1);
}

/**
 * Quickselect: puts at `nth` the point that sorting `tree[left, right]` by (coordinate, index)
 * would put there, smaller ones before it and larger ones after. The pivot is the median of
 * three, so sorted or stacked input stays n log n; ties go by index, so the order is total and
 * the result deterministic.
 */
function select(tree: Int32Array, coordinate: Float64Array, left: number, right: number, nth: number): void {
  const before = (a: number, b: number) => coordinate[a]! < coordinate[b]! || (coordinate[a]! === coordinate[b]! && a < b);
  const swap = (i: number, j: number) => {
    const t = tree[i]!;
    tree[i] = tree[j]!;
    tree[j] = t;
  };
  while (right > left) {
    const middle = (left + right) >>> 1;
    if (before(tree[middle]!, tree[left]!)) swap(middle, left);
    if (before(tree[right]!, tree[left]!)) swap(right, left);
    if (before(tree[right]!, tree[middle]!)) swap(right, middle);
    const pivot = tree[middle]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (before(tree[i]!, pivot)) i++;
      while (before(pivot, tree[j]!)) j--;
      if (i <= j) swap(i++, j--);
    }
    if (nth <= j) right = j;
    else if (nth >= i) left = i;
    else return;
  }
}
