// rumpsdk/mqtt: an MQTT 3.1.1 client over rumpsdk/net (TCP), event-driven with callbacks.
//   import { MqttClient } from "rumpsdk/mqtt";
//   const c = new MqttClient({ host: "10.0.2.2", clientId: "sensor-1" });
//   c.onConnect(() => c.subscribe("cmd/#", 1)).onMessage((topic, payload) => ...).connect();
//   c.publish("readings", '{"t":21.5}', { qos: 1 });
//
// What it does: CONNECT with client id, clean session, keep-alive, user name/password and a last
// will; PUBLISH QoS 0 and 1 (QoS 1 kept until PUBACK and sent again with DUP after a reconnect);
// SUBSCRIBE/UNSUBSCRIBE with their acks; incoming QoS 0, 1 (PUBACK) and 2 (PUBREC/PUBREL/PUBCOMP).
// Keep-alive: a PINGREQ when nothing was sent for keepAlive seconds; no answer within pingTimeoutMs
// means the connection is dead. A lost connection is retried with exponential backoff (backoffMinMs
// doubling to backoffMaxMs, back to the minimum after a successful CONNACK); subscriptions are
// renewed when the broker kept no session. Bytes the broker sends that break the protocol close the
// connection with an MqttError "malformed" (then a reconnect), never an exception into the program.
import { utf8Encode } from "./bytes.ts";
import { connect as tcpConnect, NetError, Socket } from "./net.ts";
import { uptime } from "./sys.ts";
import {
  CONNACK, connackReason, encodeAck, encodeConnect, encodeDisconnect, encodePingreq, encodePublish,
  encodeSubscribe, encodeUnsubscribe, MqttError, MqttReader, PINGRESP, PUBACK, PUBCOMP, PUBLISH, PUBREC,
  PUBREL, SUBACK, UNSUBACK, withDup, type Packet, type Will,
} from "./mqtt-packet.ts";

export { MqttError } from "./mqtt-packet.ts";
export type { Will } from "./mqtt-packet.ts";

export interface MqttOptions {
  /** the broker: an IPv4 address or a name to look up */
  host: string;
  /** default 1883 */
  port?: number;
  /** client identifier (empty: the broker assigns one; needs cleanSession) */
  clientId: string;
  /** start without the broker's stored session (default true) */
  cleanSession?: boolean;
  /** seconds between control packets; a PINGREQ fills silences (default 30, 0 turns it off) */
  keepAlive?: number;
  username?: string;
  password?: string | Uint8Array;
  /** the message the broker publishes when this client vanishes without DISCONNECT */
  will?: Will;
  /** reconnect after a lost connection or a failed attempt (default true) */
  reconnect?: boolean;
  /** first reconnect delay (default 500 ms), doubled per failure up to backoffMaxMs (default 30 s) */
  backoffMinMs?: number;
  backoffMaxMs?: number;
  /** a TCP connect plus CONNACK taking longer fails the attempt (default 10 s) */
  connectTimeoutMs?: number;
  /** no PINGRESP (or any packet) this long after a PINGREQ: the connection is dead (default: keepAlive, at least 2 s) */
  pingTimeoutMs?: number;
  /** QoS 1 messages waiting for their PUBACK at most (default 100); more are refused with "queue-full" */
  maxQueued?: number;
  /** the largest packet accepted from the broker (default 256 KiB) */
  maxPacket?: number;
}

export interface PublishOptions {
  /** 0 (at most once, the default) or 1 (at least once: kept until the broker's PUBACK) */
  qos?: number;
  retain?: boolean;
}

/** An incoming application message. */
export interface Message {
  topic: string;
  payload: Uint8Array;
  qos: number;
  retain: boolean;
  /** the broker says it may have sent this before */
  dup: boolean;
}

interface Outgoing {
  bytes: Uint8Array;
  sent: boolean;
  cb: (err: MqttError | null) => void;
}

