// Where the kernel flavor "lwip" finds lwIP: Debian's source package, unpacked by toolchain/setup.mjs
// into the user's cache (never into the repository). Keep LWIP_VERSION in step with setup.mjs.
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { UserError } from "./errors.ts";

export const LWIP_VERSION = "2.1.3+dfsg1-2";

/** The unpacked source package (holds src/core, src/api, src/include, ...). */
export function lwipSourceDir(): string {
  const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  const dir = path.join(cacheHome, "rumpsdk", `lwip-${LWIP_VERSION}`);
  if (!existsSync(path.join(dir, "src", "include", "lwip", "init.h"))) {
    throw new UserError(`lwIP ${LWIP_VERSION} is not set up (looked in ${dir})`,
      "Run `npm run setup`: it fetches Debian's lwip source package into that folder.");
  }
  return dir;
}

/** The lwIP sources the kernel compiles: core, IPv4, the sequential and socket APIs, Ethernet. */
export function lwipSources(dir = lwipSourceDir()): { sources: string[]; include: string } {
  const src = path.join(dir, "src");
  const files = [
    ...["def", "dns", "inet_chksum", "init", "ip", "mem", "memp", "netif", "pbuf", "raw", "stats", "sys", "tcp", "tcp_in",
      "tcp_out", "timeouts", "udp"].map((f) => path.join(src, "core", `${f}.c`)),
    ...["autoip", "dhcp", "etharp", "icmp", "igmp", "ip4", "ip4_addr", "ip4_frag"].map((f) => path.join(src, "core", "ipv4", `${f}.c`)),
    ...["api_lib", "api_msg", "err", "netbuf", "netifapi", "sockets", "tcpip"].map((f) => path.join(src, "api", `${f}.c`)),
    path.join(src, "netif", "ethernet.c"),
  ];
  return { sources: files, include: path.join(src, "include") };
}
