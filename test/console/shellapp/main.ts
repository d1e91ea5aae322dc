// A firmware that stays up for the console tests: the debug shell (a debug build) with one command
// of its own, a levelled log line, and a timer keeping it alive.
import { log, registerCommand } from "rumpsdk/shell";
import { uptime } from "rumpsdk/sys";

registerCommand("hello", "hello [NAME]: the application's own command", (args) => `hello, ${args.length ? args[0] : "world"}`);
console.log(`shellapp: up at ${uptime().toFixed(1)} ms`);
log.warn("shellapp: this is a warning");
setInterval(() => {}, 1000);
