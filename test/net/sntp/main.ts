// SNTP client on a device, run by test/net/sntp.test.ts against responders the spec starts on the
// host (reached at 10.0.2.2): "sntp.port" answers normally, "sntp.kiss_port" with a kiss-of-death,
// "sntp.silent_port" never. Prints one line per outcome for the spec to check.
import { formatUtc, sntpQuery, syncClock, wallClock, type SntpResult } from "rumpsdk/sntp";
import { exit, param } from "rumpsdk/sys";

const server = param("sntp.server") ?? "10.0.2.2";
const port = Number(param("sntp.port") ?? "123");
const kissPort = Number(param("sntp.kiss_port") ?? "124");
const silentPort = Number(param("sntp.silent_port") ?? "125");

function code(e: Error | null): string {
  return e === null ? "none" : ((e as Error & { code?: string }).code ?? e.name);
}

// calendar conversion, compared with Node's Date by the spec
for (const ms of [0, 951782400000, 1709210096789, 4102444799999, 2085978496000]) console.log(`utc ${ms} ${formatUtc(ms)}`);

console.log(`wallclock-before ${wallClock() === undefined ? "unset" : "set"}`);
sntpQuery(server, (err, r) => {
  if (err !== null || r === null) { console.log(`sntp error ${code(err)} ${err?.message}`); exit(1); }
  const res = r as SntpResult;
  console.log(`sntp time ${Math.round(res.unixMs)} offset ${Math.round(res.offsetMs)} delay ${Math.round(res.delayMs)} stratum ${res.stratum} ${formatUtc(Math.round(res.unixMs))}`);
  syncClock(server, (err2) => {
    const now = wallClock();
    console.log(`wallclock ${err2 === null && now !== undefined ? Math.round(now) : "error " + code(err2)}`);
    sntpQuery(server, (err3, r3) => {
      console.log(`kiss ${code(err3)} ${err3?.message}`);
      sntpQuery(server, (err4, r4) => {
        console.log(`silent ${code(err4)}`);
        exit(0);
      }, { port: silentPort, timeoutMs: 300, attempts: 2 });
    }, { port: kissPort });
  }, { port });
}, { port, timeoutMs: 1000, attempts: 5 });
