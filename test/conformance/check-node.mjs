// Checks the conformance suite itself, on Node alone (no SDK compiler needed):
//   1. every program type-checks: tsc -p test/conformance (strict, ES2022 lib only);
//   2. every program follows the house rules (header comment, 10..80 lines,
//      no `any`, no imports, nothing nondeterministic such as Date or Math.random);
//   3. every program runs under Node (node-run.mjs) with exit code 0, an empty
//      stderr, a non-empty stdout, and the same stdout on a second run;
//   4. every negative program starts with `// expect-error: <substring>`.
//
// Usage: node test/conformance/check-node.mjs [--no-tsc] [--once] [filter...]
//   filter: only programs whose path (relative to test/conformance) contains it.
// Exits 1 if anything fails.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runUnderNode } from './node-run.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const NEGATIVE = 'negative';
const CONCURRENCY = 4;

const args = process.argv.slice(2);
const runTsc = !args.includes('--no-tsc');
const twice = !args.includes('--once');
const filters = args.filter((a) => !a.startsWith('--'));

/** All programs as paths relative to HERE, grouped by area (folder). */
function listPrograms() {
  const areas = new Map();
  for (const area of readdirSync(HERE).sort()) {
    const dir = join(HERE, area);
    if (area === 'node_modules' || !statSync(dir).isDirectory()) continue;
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
      .sort()
      .map((f) => `${area}/${f}`);
    areas.set(area, files);
  }
  return areas;
}

/** House rules a program must follow (returns a list of problems). */
function lint(rel, source) {
  const problems = [];
  const lines = source.replace(/\n$/, '').split('\n');
  if (rel.startsWith(`${NEGATIVE}/`)) {
    if (!/^\/\/ expect-error: \S.*$/.test(lines[0])) {
      problems.push('first line must be `// expect-error: <substring>`');
    }
    return problems;
  }
  if (!lines[0].startsWith('//')) problems.push('first line must be a header comment');
  if (lines.length < 10 || lines.length > 80) problems.push(`${lines.length} lines (want 10..80)`);
  const banned = [
    [/:\s*any\b|\bas\s+any\b|<any\b|\bany\[\]/, '`any`'],
    [/^\s*import\s|\brequire\s*\(/m, 'imports'],
    [/\bDate\b|Math\.random|\bperformance\b|\bprocess\b/, 'nondeterminism or Node APIs'],
  ];
  const code = source.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  for (const [re, what] of banned) if (re.test(code)) problems.push(`uses ${what}`);
  return problems;
}

/** Runs `fn` over `items` with at most `n` in flight. */
async function pool(items, n, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return results;
}

const failures = [];
const areas = listPrograms();
const selected = (rel) => filters.length === 0 || filters.some((f) => rel.includes(f));

// 1. Type check the whole suite at once.
if (runTsc) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', HERE], { encoding: 'utf8' });
  if (r.status !== 0) failures.push(`tsc -p test/conformance failed:\n${r.stdout}${r.stderr}`);
  else console.log('tsc: ok');
}

// 2 + 4. Lint every program (negative ones only for their header).
const runnable = [];
for (const [area, files] of areas) {
  for (const rel of files.filter(selected)) {
    for (const p of lint(rel, readFileSync(join(HERE, rel), 'utf8'))) failures.push(`${rel}: ${p}`);
    if (area !== NEGATIVE) runnable.push(rel);
  }
}

// 3. Run under Node.
const judge = (r) => {
  if (r.timedOut) return 'timed out';
  if (r.code !== 0) return `exit code ${r.code}${r.signal ? ` (signal ${r.signal})` : ''}`;
  if (r.stderr !== '') return `wrote to stderr:\n${r.stderr}`;
  if (r.stdout === '') return 'printed nothing';
  return null;
};
await pool(runnable, CONCURRENCY, async (rel) => {
  const file = join(HERE, rel);
  const first = await runUnderNode(file);
  let problem = judge(first);
  if (!problem && twice) {
    const second = await runUnderNode(file);
    problem = judge(second) ?? (second.stdout !== first.stdout ? 'output differs between two runs' : null);
  }
  if (problem) failures.push(`${rel}: ${problem}`);
});

// Summary.
let total = 0;
for (const [area, files] of areas) {
  const n = files.filter(selected).length;
  if (n === 0) continue;
  total += n;
  console.log(`${area.padEnd(14)} ${n}`);
}
console.log(`${'total'.padEnd(14)} ${total} (${runnable.length} run under Node)`);
if (failures.length > 0) {
  console.log(`\n${failures.length} failure(s):`);
  for (const f of failures) console.log(`- ${relative(process.cwd(), HERE) || '.'}/${f}`);
  process.exit(1);
}
console.log('all ok');
