// sdk/api/errno.ts is generated from the one C definition of the errno numbers
// (sdk/rumpuser/include/rump/rumpuser_errno.h) by toolchain/gen-abi.ts: it must match the header.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ERRNO_HEADER, ERRNO_TS, errnoModule, parseErrnoHeader } from "../../toolchain/gen-abi.ts";
import { sdkPath } from "../../toolchain/paths.ts";

describe("generated errno table", () => {
  it("sdk/api/errno.ts is what toolchain/gen-abi.ts makes of the header", () => {
    const header = readFileSync(sdkPath(ERRNO_HEADER), "utf8");
    expect(readFileSync(sdkPath(ERRNO_TS), "utf8"), "run: node --import tsx toolchain/gen-abi.ts").toBe(errnoModule(header));
    const defs = new Map(parseErrnoHeader(header));
    expect(defs.get("ECONNREFUSED")).toBe(61);
    expect(defs.get("EWOULDBLOCK")).toBe(defs.get("EAGAIN"));
  });
});
