// Generators and async functions as state machines (see README.md, "Generators and async").
//
// Such a function compiles to a resume function `rt_value R(rt_genframe *gf_, int mode_, rt_value sent_)`
// over a heap frame. All its C locals are declared at the top of R (the emitter's declarations are
// rewritten into assignments as they are emitted), saved into the frame's slots at each suspension
// and restored on entry; a switch then jumps to the label after the suspension point. An await or
// yield inside an expression is first evaluated by statements before its statement, into a
// temporary (C cannot jump into a GNU statement expression). A try around a suspension point is
// re-entered through its RT_TRY_ENTER on resume (label TR_h before it, a dispatch switch after it),
// so that its handler lives in the new C frame. An async generator ("agen") combines both: its
// awaits suspend as an async function's, its yields as a generator's (after awaiting the operand);
// the runtime queues next/return/throw requests and tells the two kinds of suspension apart.
import ts from "typescript";

const SK = ts.SyntaxKind;
const TYPES = "rt_value|double|int|int32_t|uint32_t|int64_t|uint64_t|rt_iter|rt_handler";
const declRe = new RegExp(`^(?:volatile )?(${TYPES}) (\\w+)`);
const forDeclRe = new RegExp(`^for \\((${TYPES}) (\\w+) = `);

export class Susp {
  decls: { name: string; type: string }[] = [];
  declared = new Set<string>();
  states: { k: number; chain: string[] }[] = []; // chain: enclosing try handlers, outermost first
  tries: string[] = [];
  temps = new Map<ts.Node, string>();
  constructor(public kind: "gen" | "async" | "agen", public cname: string) {}

  declare(name: string, type: string) {
    if (this.declared.has(name)) return;
    this.declared.add(name);
    this.decls.push({ name, type });
  }

