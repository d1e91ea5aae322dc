// Generates conversion and Math requests, runs the C harness on them and compares every
// answer with what this Node.js computes. Used by numconv.test.ts; also runnable directly:
//   node test/unit/numconv/compare.mjs [--scale=N] [--examples]
// (builds the harness into a temporary directory first).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');

// ---------------------------------------------------------------- build

export function buildHarness(dir = mkdtempSync(join(tmpdir(), 'numconv-'))) {
  const gccInclude = execFileSync('gcc', ['-print-file-name=include']).toString().trim();
  const free = ['-std=c11', '-O2', '-g', '-Wall', '-Werror', '-ffreestanding', '-nostdinc', '-isystem', gccInclude];
  const inc = (...d) => d.flatMap((x) => ['-I', join(root, x)]);
  const cc = (args) => execFileSync('gcc', args, { stdio: ['ignore', 'inherit', 'inherit'] });
  cc([...free, ...inc('sdk/base/include', 'sdk/rumpuser/include', 'sdk/kernel/include', 'sdk/runtime/include'),
    '-c', join(root, 'sdk/runtime/numconv.c'), '-o', join(dir, 'numconv.o')]);
  cc([...free, ...inc('sdk/base/include'), '-c', join(root, 'sdk/base/math.c'), '-o', join(dir, 'math.o')]);
  cc(['-std=c11', '-O2', '-Wall', '-Werror', ...inc('sdk/runtime/include', 'sdk/base/include'),
    '-c', join(here, 'harness.c'), '-o', join(dir, 'harness.o')]);
  const exe = join(dir, 'harness');
  cc([join(dir, 'harness.o'), join(dir, 'numconv.o'), join(dir, 'math.o'), '-o', exe]);
  return exe;
}

// ---------------------------------------------------------------- doubles and randomness

const dv = new DataView(new ArrayBuffer(8));
const hex = (d) => { dv.setFloat64(0, d); return dv.getBigUint64(0).toString(16).padStart(16, '0'); };
const fromBits = (b) => { dv.setBigUint64(0, BigInt.asUintN(64, b)); return dv.getFloat64(0); };
const bits = (d) => { dv.setFloat64(0, d); return dv.getBigUint64(0); };
const nextUp = (d) => (d === 0 ? 5e-324 : d > 0 ? fromBits(bits(d) + 1n) : fromBits(bits(d) - 1n));
const nextDown = (d) => -nextUp(-d);
const dres = (d) => (Number.isNaN(d) ? 'nan' : hex(d));
const units = (s) => [...Array(s.length)].map((_, i) => s.charCodeAt(i).toString(16).padStart(4, '0')).join('');

function rng(seed) { // xorshift128+
  let s0 = BigInt(seed) | 1n, s1 = 0x9e3779b97f4a7c15n;
  const M = (1n << 64n) - 1n;
  const next64 = () => {
    let x = s0; const y = s1; s0 = y;
    x ^= (x << 23n) & M; s1 = x ^ y ^ (x >> 17n) ^ (y >> 26n);
    return (s1 + y) & M;
  };
  const r = {
    u64: next64,
    u32: () => Number(next64() >> 32n),
    float: () => Number(next64() >> 11n) / 2 ** 53,
    int: (n) => Math.floor(r.float() * n),
    pick: (a) => a[r.int(a.length)],
    double: () => { for (;;) { const d = fromBits(next64()); if (Number.isFinite(d)) return d; } },
    digits: (n) => { let s = ''; for (let i = 0; i < n; i++) s += String(r.int(10)); return s; },
  };
  return r;
}

const boundaries = [0, -0, 5e-324, -5e-324, 1e-323, 2.2250738585072014e-308, 2.225073858507201e-308,
  1.7976931348623157e308, -1.7976931348623157e308, 0.1 + 0.2, 0.1, 0.2, 0.3, 123e-20, 1e21, 1e-7, 1e-6,
  9.999999999999999e20, 999999999999999900000, 9007199254740993, 9007199254740992, 9007199254740991,
  2 ** 53 + 2, 2 ** 63, 2 ** 64, 2 ** 31, -(2 ** 31), 2 ** 32, 4294967295, 1.5, 2.5, 0.5, -0.5, 1.005,
  1.45, 8.345, 1.0000000000000002, 0.9999999999999999, 123456789012345680000, 1e23, 5e-7, 4.35,
  Math.PI, Math.E, 1 / 3, 2 / 3, 100, 1e100, 1.2345e-300, NaN, Infinity, -Infinity, 4.940656458412465e-324,
  2 ** -1022, 2 ** -1074 * 3, 1e-5, 0.000001, 1e20, 1e22, 12345.6789, -1.5e-7, 255.5, 1e15 + 0.3];

