// rumpsdk/net: TCP servers and clients, UDP sockets and DNS lookup over the rump socket syscalls,
// driven by the runtime's event loop (callbacks run as macrotasks; microtasks drained after each).
//   import { listen, connect, UdpSocket, lookup, NetError } from "rumpsdk/net";
//
// Natives: sdk/runtime/io.c. Every native returns its result or -errno (NetBSD numbering, names in
// the generated ./errno.ts). Descriptors are non-blocking; the loop waits for all watched sockets in
// one poll together with the timers, and keeps running while any socket is open.
import { EAGAIN, EINPROGRESS, EINVAL, errnoName } from "./errno.ts";
import { utf8Encode } from "./bytes.ts";

/** @native rt_net_socket */
declare function nSocket(udp: boolean): number;
/** @native rt_net_bind */
declare function nBind(fd: number, host: string, port: number): number;
/** @native rt_net_listen */
declare function nListen(fd: number, backlog: number): number;
/** @native rt_net_accept */
declare function nAccept(fd: number): number;
/** @native rt_net_connect */
declare function nConnect(fd: number, host: string, port: number): number;
/** @native rt_net_read */
declare function nRead(fd: number, max: number): Uint8Array | number;
/** @native rt_net_write */
declare function nWrite(fd: number, data: Uint8Array, offset: number): number;
/** @native rt_net_shutdown */
declare function nShutdown(fd: number): number;
/** @native rt_net_close */
declare function nClose(fd: number): number;
/** @native rt_net_setopt */
declare function nSetOpt(fd: number, option: number, on: boolean): number;
/** @native rt_net_sockerror */
declare function nSockError(fd: number): number;
/** @native rt_net_address */
declare function nAddress(fd: number, peer: boolean): SocketAddress | number;
/** @native rt_net_sendto */
declare function nSendTo(fd: number, data: Uint8Array, host: string, port: number): number;
/** @native rt_net_recvfrom */
declare function nRecvFrom(fd: number, max: number): Datagram | number;
/** @native rt_net_lookup */
declare function nLookup(name: string): string | number;
/** @native rt_io_watch */
declare function ioWatch(fd: number, events: number, callback: (events: number) => void): void;
/** @native rt_io_unwatch */
declare function ioUnwatch(fd: number): void;

// the runtime's own event bits (rt_io_watch), not the kernel's POLL* values
const READABLE = 1;
const WRITABLE = 2;
const FAILED = 4;
// options of rt_net_setopt
const OPT_REUSEADDR = 1;
const OPT_NODELAY = 2;
const OPT_KEEPALIVE = 3;

const READ_CHUNK = 16384;

/** An address and port ("10.0.2.15", 80). */
export interface SocketAddress {
  address: string;
  port: number;
}

interface Datagram {
  data: Uint8Array;
  address: string;
  port: number;
}

/** A failed socket operation: `errno` (NetBSD numbering), its name `code` ("ECONNREFUSED") and the `syscall`. */
export class NetError extends Error {
  errno: number;
  code: string;
  syscall: string;
  constructor(errno: number, syscall: string, detail: string = "") {
    const code = errnoName(errno);
    super(detail ? `${syscall} ${code} ${detail}` : `${syscall} ${code}`);
    this.name = "NetError";
    this.errno = errno;
    this.code = code;
    this.syscall = syscall;
  }
}

/** true for a dotted-quad IPv4 address ("10.0.2.2"). */
export function isIPv4(s: string): boolean {
  const parts = s.split(".");
  if (parts.length !== 4) return false;
  for (const p of parts) {
    if (p.length < 1 || p.length > 3) return false;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (c < 48 || c > 57) return false;
    }
    if (Number(p) > 255) return false;
  }
  return true;
}

/**
 * Resolves a host name to an IPv4 address (dotted quads and "localhost" without asking the DNS
 * server named by the net.dns parameter or DHCP). The callback runs later, never synchronously.
 * The query itself blocks the event loop until it is answered or times out.
 */
