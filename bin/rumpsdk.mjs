#!/usr/bin/env node
// The rumpsdk command. The toolchain is TypeScript, run through tsx's loader.
import { register } from "tsx/esm/api";
register();
const { main } = await import("../toolchain/cli.ts");
process.exitCode = await main(process.argv.slice(2));
