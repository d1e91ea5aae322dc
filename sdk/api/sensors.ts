// rumpsdk/sensors: the interface every sensor driver implements, and a simulated sensor.
//   import { SimulatedSensor, type Sensor } from "rumpsdk/sensors";
// Real drivers (I2C and friends) come later and implement the same interface.
import { uptime } from "./sys.ts";

/** A sensor giving one number per read. */
export interface Sensor {
  /** a short name ("sim", "bme280") */
  readonly name: string;
  /** the unit of read()'s value ("C", "%", "hPa") */
  readonly units: string;
  /** the current value */
  read(): number;
}

/**
 * A simulated temperature sensor: a deterministic function of the time since the machine started,
 * 21 °C plus a slow 60 s swing of ±2 °C and a faster 7 s ripple of ±0.25 °C, rounded to 0.01.
 * `valueAt(ms)` gives the value for any uptime, so tests can check a reading.
 */
export class SimulatedSensor implements Sensor {
  readonly name: string = "sim";
  readonly units: string = "C";

  read(): number {
    return SimulatedSensor.valueAt(uptime());
  }

  static valueAt(ms: number): number {
    const t = ms / 1000;
    const v = 21 + 2 * Math.sin((2 * Math.PI * t) / 60) + 0.25 * Math.sin((2 * Math.PI * t) / 7);
    return Math.round(v * 100) / 100;
  }
}