// Values a program is likely to print: short decimals, integers, money, scientific values.
function humanValue(r) {
  switch (r.int(6)) {
    case 0: return r.int(2000) - 1000;
    case 1: return Number(r.digits(1 + r.int(6)) + '.' + r.digits(1 + r.int(4)));
    case 2: return Number(r.digits(1 + r.int(17)) + 'e' + (r.int(60) - 30));
    case 3: return (r.int(100000) - 50000) / 100;
    case 4: return r.float() * 10 ** (r.int(40) - 20);
    default: return Number(r.digits(1 + r.int(16))) * (r.int(2) ? 1 : -1);
  }
}

function anyValue(r) {
  switch (r.int(5)) {
    case 0: return r.double();
    case 1: { const b = r.pick(boundaries); return r.int(2) ? b : r.int(2) ? nextUp(b) : nextDown(b); }
    case 2: { const p = 10 ** (r.int(660) - 330); return r.int(3) === 0 ? p : r.int(2) ? nextUp(p) : nextDown(p); }
    case 3: return 2 ** (r.int(2100) - 1075) * (r.int(2) ? 1 : -1);
    default: return humanValue(r);
  }
}

// Exact decimal text of (2f+1) * 2^(e-1): the midpoint between |d| and the next double up.
function midpointText(d) {
  dv.setFloat64(0, Math.abs(d));
  const b = dv.getBigUint64(0);
  const be = Number(b >> 52n);
  let f = b & ((1n << 52n) - 1n), e;
  if (be === 0) e = -1074; else { f |= 1n << 52n; e = be - 1075; }
  const m = 2n * f + 1n, e2 = e - 1;
  if (e2 >= 0) return (m << BigInt(e2)).toString();
  return (m * 5n ** BigInt(-e2)).toString() + 'e' + e2;
}

// ---------------------------------------------------------------- requests

function numberToStringReq(r, n) {
  const q = [];
  for (const b of boundaries) q.push(b);
  for (let e = -330; e <= 310; e++) { const p = Number('1e' + e); q.push(p, nextUp(p), nextDown(p)); }
  for (let i = 0; i < n; i++) q.push(anyValue(r));
  for (let i = 0; i < n / 4; i++) q.push(Number(r.digits(1 + r.int(16))) * 2 ** -r.int(60));
  return q.map((v) => ({ req: `d ${hex(v)}`, want: String(v) }));
}

function fixedReq(r, n) {
  const q = [];
  const vals = [...boundaries, 0.5, 1.5, 2.5, 1.25, 1.35, 0.045, 10.235, 1e-10, -1e-10, 999.9995];
  for (const v of vals) for (const f of [0, 1, 2, 3, 5, 10, 20, 50, 100]) q.push([v, f]);
  for (let i = 0; i < n; i++) {
    let v = r.int(3) === 0 ? anyValue(r) : humanValue(r);
    if (r.int(4) === 0) v = (r.int(20000) - 10000) / 2 ** r.int(12); // exact binary halves
    q.push([v, r.int(5) === 0 ? r.int(101) : r.int(12)]);
  }
  return q.map(([v, f]) => ({ req: `f ${hex(v)} ${f}`, want: v.toFixed(f) }));
}

function precisionReq(r, n) {
  const q = [];
  for (const v of boundaries) for (const p of [1, 2, 3, 6, 15, 17, 21, 22, 50, 100]) q.push([v, p]);
  for (let i = 0; i < n; i++) q.push([r.int(2) ? anyValue(r) : humanValue(r), r.int(4) === 0 ? 1 + r.int(100) : 1 + r.int(21)]);
  return q.map(([v, p]) => ({ req: `p ${hex(v)} ${p}`, want: v.toPrecision(p) }));
}

