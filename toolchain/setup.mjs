#!/usr/bin/env node
// Setup from a fresh machine (Debian + Node 20): installs what rumpsdk needs and says what it installed.
// Plain JavaScript on purpose: it runs before `npm ci` has brought in the TypeScript loader.
// Idempotent and quick when everything is present.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// Debian packages, each with the command that shows it is present.
const DEBIAN = [
  { pkg: "qemu-system-x86", probe: "qemu-system-x86_64", why: "boots x86 boards" },
  { pkg: "binutils", probe: "ld", why: "links firmware images" },
  { pkg: "mtools", probe: "mformat", why: "makes the FAT EFI System Partition of UEFI disk images (x86-minnow)" },
  { pkg: "ovmf", probe: "/usr/share/OVMF/OVMF_CODE.fd", why: "UEFI firmware for QEMU: boots x86-minnow images under emulation" },
  { pkg: "gcc", probe: "gcc", why: "compiles the C the SDK emits" },
  { pkg: "gcc-arm-none-eabi", probe: "arm-none-eabi-gcc", why: "cross-compiles firmware for the Cortex-M boards (mps2-an385)" },
  { pkg: "qemu-system-arm", probe: "qemu-system-arm", why: "boots the Cortex-M boards (mps2-an385)" },
  { pkg: "duktape", probe: "duk", why: "the embedded JavaScript interpreter the compiler bench compares against" },
  { pkg: "dpkg-dev", probe: "dpkg-source", why: "unpacks lwIP's Debian source package" },
  { pkg: "wrk", probe: "wrk", why: "the HTTP load generator of the network bench" },
  { pkg: "curl", probe: "curl", why: "the HTTP client the sensor-http tests fetch with" },
  { pkg: "mosquitto", probe: "mosquitto", why: "the MQTT broker the sensor-mqtt tests publish to" },
  { pkg: "mosquitto-clients", probe: "mosquitto_sub", why: "mosquitto_sub/mosquitto_pub: the host-side subscriber and publisher of the sensor-mqtt tests" },
  { pkg: "iputils-ping", probe: "ping", why: "pings the guest over a tap device in the ICMP test (test/net/icmp.test.ts)" },
];

// lwIP, the kernel's TCP/IP, comes from Debian's source package at setup, never from the repository.
// Keep in step with toolchain/kernel.ts (LWIP_VERSION, lwipSourceDir()).
const LWIP_VERSION = "2.1.3+dfsg1-2";
const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
const lwipDir = path.join(cacheHome, "rumpsdk", `lwip-${LWIP_VERSION}`);
const SRC_LIST = "/etc/apt/sources.list.d/rumpsdk-src.sources";

// a probe is a command on PATH, or an absolute path of a file the package installs
const has = (cmd) => (cmd.startsWith("/") ? existsSync(cmd) : spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0);
const say = (msg) => process.stdout.write(`setup: ${msg}\n`);

// node_modules holds exactly the versions package-lock.json pins (npm's own record of what it
// installed, node_modules/.package-lock.json, lists each package with its version)
function npmInstalled() {
  const read = (f) => { try { return JSON.parse(readFileSync(f, "utf8")).packages ?? {}; } catch { return null; } };
  const want = read(path.join(root, "package-lock.json"));
  const have = read(path.join(root, "node_modules", ".package-lock.json"));
  if (!want || !have) return false;
  return Object.entries(want).every(([p, v]) => p === "" || v.optional || have[p]?.version === v.version);
}

function npmPackages() {
  if (npmInstalled()) return;
  say("installing npm packages (npm ci) ...");
  const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) {
    console.error("setup: error: `npm ci` failed. Check that the npm registry is reachable, then run `npm run setup` again.");
    process.exit(1);
  }
  const deps = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  say(`installed npm packages: ${Object.entries({ ...deps.dependencies, ...deps.devDependencies }).map(([n, v]) => `${n}@${v}`).join(", ")}`);
}

function debianPackages() {
  const missing = DEBIAN.filter((d) => !has(d.probe));
  if (missing.length === 0) return;
  const pkgs = missing.map((d) => d.pkg);
  const cmd = `apt-get update && apt-get install -y --no-install-recommends ${pkgs.join(" ")}`;
  if (process.getuid && process.getuid() !== 0) {
    console.error(`setup: error: missing Debian packages: ${missing.map((d) => `${d.pkg} (${d.why})`).join(", ")}.\n` +
      `  rumpsdk installs them itself when run as root. As this user, run:\n    sudo sh -c '${cmd}'\n  then run this command again.`);
    process.exit(1);
  }
  say(`installing Debian packages: ${pkgs.join(" ")} ...`);
  for (const args of [["update"], ["install", "-y", "--no-install-recommends", ...pkgs]]) {
    const r = spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (r.status !== 0) {
      console.error(`setup: error: \`apt-get ${args.join(" ")}\` failed (exit ${r.status}). Fix the package source, then run \`npm run setup\` again.`);
      process.exit(1);
    }
  }
  const still = missing.filter((d) => !has(d.probe));
  if (still.length) {
    console.error(`setup: error: after installing, still missing: ${still.map((d) => d.probe).join(", ")}`);
    process.exit(1);
  }
  say(`installed Debian packages: ${pkgs.map((p) => `${p} ${execFileSync("dpkg-query", ["-W", "-f=${Version}", p]).toString()}`).join(", ")}`);
}

