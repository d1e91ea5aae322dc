// MQTT: the packet codec (rumpsdk/mqtt-packet) on the host board against bytes worked out by hand
// from the MQTT 3.1.1 standard, and examples/sensor-mqtt on qemu-x86 (virtio, TCG) publishing to a
// real mosquitto broker on the host's loopback (the guest reaches it at 10.0.2.2): readings with
// increasing sequence numbers, commands (ping, interval, exit) and a broker restart mid-run.
import { cpSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lines, ROOT, rumpsdk } from "../lib/sdk.ts";
import { bootApp, brokerMissing, cleanup, increasing, publish, readings, sensorMqttCopy, sleep, startBroker, stopBroker, subscriber, tmpDir, until } from "../lib/mqtt.ts";
import { freePort } from "../../toolchain/qemu.ts";
import { SIM_SENSOR } from "../lib/sensor.ts";

// ---- the codec, on the host board ----

// "name: bytes" of each encoder call, decoded packets and errors, in the order of mqtt-codec/main.ts.
// Derived from the standard: fixed header type<<4|flags, remaining length as 7-bit groups (LSB
// first, 0x80 = more), strings as 16-bit big-endian length + UTF-8.
const EXPECTED = `
connect-basic: 10 0f 00 04 4d 51 54 54 04 02 00 3c 00 03 61 62 63
connect-full: 10 1b 00 04 4d 51 54 54 04 ec 00 0a 00 01 63 00 01 77 00 03 62 79 65 00 01 75 00 01 70
connect-empty-id: 10 0c 00 04 4d 51 54 54 04 02 00 00 00 00
connect-empty-id-session: error invalid
connect-password-only: error invalid
publish-qos0: 30 07 00 03 61 2f 62 68 69
publish-qos1-retain: 33 07 00 01 74 00 0a 01 02
publish-qos1-dup: 3b 07 00 01 74 00 0a 01 02
publish-qos0-dupflag-ignored: 30 03 00 01 74
publish-utf8-topic: 30 04 00 02 c3 a9
publish-wildcard: error invalid
publish-plus: error invalid
publish-empty-topic: error invalid
publish-id0: error invalid
publish-qos3: error invalid
publish-rem127: 30 7f 00 01
publish-rem128: 30 80 01 00 01
publish-rem16383: 30 ff 7f 00 01
publish-rem16384: 30 80 80 01 00 01
varint-0: 00
varint-2097151: ff ff 7f
varint-2097152: 80 80 80 01
varint-max: ff ff ff 7f
varint-over: error too-large
subscribe: 82 0c 00 01 00 03 61 2f 2b 01 00 01 23 00
subscribe-bad-hash: error invalid
subscribe-bad-plus: error invalid
unsubscribe: a2 07 00 02 00 03 61 2f 2b
puback: 40 02 12 34
pubrel: 62 02 00 05
pubcomp: 70 02 ff ff
pingreq: c0 00
disconnect: e0 00
connack: type=2 sp=false rc=0 | pending=0
connack-session: type=2 sp=true rc=0 | pending=0
connack-refused: type=2 sp=false rc=5 | pending=0
publish-bytewise: type=3 topic=a/b qos=0 dup=false retain=false payload=[68 69] | pending=0
coalesced: type=2 sp=false rc=0 | type=9 id=1 granted=1 | type=13 | type=3 id=10 topic=t qos=1 dup=false retain=false payload=[68 69 21] | type=4 id=7 | type=5 id=8 | type=6 id=9 | type=7 id=10 | type=11 id=11 | pending=0
publish-split-varint: type=3 topic=t qos=0 dup=false retain=false payload=[00 01 02 03 04 05 06 07 ...(200)] | pending=0
two-and-a-half: type=13 | type=13 | pending=1
publish-qos2-dup: type=3 id=5 topic=t qos=2 dup=true retain=false payload=[ff] | pending=0
suback-failure: type=9 id=2 granted=1,128 | pending=0
utf8-topic: type=3 topic=té qos=0 dup=false retain=false payload=[] | pending=0
bad-connack-length: error malformed
bad-connack-flags: error malformed
bad-connack-code: error malformed
bad-connect-from-server: error malformed
bad-subscribe-from-server: error malformed
bad-type-0: error malformed
bad-type-15: error malformed
bad-qos3: error malformed
bad-qos0-dup: error malformed
bad-varint-5: error malformed
bad-puback-flags: error malformed
bad-puback-length: error malformed
bad-pubrel-flags: error malformed
bad-topic-overrun: error malformed
bad-empty-topic: error malformed
bad-publish-short: error malformed
bad-id0: error malformed
bad-id-missing: error malformed
bad-utf8-overlong: error malformed
bad-utf8-surrogate: error malformed
bad-utf8-nul: error malformed
bad-topic-wildcard: error malformed
bad-suback-code: error malformed
bad-suback-empty: error malformed
bad-pingresp-length: error malformed
too-large: error too-large
done
`.trim();

