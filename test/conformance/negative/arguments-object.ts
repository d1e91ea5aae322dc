// expect-error: arguments
// The implicit `arguments` object is not supported; use rest parameters.
function count(): number {
  // eslint-disable-next-line prefer-rest-params
  return arguments.length;
}
console.log(count());
