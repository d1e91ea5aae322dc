// rumpsdk/sensors: the interface every sensor driver implements, the board's sensors, and a simulated sensor.
//   import { boardSensors, formatReading, type Sensor } from "rumpsdk/sensors";
//   for (const s of boardSensors()) console.log(`${s.name}: ${formatReading(s.read())}`);
// Drivers of real chips live in drivers/sensors/ (TMP105, DPS310) and talk to them over rumpsdk/i2c.
import { I2CBus, I2CError } from "./i2c.ts";
import { param } from "./sys.ts";
import { uptime } from "./sys.ts";
import { Dps310 } from "../../drivers/sensors/dps310.ts";
import { Tmp105 } from "../../drivers/sensors/tmp105.ts";

/** One measured quantity: ("temperature", 21.5, "C"), ("pressure", 1013.2, "hPa"). */
export interface Measurement {
  quantity: string;
  value: number;
  unit: string;
}

/** What one read() gives: the sensor's name and its measurements, the primary one first. */
export interface Reading {
  sensor: string;
  values: Measurement[];
}

/** A sensor. read() throws (I2CError, naming the bus and address, for a chip that is missing or fails) rather than return a wrong value. */
export interface Sensor {
  /** the chip's name ("tmp105", "dps310", "sim") */
  readonly name: string;
  /** where it sits: "/dev/iic3 0x48", or "simulated" */
  readonly location: string;
  read(): Reading;
}

/** "temperature 21.50 C, pressure 1013.25 hPa" */
export function formatReading(r: Reading): string {
  return r.values.map((m) => `${m.quantity} ${m.value.toFixed(2)} ${m.unit}`).join(", ");
}

/**
 * A simulated temperature sensor: a deterministic function of the time since the machine started,
 * 21 °C plus a slow 60 s swing of ±2 °C and a faster 7 s ripple of ±0.25 °C, rounded to 0.01.
 * `valueAt(ms)` gives the value for any uptime, so tests can check a reading.
 */
export class SimulatedSensor implements Sensor {
  readonly name: string = "sim";
  readonly location: string = "simulated";

  read(): Reading {
    return { sensor: this.name, values: [{ quantity: "temperature", value: SimulatedSensor.valueAt(uptime()), unit: "C" }] };
  }

  static valueAt(ms: number): number {
    const t = ms / 1000;
    const v = 21 + 2 * Math.sin((2 * Math.PI * t) / 60) + 0.25 * Math.sin((2 * Math.PI * t) / 7);
    return Math.round(v * 100) / 100;
  }
}

let board: Sensor[] | undefined;

/**
 * The sensors the board carries, as its board.json "sensors" list them (the build passes them as the
 * parameter "rumpsdk.sensors": "DRIVER BUS ADDR" entries separated by ";"), each behind its driver;
 * a board without sensors (qemu-x86, the host) gets one SimulatedSensor. The same objects every call.
 * A sensor whose bus cannot be opened still appears: its read() throws that I2CError.
 */
export function boardSensors(): Sensor[] {
  if (board !== undefined) return board;
  const list: Sensor[] = [];
  for (const entry of (param("rumpsdk.sensors") ?? "").split(";")) {
    const [driver, bus, addrText] = entry.trim().split(" ");
    if (!driver) continue;
    const addr = Number(addrText);
    list.push(attach(driver, bus, addr));
  }
  board = list.length ? list : [new SimulatedSensor()];
  return board;
}

/** A sensor that only reports why it is not there (its bus does not open). */
class AbsentSensor implements Sensor {
  constructor(readonly name: string, readonly location: string, private error: I2CError) {}
  read(): Reading {
    throw this.error;
  }
}

function attach(driver: string, busPath: string, addr: number): Sensor {
  let bus: I2CBus;
  try {
    bus = I2CBus.open(busPath);
  } catch (e) {
    return new AbsentSensor(driver, `${busPath} 0x${addr.toString(16)}`, e as I2CError);
  }
  if (driver === "tmp105") return new Tmp105(bus, addr);
  if (driver === "dps310") return new Dps310(bus, addr);
  throw new Error(`rumpsdk.sensors names the driver "${driver}", which drivers/sensors does not have (tmp105, dps310)`);
}
