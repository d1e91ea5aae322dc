// Kernel "httpparse": parse HTTP/1.1 request texts as a device's web server would: request line
// (method, path, query), headers into a Map with lower-case names, Content-Length and the body.
// A set of varied requests is built once, then parsed over several passes. Prints one line.
const REQUESTS = 256;
const PASSES = 400;
const METHODS = ["GET", "POST", "PUT", "DELETE"];

interface Request {
  method: string;
  path: string;
  query: string;
  headers: Map<string, string>;
  contentLength: number;
  body: string;
}

let seed = 2463534242;
function next(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return seed >>> 0;
}

function makeRequest(i: number): string {
  const r = next();
  const method = METHODS[r & 3];
  const body = method === "POST" || method === "PUT" ? `{"setpoint":${r % 1000},"unit":"C"}` : "";
  let s = `${method} /api/v1/sensors/${i % 97}/readings?from=${r >>> 12}&limit=${i % 50} HTTP/1.1\r\n`;
  s += `Host: device-${i % 13}.local\r\n`;
  s += "User-Agent: bench-client/1.0\r\n";
  s += "Accept: application/json\r\n";
  s += `X-Request-Id: ${r}\r\n`;
  if (i % 3 === 0) s += "Connection: keep-alive\r\n";
  if (body.length > 0) s += `content-type: application/json\r\nContent-Length:   ${body.length}\r\n`;
  return s + "\r\n" + body;
}

function parse(text: string): Request | null {
  const end = text.indexOf("\r\n\r\n");
  if (end < 0) return null;
  const lineEnd = text.indexOf("\r\n");
  const sp1 = text.indexOf(" ");
  const sp2 = text.indexOf(" ", sp1 + 1);
  if (sp1 < 0 || sp2 < 0 || sp2 > lineEnd) return null;
  if (text.substring(sp2 + 1, lineEnd) !== "HTTP/1.1") return null;
  const method = text.substring(0, sp1);
  const target = text.substring(sp1 + 1, sp2);
  const q = target.indexOf("?");
  const path = q < 0 ? target : target.substring(0, q);
  const query = q < 0 ? "" : target.substring(q + 1);
  const headers = new Map<string, string>();
  let pos = lineEnd + 2;
  while (pos < end) {
    const eol = text.indexOf("\r\n", pos);
    const colon = text.indexOf(":", pos);
    if (colon < 0 || colon > eol) return null;
    headers.set(text.substring(pos, colon).toLowerCase(), text.substring(colon + 1, eol).trim());
    pos = eol + 2;
  }
  const cl = headers.get("content-length");
  const contentLength = cl === undefined ? 0 : parseInt(cl, 10);
  const body = text.substring(end + 4, end + 4 + contentLength);
  return { method, path, query, headers, contentLength, body };
}

function main(): void {
  const texts: string[] = [];
  for (let i = 0; i < REQUESTS; i++) texts.push(makeRequest(i));
  let parsed = 0;
  let methods = 0;
  let paths = 0;
  let params = 0;
  let headers = 0;
  let hosts = 0;
  let lengths = 0;
  let bodies = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    for (const text of texts) {
      const req = parse(text);
      if (req === null) continue;
      parsed++;
      methods += req.method.length;
      for (let k = 0; k < req.path.length; k++) paths += req.path.charCodeAt(k);
      params += req.query.split("&").length;
      headers += req.headers.size;
      hosts += (req.headers.get("host") ?? "").length;
      lengths += req.contentLength;
      bodies += req.body.length;
    }
  }
  console.log(`httpparse: ${parsed} requests: methods ${methods} paths ${paths} params ${params} headers ${headers} hosts ${hosts} content-length ${lengths} bodies ${bodies}`);
}

main();
