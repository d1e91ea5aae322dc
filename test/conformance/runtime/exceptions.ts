// Checks exceptions on firmware: throw/catch in a loop (100000 times), nested finally, custom errors.
class DeviceError extends Error {
  constructor(readonly code: number) {
    super("device error " + code);
    this.name = "DeviceError";
  }
}
let caught = 0;
let finals = 0;
for (let i = 0; i < 100000; i++) {
  try {
    if (i % 3 === 0) throw new DeviceError(i);
  } catch (e) {
    if (e instanceof DeviceError && e.code === i) caught++;
  } finally {
    finals++;
  }
}
console.log(caught, finals);
function deep(n: number): number {
  if (n === 0) throw new RangeError("bottom reached");
  try {
    return deep(n - 1);
  } finally {
    finals++;
  }
}
try {
  deep(1000);
} catch (e) {
  console.log((e as Error).name, (e as Error).message, finals);
}
const p = Promise.reject(new DeviceError(7));
p.catch((e: DeviceError) => console.log("async", e.name, e.code));
