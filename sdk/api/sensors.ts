// rumpsdk/sensors: the interface every sensor driver implements, and a simulated sensor.
//   import { formatReading, type Sensor } from "rumpsdk/sensors";
//   console.log(`${sensor.name}: ${formatReading(sensor.read())}`);
// Drivers of real chips live in drivers/sensors/ (TMP105, DPS310) and talk to them over rumpsdk/i2c;
// the sensors a board carries come from boardSensors() in rumpsdk/board.
import { uptime } from "./sys.ts";

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