interface Request {
  bytes: Uint8Array;
  /** SUBSCRIBE: the filters, for the SUBACK's per-filter codes; UNSUBSCRIBE: empty */
  filters: string[];
  subscribe: boolean;
  cb: (err: MqttError | null, granted: number[]) => void;
}

// connection states
const IDLE = 0;
const CONNECTING = 1; // TCP connect under way
const WAITING = 2; // CONNECT sent, waiting for CONNACK
const CONNECTED = 3;

const noop = () => {};

/** An MQTT 3.1.1 client. Set the callbacks, then connect(). */
export class MqttClient {
  private opts: MqttOptions;
  private port: number;
  private keepAliveMs: number;
  private pingTimeoutMs: number;
  private state: number = IDLE;
  private ended: boolean = true; // connect() not called, or end() called
  private gen: number = 0; // bumped per connection: callbacks of older sockets are ignored
  private sock: Socket | null = null;
  private reader: MqttReader;
  private attemptAt: number = 0;
  private lastSent: number = 0;
  private pingSentAt: number = -1;
  private ticker: number = -1;
  private retryTimer: number = -1;
  private backoff: number;
  private nextId: number = 0;
  private outbox: Map<number, Outgoing> = new Map();
  private requests: Map<number, Request> = new Map();
  /** the subscriptions the application asked for (filter -> QoS), renewed on a new session */
  private subs: Map<string, number> = new Map();
  /** incoming QoS 2 packet ids delivered and waiting for PUBREL */
  private qos2: Set<number> = new Set();
  private cbConnect: (sessionPresent: boolean) => void = noop;
  private cbMessage: (topic: string, payload: Uint8Array, msg: Message) => void = noop;
  private cbClose: () => void = noop;
  private cbError: (e: Error) => void = noop;

  constructor(opts: MqttOptions) {
    this.opts = opts;
    this.port = opts.port ?? 1883;
    const ka = opts.keepAlive ?? 30;
    this.keepAliveMs = ka * 1000;
    this.pingTimeoutMs = opts.pingTimeoutMs ?? Math.max(2000, this.keepAliveMs);
    this.backoff = opts.backoffMinMs ?? 500;
    this.reader = new MqttReader(opts.maxPacket ?? 256 * 1024);
    // the CONNECT packet is checked here, so bad options throw at once
    this.connectPacket();
  }

  /** Connected (CONNACK accepted); sessionPresent: the broker kept this client's session. */
  onConnect(cb: (sessionPresent: boolean) => void): MqttClient { this.cbConnect = cb; return this; }
  /** An application message on a subscribed topic (bytes; utf8Decode from rumpsdk/bytes for text). */
  onMessage(cb: (topic: string, payload: Uint8Array, msg: Message) => void): MqttClient { this.cbMessage = cb; return this; }
  /** An established connection ended (a reconnect follows unless end() was called). */
  onClose(cb: () => void): MqttClient { this.cbClose = cb; return this; }
  /** A failure: NetError (ECONNREFUSED...) or MqttError ("refused", "timeout", "malformed", "closed"...). */
  onError(cb: (e: Error) => void): MqttClient { this.cbError = cb; return this; }

  /** true between an accepted CONNACK and the connection's end */
  get connected(): boolean { return this.state === CONNECTED; }
  /** QoS 1 messages waiting for their PUBACK */
  get queued(): number { return this.outbox.size; }
  /** the delay before the next reconnect attempt, milliseconds */
  get backoffMs(): number { return this.backoff; }

  /** Starts connecting (and keeps reconnecting unless options.reconnect is false). */
  connect(): MqttClient {
    if (!this.ended) return this;
    this.ended = false;
    this.open();
    return this;
  }

