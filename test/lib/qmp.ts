// A small QMP (QEMU Machine Protocol) client for tests: connects to the Unix socket that
// `rumpsdk run --qmp PATH` (or runImage with qmpArgs(PATH)) gives QEMU, and runs commands.
//   const q = await Qmp.connect(sock);
//   await q.command("qom-set", { path: "/machine/peripheral/tmp105", property: "temperature", value: 23456 });
import net from "node:net";

export class Qmp {
  private buf = "";
  private waiting: ((msg: Record<string, any>) => void)[] = [];

  private constructor(private sock: net.Socket) {
    sock.on("data", (d) => {
      this.buf += d;
      for (let i; (i = this.buf.indexOf("\n")) >= 0;) {
        const msg = JSON.parse(this.buf.slice(0, i));
        this.buf = this.buf.slice(i + 1);
        if ("return" in msg || "error" in msg || "QMP" in msg) this.waiting.shift()?.(msg);
      }
    });
  }

  /** Connects (retrying while QEMU has not made the socket yet, up to timeoutMs) and leaves capabilities negotiation. */
  static async connect(socketPath: string, timeoutMs = 30_000): Promise<Qmp> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      try {
        const sock = await new Promise<net.Socket>((resolve, reject) => {
          const s = net.connect(socketPath, () => resolve(s));
          s.on("error", reject);
        });
        const q = new Qmp(sock);
        await new Promise((resolve) => q.waiting.push(resolve)); // the greeting
        await q.command("qmp_capabilities");
        return q;
      } catch (e) {
        if (Date.now() > until) throw new Error(`no QMP socket at ${socketPath}: ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  /** Runs one command; resolves with its "return" value, rejects with QEMU's error description. */
  command(name: string, args?: Record<string, unknown>): Promise<any> {
    return new Promise((resolve, reject) => {
      this.waiting.push((msg) => ("error" in msg ? reject(new Error(`${name}: ${msg.error.desc}`)) : resolve(msg.return)));
      this.sock.write(JSON.stringify({ execute: name, ...(args ? { arguments: args } : {}) }) + "\n");
    });
  }

  close(): void {
    this.sock.destroy();
  }
}