// Is there any deb-src entry (one-line or deb822 format) in apt's configuration?
function hasDebSrc() {
  const files = ["/etc/apt/sources.list"];
  const dir = "/etc/apt/sources.list.d";
  if (existsSync(dir)) files.push(...readdirSync(dir).filter((f) => /\.(list|sources)$/.test(f)).map((f) => path.join(dir, f)));
  return files.some((f) => existsSync(f) && /^\s*(deb-src\s|Types:.*\bdeb-src\b)/m.test(readFileSync(f, "utf8")));
}

// The deb-src entry: the first stanza of debian.sources with Types: deb-src.
function debSrcEntry() {
  const main = "/etc/apt/sources.list.d/debian.sources";
  if (!existsSync(main)) return null;
  const stanza = readFileSync(main, "utf8").split(/\n\s*\n/)[0];
  const field = (n) => (stanza.match(new RegExp(`^${n}:\\s*(.+)$`, "m")) ?? [])[1];
  if (!field("URIs") || !field("Suites")) return null;
  return ["Types: deb-src", `URIs: ${field("URIs")}`, `Suites: ${field("Suites")}`, `Components: ${field("Components") ?? "main"}`,
    ...(field("Signed-By") ? [`Signed-By: ${field("Signed-By")}`] : []), ""].join("\n");
}

function lwipSource() {
  if (existsSync(path.join(lwipDir, "src", "include", "lwip", "init.h"))) return;
  const cmds = [
    `printf 'Types: deb-src\\nURIs: http://deb.debian.org/debian\\nSuites: bookworm\\nComponents: main\\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\\n' > ${SRC_LIST}   # if no deb-src entry yet`,
    "apt-get update",
  ];
  const user = [`cd $(mktemp -d) && apt-get source --download-only lwip=${LWIP_VERSION}`, `dpkg-source -x lwip_${LWIP_VERSION}.dsc ${lwipDir}`];
  if (process.getuid && process.getuid() !== 0) {
    console.error(`setup: error: lwIP's source (Debian package lwip ${LWIP_VERSION}) is not in ${lwipDir}.\n` +
      `  rumpsdk fetches it itself when run as root. Otherwise run, as root:\n${cmds.map((c) => `    ${c}`).join("\n")}\n` +
      `  then as this user:\n${user.map((c) => `    ${c}`).join("\n")}\n  then run this command again.`);
    process.exit(1);
  }
  const run = (cmd, args, cwd) => {
    const r = spawnSync(cmd, args, { cwd, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (r.status !== 0) {
      console.error(`setup: error: \`${cmd} ${args.join(" ")}\` failed (exit ${r.status}):\n${r.stderr.toString().trim()}\n` +
        "  Check that the Debian mirror is reachable, then run `npm run setup` again.");
      process.exit(1);
    }
  };
  const shown = () => spawnSync("apt-cache", ["showsrc", "lwip"], { encoding: "utf8" }).stdout ?? "";
  if (!hasDebSrc()) {
    const entry = debSrcEntry();
    if (!entry) {
      console.error("setup: error: no deb-src entry in apt's sources and no /etc/apt/sources.list.d/debian.sources to copy one from.\n" +
        `  Add a deb-src line for your Debian mirror (e.g. in ${SRC_LIST}), then run \`npm run setup\` again.`);
      process.exit(1);
    }
    writeFileSync(SRC_LIST, entry);
    say(`added ${SRC_LIST} (deb-src entry, the same mirror as debian.sources)`);
  }
  if (!shown().includes(`Version: ${LWIP_VERSION}`)) {
    say("apt-get update (for the source package index) ...");
    run("apt-get", ["update"]);
  }
  mkdirSync(path.dirname(lwipDir), { recursive: true });
  const tmp = mkdtempSync(path.join(path.dirname(lwipDir), ".lwip-")); // same file system: rename works
  try {
    say(`downloading Debian source package lwip ${LWIP_VERSION} ...`);
    run("apt-get", ["source", "--download-only", `lwip=${LWIP_VERSION}`], tmp);
    run("dpkg-source", ["-x", `lwip_${LWIP_VERSION}.dsc`, "src"], tmp);
    rmSync(lwipDir, { recursive: true, force: true });
    renameSync(path.join(tmp, "src"), lwipDir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  say(`unpacked lwIP ${LWIP_VERSION} (Debian source package, with Debian's patches) into ${lwipDir}`);
}

debianPackages();
lwipSource();
npmPackages();