  /**
   * Publishes a message (a string is sent as UTF-8). QoS 0 needs a connection (else the callback
   * gets "not-connected" and false is returned); QoS 1 is queued while disconnected and the
   * callback runs on PUBACK. Throws MqttError "invalid" for a bad topic or QoS.
   */
  publish(topic: string, payload: string | Uint8Array, opts: PublishOptions = {}, cb: (err: MqttError | null) => void = noop): boolean {
    const qos = opts.qos ?? 0;
    if (qos !== 0 && qos !== 1) throw new MqttError("invalid", `publish QoS ${qos}: this client sends QoS 0 or 1`);
    const body = typeof payload === "string" ? utf8Encode(payload) : payload;
    if (qos === 0) {
      const bytes = encodePublish(topic, body, 0, opts.retain === true, false, 0);
      if (this.state !== CONNECTED) {
        later(() => cb(new MqttError("not-connected", "publish: not connected to the broker")));
        return false;
      }
      this.send(bytes);
      later(() => cb(null));
      return true;
    }
    if (this.outbox.size >= (this.opts.maxQueued ?? 100)) {
      encodePublish(topic, body, 1, opts.retain === true, false, 1); // still throw for bad arguments
      later(() => cb(new MqttError("queue-full", `publish: ${this.outbox.size} QoS 1 messages already wait for PUBACK`)));
      return false;
    }
    const id = this.allocId();
    const o: Outgoing = { bytes: encodePublish(topic, body, 1, opts.retain === true, false, id), sent: false, cb };
    this.outbox.set(id, o);
    if (this.state === CONNECTED) {
      o.sent = true;
      this.send(o.bytes);
    }
    return true;
  }

  /**
   * Subscribes to a topic filter with a maximum QoS (0 or 1; 2 is asked as given). The callback
   * gets the granted QoS list on SUBACK, or "subscribe-failed". Kept across reconnects.
   */
  subscribe(filter: string, qos: number = 0, cb: (err: MqttError | null, granted: number[]) => void = noop): void {
    const id = this.allocId();
    const bytes = encodeSubscribe(id, [filter], [qos]);
    this.subs.set(filter, qos);
    this.request(id, { bytes, filters: [filter], subscribe: true, cb });
  }

  /** Removes a subscription; the callback runs on UNSUBACK. */
  unsubscribe(filter: string, cb: (err: MqttError | null) => void = noop): void {
    const id = this.allocId();
    const bytes = encodeUnsubscribe(id, [filter]);
    this.subs.delete(filter);
    this.request(id, { bytes, filters: [], subscribe: false, cb: (err: MqttError | null, granted: number[]) => cb(err) });
  }