  /** rewrites one emitted line: declarations become assignments (their variables are hoisted) */
  line(line: string): string[] {
    const tm = /^if \(RT_TRY_ENTER\((\w+)\)\) \{$/.exec(line);
    if (tm) {
      this.tries.push(tm[1]);
      return [`TR_${tm[1]}: __attribute__((unused));`, line, `RS_DISP_${tm[1]}`];
    }
    if (/^return\b/.test(line)) return [`gf_->state = RT_GEN_DONE; ${line}`];
    let rest = line;
    let out = "";
    for (;;) {
      const m = declRe.exec(rest);
      if (!m) break;
      this.declare(m[2], m[1]);
      rest = rest.slice(m[0].length);
      if (rest.startsWith(" = ")) {
        const end = scanSemi(rest, 3);
        out += `${out ? " " : ""}${m[2]} = ${rest.slice(3, end)};`;
        rest = rest.slice(end + 1);
      } else if (rest.startsWith(";")) rest = rest.slice(1);
      else throw new Error(`internal: unexpected declaration form in a generator: ${line}`);
      rest = rest.replace(/^ +/, "");
    }
    if (rest) out += (out ? " " : "") + rest;
    const fm = forDeclRe.exec(out);
    if (fm) {
      this.declare(fm[2], fm[1]);
      out = `for (${fm[2]} = ` + out.slice(fm[0].length);
    }
    return out ? [out] : [];
  }

  /** code that saves every local into the frame (one line) */
  saveCode(): string {
    return this.slots().map((s) => s.save).join(" ");
  }
  slots(): { save: string; restore: string }[] {
    const r: { save: string; restore: string }[] = [];
    let i = 1; // slot 0: the arguments array
    for (const d of this.decls) {
      const n = d.name;
      if (d.type === "rt_handler") continue;
      if (d.type === "rt_value") r.push({ save: `gf_->slot[${i}] = ${n};`, restore: `${n} = gf_->slot[${i}];` }), i++;
      else if (d.type === "double") r.push({ save: `gf_->slot[${i}] = rt_num(${n});`, restore: `${n} = rt_dbl(gf_->slot[${i}]);` }), i++;
      else if (d.type === "rt_iter") {
        r.push({
          save: `gf_->slot[${i}] = ${n}.obj; gf_->slot[${i + 1}] = ${n}.aux; gf_->slot[${i + 2}] = rt_num((double)${n}.kind * 4294967296.0 + ${n}.i);`,
          restore: `${n}.obj = gf_->slot[${i}]; ${n}.aux = gf_->slot[${i + 1}]; { double d_ = rt_dbl(gf_->slot[${i + 2}]); ${n}.kind = (uint32_t)(d_ / 4294967296.0); ${n}.i = (uint32_t)(d_ - (double)${n}.kind * 4294967296.0); }`,
        });
        i += 3;
      } else r.push({ save: `gf_->slot[${i}] = rt_num((double)${n});`, restore: `${n} = (${d.type})rt_dbl(gf_->slot[${i}]);` }), i++;
    }
    return r;
  }
  nslots(): number {
    let i = 1;
    for (const d of this.decls) i += d.type === "rt_handler" ? 0 : d.type === "rt_iter" ? 3 : 1;
    return i;
  }

  /** the suspension: save, leave the frame's handlers, return; then the resume label */
  suspendLines(k: number, chain: string[], ret: string): string[] {
    this.states.push({ k, chain });
    return [`gf_->state = ${k}; RS_SAVE_${this.cname}; rt_cur_handler = h0_; return ${ret};`, `S${k}_: rs_ = 0;`];
  }

  /** the C text of the resume function, its macros and the function's uniform entry */
  finish(code: string, volatileLocals: boolean, entryName: string): { protos: string[]; bodies: string[] } {
    const R = `R_${this.cname}`;
    const vol = volatileLocals ? "volatile " : "";
    const decls = this.decls.map((d) => {
      if (d.type === "rt_handler") return `rt_handler ${d.name};`;
      if (d.type === "rt_iter") return `rt_iter ${d.name} = {0, 0, 0, 0}; (void)${d.name};`;
      return `${vol}${d.type} ${d.name} = ${d.type === "rt_value" ? "RT_UNDEF" : "0"}; (void)${d.name};`;
    });
    const target = (chain: string[], k: number, from: number) => (chain.length > from ? `TR_${chain[from]}` : `S${k}_`);
    const macros: string[] = [`#define RS_SAVE_${this.cname} do { ${this.saveCode()} } while (0)`];
    for (const h of this.tries) {
      const cases = this.states
        .filter((s) => s.chain.includes(h))
        .map((s) => `case ${s.k}: goto ${target(s.chain, s.k, s.chain.indexOf(h) + 1)};`);
      macros.push(`#define RS_DISP_${h} ${cases.length ? `if (rs_) switch (gf_->state) { ${cases.join(" ")} default: break; }` : ""}`);
    }
    const top = this.states.map((s) => `case ${s.k}: goto ${target(s.chain, s.k, 0)};`);
    const restore = this.slots().map((s) => s.restore).join(" ");
    const body = [
      `static rt_value ${R}(rt_genframe *gf_, int mode_, rt_value sent_) {`,
      `\trt_function *self = (rt_function *)rt_ptr(gf_->self); rt_value this_ = gf_->this_;`,
      `\trt_array *args_ = (rt_array *)rt_ptr(gf_->slot[0]); int argc = (int)args_->len; const rt_value *argv = argc ? args_->items->v : 0;`,
      `\trt_handler *h0_ = rt_cur_handler; volatile int rs_ = 0;`,
      `\t(void)self; (void)this_; (void)argc; (void)argv; (void)h0_; (void)rs_; (void)mode_; (void)sent_;`,
      ...decls.map((d) => `\t${d}`),
      `\tRT_STACK_CHECK();`,
      top.length ? `\tif (gf_->state) { ${restore} rs_ = 1; switch (gf_->state) { ${top.join(" ")} default: break; } }` : "",
      code,
      `}`,
    ].join("\n");
    const undefs = [`#undef RS_SAVE_${this.cname}`, ...this.tries.map((h) => `#undef RS_DISP_${h}`)];
    const entry =
      `static rt_value ${entryName}(rt_function *self, rt_value this_, int argc, const rt_value *argv) {\n` +
      `\trt_value g = rt_gen_new(${R}, rt_box_ptr(self), this_, ${this.nslots()}, ${this.kind === "gen" ? 0 : this.kind === "async" ? 1 : 2});\n` +
      `\t((rt_genframe *)rt_ptr(g))->slot[0] = rt_array_of(argc, argv);\n` +
      `\treturn ${this.kind === "async" ? "rt_async_start(g)" : "g"};\n}`;
    return {
      protos: [`static rt_value ${entryName}(rt_function *self, rt_value this_, int argc, const rt_value *argv);`, `static rt_value ${R}(rt_genframe *gf_, int mode_, rt_value sent_);`],
      bodies: [[...macros, body, ...undefs].join("\n"), entry],
    };
  }
}

/** index of the ';' ending a C expression that starts at i (outside brackets and literals) */
function scanSemi(s: string, i: number): number {
  let depth = 0;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'") {
      for (i++; i < s.length && s[i] !== c; i++) if (s[i] === "\\") i++;
    } else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === ";" && depth === 0) return i;
  }
  throw new Error(`internal: unterminated declaration: ${s}`);
}

