// Checks two-dimensional arrays: creation, transpose, row/column sums, and jagged arrays.
const rows = 3;
const cols = 4;
const grid: number[][] = [];
for (let r = 0; r < rows; r++) {
  grid.push([]);
  for (let c = 0; c < cols; c++) grid[r].push(r * cols + c);
}
console.log(grid.map((row) => row.join(" ")).join(" | "));
const transpose = (m: number[][]): number[][] => m[0].map((_, c) => m.map((row) => row[c]));
console.log(JSON.stringify(transpose(grid)));
console.log(grid.map((row) => row.reduce((a, b) => a + b, 0)).join(","));
console.log(transpose(grid).map((col) => col.reduce((a, b) => a + b, 0)).join(","));
const jagged: number[][] = [[1], [2, 3], [], [4, 5, 6]];
console.log(jagged.map((r) => r.length).join(","), jagged.flat().length);
const mult = (a: number[][], b: number[][]): number[][] =>
  a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));
console.log(JSON.stringify(mult([[1, 2], [3, 4]], [[5, 6], [7, 8]])));
const copy = grid.map((row) => [...row]);
copy[0][0] = 99;
console.log(grid[0][0], copy[0][0]);
