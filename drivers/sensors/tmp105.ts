// TI TMP105: digital temperature sensor, -55..125 °C, 9 to 12 bits, with an ALERT output (thermostat).
// Written from the datasheet's register description. Registers (selected by the pointer byte):
//   0 temperature (16 bits, two's complement, left-justified: the top 12 bits in 1/16 °C; lower
//     resolutions leave their last bits 0), 1 configuration (8 bits), 2 T_LOW, 3 T_HIGH (same format
//     as the temperature, 12 bits).
//   configuration: SD (bit 0: shutdown), TM (1: 0 comparator, 1 interrupt mode), POL (2: ALERT active
//   high when set), F1:F0 (4:3: consecutive faults before ALERT: 1, 2, 4, 6), R1:R0 (6:5: resolution
//   9, 10, 11, 12 bits), OS (7: one-shot).
// The chip converts continuously; read() returns the latest conversion (the first one after a resolution
// change arrives within the conversion time: 27.5 ms at 9 bits up to 220 ms at 12).
import type { I2CBus } from "rumpsdk/i2c";
import type { Reading, Sensor } from "rumpsdk/sensors";

const REG_TEMP = 0;
const REG_CONFIG = 1;
const REG_TLOW = 2;
const REG_THIGH = 3;

export type Tmp105Resolution = 9 | 10 | 11 | 12;

/** The thermostat: ALERT asserts when the temperature reaches `high` and (comparator mode) releases below `low`. */
export interface Tmp105Alert {
  /** T_LOW and T_HIGH in °C (steps of 0.0625, -55..125, low < high) */
  low: number;
  high: number;
  /** comparator (ALERT follows the temperature) or interrupt (ALERT until a register is read) */
  mode: "comparator" | "interrupt";
  /** the ALERT pin's active level */
  polarity: "low" | "high";
  /** consecutive out-of-limit conversions before ALERT changes */
  faults: 1 | 2 | 4 | 6;
}

export interface Tmp105Options {
  /** bits per conversion (default 12: 0.0625 °C steps) */
  resolution?: Tmp105Resolution;
  /** the thermostat (default: the chip's own, 75/80 °C comparator, active low, 1 fault) */
  alert?: Tmp105Alert;
}

const FAULTS = [1, 2, 4, 6];

/** °C to the 16-bit register format (12 significant bits) */
function encode(c: number): number[] {
  const v = Math.round(c * 16) * 16;
  return [(v >> 8) & 0xff, v & 0xff];
}

/** the 16-bit register format (big-endian bytes) to °C */
function decode(hi: number, lo: number): number {
  return (((hi << 24) >> 16) | lo) / 256;
}

export class Tmp105 implements Sensor {
  readonly name: string = "tmp105";
  readonly location: string;
  private configured = false;

  constructor(private bus: I2CBus, private addr: number = 0x48, private options: Tmp105Options = {}) {
    this.location = `${bus.path} 0x${addr.toString(16)}`;
    const r = options.resolution ?? 12;
    if (r !== 9 && r !== 10 && r !== 11 && r !== 12) throw new RangeError(`tmp105: resolution ${r} (want 9, 10, 11 or 12 bits)`);
    const a = options.alert;
    if (a !== undefined && !(a.low >= -55 && a.high <= 125 && a.low < a.high && FAULTS.includes(a.faults))) {
      throw new RangeError(`tmp105: alert ${JSON.stringify(a)} (want -55 <= low < high <= 125 °C, faults 1, 2, 4 or 6)`);
    }
  }

  /** the configuration byte the options ask for */
  private configByte(): number {
    const res = (this.options.resolution ?? 12) - 9;
    const a = this.options.alert;
    if (a === undefined) return res << 5;
    return (res << 5) | (FAULTS.indexOf(a.faults) << 3) | (a.polarity === "high" ? 4 : 0) | (a.mode === "interrupt" ? 2 : 0);
  }

  /** Writes the configuration (and the limits) to the chip; read() does it on first use. */
  configure(): void {
    const a = this.options.alert;
    if (a !== undefined) {
      this.bus.write(this.addr, [REG_TLOW, ...encode(a.low)]);
      this.bus.write(this.addr, [REG_THIGH, ...encode(a.high)]);
    }
    this.bus.write(this.addr, [REG_CONFIG, this.configByte()]);
    this.configured = true;
  }

  /** The settings the chip holds now (read back from its registers). */
  settings(): { resolution: Tmp105Resolution; alert: Tmp105Alert; shutdown: boolean } {
    const c = this.bus.writeRead(this.addr, [REG_CONFIG], 1)[0];
    const lo = this.bus.writeRead(this.addr, [REG_TLOW], 2);
    const hi = this.bus.writeRead(this.addr, [REG_THIGH], 2);
    return {
      resolution: (9 + ((c >> 5) & 3)) as Tmp105Resolution,
      alert: {
        low: decode(lo[0], lo[1]), high: decode(hi[0], hi[1]),
        mode: c & 2 ? "interrupt" : "comparator", polarity: c & 4 ? "high" : "low",
        faults: FAULTS[(c >> 3) & 3] as 1 | 2 | 4 | 6,
      },
      shutdown: (c & 1) !== 0,
    };
  }

  /** The temperature in °C, in steps of the resolution (0.5 °C at 9 bits .. 0.0625 °C at 12). */
  temperature(): number {
    if (!this.configured) this.configure();
    const b = this.bus.writeRead(this.addr, [REG_TEMP], 2);
    return decode(b[0], b[1]);
  }

  read(): Reading {
    return { sensor: this.name, values: [{ quantity: "temperature", value: this.temperature(), unit: "C" }] };
  }
}