/**
 * The awaits/yields that a statement evaluates before its own code, innermost first, from its
 * head expressions (not nested statements or functions). Those in positions evaluated
 * conditionally or repeatedly are rejected through `err`.
 */
export function suspensionsOf(s: ts.Statement, err: (n: ts.Node, m: string) => never): ts.Node[] {
  const heads: ts.Node[] = [];
  const bad: ts.Node[] = [];
  if (ts.isExpressionStatement(s) || ts.isReturnStatement(s) || ts.isThrowStatement(s)) s.expression && heads.push(s.expression);
  else if (ts.isVariableStatement(s)) heads.push(s.declarationList);
  else if (ts.isIfStatement(s) || ts.isSwitchStatement(s) || ts.isForOfStatement(s) || ts.isForInStatement(s)) heads.push(s.expression);
  else if (ts.isForStatement(s)) {
    if (s.initializer) heads.push(s.initializer);
    if (s.condition) bad.push(s.condition);
    if (s.incrementor) bad.push(s.incrementor);
  } else if (ts.isWhileStatement(s) || ts.isDoStatement(s)) bad.push(s.expression);
  else if (ts.isSwitchStatement(s)) bad.push(s);
  const out: ts.Node[] = [];
  const what = (n: ts.Node) => (ts.isAwaitExpression(n) ? "await" : "yield");
  const visit = (n: ts.Node, cond: boolean) => {
    if (ts.isFunctionLike(n) || ts.isClassLike(n)) return;
    if (ts.isAwaitExpression(n) || ts.isYieldExpression(n)) {
      if (cond)
        err(n, `${what(n)} in a conditionally evaluated operand (&&, ||, ??, ?:, ?., a default value) is not supported: compute it in an if statement first`);
      if (n.expression) visit(n.expression, cond);
      out.push(n);
      return;
    }
    if (ts.isBinaryExpression(n)) {
      const op = n.operatorToken.kind;
      const lazy = op === SK.AmpersandAmpersandToken || op === SK.BarBarToken || op === SK.QuestionQuestionToken ||
        op === SK.AmpersandAmpersandEqualsToken || op === SK.BarBarEqualsToken || op === SK.QuestionQuestionEqualsToken;
      visit(n.left, cond);
      visit(n.right, cond || lazy);
      return;
    }
    if (ts.isConditionalExpression(n)) {
      visit(n.condition, cond);
      visit(n.whenTrue, true);
      visit(n.whenFalse, true);
      return;
    }
    if (ts.isBindingElement(n) || ts.isParameter(n)) {
      visit(n.name, cond);
      if (n.initializer) visit(n.initializer, true);
      return;
    }
    if ((ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n) || ts.isCallExpression(n)) && n.questionDotToken) {
      ts.forEachChild(n, (c) => visit(c, c !== n.expression || cond));
      return;
    }
    ts.forEachChild(n, (c) => visit(c, cond));
  };
  for (const h of heads) visit(h, false);
  for (const b of bad) {
    const probe = (n: ts.Node) => {
      if (ts.isFunctionLike(n) || ts.isClassLike(n)) return;
      if (ts.isAwaitExpression(n) || ts.isYieldExpression(n))
        err(n, `${what(n)} in a loop condition or increment is not supported: compute it in a statement inside the loop (e.g. for (;;) { const v = ${what(n)} ...; if (!v) break; })`);
      ts.forEachChild(n, probe);
    };
    probe(b);
  }
  return out;
}

/** rejects await/yield inside finally blocks and switch case labels (copied or conditional code) */
export function checkSuspendPlacement(body: ts.Node, err: (n: ts.Node, m: string) => never) {
  const visit = (n: ts.Node, inFinally: boolean) => {
    if (ts.isFunctionLike(n) || ts.isClassLike(n)) return;
    if ((ts.isAwaitExpression(n) || ts.isYieldExpression(n)) && inFinally)
      err(n, `${ts.isAwaitExpression(n) ? "await" : "yield"} inside a finally block is not supported: move it after the try statement`);
    if (ts.isCaseClause(n)) {
      const probe = (x: ts.Node) => {
        if (ts.isFunctionLike(x)) return;
        if (ts.isAwaitExpression(x) || ts.isYieldExpression(x)) err(x, "await/yield in a case label is not supported: compute it before the switch");
        ts.forEachChild(x, probe);
      };
      probe(n.expression);
    }
    if (ts.isTryStatement(n)) {
      visit(n.tryBlock, inFinally);
      if (n.catchClause) visit(n.catchClause, inFinally);
      if (n.finallyBlock) visit(n.finallyBlock, true);
      return;
    }
    ts.forEachChild(n, (c) => visit(c, inFinally));
  };
  visit(body, false);
}

