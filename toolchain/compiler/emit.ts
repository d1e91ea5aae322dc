// Code generation: a type-checked ts.Program -> one C11 translation unit for sdk/runtime.
// Design notes are in README.md (value representation, closures, exceptions, what is rejected).
import path from "node:path";
import ts from "typescript";
import { CompileError, type CompileResult, type Diagnostic } from "./index.ts";
import { Susp, emitSuspensions, checkSuspendPlacement, emitAwait } from "./suspend.ts";
import { staticStrings } from "./strings.ts";

type Rep = "D" | "B" | "V"; // double, int (boolean), rt_value
interface Val {
  c: string;
  r: Rep;
  vc?: string; // boxed form when it differs from boxing c (typed-array reads: undefined out of range)
  iv?: string; // an integer C expression equal to c modulo 2^32 (for ToInt32/ToUint32 uses)
}
const SK = ts.SyntaxKind;

interface VarInfo {
  kind: "local" | "cell" | "global";
  c: string; // C lvalue: the variable, or the cell holder
  rep: Rep; // storage rep (cells always hold V)
  int?: boolean; // an integer local: C int64_t (rep "D" for its readers; see analyzeInts)
}

type FnNode = ts.SignatureDeclaration | ts.ClassLikeDeclaration | ts.SourceFile;

interface Jump {
  kind: "loop" | "switch" | "block" | "try" | "finally";
  labels: string[];
  brk?: string;
  cont?: string;
  handler?: string; // try/finally: C handler variable
  fin?: ts.Block; // finally: its block
  iter?: string; // for-of over an iterator: its rt_iter, closed (return()) when a jump leaves the loop
  aiter?: string; // for await: its iterator object, closed (return(), awaited) when a jump leaves the loop
}

class FnCtx {
  vars = new Map<ts.Symbol, VarInfo>();
  caps: (ts.Symbol | string)[] = [];
  capIndex = new Map<ts.Symbol | string, number>();
  staticThis: string | undefined;
  jumps: Jump[] = [];
  volatileLocals = false;
  susp?: Susp; // generators and async functions (suspend.ts)
  isArrow: boolean;
  homeExpr = "RT_UNDEF";
  constructor(public node: FnNode, public parent: FnCtx | undefined, public selfName: string) {
    this.isArrow = ts.isArrowFunction(node as ts.Node);
  }
}

// not implemented yet in the runtime: rejected at compile time (never a runtime ReferenceError)
const notYet = ["Date"];
const taSuffix: Record<string, string> = { Int8Array: "i8", Uint8Array: "u8", Uint8ClampedArray: "u8c", Int16Array: "i16", Uint16Array: "u16",
  Int32Array: "i32", Uint32Array: "u32", Float32Array: "f32", Float64Array: "f64" };

// String.prototype methods with a direct runtime entry (rt_str_method's index; keep in sync with strings.c)
const strMethods = ["indexOf", "lastIndexOf", "includes", "startsWith", "endsWith", "slice", "substring", "toLowerCase", "toUpperCase",
  "trim", "split", "charAt", "trimStart", "trimEnd", "padStart", "padEnd", "repeat", "replaceAll", "at"];

const unsupportedGlobals: Record<string, string> = {
  eval: "eval is not supported: write the code directly",
  Function: "the Function constructor is not supported (no code generation at run time): write a function expression",
  Proxy: "Proxy is not supported: write an explicit wrapper object",
  Reflect: "Reflect is not supported: use ordinary property access and Object.* functions",
  WeakRef: "WeakRef is not supported: hold a normal reference or remove the object from your collection explicitly",
  FinalizationRegistry: "FinalizationRegistry is not supported: release resources explicitly",
  RegExp: "regular expressions are not supported yet: use string methods (indexOf, split, replaceAll with a string)",
  BigInt: "BigInt is not supported: use number (integers up to 2^53 are exact)",
  SharedArrayBuffer: "SharedArrayBuffer is not supported: use ArrayBuffer",
  Atomics: "Atomics is not supported (there is one JavaScript thread)",
  Intl: "Intl is not supported: format numbers and dates by hand",
};

function cstr(s: string): string {
  // a C string literal for UTF-8 text
  const bytes = Buffer.from(s, "utf8");
  let out = '"';
  let prevHex = false;
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    if (b >= 0x20 && b < 0x7f && ch !== '"' && ch !== "\\" && ch !== "?") {
      if (prevHex && /[0-9a-fA-F]/.test(ch)) out += '""';
      out += ch;
      prevHex = false;
    } else {
      out += "\\x" + b.toString(16).padStart(2, "0");
      prevHex = true;
    }
  }
  return out + '"';
}

function numLit(v: number): string {
  if (Number.isNaN(v)) return "(__builtin_nan(\"\"))";
  if (v === Infinity) return "(__builtin_inf())";
  if (v === -Infinity) return "(-__builtin_inf())";
  if (Object.is(v, -0)) return "(-0.0)";
  let s = String(v);
  if (!/[.e]/.test(s)) s += ".0";
  return v < 0 ? `(${s})` : s;
}

export function emitProgram(
  program: ts.Program,
  entry: ts.SourceFile,
  sdkRoot: string,
  importsOf: (f: ts.SourceFile) => ts.SourceFile[],
): CompileResult {
  const e = new Emitter(program, sdkRoot);
  // modules in dependency order
  const order: ts.SourceFile[] = [];
  const seen = new Set<ts.SourceFile>();
  const visit = (f: ts.SourceFile) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const d of importsOf(f)) visit(d);
    order.push(f);
  };
  visit(entry);
  const c = e.run(order);
  if (e.diags.length) throw new CompileError(e.diags);
  return { c, diagnostics: [] };
}

class Emitter {
  checker: ts.TypeChecker;
  diags: Diagnostic[] = [];
  atoms = new Map<string, number>();
  lits = new Map<string, number>();
  nics = 0;
  globals = new Map<ts.Symbol, VarInfo>();
  globalDecls: string[] = [];
  nG = 0; // V globals in G_[]
  protos: string[] = [];
  bodies: string[] = [];
  externs = new Set<string>();
  nfn = 0;
  ntmp = 0;
  captured = new Set<ts.Symbol>();
  perIterCaptured = new Set<ts.Symbol>();
  unsoundNum = new Set<ts.Symbol>();
  intLocals = new Set<ts.Symbol>(); // number locals held in a C int64_t (see analyzeInts)
  directFns = new Map<ts.Symbol, { name: string; params: Rep[]; ret: Rep | "void" }>();
  classInfo = new Map<ts.Node, { cvar: string }>();
  ctx!: FnCtx;
  out: string[] = [];
  indent = 1;
  curFile!: ts.SourceFile;
  lastLine = -1;

  constructor(public program: ts.Program, public sdkRoot: string) {
    this.checker = program.getTypeChecker();
  }