function exponentialReq(r, n) {
  const q = [];
  for (const v of boundaries) for (const f of [-1, 0, 1, 2, 5, 16, 20, 100]) q.push([v, f]);
  for (let i = 0; i < n; i++) q.push([r.int(2) ? anyValue(r) : humanValue(r), r.int(3) === 0 ? -1 : r.int(4) === 0 ? r.int(101) : r.int(20)]);
  return q.map(([v, f]) => ({ req: `e ${hex(v)} ${f}`, want: f < 0 ? v.toExponential() : v.toExponential(f) }));
}

function radixReq(r, n) {
  const q = [];
  for (const v of boundaries) for (let radix = 2; radix <= 36; radix++) q.push([v, radix]);
  for (let i = 0; i < n; i++) {
    let v;
    switch (r.int(4)) {
      case 0: v = anyValue(r); break;
      case 1: v = r.int(2 ** 31) * (r.int(2) ? 1 : -1); break;
      case 2: v = r.float() * 2 ** r.int(70); break;
      default: v = humanValue(r);
    }
    q.push([v, 2 + r.int(35)]);
  }
  return q.map(([v, radix]) => ({ req: `r ${hex(v)} ${radix}`, want: v.toString(radix) }));
}

function toInt32Req(r, n) {
  const q = [...boundaries, 2 ** 31 - 0.5, -(2 ** 31) - 0.5, 2 ** 32 + 5, -(2 ** 32) - 5, 2 ** 84, 2 ** 85 + 2 ** 40, -1.9, 1.9];
  for (let i = 0; i < n; i++) q.push(r.int(2) ? r.double() : r.float() * 2 ** r.int(90) * (r.int(2) ? 1 : -1));
  return q.map((v) => ({ req: `i ${hex(v)}`, want: `${v | 0} ${v >>> 0}` }));
}

function decimalText(r) {
  switch (r.int(9)) {
    case 0: return r.digits(1 + r.int(25)) + 'e' + (r.int(700) - 350);
    case 1: return '0.' + '0'.repeat(r.int(30)) + r.digits(1 + r.int(30));
    case 2: return r.digits(1 + r.int(20)) + '.' + r.digits(r.int(20));
    case 3: return midpointText(r.double());
    case 4: { // just above / below a midpoint
      const t = midpointText(r.int(2) ? r.double() : humanValue(r));
      const [m, e] = t.split('e');
      return r.int(2) ? m + '0'.repeat(r.int(40)) + '1' + 'e' + ((Number(e) || 0) - 0) : m.slice(0, -1) + String(Math.max(0, Number(m.at(-1)) - 1)) + '9'.repeat(r.int(30)) + (e ? 'e' + e : '');
    }
    case 5: return String(humanValue(r));
    case 6: return String(r.double());
    case 7: return r.digits(1 + r.int(900)) + 'e' + (r.int(1400) - 900);
    default: return (r.int(2) ? '' : '.') + r.digits(1 + r.int(5)) + (r.int(2) ? 'E+' : 'e-') + r.int(400);
  }
}


const spaces = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\ufeff', '\u2028', '\u2029', '\u1680', '\u2000', '\u200a', '\u202f', '\u205f', '\u3000', '\u180e', '\u200b'];
const junk = ['', '', '', 'x', 'e', 'e+', '.', '..', '1', ' 1', '_', '-', 'Infinity', 'n', '\u0661'];

function strtodReq(r, n) {
  const q = ['0', '-0', '+0', '.5', '5.', '.', '-.e1', '1e', '1e+', '1e-5x', 'Infinity', '-Infinityx', '+Inf', 'infinity',
    '1e400', '-1e400', '1e-400', '2.4703282292062328e-324', '2.4703282292062327e-324', '4.9e-324',
    '1.7976931348623158e308', '1.7976931348623157e308', '1.797693134862315807e308', '9007199254740993', '0.1e-999999999999', '1e99999999999999'];
  for (let i = 0; i < n; i++) {
    let t = decimalText(r);
    if (r.int(3) === 0) t = r.pick(['-', '+']) + t;
    if (r.int(4) === 0) t += r.pick(junk);
    q.push(t);
  }
  const re = /^[+-]?(Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)/;
  return q.map((t) => {
    const m = re.exec(t);
    const want = m ? `${dres(Number(m[0]))} ${m[0].length}` : 'nan 0';
    return { req: `s ${units(t)}`, want };
  });
}