export function lookup(name: string, callback: (err: NetError | null, address: string) => void): void {
  queueMicrotask(() => {
    const r = nLookup(name);
    if (typeof r === "number") callback(new NetError(-r, "getaddrinfo", name), "");
    else callback(null, r);
  });
}

type Callback = () => void;
const nothing: Callback = () => {};

/**
 * A TCP connection (from `connect`, or given to a server's connection callback). Writes are
 * buffered and flushed as the kernel takes them; `end()` closes the sending side once everything is
 * sent; when the peer ends its side the socket ends too (no half-open connections) and closes.
 * Errors close the socket and are reported to `onError` (then `onClose`).
 */
export class Socket {
  /** the peer's address and port */
  remoteAddress: string = "";
  remotePort: number = 0;
  /** the local port */
  localPort: number = 0;
  /** bytes written but not yet taken by the kernel */
  bufferedAmount: number = 0;
  private fd: number;
  private state: number; // 0 connecting, 1 open, 2 closed
  private queue: Uint8Array[] = [];
  private queueOffset: number = 0;
  private ending: boolean = false; // end() called
  private writeShut: boolean = false; // FIN sent
  private readEnded: boolean = false; // FIN received
  private paused: boolean = false;
  private watched: number = -1;
  private cbConnect: (s: Socket) => void = () => {};
  private cbData: (data: Uint8Array) => void = () => {};
  private cbEnd: Callback = nothing;
  private cbClose: Callback = nothing;
  private cbDrain: Callback = nothing;
  private cbError: (e: NetError) => void = () => {};
  private handler: (events: number) => void;
  /** (internal) the server's bookkeeping, run on close before onClose */
  closeHook: Callback = nothing;

  /** (internal: sockets come from `connect` and `listen`) */
  constructor(fd: number, connecting: boolean) {
    this.fd = fd;
    this.state = connecting ? 0 : 1;
    this.handler = (events: number) => this.onEvents(events);
    if (!connecting) this.learnAddresses();
  }

  /** Data received: a fresh array per chunk. */
  onData(cb: (data: Uint8Array) => void): Socket { this.cbData = cb; return this; }
  /** The peer ended its side (no more data will come). */
  onEnd(cb: () => void): Socket { this.cbEnd = cb; return this; }
  /** The socket is closed (after an end, destroy() or an error); runs once. */
  onClose(cb: () => void): Socket { this.cbClose = cb; return this; }
  /** Everything written so far has been taken by the kernel. */
  onDrain(cb: () => void): Socket { this.cbDrain = cb; return this; }
  /** A failed operation; the socket is closed afterwards. */
  onError(cb: (e: NetError) => void): Socket { this.cbError = cb; return this; }

  /** true once connected and until closed */
  get connected(): boolean { return this.state === 1; }
  /** true once closed */
  get closed(): boolean { return this.state === 2; }

  /** Queues bytes (a string is sent as UTF-8). Ignored after end() or close. */
  write(data: Uint8Array | string): void {
    if (this.state === 2 || this.ending) return;
    const bytes = typeof data === "string" ? utf8Encode(data) : data;
    if (bytes.length === 0) return;
    if (this.state === 1 && this.queue.length === 0) {
      const n = nWrite(this.fd, bytes, 0);
      if (n === bytes.length) return;
      if (n < 0 && n !== -EAGAIN) { this.fail(-n, "write"); return; }
      this.queue.push(bytes);
      this.queueOffset = n > 0 ? n : 0;
      this.bufferedAmount = bytes.length - this.queueOffset;
    } else {
      this.queue.push(bytes);
      this.bufferedAmount += bytes.length;
    }
    this.updateWatch();
  }

  /** Sends `data` if given, then closes the sending side once all is sent; the socket closes when the peer ends too. */
  end(data?: Uint8Array | string): void {
    if (data !== undefined) this.write(data);
    if (this.state === 2 || this.ending) return;
    this.ending = true;
    if (this.state === 1 && this.queue.length === 0) this.shutdownWrite();
  }

