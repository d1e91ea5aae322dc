// SNTP (rumpsdk/sntp) on qemu-x86: test/net/sntp/main.ts queries responders this spec runs with
// Node's dgram on 127.0.0.1 (QEMU user networking forwards the guest's datagrams to 10.0.2.2 there):
// a normal server giving the host's time, one answering kiss-of-death, one that never answers.
import { spawn } from "node:child_process";
import dgram from "node:dgram";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, lines, ROOT } from "../lib/sdk.ts";

const NTP_TO_UNIX = 2208988800;

/** An SNTP responder written from RFC 4330: mode 4, stratum, originate = the query's transmit time. */
function responder(kind: "normal" | "kiss" | "silent") {
  const sock = dgram.createSocket("udp4");
  const answered: number[] = [];
  sock.on("message", (m, from) => {
    if (kind === "silent" || m.length < 48 || (m[0] & 7) !== 3) return;
    const b = Buffer.alloc(48);
    b[0] = (0 << 6) | (4 << 3) | 4; // LI 0, VN 4, mode 4 (server)
    b[1] = kind === "kiss" ? 0 : 2;
    if (kind === "kiss") b.write("RATE", 12, "ascii");
    m.copy(b, 24, 40, 48); // originate <- the client's transmit timestamp
    const now = Date.now();
    const sec = Math.floor(now / 1000) + NTP_TO_UNIX;
    const frac = Math.floor(((now % 1000) / 1000) * 2 ** 32);
    for (const at of [32, 40]) { b.writeUInt32BE(sec, at); b.writeUInt32BE(frac, at + 4); }
    answered.push(now);
    sock.send(b, from.port, from.address);
  });
  const bound = new Promise<number>((resolve) => sock.bind(0, "127.0.0.1", () => resolve(sock.address().port)));
  return { sock, answered, bound };
}

describe("SNTP client on qemu-x86", () => {
  it("gets the host's time, reports kiss-of-death and timeouts, formats UTC", async () => {
    const normal = responder("normal");
    const kiss = responder("kiss");
    const silent = responder("silent");
    const dir = mkdtempSync(path.join(os.tmpdir(), "rumpsdk-sntp-"));
    cpSync(path.join(ROOT, "test/net/sntp/main.ts"), path.join(dir, "main.ts"));
    writeFileSync(path.join(dir, "rumpsdk.json"), JSON.stringify({ params: {
      "sntp.server": "10.0.2.2", "sntp.port": String(await normal.bound),
      "sntp.kiss_port": String(await kiss.bound), "sntp.silent_port": String(await silent.bound),
    } }));
    try {
      const out = await new Promise<{ code: number | null; text: string }>((resolve) => {
        const p = spawn(process.execPath, [CLI, "run", dir, "--board=qemu-x86", "--accel=tcg", "--net=virtio", "--timeout=120", "-q"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
        let text = "";
        p.stdout.on("data", (d) => (text += d));
        p.stderr.on("data", (d) => (text += d));
        p.on("close", (code) => resolve({ code, text }));
      });
      expect(out.code, out.text).toBe(0);
      const l = lines(out.text);
      for (const ms of [0, 951782400000, 1709210096789, 4102444799999, 2085978496000]) {
        expect(l).toContain(`utc ${ms} ${new Date(ms).toISOString()}`);
      }
      expect(l).toContain("wallclock-before unset");
      const m = /^sntp time (\d+) offset (-?\d+) delay (\d+) stratum 2 (\S+)$/.exec(l.find((x) => x.startsWith("sntp "))!);
      expect(m, out.text).not.toBeNull();
      const t = Number(m![1]);
      // the guest's estimate of "now" at the answer's arrival vs the time the responder answered
      expect(Math.abs(t - normal.answered[0])).toBeLessThan(1500);
      expect(Number(m![3])).toBeLessThan(1000);
      expect(m![4]).toBe(new Date(t).toISOString());
      const w = /^wallclock (\d+)$/.exec(l.find((x) => x.startsWith("wallclock ") && !x.startsWith("wallclock-"))!);
      expect(w, out.text).not.toBeNull();
      expect(Math.abs(Number(w![1]) - normal.answered[1])).toBeLessThan(1500);
      expect(l.find((x) => x.startsWith("kiss "))).toBe('kiss kiss-of-death 10.0.2.2 answered kiss-of-death "RATE"');
      expect(l).toContain("silent timeout");
      expect(kiss.answered.length).toBe(1);
    } finally {
      for (const r of [normal, kiss, silent]) r.sock.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
