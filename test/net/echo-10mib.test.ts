// A 10 MiB TCP echo on both NIC drivers (virtio-net, e1000) through QEMU user networking and
// --forward: test/net/echo.c on guest port 7 gets 10 MiB of random bytes from Node while Node reads
// the echo back at the same time (10 MiB each way); the SHA-256 of what came back must equal the
// SHA-256 of what was sent, and the guest's own line "echo: N bytes, sum S" must give the length and
// the 32-bit byte sum of the data.
import { createHash, randomBytes } from "node:crypto";
import net from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { rumpsdk } from "../lib/sdk.ts";
import { bootEcho } from "../lib/echo.ts";
import { freePort } from "../../toolchain/qemu.ts";

const SIZE = 10 * 1024 * 1024;

/** Streams data over one connection (half-closing after it) and hashes what comes back as it arrives. */
function echoHashed(port: number, data: Buffer, chunk = 64 * 1024): Promise<{ bytes: number; sha256: string }> {
  return new Promise((resolve, reject) => {
    const h = createHash("sha256");
    let bytes = 0;
    const s = net.connect(port, "127.0.0.1", () => {
      let off = 0;
      const pump = () => {
        while (off < data.length) {
          const end = Math.min(off + chunk, data.length);
          const more = s.write(data.subarray(off, end));
          off = end;
          if (!more) { s.once("drain", pump); return; }
        }
        s.end();
      };
      pump();
    });
    s.on("data", (d: Buffer) => { h.update(d); bytes += d.length; });
    s.on("end", () => resolve({ bytes, sha256: h.digest("hex") }));
    s.on("error", reject);
    s.setTimeout(60_000, () => s.destroy(new Error(`echo stalled after ${bytes} bytes back`)));
  });
}

/** Sends "quit\n" and waits for the server to close the connection. */
function quit(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, "127.0.0.1", () => s.end("quit\n"));
    s.resume();
    s.on("end", () => resolve());
    s.on("error", reject);
    s.setTimeout(30_000, () => s.destroy(new Error("quit timed out")));
  });
}

describe("TCP echo of 10 MiB each way, SHA-256 checked", () => {
  beforeAll(async () => {
    const b = await rumpsdk(["build", "test/net/echo.c", "--board=qemu-x86", "-q"]);
    expect(b.code, b.stderr).toBe(0);
  }, 300_000);

  it.each(["virtio", "e1000"])("%s", async (nic) => {
    const port = await freePort();
    const vm = bootEcho(port, ["--board=qemu-x86", "--timeout=200", `--net=${nic}`]);
    try {
      await vm.listening;
      const data = randomBytes(SIZE);
      const sent = createHash("sha256").update(data).digest("hex");
      const sum = data.reduce((a, x) => (a + x) >>> 0, 0);
      const t0 = performance.now();
      const back = await echoHashed(port, data);
      const secs = (performance.now() - t0) / 1000;
      console.log(`${nic}: 10 MiB echoed in ${secs.toFixed(1)} s (${(2 * SIZE / 1048576 / secs).toFixed(2)} MiB/s both ways)`);
      expect(back.bytes).toBe(SIZE);
      expect(back.sha256).toBe(sent);
      await quit(port);
      expect(await vm.exited).toBe(0);
      expect(vm.output()).toContain(`echo: ${SIZE} bytes, sum ${sum}`);
    } finally {
      vm.proc.kill("SIGKILL");
    }
  }, 240_000);
});
