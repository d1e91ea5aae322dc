// Networking on mps2-an385 (Cortex-M3 under qemu-system-arm, TCG) through its LAN9118 (drivers/lan9118)
// on QEMU user networking, the same way as qemu-x86's NICs: the driver's attach line and the DHCP address
// in the boot log and a TCP echo through --forward (test/net/echo.c); examples/sensor-http answering curl;
// examples/sensor-mqtt publishing to a real mosquitto on the host (10.0.2.2). The examples are unchanged:
// they read the board's TMP105 (/dev/iic3 0x48), whose temperature the tests set through QMP (qom-set)
// and find in /metrics and in the MQTT readings within the driver's 12-bit resolution (0.0625 °C).
import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../toolchain/qemu.ts";
import { bootEcho, exchange } from "../lib/echo.ts";
import { bootSensor, checkMetrics, curl, hasCurl } from "../lib/http.ts";
import { bootApp, brokerMissing, cleanup, increasing, publish, readings, sensorMqttCopy, startBroker, stopBroker, subscriber, tmpDir, until } from "../lib/mqtt.ts";
import { Qmp } from "../lib/qmp.ts";
import { lines, rumpsdk } from "../lib/sdk.ts";
import { setTmp105 } from "../lib/sensor.ts";

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

  it.skipIf(!hasCurl)("serves sensor-http: the TMP105's temperature set through QMP in /metrics, 20 sequential requests all 200, and the HTML page", async () => {
    const b = await rumpsdk(["build", "examples/sensor-http", BOARD, "-q"]);
    expect(b.code, b.stderr).toBe(0);
    const port = await freePort();
    const sock = path.join(tmpDir("rumpsdk-qmp-"), "qmp.sock");
    const vm = bootSensor(port, [BOARD, "--qmp", sock]);
    let qmp: Qmp | undefined;
    try {
      qmp = await Qmp.connect(sock);
      let want = await setTmp105(qmp, 23.456);
      await vm.ready;
      expect(lines(vm.output())).toContain("net: smsh0 52:54:00:12:34:56 10.0.2.15/24 gw 10.0.2.2 (dhcp)");
      // separate connections, one after another: each a new TCP handshake through the driver
      for (let i = 1; i <= 20; i++) {
        const r = await curl(["-m", "30", "-w", "\\n%{http_code}", `http://127.0.0.1:${port}/metrics?n=${i}`]);
        const [json, code] = r.stdout.split("\n");
        expect(code, `request ${i}: ${r.stderr}`).toBe("200");
        checkMetrics(json, want);
      }
      // each request reads the chip: a new temperature is in the next answer
      for (const celsius of [-12.345, 85.1]) {
        want = await setTmp105(qmp, celsius);
        checkMetrics((await curl(["-m", "30", `http://127.0.0.1:${port}/metrics`])).stdout, want);
      }
      const page = await curl(["-m", "30", `http://127.0.0.1:${port}/`]);
      expect(page.stdout).toContain("<h1>sensor-http</h1>");
      expect(page.stdout).toContain("<tr><td>tmp105 temperature</td><td>85.06 C</td></tr>");
    } finally {
      qmp?.close();
      vm.proc.kill("SIGKILL");
    }
  }, 300_000);

  it.skipIf(brokerMissing)("runs sensor-mqtt: readings of the TMP105 set through QMP, with increasing seq, reach mosquitto on the host; a new temperature in the next ones; exits on command", async () => {
    const b = await rumpsdk(["build", "examples/sensor-mqtt", BOARD, "-q"]);
    expect(b.code, b.stderr).toBe(0);
    const port = await freePort();
    const dir = sensorMqttCopy(port, "m1");
    const broker = await startBroker(dir, port);
    const sub = subscriber(port, "m1");
    const sock = path.join(dir, "qmp.sock");
    const vm = bootApp(dir, [BOARD, "--accel=tcg", "--net=lan9118", "--timeout=200", "-q", "--qmp", sock]);
    let qmp: Qmp | undefined;
    try {
      qmp = await Qmp.connect(sock);
      // set long before the firmware has its address and its broker connection: every reading carries it
      let want = await setTmp105(qmp, 23.456);
      await until("5 readings", 150_000, () => readings(sub.got, "m1", want).length >= 5 || vm.proc.exitCode !== null);
      const got = readings(sub.got, "m1", want);
      expect(got.length, vm.output()).toBeGreaterThanOrEqual(5);
      expect(increasing(got)).toBe(true);
      expect(got[0]).toBe(1);
      expect(sub.got).toContain("rumpsdk/m1/status online");
      expect(lines(vm.output())).toContain(`sensor-mqtt: connected to 10.0.2.2:${port} as m1`);
      // a new temperature; the readings the firmware takes after answering this ping (its "pong" on the
      // status topic, which reaches the subscriber in order with them) carry it
      want = await setTmp105(qmp, -12.345);
      publish(port, "rumpsdk/m1/cmd", "ping");
      await until("pong", 30_000, () => sub.got.includes("rumpsdk/m1/status pong"));
      const mark = sub.got.indexOf("rumpsdk/m1/status pong");
      await until("3 readings after the pong", 30_000, () => readings(sub.got, "m1", want, mark).length >= 3);
      expect(increasing(readings(sub.got, "m1", want, mark))).toBe(true);
      publish(port, "rumpsdk/m1/cmd", "exit");
      expect(await vm.exited).toBe(0);
    } finally {
      qmp?.close();
      vm.proc.kill("SIGKILL");
      sub.proc.kill("SIGKILL");
      await stopBroker(broker);
    }
  }, 300_000);
});