function numberTexts(r, n) {
  const q = ['', ' ', '0x', '0x1g', '0X1F', '-0x10', '0o17', '0O8', '0b101', '0b', '0b2', '1_000', '12 ', '\u2028 12 \ufeff',
    'Infinity', '-Infinity', ' +Infinity ', 'INFINITY', 'NaN', '1e1000', '.e1', '0.0e0', '-0', '00012', '1.5e+3', '0x' + 'f'.repeat(300),
    '0b' + '1'.repeat(60), '0o' + '7'.repeat(30), '0x1fffffffffffff', '0x20000000000001', '0x20000000000003', '0x20000000000002'];
  for (let i = 0; i < n; i++) {
    let t;
    switch (r.int(5)) {
      case 0: t = '0' + r.pick(['x', 'X', 'o', 'b', 'B']) + [...Array(1 + r.int(30))].map(() => r.int(16).toString(16)).join(''); break;
      case 1: t = r.pick(junk) + decimalText(r); break;
      default: t = decimalText(r); if (r.int(3) === 0) t = r.pick(['-', '+']) + t; if (r.int(4) === 0) t += r.pick(junk);
    }
    if (r.int(3) === 0) t = r.pick(spaces) + t;
    if (r.int(3) === 0) t += r.pick(spaces);
    q.push(t);
  }
  return q;
}

function parseIntReq(r, n) {
  const q = [];
  const base = ['0x10', '0X1f', '-0x', '0x', '  -0', '+12abc', '1e3', '123.9', '0'.repeat(400) + '1', '9'.repeat(400),
    '  \u00a0\ufeff42', '-', '', '0b11', '1'.repeat(30), 'z'.repeat(20), '\u0661'];
  for (const t of base) for (const radix of [0, 2, 3, 8, 10, 16, 36, 37, 1]) q.push([t, radix]);
  for (let i = 0; i < n; i++) {
    const radix = r.int(6) === 0 ? 0 : r.int(8) === 0 ? r.pick([1, 37, -5, 16, 10]) : 2 + r.int(35);
    const len = r.int(4) === 0 ? 1 + r.int(120) : 1 + r.int(25);
    const rad = radix >= 2 && radix <= 36 ? radix : 36;
    let t = [...Array(len)].map(() => r.int(rad).toString(rad)).join('');
    if (r.int(4) === 0) t = t.toUpperCase();
    if (r.int(4) === 0) t = r.pick(['-', '+', '0x', '-0x', ' ']) + t;
    if (r.int(4) === 0) t += r.pick(junk);
    q.push([t, radix]);
  }
  return q.map(([t, radix]) => ({ req: `P ${radix} ${units(t)}`, want: dres(radix === 0 ? parseInt(t) : parseInt(t, radix)) }));
}

// ---------------------------------------------------------------- math

