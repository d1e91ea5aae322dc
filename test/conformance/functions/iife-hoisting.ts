// Checks IIFEs (arrow and function), function declaration hoisting, and nested function scopes.
console.log(hoisted(3));
function hoisted(n: number): number {
  return n * 2 + helper();
}
function helper(): number {
  return 1;
}
const result = (function (a: number, b: number): number {
  return a + b;
})(2, 3);
console.log(result);
const module1 = (() => {
  let secret = 41;
  return { reveal: (): number => ++secret };
})();
console.log(module1.reveal(), module1.reveal());
function outer(): string {
  return inner();
  function inner(): string {
    return "inner from below the return";
  }
}
console.log(outer());
{
  function blockScoped(): string {
    return "block";
  }
  console.log(blockScoped());
}
const fnExpr = function fact(n: number): number {
  return n <= 1 ? 1 : n * fact(n - 1);
};
console.log(fnExpr(5), fnExpr.name, hoisted.name, (() => 0).name);
