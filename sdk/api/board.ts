// rumpsdk/board: what the board the firmware runs on carries.
//   import { boardSensors } from "rumpsdk/board";
//   const sensors = boardSensors();     // mps2-an385: TMP105 and DPS310 on /dev/iic3; qemu-x86: a simulated one
// The sensors come from the board's board.json "sensors" (the build passes them as the parameter
// "rumpsdk.sensors"), so an application reads real chips where the board has them without naming any.
import { I2CBus, I2CError } from "./i2c.ts";
import { SimulatedSensor, type Reading, type Sensor } from "./sensors.ts";
import { param } from "./sys.ts";
import { Dps310 } from "../../drivers/sensors/dps310.ts";
import { Tmp105 } from "../../drivers/sensors/tmp105.ts";

let board: Sensor[] | undefined;

/**
 * The sensors the board carries, as its board.json "sensors" list them ("rumpsdk.sensors": "DRIVER BUS
 * ADDR" entries separated by ";"), each behind its driver in drivers/sensors (first use configures the chip);
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