const mathInputs = {
  sqrt: (r) => r.int(2) ? Math.abs(r.double()) : r.float() * 100,
  floor: (r) => r.int(2) ? r.double() : (r.float() - 0.5) * 1e6,
  ceil: (r) => r.int(2) ? r.double() : (r.float() - 0.5) * 1e6,
  trunc: (r) => r.int(2) ? r.double() : (r.float() - 0.5) * 1e6,
  fabs: (r) => r.double(),
  sin: (r) => r.pick([() => (r.float() - 0.5) * 20, () => (r.float() - 0.5) * 1e6, () => r.double(), () => r.float() * 1e-5]),
  cos: (r) => r.pick([() => (r.float() - 0.5) * 20, () => (r.float() - 0.5) * 1e6, () => r.double(), () => r.float() * 1e-5]),
  tan: (r) => r.pick([() => (r.float() - 0.5) * 20, () => (r.float() - 0.5) * 1e6, () => r.double(), () => r.float() * 1e-5]),
  asin: (r) => (r.float() * 2 - 1) * (r.int(4) === 0 ? 1e-6 : 1),
  acos: (r) => (r.float() * 2 - 1) * (r.int(4) === 0 ? 1e-6 : 1),
  atan: (r) => r.pick([() => (r.float() - 0.5) * 10, () => r.double(), () => (r.float() - 0.5) * 1e-6]),
  exp: (r) => r.pick([() => (r.float() - 0.5) * 20, () => (r.float() - 0.5) * 1480, () => (r.float() - 0.5) * 1e-8]),
  expm1: (r) => r.pick([() => (r.float() - 0.5) * 20, () => (r.float() - 0.5) * 1480, () => (r.float() - 0.5) * 1e-8, () => (r.float() - 0.5)]),
  log: (r) => r.pick([() => r.float() * 10, () => Math.abs(r.double()), () => 1 + (r.float() - 0.5) * 1e-3]),
  log1p: (r) => r.pick([() => r.float() * 10 - 0.99, () => Math.abs(r.double()), () => (r.float() - 0.5) * 1e-3]),
  log2: (r) => r.pick([() => r.float() * 10, () => Math.abs(r.double()), () => 2 ** (r.int(2000) - 1000)]),
  log10: (r) => r.pick([() => r.float() * 10, () => Math.abs(r.double()), () => 10 ** (r.int(600) - 300)]),
  sinh: (r) => r.pick([() => (r.float() - 0.5) * 10, () => (r.float() - 0.5) * 1400, () => (r.float() - 0.5) * 1e-4]),
  cosh: (r) => r.pick([() => (r.float() - 0.5) * 10, () => (r.float() - 0.5) * 1400]),
  tanh: (r) => r.pick([() => (r.float() - 0.5) * 10, () => (r.float() - 0.5) * 50, () => (r.float() - 0.5) * 1e-4]),
  asinh: (r) => r.pick([() => (r.float() - 0.5) * 10, () => r.double(), () => (r.float() - 0.5) * 1e-4]),
  acosh: (r) => r.pick([() => 1 + r.float() * 10, () => Math.abs(r.double()), () => 1 + r.float() * 1e-4]),
  atanh: (r) => r.pick([() => r.float() * 2 - 1, () => (r.float() - 0.5) * 1e-4]),
  cbrt: (r) => r.pick([() => (r.float() - 0.5) * 1000, () => r.double(), () => r.int(1000) ** 3]),
  fmod: (r) => [r.pick([() => r.double(), () => (r.float() - 0.5) * 1000, () => r.int(1000)]), r.pick([() => r.double(), () => (r.float() - 0.5) * 10, () => r.int(20) - 10])],
  atan2: (r) => [(r.float() - 0.5) * 10 ** r.int(6), (r.float() - 0.5) * 10 ** r.int(6)],
  pow: (r) => r.pick([() => [r.int(20) - 5, r.int(40) - 20], () => [r.float() * 10, (r.float() - 0.5) * 20], () => [Math.abs(r.double()), r.float() * 2 - 1],
    () => [10, r.int(600) - 300], () => [2, r.int(2200) - 1100], () => [(r.float() - 0.5) * 4, r.int(60) - 30], () => [r.float() * 2, r.float() * 2000 - 1000]]),
  hypot: (r) => r.pick([() => [(r.float() - 0.5) * 100, (r.float() - 0.5) * 100], () => [r.double(), r.double()], () => [r.int(100), r.int(100)]]),
};
const mathSpecial = [0, -0, 1, -1, 0.5, -0.5, 2, 10, 3, NaN, Infinity, -Infinity, 5e-324, 1e-300, 1e300, 1.7976931348623157e308, Math.PI, Math.PI / 2, 709.782712893384, -745.1332191019412, 710, 1e22, 2 ** 52 + 0.5, 1 - 2 ** -53, 1 + 2 ** -52];
const jsMath = { fmod: (a, b) => a % b, fabs: Math.abs };

