// Checks labeled break and continue out of nested loops and labeled blocks.
const found: string[] = [];
outer: for (let i = 0; i < 5; i++) {
  for (let j = 0; j < 5; j++) {
    if (j === 3) continue outer;
    if (i === 3) break outer;
    found.push(`${i}${j}`);
  }
}
console.log(found.join(" "));
let n = 0;
block: {
  n = 1;
  if (n === 1) break block;
  n = 2;
}
console.log(n);
const grid = [[1, 2, 3], [4, 42, 6], [7, 8, 9]];
let at = "";
search: for (let r = 0; r < grid.length; r++) {
  for (let c = 0; c < grid[r].length; c++) {
    if (grid[r][c] === 42) {
      at = `${r},${c}`;
      break search;
    }
  }
}
console.log(at);
let count = 0;
loop: while (true) {
  do {
    count++;
    if (count > 7) break loop;
    if (count % 2 === 0) continue loop;
  } while (false);
}
console.log(count);
