// Sensor drivers on mps2-an385 against QEMU's tmp105 (0x48, and 0x49 when the test adds it) and dps310
// (0x77) on /dev/iic3. Prints the settings read back from a TMP105 configured for 9 bits with an
// alert, the errors of an absent address and an absent bus, then every 200 ms one line per sensor:
//   reading tmp105 /dev/iic3 0x48: temperature 23.44 C
import { I2CBus, I2CError } from "rumpsdk/i2c";
import { boardSensors } from "rumpsdk/board";
import { formatReading, type Sensor } from "rumpsdk/sensors";
import { Tmp105 } from "../../../drivers/sensors/tmp105.ts";

const bus = I2CBus.open(3);
const coarse = new Tmp105(bus, 0x49, { resolution: 9, alert: { low: -10.5, high: 30.25, mode: "interrupt", polarity: "high", faults: 4 } });
try {
  coarse.configure();
  console.log(`settings ${JSON.stringify(coarse.settings())}`);
} catch (e) {
  console.log(`settings: ${(e as I2CError).message}`);
}

function tryRead(s: Sensor): string {
  try {
    return formatReading(s.read());
  } catch (e) {
    return e instanceof I2CError ? `${e.name}: ${e.message} [${e.code}]` : `unexpected ${e}`;
  }
}

console.log(`absent address: ${tryRead(new Tmp105(bus, 0x4a))}`);
try {
  I2CBus.open(7);
  console.log("absent bus: opened?");
} catch (e) {
  console.log(`absent bus: ${(e as I2CError).name}: ${(e as I2CError).message}`);
}

const sensors = [...boardSensors(), coarse];
setInterval(() => {
  for (const s of sensors) console.log(`reading ${s.name} ${s.location}: ${tryRead(s)}`);
}, 200);
console.log("sensors: ready");
