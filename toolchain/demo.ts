// `npm start`: the main job on a fresh machine. Builds examples/sensor-http for qemu-x86, boots it
// with a virtio NIC on QEMU user networking, waits for the firmware to say it is listening, fetches
// its pages with curl as a user would, and shuts the machine down.
import { spawnSync } from "node:child_process";
import { loadBoard } from "./boards.ts";
import { build } from "./build.ts";
import { formatUserError, UserError } from "./errors.ts";
import { sdkPath } from "./paths.ts";
import { freePort, netArgs, probeAccel, runImage } from "./qemu.ts";

const say = (s: string) => process.stdout.write(`\x1b[1mdemo:\x1b[0m ${s}\n`);

function curl(url: string): { code: string; body: string } {
  const r = spawnSync("curl", ["-s", "-m", "10", "-w", "\n%{http_code}", url], { encoding: "utf8" });
  const lines = r.stdout.split("\n");
  return { code: lines.pop() ?? "", body: lines.join("\n") };
}

async function main(): Promise<number> {
  const board = loadBoard("qemu-x86");
  const accel = await probeAccel(board);
  say(`building examples/sensor-http for qemu-x86`);
  const img = await build({ input: sdkPath("examples/sensor-http"), board });
  const port = await freePort();
  say(`booting it (accelerator ${accel.toUpperCase()}), guest port 80 forwarded to http://127.0.0.1:${port}/ — the serial console follows`);
  const stop = new AbortController();
  let listening: () => void = () => {};
  const ready = new Promise<void>((r) => (listening = r));
  let seen = "";
  const run = runImage({
    board, image: img.image, accel, args: netArgs("virtio", [{ host: port, guest: 80 }]), timeoutSec: 300, signal: stop.signal,
    onOutput: (d) => {
      process.stdout.write(d);
      seen += d.toString("latin1");
      if (/sensor-http: listening/.test(seen) && /\nnet: .* \(dhcp\)/.test(seen)) listening();
    },
  });
  const ended = run.then(() => { throw new UserError("the firmware stopped before it served a request", "Run `npx rumpsdk run examples/sensor-http --forward 8080:80` to watch it."); });
  await Promise.race([ready, ended]);
  let ok = true;
  for (const path of ["/metrics", "/metrics", "/"]) {
    const r = curl(`http://127.0.0.1:${port}${path}`);
    const shown = path === "/" ? `${r.body.length} bytes of HTML` : r.body;
    say(`curl http://127.0.0.1:${port}${path} -> HTTP ${r.code}: ${shown}`);
    ok &&= r.code === "200";
  }
  stop.abort();
  await run;
  say(ok ? "sensor-http answered every request; machine stopped. Next: `npx rumpsdk run examples/sensor-http --forward 8080:80` and open http://127.0.0.1:8080/" : "some requests failed (see above)");
  return ok ? 0 : 1;
}

main().then((c) => (process.exitCode = c), (e) => {
  if (e instanceof UserError) { console.error(formatUserError(e)); process.exitCode = 1; } else throw e;
});