function ulpDistance(a, b) {
  if (Number.isNaN(a) && Number.isNaN(b)) return 0;
  if (Number.isNaN(a) || Number.isNaN(b)) return Infinity;
  if (Object.is(a, b)) return 0;
  const key = (d) => { const x = bits(d); return x >> 63n ? -(x & ((1n << 63n) - 1n)) : x; };
  const d = key(a) - key(b);
  return Number(d < 0n ? -d : d);
}

function mathReq(r, n) {
  const q = [];
  for (const [name, gen] of Object.entries(mathInputs)) {
    const fn = jsMath[name] ?? Math[name];
    const two = fn.length === 2 || name === 'hypot';
    const args = [];
    for (const a of mathSpecial) {
      if (two) for (const b of mathSpecial) args.push([a, b]); else args.push([a]);
    }
    for (let i = 0; i < n; i++) { let a = gen(r); if (typeof a === 'function') a = a(); args.push(Array.isArray(a) ? a : [a]); }
    for (const a of args) q.push({ req: `m ${name} ${a.map(hex).join(' ')}`, want: dres(fn(...a)), fn: name, args: a, expect: fn(...a) });
  }
  return q;
}

// ---------------------------------------------------------------- running

function runHarness(exe, reqs) {
  const input = reqs.map((q) => q.req).join('\n') + '\n';
  const res = spawnSync(exe, [], { input, maxBuffer: 1 << 30 });
  if (res.status !== 0) throw new Error(`harness exited with ${res.status}: ${res.stderr}`);
  const lines = res.stdout.toString().split('\n');
  return reqs.map((_, i) => lines[i]);
}

export function compareAll(exe, { scale = 1, seed = 12345 } = {}) {
  const r = rng(seed);
  const n = Math.round(4000 * scale);
  const groups = {
    dtoa: numberToStringReq(r, n * 2),
    fixed: fixedReq(r, n),
    precision: precisionReq(r, n),
    exponential: exponentialReq(r, n),
    radix: radixReq(r, n),
    toint32: toInt32Req(r, n / 2),
    strtod: strtodReq(r, n * 2),
    number: numberTexts(r, n).map((t) => ({ req: `n ${units(t)}`, want: dres(Number(t)) })),
    parseFloat: numberTexts(r, n).map((t) => ({ req: `F ${units(t)}`, want: dres(parseFloat(t)) })),
    parseInt: parseIntReq(r, n),
  };
  const report = {};
  for (const [name, reqs] of Object.entries(groups)) {
    const got = runHarness(exe, reqs);
    const bad = reqs.map((q, i) => ({ ...q, got: got[i] })).filter((q) => q.got !== q.want);
    report[name] = { total: reqs.length, mismatches: bad.length, examples: bad.slice(0, 5).map(({ req, want, got }) => ({ req, want, got })) };
  }
  const mreqs = mathReq(r, Math.round(n / 2));
  const mgot = runHarness(exe, mreqs);
  const math = {};
  mreqs.forEach((q, i) => {
    const m = (math[q.fn] ??= { total: 0, differ: 0, maxUlp: 0, worst: null });
    m.total++;
    if (mgot[i] !== q.want) {
      m.differ++;
      const gotVal = mgot[i] === 'nan' ? NaN : fromBits(BigInt('0x' + mgot[i]));
      const u = ulpDistance(gotVal, q.expect);
      if (u > m.maxUlp) { m.maxUlp = u; m.worst = { args: q.args, want: q.expect, got: gotVal }; }
    }
  });
  report.math = math;
  return report;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const scale = Number((process.argv.find((a) => a.startsWith('--scale=')) ?? '--scale=1').slice(8));
  const exe = buildHarness();
  const report = compareAll(exe, { scale });
  for (const [name, g] of Object.entries(report)) {
    if (name === 'math') continue;
    console.log(`${name.padEnd(12)} ${String(g.total).padStart(7)} cases ${g.mismatches} mismatches`);
    if (g.mismatches) console.log('   ', JSON.stringify(g.examples));
  }
  for (const [fn, m] of Object.entries(report.math))
    console.log(`math.${fn.padEnd(6)} ${String(m.total).padStart(6)} cases, ${m.differ} differ from node, max ${m.maxUlp} ulp${m.worst ? ' ' + JSON.stringify(m.worst) : ''}`);
}