describe("MQTT packet codec (host board)", () => {
  it("encodes and decodes packets byte for byte as MQTT 3.1.1 says, and rejects malformed input", async () => {
    const r = await rumpsdk(["run", "test/net/mqtt-codec", "--board=host"], { timeoutMs: 240_000 });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const got = lines(r.stdout).filter((l) => l !== "");
    const want = EXPECTED.split("\n");
    for (let i = 0; i < want.length; i++) expect(got[i], `line ${i + 1}`).toBe(want[i]);
    expect(got.length).toBe(want.length);
  }, 240_000);
});

// ---- sensor-mqtt against mosquitto ----

afterAll(cleanup);

/** Boots the firmware (virtio NIC, TCG); its console and exit code. */
const boot = (appDir: string) => bootApp(appDir, ["--board=qemu-x86", "--accel=tcg", "--net=virtio", "--timeout=240", "-q"]);

describe.skipIf(brokerMissing)("sensor-mqtt on qemu-x86 with a mosquitto broker", () => {
  it("publishes readings with increasing seq, answers ping, changes its interval, exits 0 on command", async () => {
    const build = await rumpsdk(["build", "examples/sensor-mqtt", "--board=qemu-x86", "-q"]);
    expect(build.code, build.stderr).toBe(0);
    const port = await freePort();
    const dir = sensorMqttCopy(port, "t1");
    const broker = await startBroker(dir, port);
    const sub = subscriber(port, "t1");
    await sleep(300);
    const vm = boot(dir);
    try {
      await until("5 readings", 120_000, () => readings(sub.got, "t1", SIM_SENSOR).length >= 5 || vm.proc.exitCode !== null);
      const first = readings(sub.got, "t1", SIM_SENSOR);
      expect(first.length, vm.output()).toBeGreaterThanOrEqual(5);
      expect(increasing(first)).toBe(true);
      expect(sub.got).toContain("rumpsdk/t1/status online");

      publish(port, "rumpsdk/t1/cmd", "ping");
      await until("pong", 30_000, () => sub.got.includes("rumpsdk/t1/status pong"));

      // a faster period: the next readings come about 200 ms apart (guest uptime)
      publish(port, "rumpsdk/t1/cmd", "interval 200");
      await until("interval reply", 30_000, () => sub.got.includes("rumpsdk/t1/status interval 200"));
      const mark = readings(sub.got, "t1", SIM_SENSOR).length;
      await until("5 fast readings", 30_000, () => readings(sub.got, "t1", SIM_SENSOR).length >= mark + 5);
      const fast = sub.got.filter((l) => l.startsWith("rumpsdk/t1/reading ")).slice(mark + 1, mark + 5).map((l) => JSON.parse(l.split(" ")[1]).uptime_ms as number);
      for (let i = 1; i < fast.length; i++) expect(fast[i] - fast[i - 1]).toBeLessThan(600);

      publish(port, "rumpsdk/t1/cmd", "exit");
      expect(await vm.exited).toBe(0);
      const all = readings(sub.got, "t1", SIM_SENSOR);
      expect(increasing(all)).toBe(true);
      expect(all[0]).toBe(1);
      expect(lines(vm.output())).toContain(`sensor-mqtt: connected to 10.0.2.2:${port} as t1`);
      await until("the offline status", 10_000, () => sub.got.includes("rumpsdk/t1/status offline"));
    } finally {
      vm.proc.kill("SIGKILL");
      sub.proc.kill("SIGKILL");
      await stopBroker(broker);
    }
  }, 300_000);

  it("reconnects with backoff after the broker restarts, and publishing resumes", async () => {
    const port = await freePort();
    const dir = sensorMqttCopy(port, "t2");
    let broker = await startBroker(dir, port);
    let sub = subscriber(port, "t2");
    await sleep(300);
    const vm = boot(dir);
    try {
      await until("3 readings", 120_000, () => readings(sub.got, "t2", SIM_SENSOR).length >= 3 || vm.proc.exitCode !== null);
      const before = readings(sub.got, "t2", SIM_SENSOR);
      expect(before.length, vm.output()).toBeGreaterThanOrEqual(3);

      await stopBroker(broker);
      sub.proc.kill("SIGKILL");
      await until("the firmware to notice", 30_000, () => vm.output().includes("sensor-mqtt: connection lost, reconnecting"));
      await sleep(3000); // a few refused attempts: the backoff grows
      broker = await startBroker(dir, port);
      sub = subscriber(port, "t2");
      await until("3 readings after the restart", 90_000, () => readings(sub.got, "t2", SIM_SENSOR).length >= 3);
      const after = readings(sub.got, "t2", SIM_SENSOR);
      expect(increasing(after)).toBe(true);
      expect(after[0]).toBeGreaterThan(before[before.length - 1]);

      const out = lines(vm.output());
      expect(out.filter((l) => l === `sensor-mqtt: connected to 10.0.2.2:${port} as t2`).length).toBe(2);
      // refused attempts while the broker was down, each retried after a longer delay
      const delays = out.filter((l) => /^sensor-mqtt: connect ECONNREFUSED/.test(l)).map((l) => Number(/retry in (\d+) ms/.exec(l)![1]));
      expect(delays.length, vm.output()).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < delays.length; i++) expect(delays[i]).toBe(Math.min(delays[i - 1] * 2, 30000));

      // the command subscription was renewed on the new broker
      publish(port, "rumpsdk/t2/cmd", "exit");
      expect(await vm.exited).toBe(0);
    } finally {
      vm.proc.kill("SIGKILL");
      sub.proc.kill("SIGKILL");
      await stopBroker(broker);
    }
  }, 300_000);
});

