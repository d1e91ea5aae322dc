// rumpsdk/http: an HTTP/1.1 server (routes, JSON replies, keep-alive, limits) and a small client,
// over rumpsdk/net.
//   import { createServer, request } from "rumpsdk/http";
//   const app = createServer({ maxHeaderBytes: 8192, maxBodyBytes: 65536 });
//   app.get("/metrics", (req, res) => res.json({ up: 1 }));
//   app.listen(80);
//
// The server parses each connection's bytes incrementally and answers requests one at a time in
// order (pipelined requests wait in the buffer until the previous reply was sent, so replies may
// also be sent later from a callback). Malformed requests get 400, a header block over
// maxHeaderBytes or a body over maxBodyBytes 413, a request body with Transfer-Encoding 501; after
// such an error the connection is closed (the rest of the request is read and dropped first, so the
// client sees the reply). Every reply has Content-Length. HTTP/1.1 connections stay open unless the
// request says "Connection: close"; HTTP/1.0 ones only with "Connection: keep-alive".
import { connect, listen, NetError, Server, Socket } from "./net.ts";
import { concatBytes, indexOfBytes, utf8Decode, utf8Encode, utf8Length } from "./bytes.ts";
import { ETIMEDOUT } from "./errno.ts";
import { uptime } from "./sys.ts";

export interface ServerOptions {
  /** bytes of the request line and headers, with the blank line (default 8192) */
  maxHeaderBytes?: number;
  /** bytes of a request body (default 65536) */
  maxBodyBytes?: number;
  /** an idle keep-alive connection is closed after this many ms (default 5000) */
  keepAliveTimeoutMs?: number;
}

export interface Request {
  /** "GET", "POST", ... */
  method: string;
  /** the path without the query ("/metrics"), percent-decoded */
  path: string;
  /** the query parameters (percent-decoded; "+" is a space) */
  query: Map<string, string>;
  /** header names in lower case; repeated headers joined with ", " */
  headers: Map<string, string>;
  /** the body as UTF-8 text ("" without one) */
  body: string;
  /** the peer's address */
  remoteAddress: string;
}

export type Handler = (req: Request, res: Response) => void;

const REASONS: Map<number, string> = new Map<number, string>([
  [200, "OK"], [201, "Created"], [202, "Accepted"], [204, "No Content"], [301, "Moved Permanently"], [302, "Found"],
  [304, "Not Modified"], [400, "Bad Request"], [401, "Unauthorized"], [403, "Forbidden"], [404, "Not Found"],
  [405, "Method Not Allowed"], [408, "Request Timeout"], [411, "Length Required"], [413, "Content Too Large"],
  [414, "URI Too Long"], [431, "Request Header Fields Too Large"], [500, "Internal Server Error"],
  [501, "Not Implemented"], [503, "Service Unavailable"],
]);

/** The reply to one request: set status and headers, then send exactly once (json/text/html/send). */
export class Response {
  /** the status code (default 200) */
  statusCode: number = 200;
  /** true once sent */
  sent: boolean = false;
  private extra: string = "";
  private conn: Connection;
  private head: boolean;

  /** (internal) */
  constructor(conn: Connection, head: boolean) {
    this.conn = conn;
    this.head = head;
  }

  status(code: number): Response { this.statusCode = code; return this; }
  /** Adds a header (Content-Length, Content-Type and Connection are set by the server). */
  header(name: string, value: string): Response {
    this.extra += `${name}: ${value}\r\n`;
    return this;
  }
  /** Sends JSON.stringify(value) as application/json. */
  json(value: unknown): void { this.send(JSON.stringify(value), "application/json"); }
  text(s: string): void { this.send(s, "text/plain; charset=utf-8"); }
  html(s: string): void { this.send(s, "text/html; charset=utf-8"); }

  /** Sends a body with a content type. */
  send(body: string, contentType: string): void {
    if (this.sent) throw new Error("http: reply already sent");
    this.sent = true;
    const c = this.conn;
    const reason = REASONS.get(this.statusCode) ?? "Unknown";
    const close = !c.keepAlive;
    const head = `HTTP/1.1 ${this.statusCode} ${reason}\r\nContent-Type: ${contentType}\r\nContent-Length: ${utf8Length(body)}\r\n` +
      this.extra + (close ? "Connection: close\r\n\r\n" : "\r\n");
    c.socket.write(this.head ? head : head + body);
    c.replied(close);
  }
}