  /**
   * Disconnects cleanly (DISCONNECT: the broker drops the will) and stops reconnecting. Messages and
   * requests still waiting get "closed". connect() starts again.
   */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.retryTimer >= 0) { clearTimeout(this.retryTimer); this.retryTimer = -1; }
    const was = this.state;
    const s = this.sock;
    this.drop();
    if (s !== null) {
      if (was === CONNECTED) s.end(encodeDisconnect());
      else s.destroy();
    }
    const closed = new MqttError("closed", "the client was ended");
    const outs: Outgoing[] = [];
    this.outbox.forEach((o) => { outs.push(o); });
    const reqs: Request[] = [];
    this.requests.forEach((r) => { reqs.push(r); });
    this.outbox.clear();
    this.requests.clear();
    later(() => {
      for (const o of outs) o.cb(closed);
      for (const r of reqs) r.cb(closed, []);
      if (was === CONNECTED) this.cbClose();
    });
  }

  // ---- connection ----

  private connectPacket(): Uint8Array {
    const o = this.opts;
    return encodeConnect({
      clientId: o.clientId, cleanSession: o.cleanSession ?? true, keepAlive: Math.floor(this.keepAliveMs / 1000),
      username: o.username, password: o.password, will: o.will,
    });
  }

  private open(): void {
    this.state = CONNECTING;
    this.reader.reset();
    this.pingSentAt = -1;
    this.attemptAt = uptime();
    const gen = ++this.gen;
    const s = tcpConnect(this.opts.host, this.port, (sock: Socket) => {
      if (gen !== this.gen) return;
      sock.setNoDelay(true);
      this.state = WAITING;
      this.send(this.connectPacket());
    }, (e: NetError) => {
      if (gen === this.gen) this.lost(e);
    });
    s.onData((d: Uint8Array) => {
      if (gen === this.gen) this.receive(d, gen);
    });
    s.onClose(() => {
      if (gen === this.gen) this.lost(new MqttError("closed", `the broker ${this.opts.host}:${this.port} closed the connection`));
    });
    this.sock = s;
    this.startTicker();
  }

  /** Forgets the current socket (its callbacks are ignored from now on) and the timers. */
  private drop(): void {
    this.gen++;
    this.sock = null;
    this.state = IDLE;
    if (this.ticker >= 0) { clearInterval(this.ticker); this.ticker = -1; }
  }

  /** The connection (or the attempt) failed or ended: report, then retry after the backoff. */
  private lost(err: Error): void {
    if (this.state === IDLE) return;
    const was = this.state;
    const s = this.sock;
    this.drop();
    if (s !== null) s.destroy();
    this.cbError(err);
    if (was === CONNECTED) this.cbClose();
    if (this.ended || this.opts.reconnect === false) {
      this.ended = true;
      return;
    }
    const delay = this.backoff;
    this.backoff = Math.min(delay * 2, this.opts.backoffMaxMs ?? 30000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = -1;
      if (!this.ended && this.state === IDLE) this.open();
    }, delay);
  }

  private send(bytes: Uint8Array): void {
    if (this.sock === null) return;
    this.sock.write(bytes);
    this.lastSent = uptime();
  }

  private startTicker(): void {
    const period = this.keepAliveMs > 0 ? Math.min(500, this.keepAliveMs / 4) : 500;
    this.ticker = setInterval(() => this.tick(), period);
  }

  /** Connect timeout, keep-alive pings and the dead-connection check. */
  private tick(): void {
    const now = uptime();
    if (this.state === CONNECTING || this.state === WAITING) {
      const limit = this.opts.connectTimeoutMs ?? 10000;
      if (now - this.attemptAt > limit) this.lost(new MqttError("timeout", `no CONNACK from ${this.opts.host}:${this.port} within ${limit} ms`));
      return;
    }
    if (this.state !== CONNECTED || this.keepAliveMs <= 0) return;
    if (this.pingSentAt >= 0) {
      if (now - this.pingSentAt > this.pingTimeoutMs) this.lost(new MqttError("timeout", `no PINGRESP within ${this.pingTimeoutMs} ms: the connection is dead`));
      return;
    }
    if (now - this.lastSent >= this.keepAliveMs) {
      this.send(encodePingreq());
      this.pingSentAt = now;
    }
  }

  private receive(d: Uint8Array, gen: number): void {
    this.reader.push(d);
    for (;;) {
      let p: Packet | undefined;
      try {
        p = this.reader.next();
      } catch (e) {
        this.lost(e instanceof Error ? e : new MqttError("malformed", String(e)));
        return;
      }
      if (p === undefined) return;
      this.pingSentAt = -1; // any packet shows the connection is alive
      this.handle(p);
      if (gen !== this.gen) return; // the packet (or a callback) ended this connection
    }
  }

  private handle(p: Packet): void {
    if (this.state === WAITING) {
      if (p.type !== CONNACK) {
        this.lost(new MqttError("malformed", `malformed packet from the broker: type ${p.type} before CONNACK`));
        return;
      }
      if (p.returnCode !== 0) {
        this.lost(new MqttError("refused", `the broker refused the connection: ${connackReason(p.returnCode)}`, p.returnCode));
        return;
      }
      this.connected_(p.sessionPresent);
      return;
    }
    switch (p.type) {
      case PUBLISH: this.incoming(p); return;
      case PUBACK: {
        const o = this.outbox.get(p.id);
        if (o !== undefined) {
          this.outbox.delete(p.id);
          o.cb(null);
        }
        return;
      }
      case PUBREL:
        this.qos2.delete(p.id);
        this.send(encodeAck(PUBCOMP, p.id));
        return;
      case SUBACK: {
        const r = this.requests.get(p.id);
        if (r === undefined || !r.subscribe) return;
        this.requests.delete(p.id);
        let failed = "";
        for (let i = 0; i < r.filters.length; i++) {
          if (i >= p.granted.length || p.granted[i] === 0x80) {
            failed += (failed ? ", " : "") + r.filters[i];
            this.subs.delete(r.filters[i]);
          }
        }
        r.cb(failed ? new MqttError("subscribe-failed", `the broker refused the subscription to ${failed}`) : null, p.granted);
        return;
      }
      case UNSUBACK: {
        const r = this.requests.get(p.id);
        if (r === undefined || r.subscribe) return;
        this.requests.delete(p.id);
        r.cb(null, []);
        return;
      }
      case PINGRESP: return;
      case PUBREC: case PUBCOMP: return; // for QoS 2 publishes, which this client does not send
    }
    this.lost(new MqttError("malformed", `malformed packet from the broker: unexpected type ${p.type}`));
  }

  /** CONNACK accepted: renew the session's state, resend what waits, tell the application. */
  private connected_(sessionPresent: boolean): void {
    this.state = CONNECTED;
    this.backoff = this.opts.backoffMinMs ?? 500;
    if (!sessionPresent && this.subs.size > 0) {
      // a new session: the broker has no subscriptions of ours
      // (filters with a SUBSCRIBE of the application still waiting are renewed by that one)
      const waiting: Set<string> = new Set();
      this.requests.forEach((r) => { for (const f of r.filters) waiting.add(f); });
      const filters: string[] = [];
      const qos: number[] = [];
      this.subs.forEach((q, f) => { if (!waiting.has(f)) { filters.push(f); qos.push(q); } });
      if (filters.length > 0) {
        const id = this.allocId();
        const bytes = encodeSubscribe(id, filters, qos);
        this.requests.set(id, { bytes, filters, subscribe: true, cb: noop });
        this.send(bytes);
      }
    }
    this.requests.forEach((r) => { this.send(r.bytes); });
    this.outbox.forEach((o) => {
      if (o.sent) o.bytes = withDup(o.bytes);
      o.sent = true;
      this.send(o.bytes);
    });
    this.cbConnect(sessionPresent);
  }

  private incoming(p: Packet): void {
    if (p.qos === 2) {
      // exactly once: deliver the first copy, answer PUBREC until the broker's PUBREL
      const first = !this.qos2.has(p.id);
      this.qos2.add(p.id);
      this.send(encodeAck(PUBREC, p.id));
      if (first) this.cbMessage(p.topic, p.payload, p);
      return;
    }
    this.cbMessage(p.topic, p.payload, p);
    if (p.qos === 1 && this.state === CONNECTED) this.send(encodeAck(PUBACK, p.id));
  }

  private request(id: number, r: Request): void {
    this.requests.set(id, r);
    if (this.state === CONNECTED) this.send(r.bytes);
  }

  /** A packet identifier not in use by a waiting publish or request (1..65535). */
  private allocId(): number {
    for (let i = 0; i < 65535; i++) {
      this.nextId = this.nextId >= 65535 ? 1 : this.nextId + 1;
      if (!this.outbox.has(this.nextId) && !this.requests.has(this.nextId)) return this.nextId;
    }
    throw new MqttError("queue-full", "all 65535 packet identifiers are in use");
  }
}

/** Runs f as a task of its own (callbacks never run inside the call that caused them). */
function later(f: () => void): void {
  setTimeout(f, 0);
}