// ---- the client against a scripted broker: retransmission, keep-alive, bad brokers ----

interface Pkt { first: number; body: Buffer }

/** Splits a byte stream into MQTT packets (a test-side parser: fixed header, remaining length). */
function packetStream(onPacket: (p: Pkt) => void): (d: Buffer) => void {
  let buf = Buffer.alloc(0);
  return (d) => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      let rem = 0;
      let mul = 1;
      let i = 1;
      for (;;) {
        if (i >= buf.length) return;
        rem += (buf[i] & 0x7f) * mul;
        mul *= 128;
        if ((buf[i++] & 0x80) === 0) break;
      }
      if (buf.length < i + rem) return;
      onPacket({ first: buf[0], body: buf.subarray(i, i + rem) });
      buf = buf.subarray(i + rem);
    }
  };
}

const hexOf = (b: Buffer) => [...b].map((x) => x.toString(16).padStart(2, "0")).join(" ");
const str = (s: string) => { const b = Buffer.from(s, "utf8"); return Buffer.concat([Buffer.from([b.length >> 8, b.length & 0xff]), b]); };
/** A PUBLISH built from the standard's layout (3.3). */
function publishPacket(topic: string, payload: string, qos: number, id: number): Buffer {
  const vh = Buffer.concat([str(topic), qos ? Buffer.from([id >> 8, id & 0xff]) : Buffer.alloc(0), Buffer.from(payload)]);
  return Buffer.concat([Buffer.from([0x30 | (qos << 1), vh.length]), vh]);
}

