// Networking on mps2-an385 (Cortex-M3 under qemu-system-arm, TCG) through its LAN9118 (drivers/lan9118)
// on QEMU user networking, the same way as qemu-x86's NICs: the driver's attach line and the DHCP address
// in the boot log and a TCP echo through --forward (test/net/echo.c); examples/sensor-http answering curl;
// examples/sensor-mqtt publishing to a real mosquitto on the host (10.0.2.2). The examples are unchanged.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../toolchain/qemu.ts";
import { bootEcho, exchange } from "../lib/echo.ts";
import { bootSensor, checkMetrics, curl, hasCurl } from "../lib/http.ts";
import { bootApp, brokerMissing, cleanup, increasing, publish, readings, sensorMqttCopy, startBroker, stopBroker, subscriber, until } from "../lib/mqtt.ts";
import { lines, rumpsdk } from "../lib/sdk.ts";

const BOARD = "--board=mps2-an385";

afterAll(cleanup);

describe("mps2-an385 with its LAN9118", () => {
  it("attaches, gets a DHCP address and echoes TCP data through a forwarded port", async () => {
    const b = await rumpsdk(["build", "test/net/echo.c", BOARD, "-q"]);
    expect(b.code, b.stderr).toBe(0);
    const port = await freePort();
    const vm = bootEcho(port, [BOARD, "--timeout=200"]);
    try {
      await vm.listening;
      const out = lines(vm.output());
      expect(out).toContain("rumpsdk: network: lan9118 NIC on QEMU user networking (guest 10.0.2.15 by DHCP, host 10.0.2.2)");
      expect(out).toContain("smsh0: LAN9118 rev 1 at 0x40200000 irq 13, 52:54:00:12:34:56, link up");
      expect(out).toContain("net: smsh0 52:54:00:12:34:56 10.0.2.15/24 gw 10.0.2.2 (dhcp)");
      const data = randomBytes(128 * 1024);
      const back = await exchange(port, data);
      expect(back.length).toBe(data.length);
      expect(back.equals(data)).toBe(true);
      const sum = data.reduce((a, x) => (a + x) >>> 0, 0);
      await exchange(port, "quit\n");
      expect(await vm.exited).toBe(0);
      expect(vm.output()).toContain(`echo: ${data.length} bytes, sum ${sum}`);
    } finally {
      vm.proc.kill("SIGKILL");
    }
  }, 300_000);

  it.skipIf(!hasCurl)("serves sensor-http: 20 sequential requests all 200 with valid JSON, and the HTML page", async () => {
    const b = await rumpsdk(["build", "examples/sensor-http", BOARD, "-q"]);
    expect(b.code, b.stderr).toBe(0);
    const port = await freePort();
    const vm = bootSensor(port, [BOARD]);
    try {
      await vm.ready;
      expect(lines(vm.output())).toContain("net: smsh0 52:54:00:12:34:56 10.0.2.15/24 gw 10.0.2.2 (dhcp)");
      // separate connections, one after another: each a new TCP handshake through the driver
      for (let i = 1; i <= 20; i++) {
        const r = await curl(["-m", "30", "-w", "\\n%{http_code}", `http://127.0.0.1:${port}/metrics?n=${i}`]);
        const [json, code] = r.stdout.split("\n");
        expect(code, `request ${i}: ${r.stderr}`).toBe("200");
        checkMetrics(json);
      }
      const page = await curl(["-m", "30", `http://127.0.0.1:${port}/`]);
      expect(page.stdout).toContain("<h1>sensor-http</h1>");
    } finally {
      vm.proc.kill("SIGKILL");
    }
  }, 300_000);

  it.skipIf(brokerMissing)("runs sensor-mqtt: readings with increasing seq reach mosquitto on the host, exits on command", async () => {
    const b = await rumpsdk(["build", "examples/sensor-mqtt", BOARD, "-q"]);
    expect(b.code, b.stderr).toBe(0);
    const port = await freePort();
    const dir = sensorMqttCopy(port, "m1");
    const broker = await startBroker(dir, port);
    const sub = subscriber(port, "m1");
    const vm = bootApp(dir, [BOARD, "--accel=tcg", "--net=lan9118", "--timeout=200", "-q"]);
    try {
      await until("5 readings", 150_000, () => readings(sub.got, "m1").length >= 5 || vm.proc.exitCode !== null);
      const got = readings(sub.got, "m1");
      expect(got.length, vm.output()).toBeGreaterThanOrEqual(5);
      expect(increasing(got)).toBe(true);
      expect(got[0]).toBe(1);
      expect(sub.got).toContain("rumpsdk/m1/status online");
      expect(lines(vm.output())).toContain(`sensor-mqtt: connected to 10.0.2.2:${port} as m1`);
      publish(port, "rumpsdk/m1/cmd", "exit");
      expect(await vm.exited).toBe(0);
    } finally {
      vm.proc.kill("SIGKILL");
      sub.proc.kill("SIGKILL");
      await stopBroker(broker);
    }
  }, 300_000);
});