  /** Closes now, dropping unsent data. */
  destroy(): void {
    if (this.state === 2) return;
    this.state = 2;
    ioUnwatch(this.fd);
    nClose(this.fd);
    this.queue = [];
    this.bufferedAmount = 0;
    this.closeHook();
    const cb = this.cbClose;
    queueMicrotask(() => cb());
  }

  /** Stops reading (and delivering onData) until resume(). */
  pause(): void { this.paused = true; this.updateWatch(); }
  resume(): void { this.paused = false; this.updateWatch(); }

  /** TCP_NODELAY: send small writes at once (no Nagle delay). */
  setNoDelay(on: boolean = true): void { if (this.state !== 2) nSetOpt(this.fd, OPT_NODELAY, on); }
  /** SO_KEEPALIVE: the kernel probes an idle connection. */
  setKeepAlive(on: boolean = true): void { if (this.state !== 2) nSetOpt(this.fd, OPT_KEEPALIVE, on); }

  // ---- internals ----

  /** (internal) starts watching; for connect: after the non-blocking connect was issued. */
  start(onConnect: ((s: Socket) => void) | null): void {
    if (onConnect) this.cbConnect = onConnect;
    this.updateWatch();
  }

  /** (internal) reports an error and closes */
  fail(errno: number, syscall: string): void {
    if (this.state === 2) return;
    const e = new NetError(errno, syscall, this.remoteAddress ? `${this.remoteAddress}:${this.remotePort}` : "");
    this.destroy();
    this.cbError(e);
  }

  private learnAddresses(): void {
    const peer = nAddress(this.fd, true);
    if (typeof peer !== "number") { this.remoteAddress = peer.address; this.remotePort = peer.port; }
    const local = nAddress(this.fd, false);
    if (typeof local !== "number") this.localPort = local.port;
  }

  private updateWatch(): void {
    if (this.state === 2) return;
    let ev = 0;
    if (this.state === 0) ev = WRITABLE;
    else {
      if (!this.readEnded && !this.paused) ev |= READABLE;
      if (this.queue.length > 0) ev |= WRITABLE;
    }
    if (ev !== this.watched) {
      this.watched = ev;
      ioWatch(this.fd, ev, this.handler);
    }
  }

  private onEvents(events: number): void {
    if (this.state === 2) return;
    if (this.state === 0) {
      const err = nSockError(this.fd);
      if (err !== 0) { this.fail(err, "connect"); return; }
      if ((events & (WRITABLE | FAILED)) === 0) return;
      this.state = 1;
      this.learnAddresses();
      this.cbConnect(this);
      if (this.state !== 1) return;
      if (this.queue.length > 0) this.flush();
      else if (this.ending) this.shutdownWrite();
      this.updateWatch();
      return;
    }
    if ((events & (READABLE | FAILED)) !== 0 && !this.readEnded && !this.paused) {
      // read until the kernel has nothing more (a few chunks at most per wake-up)
      for (let i = 0; i < 4 && this.state === 1 && !this.paused; i++) {
        const r = nRead(this.fd, READ_CHUNK);
        if (typeof r === "number") {
          if (r === -EAGAIN) break;
          if (r < 0) { this.fail(-r, "read"); return; }
          this.peerEnded();
          break;
        }
        this.cbData(r);
        if (r.length < READ_CHUNK) break;
      }
    }
    if (this.state === 1 && (events & WRITABLE) !== 0) this.flush();
    if (this.state === 1 && (events & FAILED) !== 0 && this.readEnded) {
      const err = nSockError(this.fd);
      if (err !== 0) { this.fail(err, "poll"); return; }
    }
    this.updateWatch();
  }

  private peerEnded(): void {
    this.readEnded = true;
    this.cbEnd();
    if (this.state !== 1) return;
    if (this.writeShut) this.destroy();
    else this.end();
  }

