// Infineon DPS310: barometric pressure (300..1200 hPa) and temperature sensor. Written from the
// datasheet's register description and its calculation of compensated values. Registers:
//   0x00-0x02 PSR_B2..B0, 0x03-0x05 TMP_B2..B0: raw results (24-bit two's complement, MSB first);
//   0x06 PRS_CFG: PM_RATE (6:4, measurements per second 2^n), PM_PRC (3:0, oversampling 2^n);
//   0x07 TMP_CFG: TMP_EXT (7: the external MEMS temperature sensor), TMP_RATE (6:4), TMP_PRC (3:0);
//   0x08 MEAS_CFG: COEF_RDY (7), SENSOR_RDY (6), TMP_RDY (5), PRS_RDY (4): read-only status;
//     MEAS_CTRL (2:0): 0 standby, 7 continuous pressure and temperature;
//   0x09 CFG_REG: T_SHIFT (3), P_SHIFT (2): set when that oversampling is above 8 times;
//   0x10-0x21: the calibration coefficients c0, c1 (12 bits), c00, c10 (20 bits), c01, c11, c20,
//     c21, c30 (16 bits), two's complement, packed MSB first;
//   0x28 COEF_SRCE: bit 7, the temperature sensor the coefficients were made with (TMP_EXT must match).
// Compensation (datasheet): Traw_sc = Traw / kT, Praw_sc = Praw / kP with the scale factor k of each
// oversampling rate; T = c0 / 2 + c1 * Traw_sc (°C);
// P = c00 + Praw_sc * (c10 + Praw_sc * (c20 + Praw_sc * c30)) + Traw_sc * c01
//     + Traw_sc * Praw_sc * (c11 + Praw_sc * c21) (Pa).
import { ETIMEDOUT } from "rumpsdk/errno";
import { I2CError, type I2CBus } from "rumpsdk/i2c";
import type { Reading, Sensor } from "rumpsdk/sensors";
import { uptime } from "rumpsdk/sys";

const REG_PSR = 0x00;
const REG_PRS_CFG = 0x06;
const REG_TMP_CFG = 0x07;
const REG_MEAS_CFG = 0x08;
const REG_CFG = 0x09;
const REG_COEF = 0x10;
const REG_COEF_SRCE = 0x28;

const COEF_RDY = 0x80;
const SENSOR_RDY = 0x40;
const TMP_RDY = 0x20;
const PRS_RDY = 0x10;
const MEAS_CONTINUOUS = 0x07;
const T_SHIFT = 0x08;
const P_SHIFT = 0x04;

const READY_TIMEOUT_MS = 1000;

export type Dps310Oversampling = 1 | 2 | 4 | 8 | 16 | 32 | 64 | 128;
export type Dps310Rate = 1 | 2 | 4 | 8 | 16 | 32 | 64 | 128;

/** The datasheet's scale factor (kP, kT) for each oversampling rate. */
export function scaleFactor(oversampling: Dps310Oversampling): number {
  switch (oversampling) {
    case 1: return 524288;
    case 2: return 1572864;
    case 4: return 3670016;
    case 8: return 7864320;
    case 16: return 253952;
    case 32: return 516096;
    case 64: return 1040384;
    case 128: return 2088960;
  }
  throw new RangeError(`dps310: oversampling ${oversampling} (want 1, 2, 4, ... 128)`);
}

export interface Dps310Coefficients {
  c0: number; c1: number; c00: number; c10: number; c01: number; c11: number; c20: number; c21: number; c30: number;
}

/** n-bit two's complement */
function signed(v: number, bits: number): number {
  return v >= 2 ** (bits - 1) ? v - 2 ** bits : v;
}

/** The coefficients from the 18 bytes of registers 0x10-0x21. */
export function parseCoefficients(b: Uint8Array | number[]): Dps310Coefficients {
  return {
    c0: signed((b[0] << 4) | (b[1] >> 4), 12),
    c1: signed(((b[1] & 0x0f) << 8) | b[2], 12),
    c00: signed((b[3] << 12) | (b[4] << 4) | (b[5] >> 4), 20),
    c10: signed(((b[5] & 0x0f) << 16) | (b[6] << 8) | b[7], 20),
    c01: signed((b[8] << 8) | b[9], 16),
    c11: signed((b[10] << 8) | b[11], 16),
    c20: signed((b[12] << 8) | b[13], 16),
    c21: signed((b[14] << 8) | b[15], 16),
    c30: signed((b[16] << 8) | b[17], 16),
  };
}

/** A 24-bit raw result from its three bytes (MSB first). */
export function raw24(b2: number, b1: number, b0: number): number {
  return signed((b2 << 16) | (b1 << 8) | b0, 24);
}

