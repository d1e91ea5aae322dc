// Runs one conformance program under Node: the reference side of the
// differential suite.
//
// The program (TypeScript) is transpiled in memory with the `typescript`
// package's transpileModule (types are erased, nothing is checked here; the
// type check is check-node.mjs's job) to ES2022 module code, which is fed to a
// child `node --input-type=module` on stdin. Its stdout is the expected output
// the compiled program must reproduce byte for byte.
//
// As a module:  import { runUnderNode } from './node-run.mjs'
//               const { stdout, stderr, code, signal, timedOut } = await runUnderNode(file)
// As a script:  node test/conformance/node-run.mjs <program.ts>
//               (prints the program's stdout/stderr and exits with its code)

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Compiler options used for every program (kept in step with tsconfig.json). */
const TRANSPILE_OPTIONS = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022,
  moduleDetection: ts.ModuleDetectionKind.Force,
  strict: true,
  sourceMap: false,
};

/** Transpiles TypeScript source to ES2022 module JavaScript (no type check). */
export function transpile(source, fileName = 'program.ts') {
  const out = ts.transpileModule(source, {
    compilerOptions: TRANSPILE_OPTIONS,
    fileName: basename(fileName),
    reportDiagnostics: true,
  });
  const errors = (out.diagnostics ?? []).filter(
    (d) => d.category === ts.DiagnosticCategory.Error,
  );
  if (errors.length > 0) {
    const text = errors
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
      .join('\n');
    throw new Error(`${fileName}: syntax errors:\n${text}`);
  }
  return out.outputText;
}

/**
 * Runs the program at `file` under Node and resolves to
 * { stdout, stderr, code, signal, timedOut }. Never rejects for a failing
 * program: the caller judges the result.
 */
export function runUnderNode(file, { timeoutMs = 30000 } = {}) {
  const js = transpile(readFileSync(file, 'utf8'), file);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      // A clean environment: no NODE_OPTIONS from the caller (e.g. vitest's).
      env: { PATH: process.env.PATH ?? '' },
    });
    const stdout = [];
    const stderr = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (b) => stdout.push(b));
    child.stderr.on('data', (b) => stderr.push(b));
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        code,
        signal,
        timedOut,
      });
    });
    child.stdin.end(js);
  });
}

// Script use: run one program, forward its output and exit code.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node test/conformance/node-run.mjs <program.ts>');
    process.exit(2);
  }
  const r = await runUnderNode(file);
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  if (r.timedOut) process.stderr.write(`node-run: ${file}: timed out\n`);
  process.exitCode = r.code ?? 1;
}