  private flush(): void {
    while (this.queue.length > 0) {
      const head = this.queue[0];
      const n = nWrite(this.fd, head, this.queueOffset);
      if (n < 0) {
        if (n === -EAGAIN) break;
        this.fail(-n, "write");
        return;
      }
      this.queueOffset += n;
      this.bufferedAmount -= n;
      if (this.queueOffset < head.length) break;
      this.queue.shift();
      this.queueOffset = 0;
    }
    if (this.queue.length === 0) {
      this.bufferedAmount = 0;
      this.cbDrain();
      if (this.state === 1 && this.ending && !this.writeShut) this.shutdownWrite();
    }
  }

  private shutdownWrite(): void {
    this.writeShut = true;
    nShutdown(this.fd);
    if (this.readEnded) this.destroy();
  }
}

/**
 * Opens a TCP connection to host:port (a name is looked up first). `onConnect` runs once
 * connected; `onError` (also settable later with socket.onError) gets a NetError such as
 * ECONNREFUSED, ETIMEDOUT or ENOENT (name not found). Writes before the connection is up are queued.
 */
export function connect(host: string, port: number, onConnect: (s: Socket) => void, onError?: (e: NetError) => void): Socket {
  const fd = nSocket(false);
  if (fd < 0) {
    // no descriptor: a closed socket that reports the error later
    const dead = new Socket(-1, true);
    if (onError) dead.onError(onError);
    queueMicrotask(() => dead.fail(-fd, "socket"));
    return dead;
  }
  const s = new Socket(fd, true);
  if (onError) s.onError(onError);
  s.remoteAddress = host;
  s.remotePort = port;
  queueMicrotask(() => {
    let address = host;
    if (!isIPv4(host)) {
      const r = nLookup(host);
      if (typeof r === "number") { s.fail(-r, "getaddrinfo"); return; }
      address = r;
    }
    s.remoteAddress = address;
    const c = nConnect(fd, address, port);
    if (c < 0 && c !== -EINPROGRESS) { s.fail(-c, "connect"); return; }
    s.start(onConnect);
  });
  return s;
}

export interface ListenOptions {
  /** local address to bind (default "0.0.0.0": every interface) */
  host?: string;
  /** pending connections the kernel queues (default 128) */
  backlog?: number;
  /** TCP_NODELAY on every accepted connection (default true: replies leave at once) */
  noDelay?: boolean;
}

/** A listening TCP socket (from `listen`). */
export class Server {
  /** the port it listens on */
  port: number;
  /** connections accepted and not yet closed */
  connections: number = 0;
  private fd: number;
  private open: boolean = true;
  private noDelay: boolean;
  private onConnection: (s: Socket) => void;
  private cbError: (e: NetError) => void = () => {};

  /** (internal: use `listen`) */
  constructor(fd: number, port: number, noDelay: boolean, onConnection: (s: Socket) => void) {
    this.fd = fd;
    this.port = port;
    this.noDelay = noDelay;
    this.onConnection = onConnection;
    ioWatch(fd, READABLE, (events: number) => this.acceptAll());
  }

  /** accept errors other than "nothing pending" (e.g. EMFILE: out of descriptors) */
  onError(cb: (e: NetError) => void): Server { this.cbError = cb; return this; }

  /** Stops listening (open connections stay). */
  close(): void {
    if (!this.open) return;
    this.open = false;
    ioUnwatch(this.fd);
    nClose(this.fd);
  }

  private acceptAll(): void {
    for (let i = 0; i < 16 && this.open; i++) {
      const c = nAccept(this.fd);
      if (c < 0) {
        if (c !== -EAGAIN) this.cbError(new NetError(-c, "accept"));
        return;
      }
      if (this.noDelay) nSetOpt(c, OPT_NODELAY, true);
      const s = new Socket(c, false);
      this.connections++;
      s.closeHook = () => { this.connections--; };
      this.onConnection(s);
      s.start(null);
    }
  }
}