/** One client connection: its buffer, parser state and the request being answered. */
class Connection {
  socket: Socket;
  keepAlive: boolean = true;
  lastActive: number = uptime();
  private app: HttpServer;
  private buf: Uint8Array = new Uint8Array(0);
  private busy: boolean = false; // a request is being answered
  private done: boolean = false; // no more requests on this connection

  constructor(app: HttpServer, socket: Socket) {
    this.app = app;
    this.socket = socket;
    socket.onData((d: Uint8Array) => this.received(d));
    socket.onError((e: NetError) => {});
    socket.onClose(() => this.app.forget(this));
  }

  private received(d: Uint8Array): void {
    this.lastActive = uptime();
    if (this.done) return; // draining after an error reply
    this.buf = this.buf.length === 0 ? d : concatBytes(this.buf, d);
    this.parse();
  }

  /** (internal) the reply went out: go on with the next request in the buffer, or close */
  replied(close: boolean): void {
    this.busy = false;
    this.lastActive = uptime();
    if (close) { this.finish(); return; }
    if (this.buf.length > 0) this.parse();
  }

  /** idle for longer than ms (and not answering): closed by the server's sweep */
  idleFor(now: number, ms: number): boolean {
    return !this.busy && now - this.lastActive > ms;
  }

  /** no more requests: send FIN after the queued replies; drop what the client still sends */
  finish(): void {
    this.done = true;
    this.buf = new Uint8Array(0);
    this.socket.end();
  }

  private fail(code: number, message: string): void {
    this.done = true;
    this.keepAlive = false;
    const res = new Response(this, false);
    res.status(code).text(message + "\n");
  }

  private parse(): void {
    const app = this.app;
    while (!this.busy && !this.done && this.buf.length > 0) {
      const buf = this.buf;
      const end = indexOfBytes(buf, "\r\n\r\n");
      if (end < 0) {
        if (buf.length > app.maxHeaderBytes) this.fail(413, "request header too large");
        return;
      }
      if (end + 4 > app.maxHeaderBytes) { this.fail(413, "request header too large"); return; }
      const lines = utf8Decode(buf, 0, end).split("\r\n");
      // request line: METHOD SP target SP HTTP/1.x
      const rl = lines[0].split(" ");
      if (rl.length !== 3 || !isToken(rl[0]) || rl[1].length === 0 || rl[1].charCodeAt(0) !== 47 /* / */ ||
          (rl[2] !== "HTTP/1.1" && rl[2] !== "HTTP/1.0")) {
        this.fail(400, "malformed request line");
        return;
      }
      const headers = new Map<string, string>();
      for (let i = 1; i < lines.length; i++) {
        const line = lines[i];
        const colon = line.indexOf(":");
        const name = colon > 0 ? line.substring(0, colon) : "";
        if (!isToken(name)) { this.fail(400, "malformed header"); return; }
        const key = name.toLowerCase();
        const value = line.substring(colon + 1).trim();
        const prev = headers.get(key);
        headers.set(key, prev === undefined ? value : prev + ", " + value);
      }
      if (headers.has("transfer-encoding")) { this.fail(501, "request bodies with Transfer-Encoding are not supported"); return; }
      let length = 0;
      const cl = headers.get("content-length");
      if (cl !== undefined) {
        if (!isDigits(cl) || cl.length > 15) { this.fail(400, "malformed Content-Length"); return; }
        length = Number(cl);
        if (length > app.maxBodyBytes) { this.fail(413, "request body too large"); return; }
      }
      const total = end + 4 + length;
      if (buf.length < total) return; // wait for the rest of the body
      const body = length > 0 ? utf8Decode(buf, end + 4, total) : "";
      this.buf = buf.length === total ? new Uint8Array(0) : buf.slice(total);
      const conn = (headers.get("connection") ?? "").toLowerCase();
      this.keepAlive = rl[2] === "HTTP/1.1" ? conn.indexOf("close") < 0 : conn.indexOf("keep-alive") >= 0;
      const target = rl[1];
      const q = target.indexOf("?");
      const path = percentDecode(q < 0 ? target : target.substring(0, q), false);
      const req: Request = {
        method: rl[0], path, query: parseQuery(q < 0 ? "" : target.substring(q + 1)), headers, body,
        remoteAddress: this.socket.remoteAddress,
      };
      this.busy = true;
      app.dispatch(req, new Response(this, rl[0] === "HEAD"));
    }
  }
}

