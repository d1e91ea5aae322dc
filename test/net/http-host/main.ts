// The net and http APIs in one process on the host board's loopback (test/net/http.test.ts):
// an HTTP server and requests to it through rumpsdk/http's client and raw TCP sockets, UDP,
// lookup and connection errors. Prints "ok <what>" or "FAIL <what>" per check, then "done".
import { request, createServer } from "rumpsdk/http";
import { connect, listen, lookup, NetError, UdpSocket, type Socket } from "rumpsdk/net";
import { utf8Decode, utf8Encode, concatBytes } from "rumpsdk/bytes";
import { exit } from "rumpsdk/sys";

let failures = 0;
function check(cond: boolean, what: string, detail: string = ""): void {
  if (cond) console.log(`ok ${what}`);
  else { failures++; console.log(`FAIL ${what}${detail ? ": " + detail : ""}`); }
}

const app = createServer({ maxHeaderBytes: 1024, maxBodyBytes: 2048 });
app.get("/hello", (req, res) => res.json({ hi: req.query.get("name") ?? "?", path: req.path }));
app.post("/echo", (req, res) => res.header("X-Len", String(req.body.length)).text(req.body));
app.get("/later", (req, res) => { setTimeout(() => res.text("late"), 20); });
app.get("/throw", (req, res) => { throw new Error("boom"); });
app.listen(8080);

/** raw bytes to the server; the reply up to the server's close */
function raw(data: string, cb: (reply: string) => void): void {
  let got: Uint8Array = new Uint8Array(0);
  const s = connect("127.0.0.1", 8080, (s: Socket) => s.write(data), (e: NetError) => cb("error " + e.code));
  s.onData((d) => { got = concatBytes(got, d); });
  s.onClose(() => cb(utf8Decode(got)));
}

const steps: ((next: () => void) => void)[] = [
  (next) => request("GET", "http://127.0.0.1:8080/hello?name=w%C3%B6rld+x", null, (err, res) => {
    check(err === null && res !== null && res.status === 200, "GET via the client");
    if (res) {
      check(res.headers.get("content-type") === "application/json", "content type");
      check(res.body === `{"hi":"wörld x","path":"/hello"}`, "query decoding", res.body);
    }
    next();
  }),
  (next) => request("POST", "http://localhost:8080/echo", "ünïcode body", (err, res) => {
    check(res !== null && res.status === 200 && res.body === "ünïcode body" && res.headers.get("x-len") === "12", "POST body and a custom header", res ? res.body : String(err));
    next();
  }),
  (next) => request("GET", "http://127.0.0.1:8080/nope", null, (err, res) => {
    check(res !== null && res.status === 404, "404 for an unknown path"); next();
  }),
  (next) => request("DELETE", "http://127.0.0.1:8080/hello", null, (err, res) => {
    check(res !== null && res.status === 405, "405 for a known path and another method"); next();
  }),
  (next) => request("GET", "http://127.0.0.1:8080/throw", null, (err, res) => {
    check(res !== null && res.status === 500, "500 when a handler throws"); next();
  }),
  (next) => request("POST", "http://127.0.0.1:8080/echo", "x".repeat(3000), (err, res) => {
    check(res !== null && res.status === 413, "413 for a body over maxBodyBytes", res ? String(res.status) : String(err)); next();
  }),
  (next) => raw("GARBAGE\r\n\r\n", (r) => { check(r.startsWith("HTTP/1.1 400 Bad Request\r\n"), "400 for garbage", r); next(); }),
  (next) => raw("GET /hello HTTP/1.1\r\nbad header\r\n\r\n", (r) => { check(r.startsWith("HTTP/1.1 400 "), "400 for a malformed header", r); next(); }),
  (next) => raw("GET /hello HTTP/1.1\r\nContent-Length: x1\r\n\r\n", (r) => { check(r.startsWith("HTTP/1.1 400 "), "400 for a malformed Content-Length", r); next(); }),
  (next) => raw(`GET /hello HTTP/1.1\r\nX: ${"a".repeat(2000)}\r\n\r\n`, (r) => { check(r.startsWith("HTTP/1.1 413 "), "413 for a header over maxHeaderBytes", r); next(); }),
  (next) => raw(`GET /hello HTTP/1.1\r\nX: ${"a".repeat(2000)}`, (r) => { check(r.startsWith("HTTP/1.1 413 "), "413 for an unterminated header over the limit", r); next(); }),
  (next) => raw("GET /later HTTP/1.1\r\n\r\nGET /hello?name=1 HTTP/1.1\r\n\r\nPOST /echo HTTP/1.1\r\nContent-Length: 2\r\n\r\nokHEAD /hello HTTP/1.0\r\n\r\n", (r) => {
    const st = r.split("HTTP/1.1 ").length - 1;
    check(st === 4 && r.indexOf("late") < r.indexOf(`"hi":"1"`) && r.indexOf(`"hi":"1"`) < r.indexOf("\r\n\r\nok"), "pipelined requests answered in order (a late reply first)", r);
    check(r.endsWith("Connection: close\r\n\r\n"), "HEAD without a body; HTTP/1.0 closes", r);
    next();
  }),
  (next) => {
    // keep-alive: two requests on one connection, the second after the first reply
    let got = "";
    let n = 0;
    const s = connect("127.0.0.1", 8080, (s) => s.write("GET /hello HTTP/1.1\r\n\r\n"));
    s.onData((d) => {
      got += utf8Decode(d);
      if (++n === 1) s.write(utf8Encode("GET /hello HTTP/1.1\r\nConnection: close\r\n\r\n"));
    });
    s.onClose(() => { check(got.split("200 OK").length === 3, "keep-alive connection reused", got); next(); });
  },
  (next) => connect("127.0.0.1", 9, () => {}, (e) => {
    check(e instanceof NetError && e.code === "ECONNREFUSED" && e.errno === 61 && e.syscall === "connect", "ECONNREFUSED as a NetError", e.message);
    next();
  }),
  (next) => {
    try { listen(8080, () => {}); check(false, "EADDRINUSE"); } catch (e) {
      check(e instanceof NetError && e.code === "EADDRINUSE", "EADDRINUSE thrown by listen", String(e));
    }
    next();
  },
  (next) => {
    const a = new UdpSocket().bind(5353);
    const b = new UdpSocket();
    a.onMessage((d, host, port) => a.send(concatBytes(utf8Encode("re: "), d), host, port));
    b.onMessage((d, host, port) => {
      check(utf8Decode(d) === "re: ping" && host === "127.0.0.1" && port === 5353, "UDP round trip");
      a.close(); b.close(); next();
    });
    b.send("ping", "127.0.0.1", 5353);
  },
  (next) => lookup("localhost", (err, addr) => { check(err === null && addr === "127.0.0.1", "lookup localhost"); next(); }),
  (next) => lookup("no.such.host.invalid", (err, addr) => { check(err !== null && err.syscall === "getaddrinfo", "lookup failure as a NetError"); next(); }),
];

let i = 0;
function run(): void {
  if (i === steps.length) {
    check(app.requests === 11, "requests counted", String(app.requests));
    app.close();
    console.log("done");
    exit(failures ? 1 : 0);
  }
  steps[i++](run);
}
run();
