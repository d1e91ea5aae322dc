// A deliberate crash for the crash-decoding tests (test/console/console.test.ts): after boot it
// calls into C that writes through a bad pointer. The decoded backtrace must name the line of the
// crash(...) call below (CRASH_LINE in the test).
import { crash } from "rumpsdk/shell";

function readCalibration(register: number): number {
  crash(register);
  return register;
}

console.log("crash: reading the calibration register");
setTimeout(() => {
  console.log(`crash: calibration ${readCalibration(7)}`);
}, 50);