/**
 * Listens for TCP connections on `port` (0: any free port, see server.port); `onConnection` gets
 * each accepted Socket (set its callbacks there). Throws a NetError (EADDRINUSE, EACCES, ...)
 * when the port cannot be bound.
 */
export function listen(port: number, onConnection: (s: Socket) => void, opts: ListenOptions = {}): Server {
  const fd = nSocket(false);
  if (fd < 0) throw new NetError(-fd, "socket");
  nSetOpt(fd, OPT_REUSEADDR, true);
  let r = nBind(fd, opts.host ?? "0.0.0.0", port);
  if (r < 0) { nClose(fd); throw new NetError(-r, "bind", `port ${port}`); }
  r = nListen(fd, opts.backlog ?? 128);
  if (r < 0) { nClose(fd); throw new NetError(-r, "listen", `port ${port}`); }
  let bound = port;
  const a = nAddress(fd, false);
  if (typeof a !== "number") bound = a.port;
  return new Server(fd, bound, opts.noDelay ?? true, onConnection);
}

/**
 * A UDP socket. It receives from creation on (send() binds an ephemeral port; bind() picks one)
 * and keeps the program running until close().
 */
export class UdpSocket {
  /** the local port (0 until bound or first sent) */
  localPort: number = 0;
  private fd: number;
  private open: boolean;
  private cbMessage: (data: Uint8Array, address: string, port: number) => void = () => {};
  private cbError: (e: NetError) => void = () => {};

  constructor() {
    this.fd = nSocket(true);
    this.open = this.fd >= 0;
    if (!this.open) {
      const errno = -this.fd;
      queueMicrotask(() => this.cbError(new NetError(errno, "socket")));
      return;
    }
    ioWatch(this.fd, READABLE, (events: number) => this.receive());
  }

  /** Binds a local port (0: any) and address (default every interface); throws a NetError on failure. */
  bind(port: number, host: string = "0.0.0.0"): UdpSocket {
    if (!this.open) throw new NetError(EINVAL, "bind", "socket closed");
    const r = nBind(this.fd, host, port);
    if (r < 0) throw new NetError(-r, "bind", `port ${port}`);
    this.learnPort();
    return this;
  }

  /** Datagrams received: the bytes and the sender's address and port. */
  onMessage(cb: (data: Uint8Array, address: string, port: number) => void): UdpSocket { this.cbMessage = cb; return this; }
  /** Failed sends (the socket stays open). */
  onError(cb: (e: NetError) => void): UdpSocket { this.cbError = cb; return this; }

  /** Sends one datagram (a string as UTF-8) to host:port; a name is looked up first (blocking). */
  send(data: Uint8Array | string, host: string, port: number): void {
    if (!this.open) return;
    const bytes = typeof data === "string" ? utf8Encode(data) : data;
    let address = host;
    if (!isIPv4(host)) {
      const a = nLookup(host);
      if (typeof a === "number") { this.report(-a, "getaddrinfo"); return; }
      address = a;
    }
    const r = nSendTo(this.fd, bytes, address, port);
    if (r < 0) { this.report(-r, "sendto"); return; }
    if (this.localPort === 0) this.learnPort();
  }

  /** Closes the socket; no more messages. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    ioUnwatch(this.fd);
    nClose(this.fd);
  }

  private report(errno: number, syscall: string): void {
    const e = new NetError(errno, syscall);
    const cb = this.cbError;
    queueMicrotask(() => cb(e));
  }

  private learnPort(): void {
    const a = nAddress(this.fd, false);
    if (typeof a !== "number") this.localPort = a.port;
  }

  private receive(): void {
    for (let i = 0; i < 16 && this.open; i++) {
      const d = nRecvFrom(this.fd, 65536);
      if (typeof d === "number") {
        if (d !== -EAGAIN) this.report(-d, "recvfrom");
        return;
      }
      this.cbMessage(d.data, d.address, d.port);
    }
  }
}