/** The datasheet's compensation: { temperature in °C, pressure in Pa } from raw results and the scale factors. */
export function compensate(c: Dps310Coefficients, rawT: number, rawP: number, kT: number, kP: number): { temperature: number; pressure: number } {
  const t = rawT / kT;
  const p = rawP / kP;
  return {
    temperature: c.c0 * 0.5 + c.c1 * t,
    pressure: c.c00 + p * (c.c10 + p * (c.c20 + p * c.c30)) + t * c.c01 + t * p * (c.c11 + p * c.c21),
  };
}

export interface Dps310Options {
  /** oversampling of each result (default 1: single; more is more precise and slower) */
  pressureOversampling?: Dps310Oversampling;
  temperatureOversampling?: Dps310Oversampling;
  /** measurements per second in continuous mode (default 4) */
  rate?: Dps310Rate;
}

const log2 = (n: number) => Math.round(Math.log2(n));

export class Dps310 implements Sensor {
  readonly name: string = "dps310";
  readonly location: string;
  private coef: Dps310Coefficients | undefined;
  private kT: number;
  private kP: number;
  private measured = false;

  constructor(private bus: I2CBus, private addr: number = 0x77, private options: Dps310Options = {}) {
    this.location = `${bus.path} 0x${addr.toString(16)}`;
    const rate = options.rate ?? 4;
    if (![1, 2, 4, 8, 16, 32, 64, 128].includes(rate)) throw new RangeError(`dps310: rate ${rate} (want 1, 2, 4, ... 128 per second)`);
    this.kT = scaleFactor(options.temperatureOversampling ?? 1);
    this.kP = scaleFactor(options.pressureOversampling ?? 1);
  }

  private reg(r: number): number {
    return this.bus.writeRead(this.addr, [r], 1)[0];
  }

  /** polls MEAS_CFG until every bit of mask is set; an I2CError (ETIMEDOUT) after READY_TIMEOUT_MS */
  private waitFor(mask: number, what: string): number {
    const until = uptime() + READY_TIMEOUT_MS;
    for (;;) {
      const m = this.reg(REG_MEAS_CFG);
      if ((m & mask) === mask) return m;
      if (uptime() > until) throw new I2CError(this.bus.path, this.addr, ETIMEDOUT, `dps310 ${what} not ready after ${READY_TIMEOUT_MS} ms (MEAS_CFG 0x${m.toString(16)})`);
    }
  }

  /** Reads the calibration coefficients and starts continuous measurement; read() does it on first use. */
  configure(): void {
    this.waitFor(COEF_RDY | SENSOR_RDY, "coefficients");
    const coef = parseCoefficients(this.bus.writeRead(this.addr, [REG_COEF], 18));
    const ext = this.reg(REG_COEF_SRCE) & 0x80;
    const rate = log2(this.options.rate ?? 4) << 4;
    const tPrc = log2(this.options.temperatureOversampling ?? 1);
    const pPrc = log2(this.options.pressureOversampling ?? 1);
    this.bus.write(this.addr, [REG_PRS_CFG, rate | pPrc]);
    this.bus.write(this.addr, [REG_TMP_CFG, ext | rate | tPrc]);
    const cfg = this.reg(REG_CFG) & ~(T_SHIFT | P_SHIFT);
    this.bus.write(this.addr, [REG_CFG, cfg | (tPrc > 3 ? T_SHIFT : 0) | (pPrc > 3 ? P_SHIFT : 0)]);
    // MEAS_CTRL only: the other bits of MEAS_CFG are status, written back as read
    this.bus.write(this.addr, [REG_MEAS_CFG, (this.reg(REG_MEAS_CFG) & 0xf8) | MEAS_CONTINUOUS]);
    this.coef = coef;
    this.measured = false;
  }

  /** { temperature °C, pressure Pa } of the latest measurement (the first one is waited for). */
  measure(): { temperature: number; pressure: number } {
    if (this.coef === undefined) this.configure();
    if (!this.measured) {
      this.waitFor(TMP_RDY | PRS_RDY, "first measurement");
      this.measured = true;
    }
    const b = this.bus.writeRead(this.addr, [REG_PSR], 6);
    return compensate(this.coef!, raw24(b[3], b[4], b[5]), raw24(b[0], b[1], b[2]), this.kT, this.kP);
  }

  read(): Reading {
    const m = this.measure();
    return {
      sensor: this.name,
      values: [
        { quantity: "pressure", value: m.pressure / 100, unit: "hPa" },
        { quantity: "temperature", value: m.temperature, unit: "C" },
      ],
    };
  }
}
