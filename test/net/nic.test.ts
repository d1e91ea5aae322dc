// Both NIC drivers (virtio-net, e1000) on qemu-x86 with QEMU user networking, under the whole
// stack: the PCI scan in the boot log, the driver's attach line, the DHCP address, and a TCP echo
// server (echo.c) on guest port 7 reached from the host through --forward, data compared byte for
// byte both ways; the link taken down and up again through QEMU's QMP (set_link), which the driver
// reports and the kernel logs once per change, and the echo working again after it.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lines, rumpsdk } from "../lib/sdk.ts";
import { bootEcho, exchange } from "../lib/echo.ts";
import { Qmp } from "../lib/qmp.ts";

const NICS = [
  { net: "virtio", name: /vioif0/, pci: "1af4:1000" },
  { net: "e1000", name: /wm0/, pci: "8086:100e" },
] as const;

describe.each(NICS)("$net", ({ net: nic, name, pci }) => {
  it("attaches, gets a DHCP address and echoes TCP data through a forwarded port", async () => {
    const b = await rumpsdk(["build", "test/net/echo.c", "--board=qemu-x86", "-q"]);
    expect(b.code, b.stderr).toBe(0);
    const port = 20000 + Math.floor(Math.random() * 20000);
    const tmp = mkdtempSync(path.join(os.tmpdir(), "rumpsdk-nic-"));
    const sock = path.join(tmp, "qmp.sock");
    const vm = bootEcho(port, ["--board=qemu-x86", "--timeout=240", `--net=${nic}`, "--qmp", sock]);
    const until = async (re: RegExp, from: number) => {
      for (let t0 = Date.now(); !re.test(vm.output().slice(from)); await new Promise((r) => setTimeout(r, 50))) {
        if (Date.now() - t0 > 30_000) throw new Error(`no ${re} in:\n${vm.output()}`);
      }
    };
    try {
      await vm.listening;
      const out = lines(vm.output());
      expect(out.find((l) => l.startsWith("rumpsdk: forwarding"))).toBe(`rumpsdk: forwarding http://127.0.0.1:${port}/ -> guest port 7`);
      expect(out).toContain(`pci: 00:02.0 ${pci} class 0200`);
      const attach = out.find((l) => name.test(l) && / at pci 00:02\.0 irq \d+, /.test(l));
      expect(attach).toMatch(/52:54:00:12:34:56, link up$/);
      const netLine = out.find((l) => l.startsWith("net: ") && name.test(l));
      expect(netLine).toMatch(/52:54:00:12:34:56 10\.0\.2\.15\/24 .*\(dhcp\)/);
      const data = randomBytes(256 * 1024);
      const back = await exchange(port, data);
      expect(back.length).toBe(data.length);
      expect(back.equals(data)).toBe(true);
      const sum = data.reduce((a, x) => (a + x) >>> 0, 0);

      const qmp = await Qmp.connect(sock);
      const ifname = attach!.split(":")[0];
      let from = vm.output().length;
      await qmp.command("set_link", { name: "net0", up: false });
      await until(new RegExp(`^${ifname}: link down$`, "m"), from);
      from = vm.output().length;
      await qmp.command("set_link", { name: "net0", up: true });
      await until(new RegExp(`^${ifname}: link up$`, "m"), from);
      qmp.close();
      expect(vm.output().match(/: link (up|down)$/gm)).toHaveLength(2); // once per change, none at attach
      expect((await exchange(port, "after the link came back")).toString()).toBe("after the link came back");

      await exchange(port, Buffer.from("quit\n"));
      expect(await vm.exited).toBe(0);
      expect(vm.output()).toContain(`echo: ${data.length} bytes, sum ${sum}`);
    } finally {
      vm.proc.kill("SIGKILL");
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 300_000);
});
