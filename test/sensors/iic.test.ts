// /dev/iicN on mps2-an385: the SBCon controller driver and the kernel's device nodes, driven by
// test/sensors/iic.c through the NetBSD syscalls (I2C_IOCTL_EXEC) against QEMU's tmp105 and dps310.
import { describe, expect, it } from "vitest";
import { lines, rumpsdk } from "../lib/sdk.ts";

const CHECKS = ["ioctl number", "ENOENT unknown node", "open /dev/iic3", "tmp105 temperature read", "tmp105 config reads back",
  "dps310 coefficients", "dps310 MEAS_CFG after repeated start", "EIO no device at 0x50", "bus works after a NACK",
  "EINVAL op 4", "EINVAL buflen 33", "EINVAL address 0x80", "ENODEV other ioctl", "poll POLLNVAL",
  "EBADF write op on a read-only descriptor", "EIO empty bus iic0", "close", "EBADF after close"];

describe("/dev/iicN on mps2-an385", () => {
  it("attaches the four SBCon controllers and passes every I2C_IOCTL_EXEC check", async () => {
    const r = await rumpsdk(["run", "test/sensors/iic.c", "--board=mps2-an385", "--timeout=120"]);
    const out = lines(r.stdout);
    for (const [unit, reg] of [[0, "0x40022000"], [1, "0x40023000"], [2, "0x40029000"], [3, "0x4002a000"]]) {
      expect(out).toContain(`iic${unit}: SBCon I2C at ${reg}, polled, /dev/iic${unit}`);
    }
    expect(out.filter((l) => l.startsWith("FAIL "))).toEqual([]);
    for (const c of CHECKS) expect(out, `a passing "${c}"`).toContain(`ok ${c}`);
    expect(out).toContain("iic: tmp105 raw 0x0000"); // QEMU's tmp105 starts at 0 °C
    expect(out).toContain("iic: 0 failures");
    expect(r.code).toBe(0);
  });
});