function isToken(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // tchar: visible ASCII except delimiters
    if (c <= 32 || c >= 127 || "\"(),/:;<=>?@[\\]{}".indexOf(s[i]) >= 0) return false;
  }
  return true;
}

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** %XX sequences (UTF-8) decoded; with plus, "+" is a space (query strings). Malformed %s stay as they are. */
export function percentDecode(s: string, plus: boolean): string {
  if (s.indexOf("%") < 0 && (!plus || s.indexOf("+") < 0)) return s;
  const bytes = utf8Encode(s);
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 37 && i + 2 < bytes.length && hexValue(bytes[i + 1]) >= 0 && hexValue(bytes[i + 2]) >= 0) {
      out[n++] = hexValue(bytes[i + 1]) * 16 + hexValue(bytes[i + 2]);
      i += 2;
    } else out[n++] = plus && c === 43 ? 32 : c;
  }
  return utf8Decode(out, 0, n);
}

function parseQuery(q: string): Map<string, string> {
  const m = new Map<string, string>();
  if (q.length === 0) return m;
  for (const part of q.split("&")) {
    if (part.length === 0) continue;
    const eq = part.indexOf("=");
    if (eq < 0) m.set(percentDecode(part, true), "");
    else m.set(percentDecode(part.substring(0, eq), true), percentDecode(part.substring(eq + 1), true));
  }
  return m;
}

/** An HTTP/1.1 server with exact-path routes. */
export class HttpServer {
  maxHeaderBytes: number;
  maxBodyBytes: number;
  keepAliveTimeoutMs: number;
  /** requests answered so far */
  requests: number = 0;
  private routes: Map<string, Handler> = new Map<string, Handler>();
  private paths: Set<string> = new Set<string>();
  private conns: Set<Connection> = new Set<Connection>();
  private server: Server | null = null;
  private sweep: number = 0;

  constructor(opts: ServerOptions) {
    this.maxHeaderBytes = opts.maxHeaderBytes ?? 8192;
    this.maxBodyBytes = opts.maxBodyBytes ?? 65536;
    this.keepAliveTimeoutMs = opts.keepAliveTimeoutMs ?? 5000;
  }

  /** the port listened on (0 before listen) */
  get port(): number { return this.server ? this.server.port : 0; }
  /** open connections */
  get connections(): number { return this.conns.size; }

  /** A handler for `method` on `path` (exact match of the decoded path, without the query). */
  route(method: string, path: string, handler: Handler): HttpServer {
    this.routes.set(method + " " + path, handler);
    this.paths.add(path);
    return this;
  }
  get(path: string, handler: Handler): HttpServer { return this.route("GET", path, handler); }
  post(path: string, handler: Handler): HttpServer { return this.route("POST", path, handler); }
  put(path: string, handler: Handler): HttpServer { return this.route("PUT", path, handler); }
  delete(path: string, handler: Handler): HttpServer { return this.route("DELETE", path, handler); }

  /** Starts listening (throws a NetError such as EADDRINUSE). */
  listen(port: number, host: string = "0.0.0.0"): HttpServer {
    this.server = listen(port, (s: Socket) => { this.conns.add(new Connection(this, s)); }, { host });
    this.sweep = setInterval(() => this.closeIdle(), 1000);
    return this;
  }

  /** Stops listening and closes every connection. */
  close(): void {
    if (this.server) this.server.close();
    this.server = null;
    clearInterval(this.sweep);
    for (const c of this.conns) c.socket.destroy();
    this.conns.clear();
  }

  /** (internal) a connection closed */
  forget(c: Connection): void { this.conns.delete(c); }

  /** (internal) runs the route of a parsed request */
  dispatch(req: Request, res: Response): void {
    this.requests++;
    let h = this.routes.get(req.method + " " + req.path);
    if (h === undefined && req.method === "HEAD") h = this.routes.get("GET " + req.path);
    if (h === undefined) {
      if (this.paths.has(req.path)) res.status(405).text("method not allowed\n");
      else res.status(404).text("not found\n");
      return;
    }
    try {
      h(req, res);
    } catch (e) {
      console.error(`http: ${req.method} ${req.path}: ${e}`);
      if (!res.sent) res.status(500).text("internal error\n");
    }
  }

  private closeIdle(): void {
    const now = uptime();
    for (const c of this.conns) if (c.idleFor(now, this.keepAliveTimeoutMs)) c.socket.destroy();
  }
}

/** A new HTTP server; add routes, then listen(port). */
export function createServer(opts: ServerOptions = {}): HttpServer {
  return new HttpServer(opts);
}

