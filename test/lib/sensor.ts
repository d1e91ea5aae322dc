// What the board's first sensor must report over the network (GET /metrics, the MQTT readings): the
// simulated sensor on boards without sensors, or mps2-an385's TMP105 set to a temperature through QMP.
import type { Qmp } from "./qmp.ts";

/** The first sensor's name and the range its primary value must lie in (inclusive). */
export interface ExpectedSensor { name: string; min: number; max: number }

/** sdk/api/sensors.ts's SimulatedSensor: 21 °C ± 2.25. */
export const SIM_SENSOR: ExpectedSensor = { name: "sim", min: 18, max: 24 };

/** The TMP105's step at the 12 bits drivers/sensors/tmp105.ts configures by default. */
export const TMP105_RESOLUTION = 0.0625;

/** Sets the board's emulated TMP105 (QEMU device id "tmp105", boards/mps2-an385/board.json) to celsius;
 * resolves with what its readings must be from then on: within one resolution step of it. */
export async function setTmp105(qmp: Qmp, celsius: number): Promise<ExpectedSensor> {
  await qmp.command("qom-set", { path: "/machine/peripheral/tmp105", property: "temperature", value: Math.round(celsius * 1000) });
  return { name: "tmp105", min: celsius - TMP105_RESOLUTION, max: celsius + TMP105_RESOLUTION };
}
