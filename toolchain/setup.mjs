#!/usr/bin/env node
// Setup from a fresh machine (Debian + Node 20): installs what rumpsdk needs and says what it installed.
// Plain JavaScript on purpose: it runs before `npm ci` has brought in the TypeScript loader.
// Idempotent and quick when everything is present.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// Debian packages, each with the command that shows it is present.
const DEBIAN = [
  { pkg: "qemu-system-x86", probe: "qemu-system-x86_64", why: "boots x86 boards" },
  { pkg: "binutils", probe: "ld", why: "links firmware images" },
  { pkg: "gcc", probe: "gcc", why: "compiles the C the SDK emits" },
];

const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
const say = (msg) => process.stdout.write(`setup: ${msg}\n`);

function npmPackages() {
  const lock = path.join(root, "package-lock.json");
  const stamp = path.join(root, "node_modules", ".package-lock.json");
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= statSync(lock).mtimeMs) return;
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

debianPackages();
npmPackages();