// ---- client ----

export interface ClientResponse {
  status: number;
  /** header names in lower case */
  headers: Map<string, string>;
  body: string;
}

export interface RequestOptions {
  headers?: Map<string, string>;
  /** gives up after this many ms with ETIMEDOUT (default 30000) */
  timeoutMs?: number;
}

/**
 * One HTTP/1.1 request ("http://host[:port]/path"; https is not supported) on its own connection
 * (Connection: close). The callback gets a NetError (connection, DNS, timeout) or an Error
 * (malformed URL or reply), or the reply with a body decoded from Content-Length, chunked
 * encoding or the end of the connection.
 */
export function request(method: string, url: string, body: string | null,
    callback: (err: Error | null, res: ClientResponse | null) => void, opts: RequestOptions = {}): void {
  if (!url.startsWith("http://")) {
    queueMicrotask(() => callback(new Error(`http: unsupported URL ${url}`), null));
    return;
  }
  const rest = url.substring(7);
  const slash = rest.indexOf("/");
  const hostPort = slash < 0 ? rest : rest.substring(0, slash);
  const path = slash < 0 ? "/" : rest.substring(slash);
  const colon = hostPort.indexOf(":");
  const host = colon < 0 ? hostPort : hostPort.substring(0, colon);
  const port = colon < 0 ? 80 : Number(hostPort.substring(colon + 1));
  if (host.length === 0 || !(port > 0 && port < 65536)) {
    queueMicrotask(() => callback(new Error(`http: malformed URL ${url}`), null));
    return;
  }
  let finished = false;
  const finish = (err: Error | null, res: ClientResponse | null) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    callback(err, res);
  };
  let data: Uint8Array = new Uint8Array(0);
  const sock = connect(host, port, (s: Socket) => {
    let head = `${method} ${path} HTTP/1.1\r\nHost: ${hostPort}\r\nConnection: close\r\n`;
    if (opts.headers) for (const [k, v] of opts.headers) head += `${k}: ${v}\r\n`;
    if (body !== null) head += `Content-Length: ${utf8Length(body)}\r\n`;
    s.write(head + "\r\n" + (body ?? ""));
  }, (e: NetError) => finish(e, null));
  sock.onData((d: Uint8Array) => { data = data.length === 0 ? d : concatBytes(data, d); });
  sock.onClose(() => {
    const r = parseResponse(data, method === "HEAD");
    if (r === null) finish(new Error("http: malformed reply"), null);
    else finish(null, r);
  });
  const timer = setTimeout(() => {
    sock.destroy();
    finish(new NetError(ETIMEDOUT, "http", url), null);
  }, opts.timeoutMs ?? 30000);
}

function parseResponse(data: Uint8Array, head: boolean): ClientResponse | null {
  const end = indexOfBytes(data, "\r\n\r\n");
  if (end < 0) return null;
  const lines = utf8Decode(data, 0, end).split("\r\n");
  const sl = lines[0];
  if (!sl.startsWith("HTTP/1.") || sl.length < 12) return null;
  const status = Number(sl.substring(9, 12));
  if (!(status >= 100 && status < 600)) return null;
  const headers = new Map<string, string>();
  for (let i = 1; i < lines.length; i++) {
    const colon = lines[i].indexOf(":");
    if (colon <= 0) return null;
    headers.set(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
  }
  const start = end + 4;
  if (head) return { status, headers, body: "" };
  if ((headers.get("transfer-encoding") ?? "").toLowerCase().indexOf("chunked") >= 0) {
    const out: string[] = [];
    let p = start;
    for (;;) {
      const le = indexOfBytes(data, "\r\n", p);
      if (le < 0) return null;
      const sizeText = utf8Decode(data, p, le);
      const semi = sizeText.indexOf(";");
      const size = parseInt(semi < 0 ? sizeText : sizeText.substring(0, semi), 16);
      if (!(size >= 0)) return null;
      if (size === 0) break;
      if (le + 2 + size > data.length) return null;
      out.push(utf8Decode(data, le + 2, le + 2 + size));
      p = le + 2 + size + 2;
    }
    return { status, headers, body: out.join("") };
  }
  const cl = headers.get("content-length");
  if (cl !== undefined) {
    const n = Number(cl);
    if (!(n >= 0) || start + n > data.length) return null;
    return { status, headers, body: utf8Decode(data, start, start + n) };
  }
  return { status, headers, body: utf8Decode(data, start, data.length) };
}