describe("MqttClient against a scripted broker (qemu-x86)", () => {
  it("retransmits QoS 1 with DUP, acks QoS 1, pings, detects a dead broker, survives malformed and refused connections", async () => {
    const port = await freePort();
    const conns: { packets: Pkt[] }[] = [];
    const server = net.createServer((s) => {
      s.setNoDelay(true);
      const n = conns.length + 1; // this connection's number
      const rec = { packets: [] as Pkt[] };
      conns.push(rec);
      s.on("error", () => {});
      s.on("data", packetStream((p) => {
        rec.packets.push(p);
        const type = p.first >> 4;
        const id = p.body.length >= 2 ? p.body.readUInt16BE(0) : 0;
        if (type === 1) { // CONNECT
          if (n === 3) s.write(Buffer.from("2002000030020000", "hex")); // CONNACK, then a PUBLISH with an empty topic
          else if (n === 4) s.write(Buffer.from("20020005", "hex")); // refused: not authorized
          else s.write(Buffer.from("20020000", "hex"));
        } else if (type === 8) { // SUBSCRIBE: SUBACK granting QoS 1 for each filter
          const filters = [];
          for (let at = 2; at < p.body.length;) { const l = p.body.readUInt16BE(at); filters.push(1); at += 2 + l + 1; }
          s.write(Buffer.from([0x90, 2 + filters.length, id >> 8, id & 0xff, ...filters]));
          if (n === 5) setTimeout(() => s.write(publishPacket("in/x", "exit", 0, 0)), 2500);
        } else if (type === 3) { // PUBLISH from the client
          if (n === 1) s.destroy(); // the PUBACK is "lost": the client must send it again
          else {
            const tl = p.body.readUInt16BE(0);
            const pid = p.body.readUInt16BE(2 + tl);
            s.write(Buffer.from([0x40, 2, pid >> 8, pid & 0xff]));
            if (n === 2) {
              // a QoS 1 message a byte at a time, then a QoS 0 one coalesced with nothing else
              const m = publishPacket("in/a", "hello", 1, 7);
              let i = 0;
              const drip = () => { if (i < m.length && !s.destroyed) { s.write(m.subarray(i, i + 1)); i++; setTimeout(drip, 15); } else if (!s.destroyed) s.write(Buffer.concat([publishPacket("in/b", "world", 0, 0)])); };
              drip();
            }
          }
        } else if (type === 12) { // PINGREQ: answered except on connection 2 (a dead broker)
          if (n !== 2) s.write(Buffer.from([0xd0, 0]));
        }
      }));
    });
    await new Promise<void>((r) => server.listen(port, "127.0.0.1", () => r()));
    const dir = tmpDir("rumpsdk-mqttc-");
    cpSync(path.join(ROOT, "test/net/mqtt-client/main.ts"), path.join(dir, "main.ts"));
    writeFileSync(path.join(dir, "rumpsdk.json"), JSON.stringify({ params: { "mqtt.port": String(port) } }));
    const vm = boot(dir);
    try {
      const code = await vm.exited;
      const out = lines(vm.output());
      expect(code, vm.output()).toBe(0);
      const events = out.filter((l) => /^(connect|close|error|message|suback|puback) /.test(l) || l === "close");
      // the CONNECT of 3.1: flags user|password|will|clean = c6, keep-alive 1, id, will topic+message, user, password
      expect(hexOf(Buffer.concat([Buffer.from([conns[0].packets[0].first, conns[0].packets[0].body.length]), conns[0].packets[0].body])))
        .toBe("10 28 00 04 4d 51 54 54 04 c6 00 01 00 09 66 61 6b 65 2d 74 65 73 74 00 01 77 00 04 67 6f 6e 65 00 04 75 73 65 72 00 02 70 77");
      // connection 1: SUBSCRIBE, PUBLISH QoS 1 (no DUP); connection 2: the same PUBLISH again with DUP, same id
      const pub1 = conns[0].packets.find((p) => p.first >> 4 === 3)!;
      const pub2 = conns[1].packets.find((p) => p.first >> 4 === 3)!;
      expect(pub1.first).toBe(0x32);
      expect(pub2.first).toBe(0x3a);
      expect(hexOf(pub2.body)).toBe(hexOf(pub1.body));
      // the renewed subscription (new session) on connection 2
      expect(conns[1].packets.some((p) => p.first === 0x82 && p.body.subarray(2).toString("latin1").includes("in/#"))).toBe(true);
      // PUBACK for the broker's QoS 1 message id 7, then PINGREQs nobody answered
      expect(conns[1].packets.some((p) => p.first === 0x40 && hexOf(p.body) === "00 07")).toBe(true);
      expect(conns[1].packets.filter((p) => p.first === 0xc0).length).toBeGreaterThanOrEqual(1);
      expect(conns[4].packets.filter((p) => p.first === 0xc0).length).toBeGreaterThanOrEqual(1);
      expect(conns.length).toBe(5);
      const want = [
        "connect 1 session=false", "suback 1", "close",
        "connect 2 session=false", "puback m1 ok", "message in/a hello qos=1", "message in/b world qos=0", "close",
        "connect 3 session=false", "close",
        "connect 4 session=false", "message in/x exit qos=0",
      ];
      expect(events.filter((l) => !l.startsWith("error ")), vm.output()).toEqual(want);
      // (attempts before DHCP has configured the interface fail with EHOSTUNREACH and are retried)
      const errors = events.filter((l) => l.startsWith("error ") && !l.startsWith("error EHOSTUNREACH"));
      expect(errors[0]).toMatch(/^error closed /);
      expect(errors.some((l) => /^error timeout no PINGRESP within 1500 ms/.test(l))).toBe(true);
      expect(errors.some((l) => /^error malformed malformed packet from the broker: PUBLISH with an empty topic$/.test(l))).toBe(true);
      expect(errors.some((l) => /^error refused the broker refused the connection: not authorized$/.test(l))).toBe(true);
    } finally {
      vm.proc.kill("SIGKILL");
      server.close();
    }
  }, 300_000);
});