/** what emitSuspensions needs from the emitter */
interface Host {
  ctx: { susp?: Susp; jumps: { kind: string; handler?: string }[] };
  out: string[];
  indent: number;
  emit(line: string): void;
  tmp(prefix?: string): string;
  expr(e: ts.Expression): { c: string; r: "D" | "B" | "V" };
  toV(v: { c: string; r: "D" | "B" | "V" }): string;
  unwindAll(): void;
  err(n: ts.Node, m: string): never;
}

/** emits, before statement s, the awaits/yields its head expressions contain (into temporaries) */
export function emitSuspensions(h: Host, s: ts.Statement) {
  const susp = h.ctx.susp!;
  const raw = (l: string) => h.out.push("\t".repeat(h.indent) + l);
  for (const n of suspensionsOf(s, (x, m) => h.err(x, m))) {
    const t = h.tmp("aw");
    const operand = (n as ts.AwaitExpression | ts.YieldExpression).expression;
    h.emit(`rt_value ${t} = ${operand ? h.toV(h.expr(operand)) : "RT_UNDEF"};`);
    const chain = h.ctx.jumps.filter((j) => j.kind === "try" || j.kind === "finally").map((j) => j.handler!);
    const k = susp.states.length + 1;
    const returnSent = () => {
      // generator.return(v) at this point: leave as a return statement would (finally blocks run)
      h.emit("{");
      h.indent++;
      h.emit(`${t} = sent_;`);
      h.unwindAll();
      h.emit(`return ${t};`);
      h.indent--;
      h.emit("}");
    };
    if (ts.isAwaitExpression(n)) {
      if (susp.kind === "gen") h.err(n, "await is only valid in async functions");
      emitAwait(h, t);
    } else if ((n as ts.YieldExpression).asteriskToken) {
      if (susp.kind === "agen") h.err(n, "yield* in an async generator is not supported yet: for await (const v of inner) yield v; (return values and throw/return forwarding are not delegated)");
      raw(`gf_->delegate = rt_get_iterator(${t}); mode_ = 0; sent_ = RT_UNDEF;`);
      susp.states.push({ k, chain });
      raw(`S${k}_: rs_ = 0;`);
      raw(`{ rt_value dv_; int dr_ = rt_gen_delegate(gf_, mode_, sent_, &dv_); ${t} = dv_; if (dr_ == 0) { gf_->state = ${k}; RS_SAVE_${susp.cname}; rt_cur_handler = h0_; return dv_; } mode_ = dr_; }`);
      raw(`if (mode_ == 2) {`);
      h.indent++;
      h.emit(`sent_ = ${t};`);
      h.indent--;
      raw(`}`);
      raw(`if (mode_ == 2)`);
      returnSent();
    } else if (susp.kind === "agen") {
      // yield in an async generator: await the operand; a return(v) request awaits v, then returns
      emitAwait(h, t);
      const ky = susp.states.length + 1;
      for (const l of susp.suspendLines(ky, chain, t)) raw(l);
      raw(`if (mode_ == 1) rt_throw(sent_);`);
      raw(`if (mode_ == 2) {`);
      h.indent++;
      h.emit(`${t} = sent_;`);
      emitAwait(h, t);
      h.unwindAll();
      h.emit(`return ${t};`);
      h.indent--;
      raw(`}`);
      raw(`${t} = sent_;`);
    } else {
      for (const l of susp.suspendLines(k, chain, t)) raw(l);
      raw(`if (mode_ == 1) rt_throw(sent_);`);
      raw(`if (mode_ == 2)`);
      returnSent();
      raw(`${t} = sent_;`);
    }
    susp.temps.set(n, t);
  }
}

/**
 * Emits an await of the value in the C variable t (an rt_value local of the function) as a
 * suspension point; t then holds the result (a rejection throws there). depth: only the jumps
 * below it are still entered (an await emitted while unwinding, e.g. closing a for await loop).
 */
export function emitAwait(h: Host, t: string, depth?: number) {
  const susp = h.ctx.susp!;
  const raw = (l: string) => h.out.push("\t".repeat(h.indent) + l);
  const jumps = depth === undefined ? h.ctx.jumps : h.ctx.jumps.slice(0, depth);
  const chain = jumps.filter((j) => j.kind === "try" || j.kind === "finally").map((j) => j.handler!);
  raw(`rt_async_await(gf_, ${t});`);
  for (const l of susp.suspendLines(susp.states.length + 1, chain, "RT_UNDEF")) raw(l);
  raw(`if (mode_ == 1) rt_throw(sent_);`);
  raw(`${t} = sent_;`);
}
