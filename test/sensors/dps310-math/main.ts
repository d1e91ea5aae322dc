// The DPS310 driver's calibration arithmetic, compiled by the SDK's compiler and run on the host board:
// prints the coefficients parsed from register bytes and compensated values for several oversampling
// rates, for test/sensors/dps310.test.ts to compare with values worked out by hand from the datasheet.
import { compensate, parseCoefficients, raw24, scaleFactor, type Dps310Oversampling } from "../../../drivers/sensors/dps310.ts";

// registers 0x10-0x21 (the coefficient bytes QEMU's dps310 model holds) and the raw results 0x00-0x05
const coef = parseCoefficients([0x0e, 0x1e, 0xdd, 0x13, 0xca, 0x5f, 0x21, 0x52, 0xf9, 0xc6, 0x04, 0xd1, 0xdb, 0x47, 0x00, 0x5b, 0xfb, 0x3a]);
console.log(`coef ${JSON.stringify(coef)}`);
const rawP = raw24(0xfe, 0x2f, 0xee);
const rawT = raw24(0x02, 0x69, 0xa6);
console.log(`raw ${rawT} ${rawP}`);
const rates: Dps310Oversampling[] = [1, 2, 4, 8, 16, 32, 64, 128];
for (const n of rates) {
  const r = compensate(coef, rawT, rawP, scaleFactor(n), scaleFactor(n));
  console.log(`x${n} k ${scaleFactor(n)} T ${r.temperature.toFixed(6)} P ${r.pressure.toFixed(4)}`);
}
// a second example with positive raw pressure and c1 > 0
const c2 = parseCoefficients([0x12, 0x34, 0x56, 0x01, 0x00, 0x0f, 0xff, 0xff, 0x00, 0x10, 0xff, 0xf0, 0x80, 0x00, 0x7f, 0xff, 0x00, 0x00]);
console.log(`coef2 ${JSON.stringify(c2)}`);
const r2 = compensate(c2, raw24(0x7f, 0xff, 0xff), raw24(0x00, 0x10, 0x00), scaleFactor(8), scaleFactor(16));
console.log(`second T ${r2.temperature.toFixed(6)} P ${r2.pressure.toFixed(4)}`);