  // ---- diagnostics ----
  err(node: ts.Node, msg: string): never {
    const sf = node.getSourceFile();
    const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart());
    this.diags.push({ file: sf.fileName, line: line + 1, col: character + 1, message: msg });
    throw new CompileError(this.diags);
  }

  // ---- output helpers ----
  emit(line: string) {
    if (this.ctx?.susp) {
      for (const l of this.ctx.susp.line(line)) this.out.push("\t".repeat(this.indent) + l);
      return;
    }
    // Locals the compiler declares may go unused on some paths (a destructuring temporary, a
    // captured `self`): mark them used so the C stays clean under -Wall -Werror.
    const decl = /^(?:rt_value|double|int|int32_t|uint32_t|bool|volatile rt_value|volatile double) (\w+)(?: =[^;]*)?;$/.exec(line);
    this.out.push("\t".repeat(this.indent) + (decl ? `${line} (void)${decl[1]};` : line));
  }
  lineDirective(node: ts.Node) {
    const sf = node.getSourceFile();
    const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    if (line !== this.lastLine) {
      this.out.push(`#line ${line} ${JSON.stringify(sf.fileName)}`);
      this.lastLine = line;
    }
  }
  tmp(prefix = "t"): string {
    return `${prefix}${++this.ntmp}`;
  }
  atom(name: string): string {
    let i = this.atoms.get(name);
    if (i === undefined) {
      i = this.atoms.size;
      this.atoms.set(name, i);
    }
    return `A_[${i}]`;
  }
  lit(s: string): string {
    let i = this.lits.get(s);
    if (i === undefined) {
      i = this.lits.size;
      this.lits.set(s, i);
    }
    return `L_[${i}]`;
  }
  ic(): string {
    return `&IC_[${this.nics++}]`;
  }

  // ---- types ----
  typeOf(node: ts.Node): ts.Type {
    return this.checker.getTypeAtLocation(node);
  }
  repOfType(t: ts.Type): Rep {
    if (t.flags & ts.TypeFlags.TypeParameter) return "V";
    if (t.isUnion()) {
      if (t.types.every((x) => x.flags & ts.TypeFlags.NumberLike)) return "D";
      if (t.types.every((x) => x.flags & ts.TypeFlags.BooleanLike)) return "B";
      return "V";
    }
    if (t.flags & ts.TypeFlags.NumberLike) return "D";
    if (t.flags & ts.TypeFlags.BooleanLike) return "B";
    return "V";
  }
  isNumType(node: ts.Node) {
    return this.repOfType(this.typeOf(node)) === "D";
  }
  isStringType(t: ts.Type): boolean {
    if (t.isUnion()) return t.types.every((x) => this.isStringType(x));
    return !!(t.flags & ts.TypeFlags.StringLike);
  }
  typeName(t: ts.Type): string | undefined {
    const s = t.getSymbol();
    return s?.getName();
  }
  isArrayType(t: ts.Type): boolean {
    if (t.isUnion()) return false;
    return this.checker.isArrayType(t) || this.checker.isTupleType(t);
  }
  typedKind(t: ts.Type): boolean {
    const n = this.typeName(t);
    return !!n && /^(Int8|Uint8|Uint8Clamped|Int16|Uint16|Int32|Uint32|Float32|Float64)Array$/.test(n);
  }
  /** typed-array element get/set with the kind known statically: rt_tget_u8(o, k) or, for an
   *  index that is an integer C expression (a bitwise result), rt_tget_u8_i(o, (int32_t)k) */
  taGet(t: ts.Type, o: string, k: string, kInt = false): string {
    const sfx = taSuffix[this.typeName(t)!];
    const ik = kInt ? k : this.intExpr(k);
    return ik !== undefined ? `rt_tget_${sfx}_i(${o}, (int64_t)(${ik}))` : `rt_tget_${sfx}(${o}, ${k})`;
  }
  taSet(t: ts.Type, o: string, k: string, v: string, kInt = false): string {
    const sfx = taSuffix[this.typeName(t)!];
    const ik = kInt ? k : this.intExpr(k);
    return ik !== undefined ? `rt_tset_${sfx}_i(${o}, (int64_t)(${ik}), ${v})` : `rt_tset_${sfx}(${o}, ${k}, ${v})`;
  }
  /** ToInt32 / ToUint32 of a value; a result of another bitwise operator stays an integer in C */
  i32of(v: Val): string {
    const x = v.r === "D" ? v.iv ?? this.intExpr(v.c) : undefined;
    return x !== undefined ? `((int32_t)${x})` : `rt_i32(${this.toD(v)})`;
  }
  u32of(v: Val): string {
    const x = v.r === "D" ? v.iv ?? this.intExpr(v.c) : undefined;
    return x !== undefined ? `((uint32_t)${x})` : `rt_u32(${this.toD(v)})`;
  }
  /** declaration of the index temporary k of a typed-array access: int32_t when the index is integer */
  taKey(kv: Val, k: string): { decl: string; int: boolean } {
    const ik = this.intExpr(this.toD(kv));
    return ik !== undefined ? { decl: `int64_t ${k} = (int64_t)(${ik});`, int: true } : { decl: `double ${k} = ${this.toD(kv)};`, int: false };
  }
  /** X when c is `((double)(X))` (or `((double)(T)(X))`): the emitter writes that form only for integer
   *  C expressions (results of bitwise operators, booleans, lengths), so X is an int32/uint32 value */
  intExpr(c: string): string | undefined {
    if (!c.startsWith("((double)(")) return undefined;
    let depth = 0;
    for (let i = 0; i < c.length; i++) {
      if (c[i] === "(") depth++;
      else if (c[i] === ")" && --depth === 0 && i !== c.length - 1) return undefined;
    }
    return c.slice(9, -1);
  }
  /** the value of a top-level `const NAME = <constant number expression>` (folded at every read) */
  constNums = new Map<ts.Symbol, number | undefined>();
  constNum(sym: ts.Symbol): number | undefined {
    if (this.constNums.has(sym)) return this.constNums.get(sym);
    this.constNums.set(sym, undefined); // cycles fold to nothing
    const d = this.declOf(sym);
    let v: number | undefined;
    if (d && ts.isVariableDeclaration(d) && d.initializer && ts.isIdentifier(d.name) && this.isTopLevelDecl(d) &&
        (d.parent.flags & ts.NodeFlags.Const) && !this.unsoundNum.has(sym)) v = this.foldNum(d.initializer);
    this.constNums.set(sym, v);
    return v;
  }
  foldNum(e: ts.Expression): number | undefined {
    while (ts.isParenthesizedExpression(e)) e = e.expression;
    if (ts.isNumericLiteral(e)) return Number(e.text);
    if (ts.isIdentifier(e)) {
      const s = this.symbolOf(e);
      return s && this.globals.has(s) ? this.constNum(s) : undefined;
    }
    if (ts.isPrefixUnaryExpression(e)) {
      const x = this.foldNum(e.operand);
      if (x === undefined) return undefined;
      return e.operator === SK.MinusToken ? -x : e.operator === SK.PlusToken ? x : e.operator === SK.TildeToken ? ~x : undefined;
    }
    if (ts.isBinaryExpression(e)) {
      const a = this.foldNum(e.left), b = a === undefined ? undefined : this.foldNum(e.right);
      if (a === undefined || b === undefined) return undefined;
      switch (e.operatorToken.kind) {
        case SK.PlusToken: return a + b;
        case SK.MinusToken: return a - b;
        case SK.AsteriskToken: return a * b;
        case SK.SlashToken: return a / b;
        case SK.PercentToken: return a % b;
        case SK.AmpersandToken: return a & b;
        case SK.BarToken: return a | b;
        case SK.CaretToken: return a ^ b;
        case SK.LessThanLessThanToken: return a << b;
        case SK.GreaterThanGreaterThanToken: return a >> b;
        case SK.GreaterThanGreaterThanGreaterThanToken: return a >>> b;
      }
    }
    return undefined;
  }
  /** an exact int64_t C form of a number value when it has one: an integer C expression (intExpr) or an integer literal */
  exactInt(v: Val): string | undefined {
    if (v.r !== "D") return undefined;
    const x = this.intExpr(v.c);
    if (x !== undefined) return `(int64_t)(${x})`;
    if (/^\(?-?\d{1,15}\.0\)?$/.test(v.c)) return v.c.replace(".0", "");
    return undefined;
  }
  /** a numeric comparison of two doubles, in integers when both sides are exact integers */
  numCmp(l: Val, r: Val, cop: string): string {
    const li = this.exactInt(l), ri = li !== undefined ? this.exactInt(r) : undefined;
    if (li !== undefined && ri !== undefined) return `(${li} ${cop} ${ri})`;
    return `(${this.toD(l)} ${cop} ${this.toD(r)})`;
  }
  /** an int64_t C expression for a double C expression whose value analyzeInts proved to be an integer */
  i64of(c: string): string {
    const x = this.intExpr(c);
    if (x !== undefined) return `((int64_t)(${x}))`;
    if (/^\(?-?\d+\.0\)?$/.test(c)) return c.replace(".0", "");
    return `((int64_t)(${c}))`;
  }
  /** the read of an integer local: a double for its users, recognized by intExpr */
  intRead(c: string): string {
    return `((double)(int64_t)${c})`;
  }

  // ---- conversions ----
  toV(v: Val): string {
    return v.r === "V" ? v.c : v.vc !== undefined ? v.vc : v.r === "D" ? `rt_num(${v.c})` : `rt_bool(${v.c})`;
  }
  toD(v: Val): string {
    return v.r === "D" ? v.c : v.r === "B" ? `((double)(${v.c}))` : `rt_tonum(${v.c})`;
  }
  toB(v: Val): string {
    return v.r === "B" ? v.c : v.r === "D" ? `rt_dtruthy(${v.c})` : `rt_truthy(${v.c})`;
  }
  to(v: Val, r: Rep): string {
    return r === "V" ? this.toV(v) : r === "D" ? this.toD(v) : this.toB(v);
  }
  ctype(r: Rep): string {
    return r === "D" ? "double" : r === "B" ? "int" : "rt_value";
  }
  toStr(v: Val, node?: ts.Node): string {
    if (v.r === "D") return `rt_num_to_str(${v.c})`;
    if (v.r === "B") return `rt_tostring(rt_bool(${v.c}))`;
    if (node && this.isStringType(this.typeOf(node))) return v.c;
    return `rt_tostring(${v.c})`;
  }

  // ---- analysis ----
  enclosingFn(node: ts.Node): FnNode {
    let n: ts.Node | undefined = node.parent;
    let prev: ts.Node = node;
    while (n) {
      if (ts.isConstructorDeclaration(n)) return n.parent as ts.ClassLikeDeclaration;
      if (ts.isFunctionLike(n) && !ts.isFunctionTypeNode(n) && (n as ts.FunctionLikeDeclaration).body !== undefined) return n;
      if (ts.isPropertyDeclaration(n) && prev === n.initializer && !this.isStatic(n)) return n.parent as ts.ClassLikeDeclaration;
      if (ts.isClassStaticBlockDeclaration(n)) return n.parent as ts.ClassLikeDeclaration;
      if (ts.isSourceFile(n)) return n;
      prev = n;
      n = n.parent;
    }
    return node.getSourceFile();
  }
  isStatic(n: ts.Node): boolean {
    return !!ts.getCombinedModifierFlags(n as ts.Declaration) && (ts.getCombinedModifierFlags(n as ts.Declaration) & ts.ModifierFlags.Static) !== 0;
  }
  declOf(sym: ts.Symbol): ts.Declaration | undefined {
    return sym.valueDeclaration ?? sym.declarations?.[0];
  }
  isTopLevelDecl(d: ts.Node): boolean {
    // declared directly by a top-level statement of its file
    if (ts.isVariableDeclaration(d)) return ts.isVariableStatement(d.parent.parent) && ts.isSourceFile(d.parent.parent.parent);
    if (ts.isBindingElement(d)) {
      let p: ts.Node = d;
      while (ts.isBindingElement(p) || ts.isObjectBindingPattern(p) || ts.isArrayBindingPattern(p)) p = p.parent;
      return ts.isVariableDeclaration(p) && this.isTopLevelDecl(p);
    }
    if (ts.isFunctionDeclaration(d) || ts.isClassDeclaration(d) || ts.isEnumDeclaration(d)) return ts.isSourceFile(d.parent);
    return false;
  }

  analyze(sf: ts.SourceFile) {
    const visit = (n: ts.Node) => {
      if (ts.isIdentifier(n)) {
        const sym = this.symbolOf(n);
        if (sym) {
          const d = this.declOf(sym);
          if (d && d.getSourceFile() === sf && !this.isTopLevelDecl(d) && this.isVarLike(d)) {
            const fd = this.enclosingFn(d);
            const fu = this.enclosingFn(n);
            if (fd !== fu) this.captured.add(sym);
          }
        }
      }
      // number variables that may hold undefined at runtime (unchecked index reads, `!`, casts)
      if (ts.isVariableDeclaration(n) && n.initializer && ts.isIdentifier(n.name) && this.unsoundSource(n.initializer)) {
        const s = this.checker.getSymbolAtLocation(n.name);
        if (s) this.unsoundNum.add(s);
      }
      if (ts.isBinaryExpression(n) && n.operatorToken.kind === SK.EqualsToken && ts.isIdentifier(n.left) && this.unsoundSource(n.right)) {
        const s = this.symbolOf(n.left);
        if (s) this.unsoundNum.add(s);
      }
      // a number variable the program compares with undefined/null may hold undefined (a hole read
      // by for-of or passed to a callback): keep it boxed so the comparison sees it
      if (ts.isBinaryExpression(n) && [SK.EqualsEqualsEqualsToken, SK.ExclamationEqualsEqualsToken, SK.EqualsEqualsToken, SK.ExclamationEqualsToken].includes(n.operatorToken.kind)) {
        const nullish = (x: ts.Expression) => x.kind === SK.NullKeyword || (ts.isIdentifier(x) && x.text === "undefined");
        const other = nullish(n.right) ? n.left : nullish(n.left) ? n.right : undefined;
        if (other && ts.isIdentifier(other)) {
          const s = this.symbolOf(other);
          if (s) this.unsoundNum.add(s);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
    this.analyzeInts(sf);
  }
  /**
   * Number locals that only ever hold integers get a C `int64_t` (exact, no -0, no NaN): a let/const
   * with an initializer, not captured, not boxed, outside generators/async functions, whose every
   * write is an integer expression (integer literal |v| <= 2^31, bitwise operator result, `.length`
   * of a string/array/typed array, another such local, `c ? a : b` of those), `++`/`--`, `+= 1`,
   * `-= 1` or a bitwise compound assignment. Steps of +-1 from values below 2^32 cannot leave the
   * range where doubles are exact (2^53) in any feasible run, so the int64 value always equals
   * the double JS would hold. Reads become `((double)(int64_t)x)`, which the emitter's integer
   * fast paths (intExpr: bitwise operators, typed-array and array indexes, comparisons) recognize.
   */
  analyzeInts(sf: ts.SourceFile) {
    const cands = new Map<ts.Symbol, ts.Expression[]>(); // candidate -> written expressions (undefined-free)
    const bad = new Set<ts.Symbol>();
    const inSuspendable = (n: ts.Node) => {
      const f = this.enclosingFn(n);
      if (ts.isSourceFile(f) || ts.isClassLike(f)) return false;
      const fl = f as ts.FunctionLikeDeclaration;
      return !!fl.asteriskToken || !!ts.getCombinedModifierFlags(fl as ts.Declaration) && (ts.getCombinedModifierFlags(fl as ts.Declaration) & ts.ModifierFlags.Async) !== 0;
    };
    const collect = (n: ts.Node) => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && ts.isVariableDeclarationList(n.parent) &&
          (n.parent.flags & ts.NodeFlags.BlockScoped) && !ts.isForOfStatement(n.parent.parent) && !ts.isForInStatement(n.parent.parent) &&
          !this.isTopLevelDecl(n)) {
        const sym = this.checker.getSymbolAtLocation(n.name);
        if (sym && !this.captured.has(sym) && !this.unsoundNum.has(sym) && this.repOfType(this.checker.getTypeOfSymbolAtLocation(sym, n)) === "D" && !inSuspendable(n))
          cands.set(sym, [n.initializer]);
      }
      ts.forEachChild(n, collect);
    };
    collect(sf);
    if (!cands.size) return;
    const skip = (e: ts.Node): ts.Node => { while (ts.isParenthesizedExpression(e.parent)) e = e.parent; return e.parent; };
    const writes = (n: ts.Node) => {
      if (ts.isIdentifier(n) && !ts.isVariableDeclaration(n.parent)) {
        const sym = this.symbolOf(n);
        if (sym && cands.has(sym) && !bad.has(sym)) {
          let top: ts.Node = n;
          while (ts.isParenthesizedExpression(top.parent)) top = top.parent;
          const p = top.parent;
          if (ts.isBinaryExpression(p) && p.left === top && p.operatorToken.kind >= SK.FirstAssignment && p.operatorToken.kind <= SK.LastAssignment) {
            const k = p.operatorToken.kind;
            const one = ts.isNumericLiteral(p.right) && Number(p.right.text) === 1;
            if (k === SK.EqualsToken) cands.get(sym)!.push(p.right);
            else if ((k === SK.PlusEqualsToken || k === SK.MinusEqualsToken) && one) { /* a step of 1 */ }
            else if (![SK.AmpersandEqualsToken, SK.BarEqualsToken, SK.CaretEqualsToken, SK.LessThanLessThanEqualsToken,
              SK.GreaterThanGreaterThanEqualsToken, SK.GreaterThanGreaterThanGreaterThanEqualsToken].includes(k)) bad.add(sym);
          } else if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === SK.PlusPlusToken || p.operator === SK.MinusMinusToken)) {
            /* a step of 1 */
          } else {
            // a destructuring assignment target or a for-of/for-in head: not an integer write
            let q: ts.Node = top, up = skip(top);
            while (ts.isArrayLiteralExpression(up) || ts.isObjectLiteralExpression(up) || ts.isPropertyAssignment(up) || ts.isShorthandPropertyAssignment(up) ||
                   ts.isSpreadElement(up) || ts.isSpreadAssignment(up)) { q = up; up = skip(up); }
            if ((ts.isBinaryExpression(up) && up.left === q && up.operatorToken.kind === SK.EqualsToken) ||
                ((ts.isForOfStatement(up) || ts.isForInStatement(up)) && up.initializer === q)) bad.add(sym);
          }
        }
      }
      ts.forEachChild(n, writes);
    };
    writes(sf);
    const isInt = (e: ts.Expression): boolean => {
      while (ts.isParenthesizedExpression(e)) e = e.expression;
      if (ts.isNumericLiteral(e)) { const v = Number(e.text); return Number.isInteger(v) && v <= 2 ** 31; }
      if (ts.isPrefixUnaryExpression(e)) {
        if (e.operator === SK.TildeToken) return true;
        if (e.operator === SK.MinusToken && ts.isNumericLiteral(e.operand)) { const v = Number(e.operand.text); return Number.isInteger(v) && v > 0 && v <= 2 ** 31; }
        return false;
      }
      if (ts.isBinaryExpression(e)) return [SK.AmpersandToken, SK.BarToken, SK.CaretToken, SK.LessThanLessThanToken, SK.GreaterThanGreaterThanToken,
        SK.GreaterThanGreaterThanGreaterThanToken].includes(e.operatorToken.kind);
      if (ts.isConditionalExpression(e)) return isInt(e.whenTrue) && isInt(e.whenFalse);
      if (ts.isIdentifier(e)) { const s = this.symbolOf(e); return !!s && cands.has(s) && !bad.has(s); }
      if (ts.isPropertyAccessExpression(e) && e.name.text === "length" && !e.questionDotToken) {
        const t = this.typeOf(e.expression);
        return this.isStringType(t) || this.isArrayType(t) || this.typedKind(t);
      }
      return false;
    };
    for (let changed = true; changed;) {
      changed = false;
      for (const [sym, ws] of cands) if (!bad.has(sym) && !ws.every(isInt)) { bad.add(sym); changed = true; }
    }
    for (const sym of cands.keys()) if (!bad.has(sym)) this.intLocals.add(sym);
  }
  unsoundSource(e: ts.Expression): boolean {
    while (ts.isParenthesizedExpression(e)) e = e.expression;
    if (ts.isElementAccessExpression(e)) return !this.typedKind(this.typeOf(e.expression));
    if (ts.isNonNullExpression(e) || ts.isAsExpression(e) || ts.isTypeAssertionExpression(e)) return true;
    if (ts.isConditionalExpression(e)) return this.unsoundSource(e.whenTrue) || this.unsoundSource(e.whenFalse);
    if (ts.isBinaryExpression(e) && (e.operatorToken.kind === SK.BarBarToken || e.operatorToken.kind === SK.AmpersandAmpersandToken || e.operatorToken.kind === SK.QuestionQuestionToken))
      return this.unsoundSource(e.left) || this.unsoundSource(e.right);
    return false;
  }
  isVarLike(d: ts.Node): boolean {
    return (
      ts.isVariableDeclaration(d) || ts.isParameter(d) || ts.isBindingElement(d) || ts.isFunctionDeclaration(d) ||
      ts.isClassDeclaration(d) || ts.isEnumDeclaration(d)
    );
  }
  /** the symbol a declaration name introduces (parameter properties: the parameter's) */
  declSym(id: ts.Identifier): ts.Symbol {
    const p = id.parent;
    if (ts.isParameter(p) && ts.isParameterPropertyDeclaration(p, p.parent)) {
      const [param] = this.checker.getSymbolsOfParameterPropertyDeclaration(p, id.text);
      if (param) return param;
    }
    return this.checker.getSymbolAtLocation(id)!;
  }
  symbolOf(id: ts.Identifier): ts.Symbol | undefined {
    let s = this.checker.getSymbolAtLocation(id);
    if (!s) return undefined;
    if (ts.isShorthandPropertyAssignment(id.parent) && id.parent.name === id) {
      s = this.checker.getShorthandAssignmentValueSymbol(id.parent) ?? s;
    }
    if (s.flags & ts.SymbolFlags.Alias) s = this.checker.getAliasedSymbol(s);
    return s;
  }

  // ---- variables ----
  varRep(sym: ts.Symbol, decl: ts.Node): Rep {
    const t = this.checker.getTypeOfSymbolAtLocation(sym, decl);
    const r = this.repOfType(t);
    if (r === "D" && this.unsoundNum.has(sym)) return "V";
    return r;
  }
  declareLocal(sym: ts.Symbol, decl: ts.Node, init: string | undefined, perIter = false): VarInfo {
    const pre = this.ctx.vars.get(sym);
    if (pre && pre.kind === "cell" && this.predeclared.has(sym)) {
      this.predeclared.delete(sym);
      this.emit(`rt_cellp(${pre.c})->v = ${init ?? "RT_UNDEF"};`);
      return pre;
    }
    const name = `${this.safeName(sym.getName())}_${++this.ntmp}`;
    const vol = this.ctx.volatileLocals ? "volatile " : "";
    if (this.captured.has(sym)) {
      const vi: VarInfo = { kind: "cell", c: name, rep: "V" };
      this.emit(`${vol}rt_value ${name} = rt_new_cell(${init ?? "RT_UNDEF"});`);
      this.ctx.vars.set(sym, vi);
      void perIter;
      return vi;
    }
    const rep = this.varRep(sym, decl);
    if (rep === "D" && init !== undefined && this.intLocals.has(sym)) {
      const vi: VarInfo = { kind: "local", c: name, rep, int: true };
      this.emit(`${vol}int64_t ${name} = ${this.i64of(init)}; (void)${name};`);
      this.ctx.vars.set(sym, vi);
      return vi;
    }
    const vi: VarInfo = { kind: "local", c: name, rep };
    this.emit(`${vol}${this.ctype(rep)} ${name} = ${init ?? (rep === "D" ? "__builtin_nan(\"\")" : rep === "B" ? "0" : "RT_UNDEF")};`);
    this.ctx.vars.set(sym, vi);
    return vi;
  }
  safeName(s: string) {
    return s.replace(/[^A-Za-z0-9_]/g, "_");
  }
  declareGlobal(sym: ts.Symbol, decl: ts.Node): VarInfo {
    const rep = this.varRep(sym, decl);
    let vi: VarInfo;
    if (rep === "V") vi = { kind: "global", c: `G_[${this.nG++}]`, rep };
    else {
      const name = `g_${this.safeName(sym.getName())}_${++this.ntmp}`;
      this.globalDecls.push(`static ${this.ctype(rep)} ${name};`);
      vi = { kind: "global", c: name, rep };
    }
    this.globals.set(sym, vi);
    return vi;
  }
  /** the C lvalue and rep for reading/writing a variable from the current function */
  lookup(sym: ts.Symbol, node: ts.Node): { c: string; rep: Rep; int?: boolean } {
    const g = this.globals.get(sym);
    if (g) return { c: g.c, rep: g.rep };
    const loc = this.ctx.vars.get(sym);
    if (loc) return loc.kind === "cell" ? { c: `rt_cellp(${loc.c})->v`, rep: "V" } : { c: loc.c, rep: loc.rep, int: loc.int };
    // captured from an enclosing function (may still be in its temporal dead zone)
    const i = this.capture(this.ctx, sym, node);
    return { c: `rt_cellp(self->cap[${i}])->v`, rep: "V" };
  }
  capture(ctx: FnCtx, sym: ts.Symbol | string, node: ts.Node): number {
    let i = ctx.capIndex.get(sym);
    if (i === undefined) {
      if (!ctx.parent) this.err(node, `internal: '${typeof sym === "string" ? sym : sym.getName()}' is not in scope here`);
      i = ctx.caps.length;
      ctx.caps.push(sym);
      ctx.capIndex.set(sym, i);
    }
    return i;
  }
  /** the C expression of the cell holding sym, in ctx (for closure creation) */
  cellIn(ctx: FnCtx, sym: ts.Symbol, node: ts.Node): string {
    const loc = ctx.vars.get(sym);
    if (loc) {
      if (loc.kind !== "cell") this.err(node, `internal: captured variable '${sym.getName()}' has no cell`);
      return loc.c;
    }
    return `self->cap[${this.capture(ctx, sym, node)}]`;
  }

  // ---- program ----
  run(files: ts.SourceFile[]): string {
    for (const f of files) this.analyze(f);
    const inits: string[] = [];
    for (const f of files) {
      this.curFile = f;
      const name = `mod_${++this.nfn}`;
      this.compileModule(f, name);
      inits.push(name);
    }
    const head: string[] = [];
    head.push(`/* generated by the rumpsdk compiler from ${path.basename(files[files.length - 1].fileName)}: do not edit */`);
    head.push(`#include <rt/rt.h>`);
    head.push(`#include <rt/rtx.h>`);
    for (const x of this.externs) head.push(x);
    head.push(`static rt_string *A_[${Math.max(1, this.atoms.size)}];`);
    head.push(`static rt_value L_[${Math.max(1, this.lits.size)}];`);
    head.push(`static rt_ic IC_[${Math.max(1, this.nics)}];`);
    head.push(`static rt_value G_[${Math.max(1, this.nG)}];`);
    head.push(...this.globalDecls);
    head.push(...this.protos);
    const tail: string[] = [];
    tail.push(`void rt_app_main(void) {`);
    tail.push(`\tfor (int i = 0; i < ${Math.max(1, this.nG)}; i++) G_[i] = RT_UNDEF;`);
    tail.push(`\trt_gc_add_roots(G_, ${Math.max(1, this.nG)});`);
    tail.push(`\trt_gc_add_roots(L_, ${Math.max(1, this.lits.size)});`);
    tail.push(`\trt_gc_add_root_ptrs((void **)A_, ${Math.max(1, this.atoms.size)});`);
    tail.push(`\trt_register_ics(IC_, ${Math.max(1, this.nics)});`);
    // keys and literals: the runtime's string objects laid out here, interned by pointer (strings.ts)
    const table = (name: string, m: Map<string, number>, init: string) => {
      if (!m.size) return;
      head.push(staticStrings(`${name}S_`, [...m.keys()]));
      tail.push(`\t${init}(${name}_, &${name}S_, ${m.size});`);
    };
    table("A", this.atoms, "rt_atoms_init");
    table("L", this.lits, "rt_lits_init");
    for (const m of inits) tail.push(`\t${m}();`);
    tail.push(`}`);
    return [...head, ...this.bodies, ...tail].join("\n") + "\n";
  }

  compileModule(sf: ts.SourceFile, name: string) {
    this.ctx = new FnCtx(sf, undefined, name);
    this.ctx.volatileLocals = this.containsTry(sf);
    this.out = [];
    this.indent = 1;
    // declare top-level bindings (hoisted): functions first
    for (const st of sf.statements) {
      if (ts.isVariableStatement(st)) {
        if (st.modifiers?.some((m) => m.kind === SK.DeclareKeyword)) continue;
        for (const d of st.declarationList.declarations) this.forEachBinding(d.name, (id) => {
          const s = this.checker.getSymbolAtLocation(id);
          if (s) this.declareGlobal(s, id);
        });
      } else if (ts.isFunctionDeclaration(st) && st.name && st.body) {
        const s = this.checker.getSymbolAtLocation(st.name)!;
        this.globals.set(s, { kind: "global", c: `G_[${this.nG++}]`, rep: "V" });
      } else if (ts.isClassDeclaration(st) && st.name) {
        const s = this.checker.getSymbolAtLocation(st.name)!;
        this.globals.set(s, { kind: "global", c: `G_[${this.nG++}]`, rep: "V" });
      } else if (ts.isEnumDeclaration(st)) {
        const s = this.checker.getSymbolAtLocation(st.name)!;
        if (!this.globals.has(s)) this.globals.set(s, { kind: "global", c: `G_[${this.nG++}]`, rep: "V" });
      }
    }
    // hoisted function objects, from one table (rt_funcs_init) when they capture nothing
    const rows: string[] = [];
    for (const st of sf.statements) {
      if (!ts.isFunctionDeclaration(st) || !st.name || !st.body) continue;
      const sym = this.checker.getSymbolAtLocation(st.name)!;
      const fv = this.funcValue(st, st.name.text);
      const plain = this.lastPlain;
      const target = this.lookup(sym, st).c;
      if (plain?.ctor) rows.push(`{${plain.cname}, ${cstr(st.name.text)}, ${plain.length}, &${target}}`);
      else this.emit(`${target} = ${fv};`);
    }
    if (rows.length) {
      const t = this.tmp("funcs");
      this.emit(`static const rt_funcdef ${t}[] = {${rows.join(", ")}};`);
      this.emit(`rt_funcs_init(${t}, ${rows.length});`);
    }
    for (const st of sf.statements) this.stmt(st);
    this.protos.push(`static void ${name}(void);`);
    this.bodies.push(`static void ${name}(void) {\n\trt_function *self = 0; (void)self;\n\trt_value this_ = RT_UNDEF; (void)this_;\n${this.out.join("\n")}\n}`);
  }

  forEachBinding(name: ts.BindingName, f: (id: ts.Identifier) => void) {
    if (ts.isIdentifier(name)) f(name);
    else for (const el of name.elements) if (!ts.isOmittedExpression(el)) this.forEachBinding(el.name, f);
  }

  // ---- functions ----
  /** Compiles a function-like node into a C function; returns the C expression creating its closure. */
  funcValue(fn: ts.SignatureDeclaration, name: string, opts: { method?: boolean; home?: string } = {}): string {
    const body = (fn as ts.FunctionLikeDeclaration).body;
    if (!body) this.err(fn, "a function without a body cannot be compiled");
    const fl = fn as ts.FunctionLikeDeclaration;
    const isAsync = (ts.getCombinedModifierFlags(fn as ts.Declaration) & ts.ModifierFlags.Async) !== 0;
    const cname = `f_${++this.nfn}_${this.safeName(name || "anon")}`;
    const ctx = new FnCtx(fn, this.ctx, cname);
    const saved = { ctx: this.ctx, out: this.out, indent: this.indent, lastLine: this.lastLine };
    this.ctx = ctx;
    this.out = [];
    this.indent = 1;
    this.lastLine = -1;
    ctx.volatileLocals = this.containsTry(body);
    if (fl.asteriskToken || isAsync) {
      checkSuspendPlacement(body, (n, m) => this.err(n, m));
      ctx.susp = new Susp(fl.asteriskToken ? (isAsync ? "agen" : "gen") : "async", cname);
    }
    if (ts.isFunctionExpression(fn) && fn.name) {
      // a named function expression sees its own name
      const sym = this.checker.getSymbolAtLocation(fn.name);
      if (sym) {
        this.emit(`rt_value self_${this.ntmp + 1} = rt_new_cell(rt_box_ptr(self));`);
        ctx.vars.set(sym, { kind: "cell", c: `self_${++this.ntmp}`, rep: "V" });
      }
    }
    // direct typed entry for top-level function declarations
    const direct = this.directInfo(fn);
    this.params(fn, direct !== undefined);
    if (ts.isBlock(body)) {
      this.hoistBlock(body.statements);
      for (const st of body.statements) this.stmt(st);
      if (direct && direct.ret !== "void") this.emit(`return ${direct.ret === "D" ? "__builtin_nan(\"\")" : direct.ret === "B" ? "0" : "RT_UNDEF"};`);
      else if (!direct) this.emit("return RT_UNDEF;");
    } else {
      if (ctx.susp) emitSuspensions(this, { kind: SK.ReturnStatement, expression: body } as unknown as ts.Statement);
      const v = this.expr(body);
      if (direct) this.emit(direct.ret === "void" ? `(void)(${v.c}); return;` : `return ${this.to(v, direct.ret)};`);
      else this.emit(`return ${this.toV(v)};`);
    }
    const code = this.out.join("\n");
    this.ctx = saved.ctx;
    this.out = saved.out;
    this.indent = saved.indent;
    this.lastLine = saved.lastLine;
    if (ctx.susp) {
      const r = ctx.susp.finish(code, ctx.volatileLocals, cname);
      this.protos.push(...r.protos);
      this.bodies.push(...r.bodies);
      return this.closureExpr(ctx, cname, name, this.paramLength(fn), opts.home);
    }
    const pre = `\tRT_STACK_CHECK();\n\t(void)self; (void)this_; (void)argc; (void)argv;`;
    if (direct) {
      const ps = direct.params.map((r, i) => `${this.ctype(r)} p${i}`).join(", ") || "void";
      const rt = direct.ret === "void" ? "void" : this.ctype(direct.ret);
      this.protos.push(`static ${rt} ${direct.name}(${ps});`);
      this.bodies.push(`static ${rt} ${direct.name}(${ps}) {\n\trt_function *self = 0; rt_value this_ = RT_UNDEF; int argc = 0; const rt_value *argv = 0;\n${pre}\n${code}\n}`);
      // generic entry: unpack arguments and call the direct one
      const args = direct.params.map((r, i) => {
        const a = `(${i} < argc ? argv[${i}] : RT_UNDEF)`;
        return r === "V" ? a : r === "D" ? `rt_tonum(${a})` : `rt_truthy(${a})`;
      });
      const call = `${direct.name}(${args.join(", ")})`;
      this.protos.push(`static rt_value ${cname}(rt_function *self, rt_value this_, int argc, const rt_value *argv);`);
      this.bodies.push(`static rt_value ${cname}(rt_function *self, rt_value this_, int argc, const rt_value *argv) {\n\t(void)self; (void)this_;\n\t${direct.ret === "void" ? `${call}; return RT_UNDEF;` : `return ${this.toV({ c: call, r: direct.ret })};`}\n}`);
    } else {
      this.protos.push(`static rt_value ${cname}(rt_function *self, rt_value this_, int argc, const rt_value *argv);`);
      this.bodies.push(`static rt_value ${cname}(rt_function *self, rt_value this_, int argc, const rt_value *argv) {\n${pre}\n${code}\n}`);
    }
    return this.closureExpr(ctx, cname, name, this.paramLength(fn), opts.home);
  }

  // the last closure closureExpr made, when it captures nothing (class methods and module functions from tables)
  lastPlain?: { cname: string; length: number; ctor: boolean };

  closureExpr(ctx: FnCtx, cname: string, name: string, length: number, home?: string): string {
    const ncap = ctx.caps.length;
    const fname = name ? cstr(name) : "0";
    const nonCtor = !ts.isFunctionDeclaration(ctx.node as ts.Node) && !ts.isFunctionExpression(ctx.node as ts.Node);
    const mk = nonCtor ? "rt_func_new_nc" : "rt_func_new";
    this.lastPlain = ncap === 0 ? { cname, length, ctor: !nonCtor } : undefined;
    if (ncap === 0 && !home) return `${mk}(${cname}, ${fname}, ${length}, 0)`;
    const f = this.tmp("fn");
    const parts = [`rt_value ${f} = ${mk}(${cname}, ${fname}, ${length}, ${ncap});`];
    // resolving cells in the parent may add captures to the parent: fine, it is still being compiled
    ctx.caps.forEach((sym, i) => parts.push(`((rt_function *)rt_ptr(${f}))->cap[${i}] = ${this.capSource(sym, ctx.node as ts.Node)};`));
    if (home) parts.push(`((rt_function *)rt_ptr(${f}))->home = ${home};`);
    return `({ ${parts.join(" ")} ${f}; })`;
  }

  paramLength(fn: ts.SignatureDeclaration): number {
    let n = 0;
    for (const p of fn.parameters) {
      if (p.initializer || p.dotDotDotToken) break;
      if (ts.isIdentifier(p.name) && p.name.text === "this") continue;
      n++;
    }
    return n;
  }

  directInfo(fn: ts.SignatureDeclaration): { name: string; params: Rep[]; ret: Rep | "void" } | undefined {
    if (!ts.isFunctionDeclaration(fn) || !fn.name || !ts.isSourceFile(fn.parent)) return undefined;
    if (fn.asteriskToken || (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Async)) return undefined; // state machines (suspend.ts)
    const sym = this.checker.getSymbolAtLocation(fn.name)!;
    const known = this.directFns.get(sym);
    if (known) return known;
    if (fn.typeParameters) return undefined;
    for (const p of fn.parameters) {
      if (!ts.isIdentifier(p.name) || p.initializer || p.questionToken || p.dotDotDotToken || p.name.text === "this") return undefined;
    }
    if (this.usesThisOrArguments(fn.body!)) return undefined;
    const sig = this.checker.getSignatureFromDeclaration(fn)!;
    const rt = this.checker.getReturnTypeOfSignature(sig);
    const ret: Rep | "void" = rt.flags & (ts.TypeFlags.Void | ts.TypeFlags.Never) ? "void" : this.repOfType(rt);
    const params = fn.parameters.map((p) => this.varRep(this.checker.getSymbolAtLocation(p.name)!, p));
    const info = { name: `d_${++this.nfn}_${this.safeName(fn.name.text)}`, params, ret };
    this.directFns.set(sym, info);
    return info;
  }
  usesThisOrArguments(n: ts.Node): boolean {
    let found = false;
    const v = (x: ts.Node) => {
      if (found) return;
      if (x.kind === SK.ThisKeyword) { found = true; return; }
      if (ts.isFunctionDeclaration(x) || ts.isFunctionExpression(x) || ts.isClassLike(x)) return;
      ts.forEachChild(x, v);
    };
    v(n);
    return found;
  }
  containsTry(n: ts.Node): boolean {
    let found = false;
    const v = (x: ts.Node) => {
      if (found) return;
      if (ts.isTryStatement(x)) { found = true; return; }
      if (ts.isFunctionLike(x)) return;
      ts.forEachChild(x, v);
    };
    ts.forEachChild(n, v);
    return found;
  }

  params(fn: ts.SignatureDeclaration, direct: boolean) {
    let i = 0;
    for (const p of fn.parameters) {
      if (ts.isIdentifier(p.name) && p.name.text === "this") continue;
      const idx = i++;
      if (direct) {
        const sym = this.declSym(p.name as ts.Identifier);
        const rep = this.varRep(sym, p);
        if (this.captured.has(sym)) this.declareLocal(sym, p, this.toV({ c: `p${idx}`, r: rep }));
        else this.ctx.vars.set(sym, { kind: "local", c: `p${idx}`, rep });
        continue;
      }
      let src: Val;
      if (p.dotDotDotToken) src = { c: `rt_rest(argc, argv, ${idx})`, r: "V" };
      else src = { c: `(${idx} < argc ? argv[${idx}] : RT_UNDEF)`, r: "V" };
      if (p.initializer) {
        const t = this.tmp("a");
        this.emit(`rt_value ${t} = ${src.c};`);
        this.emit(`if (${t} == RT_UNDEF) {`);
        this.indent++;
        this.emit(`${t} = ${this.toV(this.expr(p.initializer))};`);
        this.indent--;
        this.emit(`}`);
        src = { c: t, r: "V" };
      }
      this.bindPattern(p.name, src, true);
    }
    // constructor parameter properties are assigned by the class compiler
  }

  /** Binds a (possibly destructuring) name to a value: declares variables when `declare`. */
  bindPattern(name: ts.BindingName, v: Val, declare: boolean) {
    if (ts.isIdentifier(name)) {
      const sym = this.declSym(name);
      if (declare) {
        if (this.globals.has(sym)) {
          const g = this.globals.get(sym)!;
          this.emit(`${g.c} = ${this.to(v, g.rep)};`);
        } else if (this.captured.has(sym)) this.declareLocal(sym, name, this.toV(v));
        else {
          const rep = this.varRep(sym, name);
          this.declareLocal(sym, name, this.to(v, rep));
        }
      } else {
        const t = this.lookup(sym, name);
        if (t.int) this.err(name, "internal: destructuring into an integer local");
        this.emit(`${t.c} = ${this.to(v, t.rep)};`);
      }
      return;
    }
    const src = this.tmp("d");
    this.emit(`rt_value ${src} = ${this.toV(v)};`);
    if (ts.isArrayBindingPattern(name)) {
      const n = name.elements.some((el) => !ts.isOmittedExpression(el) && el.dotDotDotToken) ? -1 : name.elements.length;
      this.emit(`if (!rt_is_array(${src})) ${src} = ${n < 0 ? `rt_array_from_iterable(${src})` : `rt_array_from_iterable_n(${src}, ${n})`};`);
      name.elements.forEach((el, i) => {
        if (ts.isOmittedExpression(el)) return;
        let val: Val;
        if (el.dotDotDotToken) val = { c: `rt_array_slice_from(${src}, ${i})`, r: "V" };
        else val = { c: `rt_aget(${src}, ${i})`, r: "V" };
        this.bindElement(el.name, val, el.initializer, declare);
      });
    } else {
      const used: string[] = [];
      this.emit(`if (rt_is_nullish(${src})) rt_throw_type("Cannot destructure a null or undefined value");`);
      for (const el of name.elements) {
        if (el.dotDotDotToken) {
          const keys = used.map((k) => `rt_box_ptr(${this.atom(k)})`);
          const arr = keys.length ? `rt_array_of(${keys.length}, (rt_value[]){${keys.join(", ")}})` : "rt_array_new(0, 0)";
          this.bindElement(el.name, { c: `rt_obj_rest(${src}, ${arr})`, r: "V" }, undefined, declare);
          continue;
        }
        const pn = el.propertyName ?? (el.name as ts.Identifier);
        let val: Val;
        if (ts.isComputedPropertyName(pn)) {
          val = { c: `rt_get_index(${src}, ${this.toV(this.expr(pn.expression))})`, r: "V" };
        } else {
          const key = this.propName(pn);
          used.push(key);
          val = { c: `rt_get_ic(${src}, ${this.atom(key)}, ${this.ic()})`, r: "V" };
        }
        this.bindElement(el.name, val, el.initializer, declare);
      }
    }
  }
  bindElement(name: ts.BindingName, val: Val, init: ts.Expression | undefined, declare: boolean) {
    if (init) {
      const t = this.tmp("e");
      this.emit(`rt_value ${t} = ${val.c};`);
      this.emit(`if (${t} == RT_UNDEF) {`);
      this.indent++;
      this.emit(`${t} = ${this.toV(this.expr(init))};`);
      this.indent--;
      this.emit(`}`);
      val = { c: t, r: "V" };
    }
    this.bindPattern(name, val, declare);
  }
  /** the property key of a member name: `#x` of different classes are different keys */
  privKeys = new Map<ts.Node, string>();
  mkey(n: ts.MemberName): string {
    if (!ts.isPrivateIdentifier(n)) return n.text;
    const d = this.checker.getSymbolAtLocation(n)?.valueDeclaration;
    if (!d) return n.text;
    let k = this.privKeys.get(d);
    if (!k) {
      const taken = new Set(this.privKeys.values());
      k = n.text;
      for (let i = 2; taken.has(k); i++) k = `${n.text}~${i}`;
      this.privKeys.set(d, k);
    }
    return k;
  }
  propName(pn: ts.PropertyName): string {
    if (ts.isIdentifier(pn) || ts.isPrivateIdentifier(pn)) return pn.text;
    if (ts.isStringLiteral(pn) || ts.isNoSubstitutionTemplateLiteral(pn)) return pn.text;
    if (ts.isNumericLiteral(pn)) return String(Number(pn.text));
    this.err(pn, "unsupported property name");
  }

  predeclared = new Set<ts.Symbol>();
  enumsMade = new Set<ts.Symbol>();
  hoistBlock(stmts: ts.NodeArray<ts.Statement>) {
    // captured let/const/class bindings exist (in their temporal dead zone) from the block's start
    for (const st of stmts) {
      const ids: ts.Identifier[] = [];
      if (ts.isVariableStatement(st) && !st.modifiers?.some((m) => m.kind === SK.DeclareKeyword))
        for (const d of st.declarationList.declarations) this.forEachBinding(d.name, (id) => ids.push(id));
      else if (ts.isClassDeclaration(st) && st.name) ids.push(st.name);
      for (const id of ids) {
        const sym = this.checker.getSymbolAtLocation(id);
        if (!sym || !this.captured.has(sym) || this.globals.has(sym) || this.ctx.vars.has(sym)) continue;
        const name = `${this.safeName(sym.getName())}_${++this.ntmp}`;
        this.emit(`${this.ctx.volatileLocals ? "volatile " : ""}rt_value ${name} = rt_new_cell(RT_HOLE);`);
        this.ctx.vars.set(sym, { kind: "cell", c: name, rep: "V" });
        this.predeclared.add(sym);
      }
    }
    // function declarations are hoisted to the top of their block
    for (const st of stmts) {
      if (ts.isFunctionDeclaration(st) && st.name && st.body) {
        const sym = this.checker.getSymbolAtLocation(st.name)!;
        if (this.globals.has(sym)) continue;
        this.declareLocal(sym, st, "RT_UNDEF");
      }
    }
    for (const st of stmts) {
      if (ts.isFunctionDeclaration(st) && st.name && st.body) {
        const sym = this.checker.getSymbolAtLocation(st.name)!;
        if (this.globals.has(sym) && ts.isSourceFile(st.parent)) continue;
        const fv = this.funcValue(st, st.name.text);
        this.emit(`${this.lookup(sym, st).c} = ${fv};`);
      }
    }
  }

  // ---- statements ----
  stmt(s: ts.Statement) {
    this.lineDirective(s);
    if (this.ctx.susp) emitSuspensions(this, s);
    switch (s.kind) {
      case SK.VariableStatement: {
        const vs = s as ts.VariableStatement;
        if (vs.modifiers?.some((m) => m.kind === SK.DeclareKeyword)) return;
        this.varDeclList(vs.declarationList);
        return;
      }
      case SK.ExpressionStatement: {
        const v = this.expr((s as ts.ExpressionStatement).expression, true);
        this.emit(`(void)(${v.c});`);
        return;
      }
      case SK.FunctionDeclaration:
        return; // hoisted
      case SK.ClassDeclaration: {
        const cd = s as ts.ClassDeclaration;
        if (cd.modifiers?.some((m) => m.kind === SK.DeclareKeyword)) return;
        const sym = this.checker.getSymbolAtLocation(cd.name!)!;
        if (!this.globals.has(sym)) this.declareLocal(sym, cd, "RT_UNDEF");
        const cv = this.classValue(cd);
        this.emit(`${this.lookup(sym, cd).c} = ${cv};`);
        return;
      }
      case SK.InterfaceDeclaration:
      case SK.TypeAliasDeclaration:
      case SK.EmptyStatement:
        return;
      case SK.ImportDeclaration:
        return;
      case SK.ExportDeclaration:
      case SK.ExportAssignment:
        if (ts.isExportAssignment(s)) this.err(s, "export default of an expression is not supported: export a named declaration");
        return;
      case SK.EnumDeclaration:
        return this.enumDecl(s as ts.EnumDeclaration);
      case SK.ModuleDeclaration:
        this.err(s, "namespaces are not supported: use a module or an object");
      // falls through
      case SK.Block: {
        const b = s as ts.Block;
        this.emit("{");
        this.indent++;
        this.hoistBlock(b.statements);
        for (const x of b.statements) this.stmt(x);
        this.indent--;
        this.emit("}");
        return;
      }
      case SK.IfStatement: {
        const is = s as ts.IfStatement;
        this.emit(`if (${this.cond(is.expression)}) {`);
        this.indent++;
        this.stmtBlock(is.thenStatement);
        this.indent--;
        if (is.elseStatement) {
          this.emit("} else {");
          this.indent++;
          this.stmtBlock(is.elseStatement);
          this.indent--;
        }
        this.emit("}");
        return;
      }
      case SK.ReturnStatement: {
        const rs = s as ts.ReturnStatement;
        const direct = this.directInfo(this.ctx.node as ts.SignatureDeclaration);
        let val = "RT_UNDEF";
        if (direct) {
          if (direct.ret === "void") {
            if (rs.expression) this.emit(`(void)(${this.expr(rs.expression).c});`);
            this.unwindAll();
            this.emit("return;");
            return;
          }
          val = rs.expression ? this.to(this.expr(rs.expression), direct.ret) : direct.ret === "D" ? "__builtin_nan(\"\")" : direct.ret === "B" ? "0" : "RT_UNDEF";
          if (this.ctx.jumps.some((j) => j.kind === "try" || j.kind === "finally")) {
            const t = this.tmp("r");
            this.emit(`${this.ctype(direct.ret)} ${t} = ${val};`);
            this.unwindAll();
            this.emit(`return ${t};`);
          } else this.emit(`return ${val};`);
          return;
        }
        if (rs.expression) val = this.toV(this.expr(rs.expression));
        if (rs.expression && this.ctx.susp?.kind === "agen") {
          // return in an async generator awaits its operand
          const t = this.tmp("r");
          this.emit(`rt_value ${t} = ${val};`);
          emitAwait(this, t);
          val = t;
        }
        if (this.isCtor(this.ctx.node) && !rs.expression) val = "this_";
        if (this.ctx.jumps.some((j) => j.kind === "try" || j.kind === "finally" || j.aiter)) {
          const t = this.tmp("r");
          this.emit(`rt_value ${t} = ${val};`);
          this.unwindAll();
          this.emit(`return ${t};`);
        } else this.emit(`return ${val};`);
        return;
      }
      case SK.WhileStatement: {
        const ws = s as ts.WhileStatement;
        const j = this.pushLoop(s);
        this.emit(`for (;;) {`);
        this.indent++;
        this.emit(`if (!(${this.cond(ws.expression)})) break;`);
        this.stmtBlock(ws.statement);
        this.indent--;
        this.emit(`${j.cont}: __attribute__((unused));`);
        this.emit(`}`);
        this.emit(`${j.brk}: __attribute__((unused));`);
        this.ctx.jumps.pop();
        return;
      }
      case SK.DoStatement: {
        const ds = s as ts.DoStatement;
        const j = this.pushLoop(s);
        this.emit(`for (;;) {`);
        this.indent++;
        this.stmtBlock(ds.statement);
        this.emit(`${j.cont}: __attribute__((unused));`);
        this.emit(`if (!(${this.cond(ds.expression)})) break;`);
        this.indent--;
        this.emit(`}`);
        this.emit(`${j.brk}: __attribute__((unused));`);
        this.ctx.jumps.pop();
        return;
      }
      case SK.ForStatement:
        return this.forStmt(s as ts.ForStatement);
      case SK.ForOfStatement:
        return this.forOf(s as ts.ForOfStatement);
      case SK.ForInStatement:
        return this.forIn(s as ts.ForInStatement);
      case SK.BreakStatement:
      case SK.ContinueStatement: {
        const bs = s as ts.BreakOrContinueStatement;
        const isBreak = s.kind === SK.BreakStatement;
        const label = bs.label?.text;
        const js = this.ctx.jumps;
        for (let i = js.length - 1; i >= 0; i--) {
          const j = js[i];
          const match = label ? j.labels.includes(label) && (isBreak || j.kind === "loop") : isBreak ? j.kind === "loop" || j.kind === "switch" : j.kind === "loop";
          if (match) {
            this.unwindTo(i + 1);
            this.emit(`goto ${isBreak ? j.brk : j.cont};`);
            return;
          }
        }
        this.err(s, "break/continue target not found");
      }
      // falls through
      case SK.ThrowStatement: {
        const v = this.toV(this.expr((s as ts.ThrowStatement).expression));
        this.emit(`rt_throw(${v});`);
        return;
      }
      case SK.TryStatement:
        return this.tryStmt(s as ts.TryStatement);
      case SK.SwitchStatement:
        return this.switchStmt(s as ts.SwitchStatement);
      case SK.LabeledStatement: {
        const ls = s as ts.LabeledStatement;
        const labels = [ls.label.text];
        let inner: ts.Statement = ls.statement;
        while (ts.isLabeledStatement(inner)) {
          labels.push(inner.label.text);
          inner = inner.statement;
        }
        if (ts.isForStatement(inner) || ts.isForOfStatement(inner) || ts.isForInStatement(inner) || ts.isWhileStatement(inner) || ts.isDoStatement(inner)) {
          this.pendingLabels = labels;
          this.stmt(inner);
          return;
        }
        const brk = `brk_${++this.ntmp}`;
        this.ctx.jumps.push({ kind: "block", labels, brk });
        this.stmt(inner);
        this.ctx.jumps.pop();
        this.emit(`${brk}: __attribute__((unused));`);
        return;
      }
      case SK.DebuggerStatement:
        this.err(s, "the debugger statement is not supported in compiled firmware: remove it");
      case SK.WithStatement:
        this.err(s, "'with' is not supported: name the object explicitly");
      // falls through
      default:
        this.err(s, `unsupported statement: ${SK[s.kind]}`);
    }
  }
  pendingLabels: string[] = [];
  pushLoop(_s: ts.Node): Jump {
    const j: Jump = { kind: "loop", labels: this.pendingLabels, brk: `brk_${++this.ntmp}`, cont: `cont_${this.ntmp}` };
    this.pendingLabels = [];
    this.ctx.jumps.push(j);
    return j;
  }
  stmtBlock(s: ts.Statement) {
    if (ts.isBlock(s)) {
      this.hoistBlock(s.statements);
      for (const x of s.statements) this.stmt(x);
    } else this.stmt(s);
  }
  isCtor(n: FnNode) {
    return ts.isClassLike(n as ts.Node);
  }

  /** leaves try/finally regions above jumps[depth..] (pops handlers, runs finally blocks) */
  unwindTo(depth: number) {
    const js = this.ctx.jumps;
    for (let i = js.length - 1; i >= depth; i--) {
      const j = js[i];
      if (j.kind === "try") this.emit(`rt_cur_handler = ${j.handler}.prev;`);
      else if (j.iter) this.emit(`rt_iter_close(&${j.iter});`);
      else if (j.aiter) {
        const saved = js.splice(i);
        this.asyncIterClose(j.aiter);
        js.push(...saved);
      }
      else if (j.kind === "finally") {
        this.emit(`rt_cur_handler = ${j.handler}.prev;`);
        // run the finally block with the jump stack as it is outside this try
        const saved = js.splice(i);
        this.stmt(j.fin!);
        js.push(...saved);
      }
    }
  }
  unwindAll() {
    this.unwindTo(0);
  }

  varDeclList(dl: ts.VariableDeclarationList) {
    for (const d of dl.declarations) {
      let v: Val | undefined;
      if (d.initializer) v = this.expr(d.initializer);
      if (!v) {
        if (ts.isIdentifier(d.name)) {
          const sym = this.checker.getSymbolAtLocation(d.name)!;
          if (this.globals.has(sym)) {
            const g = this.globals.get(sym)!;
            this.emit(`${g.c} = ${g.rep === "D" ? "__builtin_nan(\"\")" : g.rep === "B" ? "0" : "RT_UNDEF"};`);
          } else this.declareLocal(sym, d, undefined);
        }
        continue;
      }
      this.bindPattern(d.name, v, true);
    }
  }

  forStmt(fs: ts.ForStatement) {
    const j = this.pushLoop(fs);
    this.emit("{");
    this.indent++;
    // per-iteration bindings: captured let variables get a fresh cell each iteration
    const perIter: ts.Symbol[] = [];
    if (fs.initializer) {
      if (ts.isVariableDeclarationList(fs.initializer)) {
        this.varDeclList(fs.initializer);
        if (fs.initializer.flags & ts.NodeFlags.BlockScoped)
          for (const d of fs.initializer.declarations)
            this.forEachBinding(d.name, (id) => {
              const s = this.checker.getSymbolAtLocation(id);
              if (s && this.captured.has(s)) perIter.push(s);
            });
      } else this.emit(`(void)(${this.expr(fs.initializer, true).c});`);
    }
    this.emit("for (;;) {");
    this.indent++;
    if (fs.condition) this.emit(`if (!(${this.cond(fs.condition)})) break;`);
    this.stmtBlock(fs.statement);
    this.indent--;
    this.emit(`${j.cont}: __attribute__((unused));`);
    this.indent++;
    for (const s of perIter) {
      const vi = this.ctx.vars.get(s)!;
      this.emit(`${vi.c} = rt_new_cell(rt_cellp(${vi.c})->v);`);
    }
    if (fs.incrementor) this.emit(`(void)(${this.expr(fs.incrementor, true).c});`);
    this.indent--;
    this.emit("}");
    this.indent--;
    this.emit("}");
    this.emit(`${j.brk}: __attribute__((unused));`);
    this.ctx.jumps.pop();
  }

  loopBinding(init: ts.ForInitializer, v: Val) {
    if (ts.isVariableDeclarationList(init)) this.bindPattern(init.declarations[0].name, v, true);
    else this.assignTo(init as ts.Expression, v);
  }

  /** AsyncIteratorClose for a jump out of a for await loop: await it.return() if it has one */
  asyncIterClose(it: string) {
    const c = this.tmp("acl");
    this.emit(`rt_value ${c} = rt_async_iter_close_start(${it});`);
    this.emit(`if (${c} != RT_HOLE) {`);
    this.indent++;
    emitAwait(this, c);
    this.emit(`if (!rt_is_obj(${c})) rt_throw_type("Iterator result is not an object");`);
    this.indent--;
    this.emit("}");
  }

  /** for await (x of iterable): GetIterator(iterable, async), each step awaits next()'s result */
  forAwait(fs: ts.ForOfStatement) {
    if (!this.ctx.susp || this.ctx.susp.kind === "gen") this.err(fs, "for await is only valid in async functions");
    const j = this.pushLoop(fs);
    const src = this.toV(this.expr(fs.expression));
    const it = this.tmp("ait"), nx = this.tmp("anx"), r = this.tmp("ar");
    this.emit("{");
    this.indent++;
    this.emit(`rt_value ${it} = rt_async_iter_get(${src});`);
    this.emit(`rt_value ${nx} = rt_iter_next_method(${it});`);
    this.emit("for (;;) {");
    this.indent++;
    this.emit(`rt_value ${r} = rt_call(${nx}, ${it}, 0, 0);`);
    emitAwait(this, r);
    this.emit(`if (rt_iter_result_done(${r})) break;`);
    this.emit(`${r} = rt_iter_result_value(${r});`);
    // break closes the iterator (awaits its return()); so do jumps out of the loop (unwindTo)
    const brk0 = j.brk!;
    j.brk = `${brk0}c`;
    j.aiter = it;
    this.loopBinding(fs.initializer, { c: r, r: "V" });
    this.stmtBlock(fs.statement);
    this.indent--;
    this.emit(`${j.cont}: __attribute__((unused));`);
    this.emit("}");
    this.emit(`if (0) {`);
    this.indent++;
    this.emit(`${j.brk}: __attribute__((unused));`);
    this.asyncIterClose(it);
    this.indent--;
    this.emit("}");
    j.brk = brk0;
    this.indent--;
    this.emit("}");
    this.emit(`${j.brk}: __attribute__((unused));`);
    this.ctx.jumps.pop();
  }

  forOf(fs: ts.ForOfStatement) {
    if (fs.awaitModifier) return this.forAwait(fs);
    const j = this.pushLoop(fs);
    const src = this.expr(fs.expression);
    const t = this.typeOf(fs.expression);
    this.emit("{");
    this.indent++;
    if (this.isArrayType(t)) {
      // arrays: index loop (re-reading length, as the iterator does)
      const a = this.tmp("arr"), i = this.tmp("i");
      this.emit(`rt_value ${a} = ${this.toV(src)};`);
      this.emit(`for (uint32_t ${i} = 0; ${i} < ((rt_array *)rt_ptr(${a}))->len; ${i}++) {`);
      this.indent++;
      this.loopBinding(fs.initializer, { c: `rt_aget(${a}, ${i})`, r: "V" });
      this.stmtBlock(fs.statement);
      this.indent--;
      this.emit(`${j.cont}: __attribute__((unused));`);
      this.emit("}");
    } else {
      const it = this.tmp("it"), x = this.tmp("x");
      this.emit(`rt_iter ${it}; rt_value ${x};`);
      this.emit(`rt_iter_init(&${it}, ${this.toV(src)});`);
      this.emit(`while (rt_iter_next(&${it}, &${x})) {`);
      this.indent++;
      // break closes the iterator (calls its return()); so do jumps out of the loop (unwindTo)
      const brk0 = j.brk!;
      j.brk = `${brk0}c`;
      j.iter = it;
      this.loopBinding(fs.initializer, { c: x, r: "V" });
      this.stmtBlock(fs.statement);
      this.indent--;
      this.emit(`${j.cont}: __attribute__((unused));`);
      this.emit("}");
      this.emit(`if (0) { ${j.brk}: __attribute__((unused)); rt_iter_close(&${it}); }`);
      j.brk = brk0;
    }
    this.indent--;
    this.emit("}");
    this.emit(`${j.brk}: __attribute__((unused));`);
    this.ctx.jumps.pop();
  }

  forIn(fs: ts.ForInStatement) {
    const j = this.pushLoop(fs);
    const src = this.toV(this.expr(fs.expression));
    const k = this.tmp("keys"), i = this.tmp("i"), o = this.tmp("o");
    this.emit("{");
    this.indent++;
    this.emit(`rt_value ${o} = ${src};`);
    this.emit(`rt_value ${k} = rt_forin_keys(${o});`);
    this.emit(`for (uint32_t ${i} = 0; ${i} < ((rt_array *)rt_ptr(${k}))->len; ${i}++) {`);
    this.indent++;
    // keys deleted during the loop are skipped
    this.emit(`if (!rt_forin_live(${o}, rt_aget(${k}, ${i}))) continue;`);
    this.loopBinding(fs.initializer, { c: `rt_aget(${k}, ${i})`, r: "V" });
    this.stmtBlock(fs.statement);
    this.indent--;
    this.emit(`${j.cont}: __attribute__((unused));`);
    this.emit("}");
    this.indent--;
    this.emit("}");
    this.emit(`${j.brk}: __attribute__((unused));`);
    this.ctx.jumps.pop();
  }

  switchStmt(ss: ts.SwitchStatement) {
    const brk = `brk_${++this.ntmp}`;
    this.ctx.jumps.push({ kind: "switch", labels: this.pendingLabels, brk });
    this.pendingLabels = [];
    const d = this.expr(ss.expression);
    const m = this.tmp("m"), dv = this.tmp("sw");
    this.emit("{");
    this.indent++;
    const numeric = d.r === "D" && ss.caseBlock.clauses.every((c) => !ts.isCaseClause(c) || this.isNumType(c.expression));
    this.emit(`${numeric ? "double" : "rt_value"} ${dv} = ${numeric ? d.c : this.toV(d)}; int ${m} = -1;`);
    let first = true;
    let defIdx = -1;
    ss.caseBlock.clauses.forEach((c, i) => {
      if (ts.isDefaultClause(c)) { defIdx = i; return; }
      const cv = this.expr(c.expression);
      const test = numeric ? `${dv} == ${this.toD(cv)}` : `rt_strict_eq(${dv}, ${this.toV(cv)})`;
      this.emit(`${first ? "" : "else "}if (${test}) ${m} = ${i};`);
      first = false;
    });
    if (defIdx >= 0) this.emit(`${first ? "" : "else "}${m} = ${defIdx};`);
    this.emit(`switch (${m}) {`);
    ss.caseBlock.clauses.forEach((c, i) => {
      this.emit(`case ${i}:;`);
      this.indent++;
      this.hoistBlock(c.statements);
      for (const st of c.statements) this.stmt(st);
      this.indent--;
    });
    this.emit("default:;");
    this.emit("}");
    this.indent--;
    this.emit("}");
    this.emit(`${brk}: __attribute__((unused));`);
    this.ctx.jumps.pop();
  }

  tryStmt(ts_: ts.TryStatement) {
    const hasFin = !!ts_.finallyBlock;
    const hf = this.tmp("hf"), thr = this.tmp("thr"), exc = this.tmp("exc");
    this.emit("{");
    this.indent++;
    if (hasFin) {
      this.emit(`rt_handler ${hf}; volatile int ${thr} = 0; volatile rt_value ${exc} = RT_UNDEF;`);
      this.emit(`if (RT_TRY_ENTER(${hf})) {`);
      this.indent++;
      this.ctx.jumps.push({ kind: "finally", labels: [], handler: hf, fin: ts_.finallyBlock });
    }
    if (ts_.catchClause) {
      const hc = this.tmp("hc");
      this.emit(`rt_handler ${hc};`);
      this.emit(`if (RT_TRY_ENTER(${hc})) {`);
      this.indent++;
      this.ctx.jumps.push({ kind: "try", labels: [], handler: hc });
      this.stmt(ts_.tryBlock);
      this.ctx.jumps.pop();
      this.emit(`RT_TRY_LEAVE(${hc});`);
      this.indent--;
      this.emit("} else {");
      this.indent++;
      const cc = ts_.catchClause;
      if (cc.variableDeclaration) this.bindPattern(cc.variableDeclaration.name, { c: "rt_exc", r: "V" }, true);
      this.stmt(cc.block);
      this.indent--;
      this.emit("}");
    } else this.stmt(ts_.tryBlock);
    if (hasFin) {
      this.ctx.jumps.pop();
      this.emit(`RT_TRY_LEAVE(${hf});`);
      this.indent--;
      this.emit(`} else { ${thr} = 1; ${exc} = rt_exc; }`);
      this.stmt(ts_.finallyBlock!);
      this.emit(`if (${thr}) rt_throw(${exc});`);
    }
    this.indent--;
    this.emit("}");
  }

  enumDecl(ed: ts.EnumDeclaration) {
    if (ed.modifiers?.some((m) => m.kind === SK.DeclareKeyword)) return;
    const sym = this.checker.getSymbolAtLocation(ed.name)!;
    const o = this.tmp("en");
    const merged = this.enumsMade.has(sym);
    this.enumsMade.add(sym);
    if (merged) this.emit(`rt_value ${o} = ${this.lookup(sym, ed).c};`);
    else this.emit(`rt_value ${o} = rt_obj_new(rt_object_proto());`);
    for (const m of ed.members) {
      const name = this.propName(m.name);
      const cv = this.checker.getConstantValue(m);
      let v: string;
      if (typeof cv === "number") v = `rt_num(${numLit(cv)})`;
      else if (typeof cv === "string") v = this.lit(cv);
      else if (m.initializer) v = this.toV(this.expr(m.initializer));
      else this.err(m, "enum member without a constant value");
      this.emit(`rt_set(${o}, ${this.atom(name)}, ${v});`);
      if (typeof cv === "number") this.emit(`rt_set(${o}, rt_atom_index_or_str(${numLit(cv)}), ${this.lit(name)});`);
    }
    if (merged) return;
    if (this.globals.has(sym)) this.emit(`${this.globals.get(sym)!.c} = ${o};`);
    else if (!this.ctx.vars.has(sym)) this.declareLocal(sym, ed, o);
    else this.emit(`${this.lookup(sym, ed).c} = ${o};`);
  }

  // ---- classes ----
  classValue(cd: ts.ClassLikeDeclaration): string {
    const name = cd.name?.text ?? (ts.isVariableDeclaration(cd.parent) && ts.isIdentifier(cd.parent.name) ? cd.parent.name.text : "");
    const heritage = cd.heritageClauses?.find((h) => h.token === SK.ExtendsKeyword);
    let parent = "RT_UNDEF";
    if (heritage) {
      const pe = heritage.types[0].expression;
      const pt = this.typeOf(pe);
      const pname = pt.getSymbol()?.getName();
      const builtin = ["Array", "Map", "Set", "Promise", "ArrayConstructor", "MapConstructor", "SetConstructor", "PromiseConstructor",
        ...Object.keys(taSuffix).map((n) => n + "Constructor"), "ArrayBufferConstructor", "DataViewConstructor"];
      if (pname && builtin.includes(pname)) this.err(pe, `extending the built-in ${pname.replace("Constructor", "")} is not supported: wrap it in a field instead`);
      parent = this.toV(this.expr(pe));
    }
    const ctor = cd.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && !!m.body);
    // the constructor function: fields + body
    const cname = `c_${++this.nfn}_${this.safeName(name || "anon")}`;
    const ctx = new FnCtx(cd, this.ctx, cname);
    const saved = { ctx: this.ctx, out: this.out, indent: this.indent, lastLine: this.lastLine };
    this.ctx = ctx;
    this.out = [];
    this.indent = 1;
    this.lastLine = -1;
    ctx.volatileLocals = ctor ? this.containsTry(ctor.body!) : false;
    const derived = !!heritage;
    if (ctor) {
      this.params(ctor, false);
      if (!derived) this.fieldInits(cd, ctor);
      this.hoistBlock(ctor.body!.statements);
      for (const st of ctor.body!.statements) this.stmt(st);
    } else {
      if (derived) this.emit(`rt_call_ctor(rt_get_proto(rt_box_ptr(self)), this_, argc, argv);`);
      this.fieldInits(cd, undefined);
    }
    this.emit("return this_;");
    const code = this.out.join("\n");
    this.ctx = saved.ctx;
    this.out = saved.out;
    this.indent = saved.indent;
    this.lastLine = saved.lastLine;
    this.protos.push(`static rt_value ${cname}(rt_function *self, rt_value this_, int argc, const rt_value *argv);`);
    this.bodies.push(`static rt_value ${cname}(rt_function *self, rt_value this_, int argc, const rt_value *argv) {\n\tRT_STACK_CHECK();\n\t(void)self; (void)argc; (void)argv;\n${code}\n}`);
    const C = this.tmp("cls"), P = this.tmp("proto");
    const ncap = ctx.caps.length;
    this.emit(`rt_value ${C} = rt_class_new(${cname}, ${cstr(name)}, ${ctor ? this.paramLength(ctor) : 0}, ${ncap}, ${parent});`);
    ctx.caps.forEach((sym, i) => this.emit(`((rt_function *)rt_ptr(${C}))->cap[${i}] = ${this.capSource(sym, cd)};`));
    this.emit(`rt_value ${P} = rt_get(${C}, rt_atom_c("prototype"));`);
    this.emit(`((rt_function *)rt_ptr(${C}))->home = ${P};`);
    this.classInfo.set(cd, { cvar: C });
    // methods and accessors; runs of plain methods (named, capturing nothing) from one table each
    // (rt_class_methods: a loop instead of straight-line code, which start-up under emulation pays for)
    let run: { target: string; rows: string[] } | undefined;
    const flush = () => {
      if (!run) return;
      const t = this.tmp("methods");
      this.emit(`static const rt_methoddef ${t}[] = {${run.rows.join(", ")}};`);
      this.emit(`rt_class_methods(${run.target}, A_, ${t}, ${run.rows.length});`);
      run = undefined;
    };
    for (const m of cd.members) {
      if (ts.isMethodDeclaration(m) || ts.isGetAccessorDeclaration(m) || ts.isSetAccessorDeclaration(m)) {
        if (!m.body) continue;
        const isStatic = this.isStatic(m);
        const target = isStatic ? C : P;
        let key: string;
        let keyExpr: string;
        if (ts.isComputedPropertyName(m.name)) {
          const kv = this.toV(this.expr(m.name.expression));
          key = "computed";
          keyExpr = `rt_to_key(${kv})`;
        } else if (ts.isPrivateIdentifier(m.name)) {
          key = m.name.text;
          keyExpr = this.atom(this.mkey(m.name));
        } else {
          key = this.propName(m.name);
          keyExpr = this.atom(key);
        }
        const fv = this.funcValue(m, key, { home: target });
        const plain = this.lastPlain;
        if (ts.isMethodDeclaration(m) && plain && !plain.ctor && key !== "computed" && !ts.isPrivateIdentifier(m.name)) {
          if (run && run.target !== target) flush();
          run ??= { target, rows: [] };
          run.rows.push(`{${plain.cname}, ${this.atoms.get(key)}, ${plain.length}}`);
          continue;
        }
        flush();
        if (ts.isMethodDeclaration(m)) this.emit(`rt_define(${target}, ${keyExpr}, ${fv}, 0);`);
        else if (ts.isGetAccessorDeclaration(m)) this.emit(`rt_define_accessor(${target}, ${keyExpr}, ${fv}, RT_UNDEF, 0);`);
        else this.emit(`rt_define_accessor(${target}, ${keyExpr}, RT_UNDEF, ${fv}, 0);`);
      }
    }
    flush();
    // the class binding is visible to static initializers: a named class expression binds its name
    // static fields and blocks, in order, with this = the class
    const statics = cd.members.filter((m) => (ts.isPropertyDeclaration(m) && this.isStatic(m)) || ts.isClassStaticBlockDeclaration(m));
    if (statics.length) {
      const savedThis = this.ctx.staticThis;
      this.ctx.staticThis = C;
      if (cd.name && ts.isClassDeclaration(cd)) {
        const sym = this.checker.getSymbolAtLocation(cd.name)!;
        if (this.globals.has(sym)) this.emit(`${this.globals.get(sym)!.c} = ${C};`);
      }
      for (const m of statics) {
        if (ts.isPropertyDeclaration(m)) {
          const v = m.initializer ? this.toV(this.expr(m.initializer)) : "RT_UNDEF";
          const k = ts.isComputedPropertyName(m.name) ? `rt_to_key(${this.toV(this.expr(m.name.expression))})` : this.atom(ts.isPrivateIdentifier(m.name) ? this.mkey(m.name) : this.propName(m.name));
          this.emit(`rt_define(${C}, ${k}, ${v}, RT_P_ENUM);`);
        } else {
          this.emit("{");
          this.indent++;
          const blk = (m as ts.ClassStaticBlockDeclaration).body;
          this.hoistBlock(blk.statements);
          for (const st of blk.statements) this.stmt(st);
          this.indent--;
          this.emit("}");
        }
      }
      this.ctx.staticThis = savedThis;
    }
    return C;
  }

  fieldInits(cd: ts.ClassLikeDeclaration, ctor: ts.ConstructorDeclaration | undefined) {
    if (ctor)
      for (const p of ctor.parameters) {
        if (ts.getCombinedModifierFlags(p) & (ts.ModifierFlags.ParameterPropertyModifier)) {
          const sym = this.declSym(p.name as ts.Identifier);
          const v = this.lookup(sym, p);
          this.emit(`rt_define(this_, ${this.atom((p.name as ts.Identifier).text)}, ${this.toV({ c: v.c, r: v.rep })}, RT_P_ENUM);`);
        }
      }
    for (const m of cd.members) {
      if (ts.isPropertyDeclaration(m) && !this.isStatic(m)) {
        if (m.modifiers?.some((x) => x.kind === SK.DeclareKeyword)) continue;
        const v = m.initializer ? this.toV(this.expr(m.initializer)) : "RT_UNDEF";
        const k = ts.isComputedPropertyName(m.name) ? `rt_to_key(${this.toV(this.expr(m.name.expression))})` : this.atom(ts.isPrivateIdentifier(m.name) ? this.mkey(m.name) : this.propName(m.name));
        this.emit(`rt_define(this_, ${k}, ${v}, ${ts.isPrivateIdentifier(m.name) ? "0" : "RT_P_ENUM"});`);
      }
    }
  }

  // ---- this / super: arrow functions capture them by value ----
  capSource(sym: ts.Symbol | string, node: ts.Node): string {
    if (sym === "this") return this.thisExpr();
    if (sym === "home") return this.homeExpr(node);
    return this.cellIn(this.ctx, sym as ts.Symbol, node);
  }
  thisExpr(): string {
    const ctx = this.ctx;
    if (ctx.staticThis) return ctx.staticThis;
    if (!ctx.isArrow) return ts.isSourceFile(ctx.node) ? "RT_UNDEF" : "this_";
    return `self->cap[${this.capture(ctx, "this", ctx.node as ts.Node)}]`;
  }
  homeExpr(_node: ts.Node): string {
    if (!this.ctx.isArrow) return "self->home";
    return `self->cap[${this.capture(this.ctx, "home", this.ctx.node as ts.Node)}]`;
  }

  // ---- expressions ----
  cond(e: ts.Expression): string {
    return this.toB(this.expr(e));
  }

  expr(e: ts.Expression, discard = false): Val {
    switch (e.kind) {
      case SK.NumericLiteral:
        return { c: numLit(Number((e as ts.NumericLiteral).text)), r: "D" };
      case SK.StringLiteral:
      case SK.NoSubstitutionTemplateLiteral:
        return { c: this.lit((e as ts.StringLiteral).text), r: "V" };
      case SK.TrueKeyword:
        return { c: "1", r: "B" };
      case SK.FalseKeyword:
        return { c: "0", r: "B" };
      case SK.NullKeyword:
        return { c: "RT_NULL", r: "V" };
      case SK.ThisKeyword:
        return { c: this.thisExpr(), r: "V" };
      case SK.Identifier:
        return this.ident(e as ts.Identifier);
      case SK.ParenthesizedExpression:
        return this.expr((e as ts.ParenthesizedExpression).expression, discard);
      case SK.AsExpression:
      case SK.TypeAssertionExpression:
      case SK.NonNullExpression:
      case SK.SatisfiesExpression: {
        const inner = this.expr((e as ts.AsExpression).expression);
        const r = this.repOfType(this.typeOf(e));
        // a cast never changes the value: keep the representation unless a cheap exact conversion exists
        if (inner.r === r) return inner;
        if (inner.r === "V") return inner;
        return { c: this.toV(inner), r: "V" };
      }
      case SK.TemplateExpression:
        return this.template(e as ts.TemplateExpression);
      case SK.BinaryExpression:
        return this.binary(e as ts.BinaryExpression, discard);
      case SK.PrefixUnaryExpression:
        return this.prefix(e as ts.PrefixUnaryExpression, discard);
      case SK.PostfixUnaryExpression:
        return this.postfix(e as ts.PostfixUnaryExpression, discard);
      case SK.CallExpression:
        return this.call(e as ts.CallExpression);
      case SK.NewExpression:
        return this.newExpr(e as ts.NewExpression);
      case SK.PropertyAccessExpression:
        return this.propAccess(e as ts.PropertyAccessExpression);
      case SK.ElementAccessExpression:
        return this.elemAccess(e as ts.ElementAccessExpression);
      case SK.ArrowFunction:
      case SK.FunctionExpression: {
        const fe = e as ts.FunctionExpression;
        const name = fe.name?.text ?? this.inferName(e);
        return { c: this.funcValue(fe, name), r: "V" };
      }
      case SK.ClassExpression:
        return { c: this.classValue(e as ts.ClassExpression), r: "V" };
      case SK.ArrayLiteralExpression:
        return this.arrayLit(e as ts.ArrayLiteralExpression);
      case SK.ObjectLiteralExpression:
        return this.objectLit(e as ts.ObjectLiteralExpression);
      case SK.ConditionalExpression: {
        const ce = e as ts.ConditionalExpression;
        const r = this.repOfType(this.typeOf(e));
        const a = this.expr(ce.whenTrue), b = this.expr(ce.whenFalse);
        const rr: Rep = a.r === b.r ? a.r : r === "V" ? "V" : r;
        return { c: `(${this.cond(ce.condition)} ? ${this.to(a, rr)} : ${this.to(b, rr)})`, r: rr };
      }
      case SK.TypeOfExpression:
        return { c: `rt_typeof(${this.toV(this.expr((e as ts.TypeOfExpression).expression))})`, r: "V" };
      case SK.VoidExpression:
        return { c: `((void)(${this.expr((e as ts.VoidExpression).expression).c}), RT_UNDEF)`, r: "V" };
      case SK.DeleteExpression: {
        const de = (e as ts.DeleteExpression).expression;
        if (ts.isPropertyAccessExpression(de)) return { c: `rt_delete(${this.toV(this.expr(de.expression))}, ${this.atom(this.mkey(de.name))})`, r: "B" };
        if (ts.isElementAccessExpression(de)) return { c: `rt_delete(${this.toV(this.expr(de.expression))}, rt_to_key(${this.toV(this.expr(de.argumentExpression))}))`, r: "B" };
        this.err(e, "unsupported delete operand");
      }
      // falls through
      case SK.SpreadElement:
        this.err(e, "spread is only supported in calls, arrays and objects");
      // falls through
      case SK.AwaitExpression:
      case SK.YieldExpression: {
        // evaluated before the statement by emitSuspensions (suspend.ts)
        const t = this.ctx.susp?.temps.get(e);
        if (t) return { c: t, r: "V" };
        if (e.kind === SK.AwaitExpression && ts.isSourceFile(this.enclosingFn(e)))
          this.err(e, "top-level await is not supported: put the code in an async function main() and call main()");
        this.err(e, `${e.kind === SK.AwaitExpression ? "await" : "yield"} is not supported here`);
      }
      // falls through
      case SK.RegularExpressionLiteral:
        this.err(e, "regular expressions are not supported yet: use string methods (indexOf, split, replaceAll with a string)");
      // falls through
      case SK.TaggedTemplateExpression:
        return this.taggedTemplate(e as ts.TaggedTemplateExpression);
      // falls through
      case SK.BigIntLiteral:
        this.err(e, "BigInt is not supported: use number (integers up to 2^53 are exact)");
      // falls through
      case SK.MetaProperty:
        this.err(e, "new.target / import.meta are not supported");
      // falls through
      case SK.SuperKeyword:
        this.err(e, "super is only supported as super(...), super.method(...) and super.property");
      // falls through
      default:
        this.err(e, `unsupported expression: ${SK[e.kind]}`);
    }
  }

  inferName(e: ts.Node): string {
    const p = e.parent;
    if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) return p.name.text;
    if (ts.isPropertyDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === SK.EqualsToken && ts.isIdentifier(p.left)) return p.left.text;
    return "";
  }

  ident(id: ts.Identifier): Val {
    if (id.text === "undefined") {
      const s = this.checker.getSymbolAtLocation(id);
      if (!s || !this.declOf(s) || this.declOf(s)!.getSourceFile().isDeclarationFile) return { c: "RT_UNDEF", r: "V" };
    }
    const sym = this.symbolOf(id);
    if (!sym) this.err(id, `unknown name '${id.text}'`);
    const d = this.declOf(sym);
    if (!d || d.getSourceFile().isDeclarationFile) {
      // a global of the runtime
      if (unsupportedGlobals[id.text]) this.err(id, unsupportedGlobals[id.text]);
      if (notYet.includes(id.text) && !id.getSourceFile().fileName.includes("/sdk/api/"))
        this.err(id, `${id.text} is not supported yet by the rumpsdk compiler (planned): use arrays of numbers and callbacks/timers meanwhile`);
      if (id.text === "NaN") return { c: "__builtin_nan(\"\")", r: "D" };
      if (id.text === "Infinity") return { c: "__builtin_inf()", r: "D" };
      if (id.text === "arguments") this.err(id, "'arguments' is not supported: use a rest parameter (...args)");
      return { c: `rt_global(${this.atom(id.text)})`, r: "V" };
    }
    if (d.getSourceFile().isDeclarationFile === false && ts.isFunctionDeclaration(d) && !d.body) this.err(id, "overload signatures need an implementation");
    const v = this.lookup(sym, id);
    if (v.c.startsWith("rt_cellp(self->cap[")) return { c: `rt_tdz(${v.c}, ${this.atom(id.text)})`, r: "V" };
    if (v.int) return { c: this.intRead(v.c), r: "D" };
    if (v.rep === "D" && this.globals.has(sym)) {
      const k = this.constNum(sym);
      if (k !== undefined) return { c: numLit(k), r: "D" };
    }
    return { c: v.c, r: v.rep };
  }

  /** tag`a${x}b`: tag(strings, x) where strings (with .raw) is one frozen array per call site */
  taggedTemplate(tt: ts.TaggedTemplateExpression): Val {
    const t = tt.template;
    const parts = ts.isNoSubstitutionTemplateLiteral(t) ? [t] : [t.head, ...t.templateSpans.map((s) => s.literal)];
    const subs = ts.isNoSubstitutionTemplateLiteral(t) ? [] : t.templateSpans.map((s) => s.expression);
    const cooked = parts.map((p) => (p.text === undefined ? "RT_UNDEF" : this.lit(p.text)));
    const raw = parts.map((p) => this.lit(p.rawText ?? p.text));
    const site = `G_[${this.nG++}]`;
    const mk = `rt_template_object(${parts.length}, (rt_value[]){${cooked.join(", ")}}, (rt_value[]){${raw.join(", ")}})`;
    const strings = `(${site} == RT_UNDEF ? (${site} = ${mk}) : ${site})`;
    const tag = tt.tag;
    const { pre, vals } = this.seq([...subs]);
    const argv = this.tmp("tv");
    const args = `rt_value ${argv}[${subs.length + 1}] = {${[strings, ...vals.map((v) => this.toV(v))].join(", ")}}; `;
    if (ts.isPropertyAccessExpression(tag) && tag.expression.kind !== SK.SuperKeyword) {
      const o = this.tmp("rcv");
      return { c: `({ rt_value ${o} = ${this.toV(this.expr(tag.expression))}; ${pre}${args}rt_call_method(${o}, ${this.atom(this.mkey(tag.name))}, ${this.ic()}, ${subs.length + 1}, ${argv}); })`, r: "V" };
    }
    const f = this.tmp("fn");
    return { c: `({ rt_value ${f} = ${this.toV(this.expr(tag))}; ${pre}${args}rt_call(${f}, RT_UNDEF, ${subs.length + 1}, ${argv}); })`, r: "V" };
  }

  template(te: ts.TemplateExpression): Val {
    let acc = te.head.text.length ? this.lit(te.head.text) : "";
    for (const span of te.templateSpans) {
      const v = this.expr(span.expression);
      const s = this.toStr(v, span.expression);
      acc = acc ? `rt_concat(${acc}, ${s})` : s;
      if (span.literal.text.length) acc = `rt_concat(${acc}, ${this.lit(span.literal.text)})`;
    }
    return { c: acc || "rt_empty_str", r: "V" };
  }

  // evaluation order: C does not order operands, so operands with effects go to temporaries
  pure(e: ts.Expression): boolean {
    switch (e.kind) {
      case SK.NumericLiteral: case SK.StringLiteral: case SK.NoSubstitutionTemplateLiteral: case SK.TrueKeyword:
      case SK.FalseKeyword: case SK.NullKeyword: case SK.ThisKeyword: case SK.Identifier: case SK.ArrowFunction:
      case SK.FunctionExpression:
        return true;
      case SK.ParenthesizedExpression: case SK.AsExpression: case SK.NonNullExpression: case SK.TypeOfExpression:
        return this.pure((e as ts.ParenthesizedExpression).expression);
      case SK.PropertyAccessExpression:
        return this.pure((e as ts.PropertyAccessExpression).expression);
      case SK.ElementAccessExpression:
        return this.pure((e as ts.ElementAccessExpression).expression) && this.pure((e as ts.ElementAccessExpression).argumentExpression);
      case SK.BinaryExpression: {
        const b = e as ts.BinaryExpression;
        const k = b.operatorToken.kind;
        if (k >= SK.FirstAssignment && k <= SK.LastAssignment) return false;
        return this.pure(b.left) && this.pure(b.right);
      }
      case SK.PrefixUnaryExpression: {
        const p = e as ts.PrefixUnaryExpression;
        return p.operator !== SK.PlusPlusToken && p.operator !== SK.MinusMinusToken && this.pure(p.operand);
      }
      case SK.ConditionalExpression: {
        const c = e as ts.ConditionalExpression;
        return this.pure(c.condition) && this.pure(c.whenTrue) && this.pure(c.whenFalse);
      }
      case SK.TemplateExpression:
        return (e as ts.TemplateExpression).templateSpans.every((s) => this.pure(s.expression));
      default:
        return false;
    }
  }
  /** evaluates a list of expressions strictly left to right; returns C exprs and any statement prefix */
  seq(exprs: ts.Expression[], reps?: (Rep | undefined)[]): { pre: string; vals: Val[] } {
    const vals: Val[] = [];
    let pre = "";
    const impureAfter = exprs.map((_, i) => exprs.slice(i + 1).some((x) => !this.pure(x)));
    exprs.forEach((x, i) => {
      let v = this.expr(x);
      const want = reps?.[i];
      if (want) v = { c: this.to(v, want), r: want };
      if (impureAfter[i] && !/^(L_\[\d+\]|[0-9.()e+-]+|RT_\w+)$/.test(v.c)) {
        const t = this.tmp("s");
        pre += `${this.ctype(v.r)} ${t} = ${v.c}; `;
        v = { c: t, r: v.r };
      }
      vals.push(v);
    });
    return { pre, vals };
  }
  wrap(pre: string, c: string): string {
    return pre ? `({ ${pre}${c}; })` : c;
  }

  binary(b: ts.BinaryExpression, discard: boolean): Val {
    const op = b.operatorToken.kind;
    if (op === SK.EqualsToken) return this.assign(b, discard);
    if (op >= SK.FirstCompoundAssignment && op <= SK.LastCompoundAssignment) return this.compoundAssign(b, discard);
    if (op === SK.CommaToken) {
      const l = this.expr(b.left, true);
      const r = this.expr(b.right, discard);
      return { c: `((void)(${l.c}), ${r.c})`, r: r.r };
    }
    if (op === SK.AmpersandAmpersandToken || op === SK.BarBarToken || op === SK.QuestionQuestionToken) return this.logical(b);
    if (op === SK.InKeyword && ts.isPrivateIdentifier(b.left)) return { c: `rt_has_own(${this.toV(this.expr(b.right))}, ${this.atom(this.mkey(b.left))})`, r: "B" };
    const lt = this.typeOf(b.left), rt = this.typeOf(b.right);
    const ln = this.repOfType(lt) === "D", rn = this.repOfType(rt) === "D";
    const { pre, vals } = this.seq([b.left, b.right]);
    const [l, r] = vals;
    const W = (c: string, rep: Rep): Val => ({ c: this.wrap(pre, c), r: rep });
    switch (op) {
      case SK.PlusToken: {
        if (ln && rn) return W(`(${this.toD(l)} + ${this.toD(r)})`, "D");
        const ls = this.isStringType(lt), rs = this.isStringType(rt);
        if (ls || rs) return W(`rt_concat(${this.toStr(l, b.left)}, ${this.toStr(r, b.right)})`, "V");
        return W(`rt_add(${this.toV(l)}, ${this.toV(r)})`, "V");
      }
      case SK.MinusToken: return W(`(${this.toD(l)} - ${this.toD(r)})`, "D");
      case SK.AsteriskToken: return W(`(${this.toD(l)} * ${this.toD(r)})`, "D");
      case SK.SlashToken: return W(`(${this.toD(l)} / ${this.toD(r)})`, "D");
      case SK.PercentToken: return W(`rt_fmod(${this.toD(l)}, ${this.toD(r)})`, "D");
      case SK.AsteriskAsteriskToken: return W(`rt_pow(${this.toD(l)}, ${this.toD(r)})`, "D");
      case SK.AmpersandToken: return W(`((double)(${this.i32of(l)} & ${this.i32of(r)}))`, "D");
      case SK.BarToken: return W(`((double)(${this.i32of(l)} | ${this.i32of(r)}))`, "D");
      case SK.CaretToken: return W(`((double)(${this.i32of(l)} ^ ${this.i32of(r)}))`, "D");
      case SK.LessThanLessThanToken: return W(`((double)(int32_t)(${this.u32of(l)} << (${this.u32of(r)} & 31)))`, "D");
      case SK.GreaterThanGreaterThanToken: return W(`((double)(${this.i32of(l)} >> (${this.u32of(r)} & 31)))`, "D");
      case SK.GreaterThanGreaterThanGreaterThanToken: return W(`((double)(${this.u32of(l)} >> (${this.u32of(r)} & 31)))`, "D");
      case SK.LessThanToken: case SK.GreaterThanToken: case SK.LessThanEqualsToken: case SK.GreaterThanEqualsToken: {
        const cop = op === SK.LessThanToken ? "<" : op === SK.GreaterThanToken ? ">" : op === SK.LessThanEqualsToken ? "<=" : ">=";
        if (ln && rn) return W(this.numCmp(l, r, cop), "B");
        if (this.isStringType(lt) && this.isStringType(rt)) return W(`(rt_str_cmp(${this.toV(l)}, ${this.toV(r)}) ${cop} 0)`, "B");
        const lv = this.toV(l), rv = this.toV(r);
        if (op === SK.LessThanToken) return W(`rt_less(${lv}, ${rv}, 0)`, "B");
        if (op === SK.LessThanEqualsToken) return W(`rt_less(${lv}, ${rv}, 1)`, "B");
        if (op === SK.GreaterThanToken) return W(`rt_less(${rv}, ${lv}, 0)`, "B");
        return W(`rt_less(${rv}, ${lv}, 1)`, "B");
      }
      case SK.EqualsEqualsEqualsToken: case SK.ExclamationEqualsEqualsToken: {
        const neg = op === SK.ExclamationEqualsEqualsToken ? "!" : "";
        if (l.r === "D" && r.r === "D") return W(`${neg}${this.numCmp(l, r, "==")}`, "B");
        if (l.r === "B" && r.r === "B") return W(`${neg}(${l.c} == ${r.c})`, "B");
        if (r.c === "RT_UNDEF" || r.c === "RT_NULL") return W(`${neg}(${this.toV(l)} == ${r.c})`, "B");
        if (l.c === "RT_UNDEF" || l.c === "RT_NULL") return W(`${neg}(${l.c} == ${this.toV(r)})`, "B");
        return W(`${neg}rt_strict_eq(${this.toV(l)}, ${this.toV(r)})`, "B");
      }
      case SK.EqualsEqualsToken: case SK.ExclamationEqualsToken: {
        const neg = op === SK.ExclamationEqualsToken ? "!" : "";
        if (l.r === "D" && r.r === "D") return W(`${neg}${this.numCmp(l, r, "==")}`, "B");
        if (r.c === "RT_UNDEF" || r.c === "RT_NULL") return W(`${neg}rt_is_nullish(${this.toV(l)})`, "B");
        if (l.c === "RT_UNDEF" || l.c === "RT_NULL") return W(`${neg}rt_is_nullish(${this.toV(r)})`, "B");
        return W(`${neg}rt_loose_eq(${this.toV(l)}, ${this.toV(r)})`, "B");
      }
      case SK.InstanceOfKeyword: return W(`rt_instanceof(${this.toV(l)}, ${this.toV(r)})`, "B");
      case SK.InKeyword: return W(`rt_has(${this.toV(r)}, rt_to_key(${this.toV(l)}))`, "B");
      default:
        this.err(b, `unsupported operator ${ts.tokenToString(op)}`);
    }
  }

  logical(b: ts.BinaryExpression): Val {
    const op = b.operatorToken.kind;
    const l = this.expr(b.left), r = this.expr(b.right);
    const rt = this.repOfType(this.typeOf(b));
    if (op !== SK.QuestionQuestionToken && l.r === "B" && r.r === "B") return { c: `(${l.c} ${op === SK.AmpersandAmpersandToken ? "&&" : "||"} ${r.c})`, r: "B" };
    if (op !== SK.QuestionQuestionToken && l.r === "D" && r.r === "D" && rt === "D") {
      const t = this.tmp("l");
      return { c: `({ double ${t} = ${l.c}; ${op === SK.AmpersandAmpersandToken ? "" : "!"}rt_dtruthy(${t}) ? ${r.c} : ${t}; })`, r: "D" };
    }
    const t = this.tmp("l");
    const lv = this.toV(l), rv = this.toV(r);
    let test: string;
    if (op === SK.AmpersandAmpersandToken) test = `rt_truthy(${t})`;
    else if (op === SK.BarBarToken) test = `!rt_truthy(${t})`;
    else test = `rt_is_nullish(${t})`;
    const c = `({ rt_value ${t} = ${lv}; ${test} ? ${rv} : ${t}; })`;
    if (rt !== "V") return { c: this.to({ c, r: "V" }, rt), r: rt };
    return { c, r: "V" };
  }

  // ---- assignment ----
  assign(b: ts.BinaryExpression, discard: boolean): Val {
    const left = b.left;
    if (ts.isArrayLiteralExpression(left) || ts.isObjectLiteralExpression(left)) {
      const v = this.expr(b.right);
      const t = this.tmp("da");
      // destructuring assignment: evaluate into a temp, then assign each target
      const savedOut = this.out;
      this.out = [];
      const ind = this.indent;
      this.indent = 0;
      this.destructAssign(left, { c: t, r: "V" });
      const body = this.out.join(" ");
      this.out = savedOut;
      this.indent = ind;
      return { c: `({ rt_value ${t} = ${this.toV(v)}; ${body} ${t}; })`, r: "V" };
    }
    return this.store(left, b.right, undefined, discard);
  }
  destructAssign(target: ts.Expression, v: Val) {
    if (ts.isArrayLiteralExpression(target)) {
      const src = this.tmp("d");
      const n = target.elements.some((el) => ts.isSpreadElement(el)) ? -1 : target.elements.length;
      this.emit(`rt_value ${src} = ${this.toV(v)}; if (!rt_is_array(${src})) ${src} = ${n < 0 ? `rt_array_from_iterable(${src})` : `rt_array_from_iterable_n(${src}, ${n})`};`);
      target.elements.forEach((el, i) => {
        if (ts.isOmittedExpression(el)) return;
        if (ts.isSpreadElement(el)) this.assignTo(el.expression, { c: `rt_array_slice_from(${src}, ${i})`, r: "V" });
        else this.assignWithDefault(el, { c: `rt_aget(${src}, ${i})`, r: "V" });
      });
    } else if (ts.isObjectLiteralExpression(target)) {
      const src = this.tmp("d");
      this.emit(`rt_value ${src} = ${this.toV(v)};`);
      for (const p of target.properties) {
        if (ts.isShorthandPropertyAssignment(p)) {
          let val: Val = { c: `rt_get(${src}, ${this.atom(this.mkey(p.name))})`, r: "V" };
          if (p.objectAssignmentInitializer) {
            const t = this.tmp("e");
            this.emit(`rt_value ${t} = ${val.c}; if (${t} == RT_UNDEF) ${t} = ${this.toV(this.expr(p.objectAssignmentInitializer))};`);
            val = { c: t, r: "V" };
          }
          this.assignTo(p.name, val);
        } else if (ts.isPropertyAssignment(p)) {
          this.assignWithDefault(p.initializer, { c: `rt_get(${src}, ${this.atom(this.propName(p.name))})`, r: "V" });
        } else this.err(p, "unsupported destructuring assignment element");
      }
    } else this.assignTo(target, v);
  }
  assignWithDefault(el: ts.Expression, v: Val) {
    if (ts.isBinaryExpression(el) && el.operatorToken.kind === SK.EqualsToken) {
      const t = this.tmp("e");
      this.emit(`rt_value ${t} = ${v.c}; if (${t} == RT_UNDEF) ${t} = ${this.toV(this.expr(el.right))};`);
      this.destructAssign(el.left, { c: t, r: "V" });
    } else this.destructAssign(el, v);
  }
  /** emits a statement assigning v to an assignment target expression */
  assignTo(target: ts.Expression, v: Val) {
    if (ts.isArrayLiteralExpression(target) || ts.isObjectLiteralExpression(target)) return this.destructAssign(target, v);
    const t = this.tmp("v");
    this.emit(`rt_value ${t} = ${this.toV(v)};`);
    const r = this.storeVal(target, { c: t, r: "V" });
    this.emit(`(void)(${r.c});`);
  }
  storeVal(left: ts.Expression, v: Val): Val {
    while (ts.isParenthesizedExpression(left) || ts.isNonNullExpression(left) || ts.isAsExpression(left)) left = (left as ts.ParenthesizedExpression).expression;
    if (ts.isIdentifier(left)) {
      const sym = this.symbolOf(left)!;
      const t = this.lookup(sym, left);
      if (t.int) this.err(left, "internal: destructuring into an integer local");
      return { c: `(${t.c} = ${this.to(v, t.rep)})`, r: t.rep };
    }
    if (ts.isPropertyAccessExpression(left)) {
      const o = this.toV(this.expr(left.expression));
      const x = this.tmp("sv");
      return { c: `({ rt_value ${x} = ${this.toV(v)}; rt_set_ic(${o}, ${this.atom(this.mkey(left.name))}, ${x}, ${this.ic()}); ${x}; })`, r: "V" };
    }
    if (ts.isElementAccessExpression(left)) {
      const o = this.tmp("so"), k = this.tmp("sk"), x = this.tmp("sv");
      const ot = this.typeOf(left.expression);
      const ov = this.toV(this.expr(left.expression));
      const kv = this.expr(left.argumentExpression);
      if (this.typedKind(ot) && this.isNumType(left.argumentExpression))
      {
        const tk = this.taKey(kv, k);
        return { c: `({ rt_value ${o} = ${ov}; ${tk.decl} double ${x} = ${this.toD(v)}; ${this.taSet(ot, o, k, x, tk.int)}; ${x}; })`, r: "D" };
      }
      if (this.isArrayType(ot) && this.isNumType(left.argumentExpression))
        return { c: `({ rt_value ${o} = ${ov}; double ${k} = ${this.toD(kv)}; rt_value ${x} = ${this.toV(v)}; rt_aset(${o}, ${k}, ${x}); ${x}; })`, r: "V" };
      return { c: `({ rt_value ${o} = ${ov}; rt_value ${k} = ${this.toV(kv)}; rt_value ${x} = ${this.toV(v)}; rt_set_index(${o}, ${k}, ${x}); ${x}; })`, r: "V" };
    }
    this.err(left, "unsupported assignment target");
  }
  store(left: ts.Expression, right: ts.Expression, _op: undefined, _discard: boolean): Val {
    while (ts.isParenthesizedExpression(left) || ts.isNonNullExpression(left)) left = (left as ts.ParenthesizedExpression).expression;
    if (ts.isIdentifier(left)) {
      const sym = this.symbolOf(left)!;
      const v = this.expr(right);
      const t = this.lookup(sym, left);
      if (t.int) return { c: this.intRead(`(${t.c} = ${this.i64of(this.toD(v))})`), r: "D" };
      return { c: `(${t.c} = ${this.to(v, t.rep)})`, r: t.rep };
    }
    if (ts.isPropertyAccessExpression(left)) {
      if (left.expression.kind === SK.SuperKeyword) this.err(left, "assignment to super properties is not supported");
      const { pre, vals } = this.seq([left.expression, right]);
      const x = this.tmp("sv");
      return { c: `({ ${pre}rt_value ${x} = ${this.toV(vals[1])}; rt_set_ic(${this.toV(vals[0])}, ${this.atom(this.mkey(left.name))}, ${x}, ${this.ic()}); ${x}; })`, r: "V" };
    }
    if (ts.isElementAccessExpression(left)) {
      const ot = this.typeOf(left.expression);
      const numKey = this.isNumType(left.argumentExpression);
      const typed = this.typedKind(ot) && numKey;
      const arr = this.isArrayType(ot) && numKey;
      const { pre, vals } = this.seq([left.expression, left.argumentExpression, right], [undefined, numKey ? "D" : undefined, typed ? "D" : undefined]);
      const x = this.tmp("sv");
      if (typed) return { c: `({ ${pre}double ${x} = ${vals[2].c}; ${this.taSet(ot, vals[0].c, vals[1].c, x)}; ${x}; })`, r: "D" };
      if (arr) return { c: `({ ${pre}rt_value ${x} = ${this.toV(vals[2])}; rt_aset(${vals[0].c}, ${vals[1].c}, ${x}); ${x}; })`, r: "V" };
      return { c: `({ ${pre}rt_value ${x} = ${this.toV(vals[2])}; rt_set_index(${this.toV(vals[0])}, ${this.toV(vals[1])}, ${x}); ${x}; })`, r: "V" };
    }
    this.err(left, "unsupported assignment target");
  }

  compoundAssign(b: ts.BinaryExpression, discard: boolean): Val {
    const op = b.operatorToken.kind;
    const binop: Record<number, ts.BinaryOperator> = {
      [SK.PlusEqualsToken]: SK.PlusToken, [SK.MinusEqualsToken]: SK.MinusToken, [SK.AsteriskEqualsToken]: SK.AsteriskToken,
      [SK.SlashEqualsToken]: SK.SlashToken, [SK.PercentEqualsToken]: SK.PercentToken, [SK.AsteriskAsteriskEqualsToken]: SK.AsteriskAsteriskToken,
      [SK.AmpersandEqualsToken]: SK.AmpersandToken, [SK.BarEqualsToken]: SK.BarToken, [SK.CaretEqualsToken]: SK.CaretToken,
      [SK.LessThanLessThanEqualsToken]: SK.LessThanLessThanToken, [SK.GreaterThanGreaterThanEqualsToken]: SK.GreaterThanGreaterThanToken,
      [SK.GreaterThanGreaterThanGreaterThanEqualsToken]: SK.GreaterThanGreaterThanGreaterThanToken,
      [SK.AmpersandAmpersandEqualsToken]: SK.AmpersandAmpersandToken, [SK.BarBarEqualsToken]: SK.BarBarToken,
      [SK.QuestionQuestionEqualsToken]: SK.QuestionQuestionToken,
    };
    const bop = binop[op];
    const left = b.left;
    const logicalOp = bop === SK.AmpersandAmpersandToken || bop === SK.BarBarToken || bop === SK.QuestionQuestionToken;
    // fast path: a plain local/global variable
    if (ts.isIdentifier(left)) {
      const sym = this.symbolOf(left)!;
      const t = this.lookup(sym, left);
      const cur: Val = { c: t.int ? this.intRead(t.c) : t.c, r: t.rep };
      const rv = this.expr(b.right);
      if (t.int) { // analyzeInts allowed only += 1, -= 1 and bitwise operators here
        if (bop === SK.PlusToken || bop === SK.MinusToken) return { c: this.intRead(`(${t.c} ${bop === SK.PlusToken ? "+" : "-"}= 1)`), r: "D" };
        const res = this.arith(bop, cur, rv, this.typeOf(left), this.typeOf(b.right), left, b.right);
        return { c: this.intRead(`(${t.c} = ${this.i64of(this.toD(res))})`), r: "D" };
      }
      if (logicalOp) {
        const test = bop === SK.AmpersandAmpersandToken ? this.toB(cur) : bop === SK.BarBarToken ? `!${this.toB(cur)}` : `rt_is_nullish(${this.toV(cur)})`;
        return { c: `(${test} ? (${t.c} = ${this.to(rv, t.rep)}) : ${t.c})`, r: t.rep };
      }
      const res = this.arith(bop, cur, rv, this.typeOf(left), this.typeOf(b.right), left, b.right);
      return { c: `(${t.c} = ${this.to(res, t.rep)})`, r: t.rep };
    }
    // general: evaluate the reference once
    void discard;
    if (ts.isPropertyAccessExpression(left)) {
      const o = this.tmp("co"), x = this.tmp("cx");
      const ov = this.toV(this.expr(left.expression));
      const a = this.atom(this.mkey(left.name));
      const ic1 = this.ic(), ic2 = this.ic();
      const cur: Val = { c: `rt_get_ic(${o}, ${a}, ${ic1})`, r: "V" };
      const rv = this.expr(b.right);
      if (logicalOp) {
        const t = this.tmp("lc");
        const test = bop === SK.AmpersandAmpersandToken ? `rt_truthy(${t})` : bop === SK.BarBarToken ? `!rt_truthy(${t})` : `rt_is_nullish(${t})`;
        return { c: `({ rt_value ${o} = ${ov}; rt_value ${t} = ${cur.c}; if (${test}) { ${t} = ${this.toV(rv)}; rt_set_ic(${o}, ${a}, ${t}, ${ic2}); } ${t}; })`, r: "V" };
      }
      const curT: Val = { c: `${x}`, r: this.repOfType(this.typeOf(left)) === "D" ? "D" : "V" };
      const res = this.arith(bop, curT, rv, this.typeOf(left), this.typeOf(b.right), left, b.right);
      const r = this.tmp("cr");
      return { c: `({ rt_value ${o} = ${ov}; ${this.ctype(curT.r)} ${x} = ${this.to(cur, curT.r)}; rt_value ${r} = ${this.toV(res)}; rt_set_ic(${o}, ${a}, ${r}, ${ic2}); ${r}; })`, r: "V" };
    }
    if (ts.isElementAccessExpression(left)) {
      const ot = this.typeOf(left.expression);
      const numKey = this.isNumType(left.argumentExpression);
      const o = this.tmp("co"), k = this.tmp("ck"), x = this.tmp("cx"), r = this.tmp("cr");
      const ov = this.toV(this.expr(left.expression));
      const kv = this.expr(left.argumentExpression);
      const rv = this.expr(b.right);
      if (logicalOp) {
        const t = this.tmp("lc");
        const test = bop === SK.AmpersandAmpersandToken ? `rt_truthy(${t})` : bop === SK.BarBarToken ? `!rt_truthy(${t})` : `rt_is_nullish(${t})`;
        return { c: `({ rt_value ${o} = ${ov}; rt_value ${k} = ${this.toV(kv)}; rt_value ${t} = rt_get_index(${o}, ${k}); if (${test}) { ${t} = ${this.toV(rv)}; rt_set_index(${o}, ${k}, ${t}); } ${t}; })`, r: "V" };
      }
      if (this.typedKind(ot) && numKey) {
        const res = this.arith(bop, { c: x, r: "D" }, rv, this.typeOf(left), this.typeOf(b.right), left, b.right);
        const tk = this.taKey(kv, k);
        return { c: `({ rt_value ${o} = ${ov}; ${tk.decl} double ${x} = ${this.taGet(ot, o, k, tk.int)}; double ${r} = ${this.toD(res)}; ${this.taSet(ot, o, k, r, tk.int)}; ${r}; })`, r: "D" };
      }
      const elemNum = this.repOfType(this.typeOf(left)) === "D";
      const cur: Val = { c: x, r: elemNum ? "D" : "V" };
      const res = this.arith(bop, cur, rv, this.typeOf(left), this.typeOf(b.right), left, b.right);
      const get = numKey && this.isArrayType(ot) ? `rt_aget(${o}, ${k})` : `rt_get_index(${o}, ${numKey ? `rt_num(${k})` : k})`;
      const set = numKey && this.isArrayType(ot) ? `rt_aset(${o}, ${k}, ${r})` : `rt_set_index(${o}, ${numKey ? `rt_num(${k})` : k}, ${r})`;
      return {
        c: `({ rt_value ${o} = ${ov}; ${numKey ? "double" : "rt_value"} ${k} = ${numKey ? this.toD(kv) : this.toV(kv)}; ${this.ctype(cur.r)} ${x} = ${this.to({ c: get, r: "V" }, cur.r)}; rt_value ${r} = ${this.toV(res)}; ${set}; ${r}; })`,
        r: "V",
      };
    }
    this.err(left, "unsupported compound assignment target");
  }

  /** arithmetic on already-evaluated values (for compound assignment and ++) */
  arith(op: ts.BinaryOperator, l: Val, r: Val, lt: ts.Type, rt: ts.Type, _ln: ts.Node, rn: ts.Node): Val {
    const num = this.repOfType(lt) === "D" && this.repOfType(rt) === "D";
    switch (op) {
      case SK.PlusToken:
        if (num) return { c: `(${this.toD(l)} + ${this.toD(r)})`, r: "D" };
        if (this.isStringType(lt) || this.isStringType(rt)) return { c: `rt_concat(${this.toStr(l)}, ${this.toStr(r, rn)})`, r: "V" };
        return { c: `rt_add(${this.toV(l)}, ${this.toV(r)})`, r: "V" };
      case SK.MinusToken: return { c: `(${this.toD(l)} - ${this.toD(r)})`, r: "D" };
      case SK.AsteriskToken: return { c: `(${this.toD(l)} * ${this.toD(r)})`, r: "D" };
      case SK.SlashToken: return { c: `(${this.toD(l)} / ${this.toD(r)})`, r: "D" };
      case SK.PercentToken: return { c: `rt_fmod(${this.toD(l)}, ${this.toD(r)})`, r: "D" };
      case SK.AsteriskAsteriskToken: return { c: `rt_pow(${this.toD(l)}, ${this.toD(r)})`, r: "D" };
      case SK.AmpersandToken: return { c: `((double)(${this.i32of(l)} & ${this.i32of(r)}))`, r: "D" };
      case SK.BarToken: return { c: `((double)(${this.i32of(l)} | ${this.i32of(r)}))`, r: "D" };
      case SK.CaretToken: return { c: `((double)(${this.i32of(l)} ^ ${this.i32of(r)}))`, r: "D" };
      case SK.LessThanLessThanToken: return { c: `((double)(int32_t)(${this.u32of(l)} << (${this.u32of(r)} & 31)))`, r: "D" };
      case SK.GreaterThanGreaterThanToken: return { c: `((double)(${this.i32of(l)} >> (${this.u32of(r)} & 31)))`, r: "D" };
      case SK.GreaterThanGreaterThanGreaterThanToken: return { c: `((double)(${this.u32of(l)} >> (${this.u32of(r)} & 31)))`, r: "D" };
      default: this.err(rn, "unsupported compound operator");
    }
  }

  prefix(p: ts.PrefixUnaryExpression, discard: boolean): Val {
    switch (p.operator) {
      case SK.PlusPlusToken: case SK.MinusMinusToken:
        return this.incdec(p.operand, p.operator === SK.PlusPlusToken ? 1 : -1, true, discard);
      case SK.MinusToken: {
        const v = this.expr(p.operand);
        return { c: `(-${this.toD(v)})`, r: "D" };
      }
      case SK.PlusToken: return { c: this.toD(this.expr(p.operand)), r: "D" };
      case SK.ExclamationToken: return { c: `(!${this.cond(p.operand)})`, r: "B" };
      case SK.TildeToken: return { c: `((double)(~${this.i32of(this.expr(p.operand))}))`, r: "D" };
    }
    this.err(p, "unsupported unary operator");
  }
  postfix(p: ts.PostfixUnaryExpression, discard: boolean): Val {
    return this.incdec(p.operand, p.operator === SK.PlusPlusToken ? 1 : -1, false, discard);
  }
  incdec(target: ts.Expression, delta: number, prefix: boolean, discard: boolean): Val {
    while (ts.isParenthesizedExpression(target) || ts.isNonNullExpression(target)) target = (target as ts.ParenthesizedExpression).expression;
    const opc = delta > 0 ? "+" : "-";
    if (ts.isIdentifier(target)) {
      const sym = this.symbolOf(target)!;
      const t = this.lookup(sym, target);
      if (t.int) return { c: this.intRead(prefix || discard ? `(${opc}${opc}${t.c})` : `(${t.c}${opc}${opc})`), r: "D" };
      if (t.rep === "D") return { c: prefix || discard ? `(${opc}${opc}${t.c})` : `(${t.c}${opc}${opc})`, r: "D" };
      const o = this.tmp("old");
      return { c: `({ double ${o} = rt_tonum(${t.c}); ${t.c} = rt_num(${o} ${opc} 1); ${prefix ? `${o} ${opc} 1` : o}; })`, r: "D" };
    }
    if (ts.isPropertyAccessExpression(target)) {
      const ob = this.tmp("io"), o = this.tmp("old");
      const a = this.atom(this.mkey(target.name));
      return {
        c: `({ rt_value ${ob} = ${this.toV(this.expr(target.expression))}; double ${o} = rt_tonum(rt_get_ic(${ob}, ${a}, ${this.ic()})); rt_set_ic(${ob}, ${a}, rt_num(${o} ${opc} 1), ${this.ic()}); ${prefix ? `${o} ${opc} 1` : o}; })`,
        r: "D",
      };
    }
    if (ts.isElementAccessExpression(target)) {
      const ot = this.typeOf(target.expression);
      const ob = this.tmp("io"), k = this.tmp("ik"), o = this.tmp("old");
      const numKey = this.isNumType(target.argumentExpression);
      const ov = this.toV(this.expr(target.expression));
      const kv = this.expr(target.argumentExpression);
      if (this.typedKind(ot) && numKey) {
        const tk = this.taKey(kv, k);
        return { c: `({ rt_value ${ob} = ${ov}; ${tk.decl} double ${o} = ${this.taGet(ot, ob, k, tk.int)}; ${this.taSet(ot, ob, k, `${o} ${opc} 1`, tk.int)}; ${prefix ? `${o} ${opc} 1` : o}; })`, r: "D" };
      }
      if (this.isArrayType(ot) && numKey)
        return { c: `({ rt_value ${ob} = ${ov}; double ${k} = ${this.toD(kv)}; double ${o} = rt_tonum(rt_aget(${ob}, ${k})); rt_aset(${ob}, ${k}, rt_num(${o} ${opc} 1)); ${prefix ? `${o} ${opc} 1` : o}; })`, r: "D" };
      return { c: `({ rt_value ${ob} = ${ov}; rt_value ${k} = ${this.toV(kv)}; double ${o} = rt_tonum(rt_get_index(${ob}, ${k})); rt_set_index(${ob}, ${k}, rt_num(${o} ${opc} 1)); ${prefix ? `${o} ${opc} 1` : o}; })`, r: "D" };
    }
    this.err(target, "unsupported ++/-- target");
  }

  // ---- property access ----
  optionalBreak(obj: string): string {
    // used inside an optional chain: jump out when nullish
    return `({ rt_value oq_ = ${obj}; if (rt_is_nullish(oq_)) goto ${this.chainLabel()}; oq_; })`;
  }
  chainLabels: string[] = [];
  chainLabel(): string {
    return this.chainLabels[this.chainLabels.length - 1];
  }
  /** wraps the outermost node of an optional chain */
  withChain(e: ts.Expression, f: () => Val): Val {
    const isRoot = (e.flags & ts.NodeFlags.OptionalChain) !== 0 && !(
      e.parent && (e.parent.flags & ts.NodeFlags.OptionalChain) &&
      (ts.isPropertyAccessExpression(e.parent) || ts.isElementAccessExpression(e.parent) || ts.isCallExpression(e.parent)) &&
      (e.parent as ts.PropertyAccessExpression).expression === e);
    if (!isRoot) return f();
    const lbl = `oc_${++this.ntmp}`;
    this.chainLabels.push(lbl);
    const v = f();
    this.chainLabels.pop();
    const r = this.tmp("ocr");
    return { c: `({ __label__ ${lbl}; rt_value ${r} = RT_UNDEF; ${r} = ${this.toV(v)}; ${lbl}:; ${r}; })`, r: "V" };
  }

  objOf(e: ts.PropertyAccessExpression | ts.ElementAccessExpression): Val {
    const o = this.expr(e.expression);
    if (e.questionDotToken) return { c: this.optionalBreak(this.toV(o)), r: "V" };
    return o;
  }

  propAccess(e: ts.PropertyAccessExpression): Val {
    return this.withChain(e, () => {
      const name = this.mkey(e.name);
      if (e.expression.kind === SK.SuperKeyword) return { c: `rt_super_get(${this.homeExpr(e)}, ${this.atom(name)}, ${this.thisExpr()})`, r: "V" };
      // constants of Math / Number
      if (ts.isIdentifier(e.expression) && this.isGlobalName(e.expression)) {
        const k = this.globalConst(e.expression.text, name);
        if (k) return k;
      }
      const ot = this.typeOf(e.expression);
      const o = this.objOf(e);
      const rep = this.repOfType(this.typeOf(e));
      if (name === "length") {
        if (this.isArrayType(ot) && !e.questionDotToken) return { c: `rt_alen(${this.toV(o)})`, r: "D" };
        if (this.isStringType(ot) && !e.questionDotToken) return { c: `((double)rt_str_len(${this.toV(o)}))`, r: "D" };
        if (this.typedKind(ot) && !e.questionDotToken) return { c: `((double)((rt_typed *)rt_ptr(${this.toV(o)}))->length)`, r: "D" };
      }
      void rep;
      return { c: `rt_get_ic(${this.toV(o)}, ${this.atom(name)}, ${this.ic()})`, r: "V" };
    });
  }
  unsoundProp(_e: ts.Node): boolean {
    return false;
  }
  isGlobalName(id: ts.Identifier): boolean {
    const s = this.checker.getSymbolAtLocation(id);
    const d = s && this.declOf(s);
    return !d || d.getSourceFile().isDeclarationFile;
  }
  globalConst(obj: string, name: string): Val | undefined {
    const consts: Record<string, Record<string, number>> = {
      Math: { PI: Math.PI, E: Math.E, LN2: Math.LN2, LN10: Math.LN10, LOG2E: Math.LOG2E, LOG10E: Math.LOG10E, SQRT2: Math.SQRT2, SQRT1_2: Math.SQRT1_2 },
      Number: {
        MAX_SAFE_INTEGER: Number.MAX_SAFE_INTEGER, MIN_SAFE_INTEGER: Number.MIN_SAFE_INTEGER, EPSILON: Number.EPSILON,
        MAX_VALUE: Number.MAX_VALUE, MIN_VALUE: Number.MIN_VALUE, POSITIVE_INFINITY: Infinity, NEGATIVE_INFINITY: -Infinity, NaN: NaN,
      },
    };
    const v = consts[obj]?.[name];
    if (v === undefined) return undefined;
    if (name === "MIN_VALUE") return { c: "4.9406564584124654e-324", r: "D" };
    if (name === "MAX_VALUE") return { c: "1.7976931348623157e308", r: "D" };
    return { c: numLit(v), r: "D" };
  }

  elemAccess(e: ts.ElementAccessExpression): Val {
    return this.withChain(e, () => {
      if (e.expression.kind === SK.SuperKeyword) this.err(e, "super[...] is not supported");
      const ot = this.typeOf(e.expression);
      const numKey = this.isNumType(e.argumentExpression);
      const o = this.objOf(e);
      const { pre, vals } = this.seqVals([o, null], [e.argumentExpression]);
      const ov = vals[0], kv = vals[1];
      if (this.typedKind(ot) && numKey)
        return {
          c: this.wrap(pre, this.taGet(ot, this.toV(ov), this.toD(kv))), r: "D",
          vc: this.wrap(pre, `rt_tgetv(${this.toV(ov)}, ${this.toD(kv)})`),
          iv: /^Float/.test(this.typeName(ot)!) ? undefined : `(${this.wrap(pre, this.taGet(ot, this.toV(ov), this.toD(kv)).replace(/^rt_tget_(\w+?)(_i)?\(/, "rt_tgeti_$1$2("))})`,
        };
      if (this.isArrayType(ot) && numKey) return { c: this.wrap(pre, `rt_aget(${this.toV(ov)}, ${this.toD(kv)})`), r: "V" };
      if (this.isStringType(ot) && numKey) return { c: this.wrap(pre, `rt_str_at(${this.toV(ov)}, ${this.toD(kv)})`), r: "V" };
      return { c: this.wrap(pre, `rt_get_index(${this.toV(ov)}, ${this.toV(kv)})`), r: "V" };
    });
  }
  /** like seq, for an already-compiled first value followed by expressions */
  seqVals(first: (Val | null)[], rest: ts.Expression[]): { pre: string; vals: Val[] } {
    const vals: Val[] = [];
    let pre = "";
    const f = first[0]!;
    if (rest.some((x) => !this.pure(x)) && !/^(G_\[\d+\]|[A-Za-z_]\w*|L_\[\d+\])$/.test(f.c)) {
      const t = this.tmp("s");
      pre += `${this.ctype(f.r)} ${t} = ${f.c}; `;
      vals.push({ c: t, r: f.r });
    } else vals.push(f);
    const s = this.seq(rest);
    pre += s.pre;
    vals.push(...s.vals);
    return { pre, vals };
  }

  // ---- literals ----
  arrayLit(a: ts.ArrayLiteralExpression): Val {
    const els = a.elements;
    if (!els.some((x) => ts.isSpreadElement(x) || ts.isOmittedExpression(x))) {
      if (els.length === 0) return { c: "rt_array_new(0, 0)", r: "V" };
      const { pre, vals } = this.seq([...els]);
      const t = this.tmp("al");
      return { c: `({ ${pre}rt_value ${t}[${els.length}] = {${vals.map((v) => this.toV(v)).join(", ")}}; rt_array_of(${els.length}, ${t}); })`, r: "V" };
    }
    const t = this.tmp("ar");
    const parts = [`rt_value ${t} = rt_array_new(0, ${els.length});`];
    for (const x of els) {
      if (ts.isSpreadElement(x)) parts.push(`rt_array_extend(${t}, ${this.toV(this.expr(x.expression))});`);
      else if (ts.isOmittedExpression(x)) parts.push(`rt_array_push_hole(${t});`);
      else parts.push(`rt_array_push(${t}, ${this.toV(this.expr(x))});`);
    }
    return { c: `({ ${parts.join(" ")} ${t}; })`, r: "V" };
  }

  objectLit(o: ts.ObjectLiteralExpression): Val {
    const t = this.tmp("ob");
    const parts = [`rt_value ${t} = rt_obj_new_sized(rt_object_proto(), ${Math.max(4, o.properties.length)});`];
    for (const p of o.properties) {
      if (ts.isPropertyAssignment(p)) {
        const v = this.toV(this.expr(p.initializer));
        if (ts.isComputedPropertyName(p.name)) parts.push(`rt_define(${t}, rt_to_key(${this.toV(this.expr(p.name.expression))}), ${v}, RT_P_ENUM);`);
        else parts.push(`rt_define_ic(${t}, ${this.atom(this.propName(p.name))}, ${v}, ${this.ic()});`);
      } else if (ts.isShorthandPropertyAssignment(p)) {
        parts.push(`rt_define_ic(${t}, ${this.atom(this.mkey(p.name))}, ${this.toV(this.ident(p.name))}, ${this.ic()});`);
      } else if (ts.isSpreadAssignment(p)) {
        parts.push(`rt_spread_obj(${t}, ${this.toV(this.expr(p.expression))});`);
      } else if (ts.isMethodDeclaration(p)) {
        const key = this.propName(p.name);
        parts.push(`rt_define(${t}, ${this.atom(key)}, ${this.funcValue(p, key, { home: t })}, RT_P_ENUM);`);
      } else if (ts.isGetAccessorDeclaration(p) || ts.isSetAccessorDeclaration(p)) {
        const key = this.propName(p.name);
        const fv = this.funcValue(p, key);
        if (ts.isGetAccessorDeclaration(p)) parts.push(`rt_define_accessor(${t}, ${this.atom(key)}, ${fv}, RT_UNDEF, RT_P_ENUM);`);
        else parts.push(`rt_define_accessor(${t}, ${this.atom(key)}, RT_UNDEF, ${fv}, RT_P_ENUM);`);
      } else this.err(p, "unsupported object literal member");
    }
    return { c: `({ ${parts.join(" ")} ${t}; })`, r: "V" };
  }

  // ---- calls ----
  argsArray(args: readonly ts.Expression[]): { pre: string; argc: string; argv: string; spread: boolean; arr?: string } {
    if (args.some((a) => ts.isSpreadElement(a))) {
      const t = this.tmp("sa");
      const parts = [`rt_value ${t} = rt_array_new(0, ${args.length});`];
      for (const a of args) {
        if (ts.isSpreadElement(a)) parts.push(`rt_array_extend(${t}, ${this.toV(this.expr(a.expression))});`);
        else parts.push(`rt_array_push(${t}, ${this.toV(this.expr(a))});`);
      }
      return { pre: parts.join(" ") + " ", argc: "", argv: "", spread: true, arr: t };
    }
    if (args.length === 0) return { pre: "", argc: "0", argv: "0", spread: false };
    const t = this.tmp("av");
    const { pre, vals } = this.seq([...args]);
    return { pre: `${pre}rt_value ${t}[${args.length}] = {${vals.map((v) => this.toV(v)).join(", ")}}; `, argc: String(args.length), argv: t, spread: false };
  }

  call(c: ts.CallExpression): Val {
    return this.withChain(c, () => this.callInner(c));
  }
  callInner(c: ts.CallExpression): Val {
    const callee = c.expression;
    const retRep = this.repOfType(this.typeOf(c));
    const fin = (v: Val): Val => (retRep === "D" && v.r === "V" ? { c: `rt_tonum(${v.c})`, r: "D" } : retRep === "B" && v.r === "V" ? { c: `rt_truthy(${v.c})`, r: "B" } : v);
    if (callee.kind === SK.SuperKeyword) {
      const a = this.argsArray(c.arguments);
      const parent = `rt_get_proto(rt_box_ptr(self))`;
      const call = a.spread ? `rt_call_ctor_spread(${parent}, this_, ${a.arr})` : `rt_call_ctor(${parent}, this_, ${a.argc}, ${a.argv})`;
      // after super(): field initializers of this class
      const cd = this.ctx.node as ts.ClassLikeDeclaration;
      const saved = this.out;
      this.out = [];
      const ind = this.indent;
      this.indent = 0;
      const ctor = cd.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && !!m.body);
      this.fieldInits(cd, ctor);
      const fields = this.out.join(" ");
      this.out = saved;
      this.indent = ind;
      return { c: `({ ${a.pre}(void)${call}; ${fields} RT_UNDEF; })`, r: "V" };
    }
    // known globals: console.log, timers, Math, sdk natives
    const special = this.specialCall(c);
    if (special) return fin(special);
    if (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) {
      if (callee.expression.kind === SK.SuperKeyword) {
        const key = ts.isPropertyAccessExpression(callee) ? this.atom(this.mkey(callee.name)) : `rt_to_key(${this.toV(this.expr(callee.argumentExpression))})`;
        const a = this.argsArray(c.arguments);
        const f = `rt_super_get(${this.homeExpr(c)}, ${key}, ${this.thisExpr()})`;
        const call = a.spread ? `rt_call_spread(${f}, ${this.thisExpr()}, ${a.arr})` : `rt_call(${f}, ${this.thisExpr()}, ${a.argc}, ${a.argv})`;
        return fin({ c: `({ ${a.pre}${call}; })`, r: "V" });
      }
      const fast = this.fastMethod(c);
      if (fast) return fin(fast);
      const o = this.tmp("rcv");
      const ov = this.toV(this.objOf(callee));
      const a = this.argsArray(c.arguments);
      let fn: string;
      if (ts.isPropertyAccessExpression(callee)) {
        if (!a.spread && !c.questionDotToken) return fin({ c: `({ rt_value ${o} = ${ov}; ${a.pre}rt_call_method(${o}, ${this.atom(this.mkey(callee.name))}, ${this.ic()}, ${a.argc}, ${a.argv}); })`, r: "V" });
        fn = `rt_get_ic(${o}, ${this.atom(this.mkey(callee.name))}, ${this.ic()})`;
      } else fn = `rt_get_index(${o}, ${this.toV(this.expr(callee.argumentExpression))})`;
      const f = this.tmp("fn");
      const opt = c.questionDotToken ? `if (rt_is_nullish(${f})) goto ${this.chainLabel()}; ` : "";
      const call = a.spread ? `rt_call_spread(${f}, ${o}, ${a.arr})` : `rt_call(${f}, ${o}, ${a.argc}, ${a.argv})`;
      return fin({ c: `({ rt_value ${o} = ${ov}; rt_value ${f} = ${fn}; ${opt}${a.pre}${call}; })`, r: "V" });
    }
    // direct call of a top-level function
    if (ts.isIdentifier(callee) && !c.questionDotToken) {
      const sym = this.symbolOf(callee);
      const d = sym && this.declOf(sym);
      if (d && ts.isFunctionDeclaration(d) && d.body && !c.arguments.some(ts.isSpreadElement)) {
        const info = this.directInfo(d);
        if (info && info.params.length === c.arguments.length) {
          const { pre, vals } = this.seq([...c.arguments], info.params);
          const call = `${info.name}(${vals.map((v) => v.c).join(", ")})`;
          if (info.ret === "void") return { c: this.wrap(pre, `(${call}, RT_UNDEF)`), r: "V" };
          return fin({ c: this.wrap(pre, call), r: info.ret });
        }
      }
      if (d && ts.isFunctionDeclaration(d) && !d.body && d.getSourceFile().fileName.includes("/sdk/api/")) {
        const nat = this.nativeCall(c, d);
        if (nat) return fin(nat);
      }
    }
    const f = this.tmp("fn");
    const fv = this.toV(this.expr(callee));
    const a = this.argsArray(c.arguments);
    const opt = c.questionDotToken ? `if (rt_is_nullish(${f})) goto ${this.chainLabel()}; ` : "";
    const call = a.spread ? `rt_call_spread(${f}, RT_UNDEF, ${a.arr})` : `rt_call(${f}, RT_UNDEF, ${a.argc}, ${a.argv})`;
    return fin({ c: `({ rt_value ${f} = ${fv}; ${opt}${a.pre}${call}; })`, r: "V" });
  }

  /** `/** @native c_name *\/ declare function f(...)` in sdk/api modules */
  nativeCall(c: ts.CallExpression, d: ts.FunctionDeclaration): Val | undefined {
    const tag = ts.getJSDocTags(d).find((t) => t.tagName.text === "native");
    const cname = typeof tag?.comment === "string" ? tag.comment.trim() : undefined;
    if (!cname) this.err(c, `'${d.name?.text}' is declared without an implementation (missing @native tag)`);
    const sig = this.checker.getSignatureFromDeclaration(d)!;
    const rt = this.checker.getReturnTypeOfSignature(sig);
    const ret = rt.flags & (ts.TypeFlags.Void | ts.TypeFlags.Never) ? "void" : this.repOfType(rt);
    const preps = d.parameters.map((p) => this.repOfType(this.checker.getTypeAtLocation(p)));
    this.externs.add(`extern ${ret === "void" ? "void" : this.ctype(ret as Rep)} ${cname}(${preps.map((r) => this.ctype(r)).join(", ") || "void"});`);
    const args = [...c.arguments];
    while (args.length < preps.length) args.push(undefined as unknown as ts.Expression);
    const given = c.arguments.length;
    const { pre, vals } = this.seq([...c.arguments], preps);
    const all = vals.map((v) => v.c);
    for (let i = given; i < preps.length; i++) all.push(preps[i] === "D" ? "__builtin_nan(\"\")" : preps[i] === "B" ? "0" : "RT_UNDEF");
    const call = `${cname}(${all.join(", ")})`;
    if (ret === "void") return { c: this.wrap(pre, `(${call}, RT_UNDEF)`), r: "V" };
    return { c: this.wrap(pre, call), r: ret as Rep };
  }

  specialCall(c: ts.CallExpression): Val | undefined {
    const callee = c.expression;
    if (ts.isIdentifier(callee) && this.isGlobalName(callee)) {
      const n = callee.text;
      const a = c.arguments;
      if (n === "setTimeout" || n === "setInterval") {
        const { pre, vals } = this.seq([...a]);
        const fn = this.toV(vals[0]);
        const ms = vals[1] ? this.toD(vals[1]) : "0";
        const extra = vals.slice(2).map((v) => this.toV(v));
        const arr = extra.length ? `(rt_value[]){${extra.join(", ")}}` : "0";
        return { c: this.wrap(pre, `rt_tonum(rt_timer_add(${fn}, ${ms}, ${n === "setInterval" ? 1 : 0}, ${extra.length}, ${arr}))`), r: "D" };
      }
      if (n === "clearTimeout" || n === "clearInterval") {
        const v = a[0] ? this.toV(this.expr(a[0])) : "RT_UNDEF";
        return { c: `(rt_timer_clear(${v}), RT_UNDEF)`, r: "V" };
      }
      if (n === "queueMicrotask") return { c: `(rt_enqueue_microtask(${this.toV(this.expr(a[0]))}, RT_HOLE), RT_UNDEF)`, r: "V" };
      if (unsupportedGlobals[n]) this.err(callee, unsupportedGlobals[n]);
      return undefined;
    }
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && this.isGlobalName(callee.expression) && !callee.questionDotToken) {
      const obj = callee.expression.text, m = callee.name.text;
      if (obj === "console" && (m === "log" || m === "error" || m === "warn" || m === "info" || m === "debug")) {
        const a = this.argsArray(c.arguments);
        const fd = m === "error" || m === "warn" ? 2 : 1;
        if (a.spread) return { c: `({ ${a.pre}rt_console_log(${fd}, (int)rt_alen(${a.arr}), ((rt_array *)rt_ptr(${a.arr}))->items->v); RT_UNDEF; })`, r: "V" };
        return { c: `({ ${a.pre}rt_console_log(${fd}, ${a.argc}, ${a.argv}); RT_UNDEF; })`, r: "V" };
      }
      if (obj === "Math" && !c.arguments.some(ts.isSpreadElement) && c.arguments.every((x) => this.isNumType(x))) {
        const m1: Record<string, string> = {
          floor: "floor", ceil: "ceil", trunc: "rt_trunc", sqrt: "sqrt", abs: "fabs", sin: "sin", cos: "cos", tan: "tan", asin: "asin",
          acos: "acos", atan: "atan", exp: "exp", log: "log", log2: "log2", log10: "log10", round: "rt_round", sign: "rt_sign",
          cbrt: "cbrt", log1p: "log1p", expm1: "expm1", sinh: "sinh", cosh: "cosh", tanh: "tanh", asinh: "asinh", acosh: "acosh",
          atanh: "atanh", fround: "rt_fround", clz32: "rt_clz32",
        };
        const m2: Record<string, string> = { pow: "rt_pow", atan2: "atan2", imul: "rt_imul" };
        if (m1[m] && c.arguments.length >= 1) {
          const { pre, vals } = this.seq([...c.arguments], c.arguments.map(() => "D"));
          return { c: this.wrap(pre, `${m1[m]}(${vals[0].c})`), r: "D" };
        }
        if (m2[m] && c.arguments.length >= 2) {
          const { pre, vals } = this.seq([...c.arguments], c.arguments.map(() => "D"));
          return { c: this.wrap(pre, `${m2[m]}(${vals[0].c}, ${vals[1].c})`), r: "D" };
        }
        if ((m === "max" || m === "min") && c.arguments.length >= 1) {
          const { pre, vals } = this.seq([...c.arguments], c.arguments.map(() => "D"));
          let acc = vals[0].c;
          for (const v of vals.slice(1)) acc = `rt_${m}(${acc}, ${v.c})`;
          if (vals.length === 1) acc = `rt_${m}(${acc}, ${m === "max" ? "-__builtin_inf()" : "__builtin_inf()"})`;
          return { c: this.wrap(pre, acc), r: "D" };
        }
        if (m === "random" && c.arguments.length === 0) return { c: "rt_random()", r: "D" };
      }
    }
    return undefined;
  }

  /** 1 for `(a, b) => a - b`, -1 for `(a, b) => b - a` (number parameters, also as function expressions
   *  with `{ return a - b; }`), else 0: such a comparator has no side effects on numbers */
  numComparator(e: ts.Expression): number {
    while (ts.isParenthesizedExpression(e)) e = e.expression;
    if (!ts.isArrowFunction(e) && !ts.isFunctionExpression(e)) return 0;
    if (e.parameters.length !== 2 || e.asteriskToken || e.modifiers?.length) return 0;
    const ps = e.parameters;
    if (ps.some((p) => !ts.isIdentifier(p.name) || p.initializer || p.dotDotDotToken || p.questionToken || !this.isNumType(p))) return 0;
    let body: ts.Node = e.body;
    if (ts.isBlock(body)) {
      if (body.statements.length !== 1 || !ts.isReturnStatement(body.statements[0]) || !body.statements[0].expression) return 0;
      body = body.statements[0].expression;
    }
    while (ts.isParenthesizedExpression(body)) body = body.expression;
    if (!ts.isBinaryExpression(body) || body.operatorToken.kind !== SK.MinusToken || !ts.isIdentifier(body.left) || !ts.isIdentifier(body.right)) return 0;
    const l = this.symbolOf(body.left), r = this.symbolOf(body.right);
    const a = this.checker.getSymbolAtLocation(ps[0].name), b = this.checker.getSymbolAtLocation(ps[1].name);
    if (!l || !r || !a || !b) return 0;
    return l === a && r === b ? 1 : l === b && r === a ? -1 : 0;
  }
  fastMethod(c: ts.CallExpression): Val | undefined {
    const callee = c.expression;
    if (!ts.isPropertyAccessExpression(callee) || callee.questionDotToken || c.questionDotToken) return undefined;
    const ot = this.typeOf(callee.expression);
    const m = callee.name.text;
    const args = c.arguments;
    if (args.some(ts.isSpreadElement)) return undefined;
    if (this.isArrayType(ot) && m === "push" && args.length === 1) {
      const { pre, vals } = this.seq([callee.expression, args[0]]);
      const t = this.tmp("pa");
      return { c: `({ ${pre}rt_value ${t} = ${this.toV(vals[0])}; rt_array_push(${t}, ${this.toV(vals[1])}); rt_alen(${t}); })`, r: "D" };
    }
    if (this.isStringType(ot) && m === "charCodeAt" && args.length <= 1) {
      const { pre, vals } = this.seq([callee.expression, ...(args.length ? [args[0]] : [])], ["V", "D"]);
      const ik = vals[1] ? this.exactInt(vals[1]) : "0";
      if (ik !== undefined) return { c: this.wrap(pre, `rt_str_code_at_i(${vals[0].c}, ${ik})`), r: "D" };
      return { c: this.wrap(pre, `rt_str_code_at(${vals[0].c}, ${vals[1].c})`), r: "D" };
    }
    // number[].sort((a, b) => a - b) (or b - a): the runtime compares numbers without calling the arrow
    if (this.isArrayType(ot) && m === "sort" && args.length === 1) {
      const dir = this.numComparator(args[0]);
      if (dir) {
        const { pre, vals } = this.seq([callee.expression, args[0]]);
        return { c: this.wrap(pre, `rt_array_sort_num(${this.toV(vals[0])}, ${this.toV(vals[1])}, ${dir})`), r: "V" };
      }
    }
    // Map get/set/has/delete and Set add/has/delete on a receiver that is statically the built-in Map/Set
    const tn = ot.isUnion() ? undefined : this.typeName(ot);
    const cm = tn === "Map" ? ["get", "set", "has", "delete"].indexOf(m) : tn === "Set" ? ["add", "has", "delete"].indexOf(m) : -1;
    if (cm >= 0 && args.length === (tn === "Map" && m === "set" ? 2 : 1) &&
        (ot.getSymbol()?.declarations ?? []).every((d) => d.getSourceFile().isDeclarationFile && d.getSourceFile().hasNoDefaultLib)) {
      const { pre, vals } = this.seq([callee.expression, ...args]);
      const call = `rt_coll_method(${tn === "Map" ? cm : cm + 4}, ${this.toV(vals[0])}, ${args.length}, (rt_value[]){${vals.slice(1).map((v) => this.toV(v)).join(", ")}})`;
      const rep = this.repOfType(this.typeOf(c));
      return { c: this.wrap(pre, rep === "V" ? call : this.to({ c: call, r: "V" }, rep)), r: rep };
    }
    // String.prototype methods on a string receiver: the runtime's natives called directly
    if (this.isStringType(ot) && args.length >= 1 && args.length <= 2) {
      const strArg = (i: number) => this.isStringType(this.typeOf(args[i]));
      const numArg = (i: number) => i >= args.length || this.isNumType(args[i]);
      if ((m === "indexOf" && strArg(0) && numArg(1)) || (m === "substring" && numArg(0) && numArg(1))) {
        const { pre, vals } = this.seq([callee.expression, ...args]);
        const d = (i: number, dflt: string) => (vals[i] ? this.toD(vals[i]) : dflt);
        if (m === "indexOf") return { c: this.wrap(pre, `rt_str_indexof_d(${this.toV(vals[0])}, ${this.toV(vals[1])}, ${d(2, "0.0")})`), r: "D" };
        // an end that may be undefined at run time (a boxed number) means the length: the native decides
        if (vals[2] && vals[2].r !== "D")
          return { c: this.wrap(pre, `rt_str_method(${strMethods.indexOf(m)}, ${this.toV(vals[0])}, 2, (rt_value[]){${this.toV(vals[1])}, ${this.toV(vals[2])}})`), r: "V" };
        return { c: this.wrap(pre, `rt_str_substring_d(${this.toV(vals[0])}, ${d(1, "0.0")}, ${d(2, "__builtin_inf()")})`), r: "V" };
      }
    }
    const sm = strMethods.indexOf(m);
    if (sm >= 0 && this.isStringType(ot) && args.length <= 2) {
      const { pre, vals } = this.seq([callee.expression, ...args]);
      const av = vals.slice(1).map((v) => this.toV(v));
      const call = `rt_str_method(${sm}, ${this.toV(vals[0])}, ${av.length}, ${av.length ? `(rt_value[]){${av.join(", ")}}` : "0"})`;
      const rep = this.repOfType(this.typeOf(c));
      return { c: this.wrap(pre, rep === "V" ? call : this.to({ c: call, r: "V" }, rep)), r: rep };
    }
    return undefined;
  }

  newExpr(n: ts.NewExpression): Val {
    const ce = n.expression;
    if (ts.isIdentifier(ce) && this.isGlobalName(ce) && unsupportedGlobals[ce.text]) this.err(ce, unsupportedGlobals[ce.text]);
    const f = this.tmp("ctor");
    const fv = this.toV(this.expr(ce));
    const a = this.argsArray(n.arguments ?? []);
    const call = a.spread ? `rt_construct_spread(${f}, ${a.arr})` : `rt_construct(${f}, ${a.argc}, ${a.argv})`;
    return { c: `({ rt_value ${f} = ${fv}; ${a.pre}${call}; })`, r: "V" };
  }
}
