// Checks array spread: copying, concatenation, spreading strings/Sets/Maps/generators and holes.
const a = [1, 2];
const b = [...a, 3, ...a];
console.log(b.join(","), b.length);
const copy = [...a];
copy.push(99);
console.log(a.join(","), copy.join(","));
console.log([..."héllo"].length, [...new Set([1, 1, 2])].join(","), [...new Map([["k", 1]])].length);
function* three(): Generator<number> {
  yield 1;
  yield 2;
  yield 3;
}
console.log([0, ...three(), 4].join(","));
const holes = [1, , 3];
const spreadHoles = [...holes];
console.log(spreadHoles.length, 1 in spreadHoles, spreadHoles[1]);
console.log([...[], ...[[]]].length, [...[[1, 2]]][0].length);
const nested = [[1], [2, 3]];
const shallow = [...nested];
shallow[0].push(100);
console.log(nested[0].join(","));
console.log(Math.max(...[1, 5, 3]), Math.min(...[]), String.fromCharCode(...[104, 105]));
