// The SDK's ahead-of-time compiler: TypeScript (parsed and type-checked by the `typescript`
// package) to C11 for sdk/runtime. See README.md in this folder.
//
//   compile({ entry, sdkRoot })      -> { c, diagnostics }
//   compileMany(entries, sdkRoot)    -> the same for many programs sharing one ts.Program
import path from "node:path";
import ts from "typescript";
import { emitProgram } from "./emit.ts";

export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  message: string;
}
export interface CompileResult {
  c: string;
  diagnostics: Diagnostic[];
}
export interface CompileOptions {
  entry: string;
  sdkRoot: string;
}

export function compilerOptions(sdkRoot: string): ts.CompilerOptions {
  return {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    moduleDetection: ts.ModuleDetectionKind.Force,
    lib: ["lib.es2022.d.ts", "lib.es2023.array.d.ts"],
    types: [],
    noEmit: true,
    allowImportingTsExtensions: true,
    baseUrl: sdkRoot,
    paths: { "rumpsdk/*": [path.join(sdkRoot, "sdk/api/*")] },
    skipLibCheck: true,
  };
}

export function diagOf(d: ts.Diagnostic): Diagnostic {
  const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  if (d.file && d.start !== undefined) {
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return { file: d.file.fileName, line: line + 1, col: character + 1, message };
  }
  return { file: "", line: 0, col: 0, message };
}

export function createProgram(entries: string[], sdkRoot: string): ts.Program {
  const globals = path.join(sdkRoot, "sdk/api/globals.d.ts");
  return ts.createProgram([...entries.map((e) => path.resolve(e)), globals], compilerOptions(sdkRoot));
}

function compileIn(program: ts.Program, entry: string, sdkRoot: string): CompileResult {
  const sf = program.getSourceFile(path.resolve(entry));
  if (!sf) return { c: "", diagnostics: [{ file: entry, line: 0, col: 0, message: "cannot read the entry file" }] };
  const diags: Diagnostic[] = [];
  // type errors of the entry and everything it imports
  const seen = new Set<ts.SourceFile>();
  const visit = (f: ts.SourceFile) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const d of [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)]) diags.push(diagOf(d));
    for (const imp of importedFiles(program, f)) visit(imp);
  };
  visit(sf);
  for (const d of program.getGlobalDiagnostics()) diags.push(diagOf(d));
  for (const d of program.getOptionsDiagnostics()) diags.push(diagOf(d));
  if (diags.length) return { c: "", diagnostics: diags };
  try {
    return emitProgram(program, sf, sdkRoot, (f) => importedFiles(program, f));
  } catch (e) {
    if (e instanceof CompileError) return { c: "", diagnostics: e.diags };
    throw e;
  }
}

export class CompileError extends Error {
  constructor(public diags: Diagnostic[]) {
    super(diags.map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}`).join("\n"));
  }
}

export function importedFiles(program: ts.Program, f: ts.SourceFile): ts.SourceFile[] {
  const out: ts.SourceFile[] = [];
  for (const st of f.statements) {
    let spec: ts.Expression | undefined;
    if (ts.isImportDeclaration(st)) spec = st.moduleSpecifier;
    else if (ts.isExportDeclaration(st) && st.moduleSpecifier) spec = st.moduleSpecifier;
    if (!spec || !ts.isStringLiteral(spec)) continue;
    const r = ts.resolveModuleName(spec.text, f.fileName, program.getCompilerOptions(), ts.sys);
    const file = r.resolvedModule?.resolvedFileName;
    if (!file) continue;
    const target = program.getSourceFile(file);
    if (target && !target.isDeclarationFile) out.push(target);
  }
  return out;
}

export function compile(opts: CompileOptions): CompileResult {
  const program = createProgram([opts.entry], opts.sdkRoot);
  return compileIn(program, opts.entry, opts.sdkRoot);
}

export function compileMany(entries: string[], sdkRoot: string): Map<string, CompileResult> {
  const program = createProgram(entries, sdkRoot);
  const out = new Map<string, CompileResult>();
  for (const e of entries) {
    try {
      out.set(e, compileIn(program, e, sdkRoot));
    } catch (err) {
      out.set(e, { c: "", diagnostics: [{ file: e, line: 0, col: 0, message: `internal compiler error: ${(err as Error).stack}` }] });
    }
  }
  return out;
}
