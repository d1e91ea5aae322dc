#!/usr/bin/env node
// The rumpsdk command. The toolchain is TypeScript, run through tsx's loader.
import { register } from "tsx/esm/api";
register();
// a closed pipe (rumpsdk run ... | head) ends the command quietly
process.stdout.on("error", (e) => { if (e.code === "EPIPE") process.exit(0); throw e; });
const { main } = await import("../toolchain/cli.ts");
const code = await main(process.argv.slice(2));
// the command is over: do not linger on handles it leaves (a serial port whose close never completes)
process.stdout.write("", () => process.exit(code));
