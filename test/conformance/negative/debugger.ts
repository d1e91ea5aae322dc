// expect-error: debugger
// The debugger statement has no meaning in compiled firmware.
function f(): number {
  debugger;
  return 1;
}
console.log(f());
