// sensor-mqtt: a networked sensor publishing its readings to an MQTT broker and obeying commands.
// Configuration: the params of rumpsdk.json (read with param() from rumpsdk/sys):
//   device.id            the MQTT client id (default "sensor-1")
//   mqtt.host, mqtt.port the broker (default 10.0.2.2:1883: the host, seen from QEMU user networking)
//   mqtt.topic.reading   where readings go: {"seq":n,"value":21.53,"unit":"C","uptime_ms":n} every interval: the
//                        primary value of the board's first sensor (the simulated one on boards without sensors);
//                        {"seq":n,"error":"...","uptime_ms":n} when it cannot be read
//   mqtt.topic.cmd       commands: "interval <ms>" (new period), "ping" ("pong" on the status topic), "exit"
//   mqtt.topic.status    "online"/"offline" (the last will) and command replies
//   mqtt.interval_ms     the first period (default 1000)
import { utf8Decode } from "rumpsdk/bytes";
import { MqttClient } from "rumpsdk/mqtt";
import { boardSensors } from "rumpsdk/board";
import type { Sensor } from "rumpsdk/sensors";
import { exit, param, uptime } from "rumpsdk/sys";

const id = param("device.id") ?? "sensor-1";
const host = param("mqtt.host") ?? "10.0.2.2";
const port = Number(param("mqtt.port") ?? "1883");
const readingTopic = param("mqtt.topic.reading") ?? `rumpsdk/${id}/reading`;
const cmdTopic = param("mqtt.topic.cmd") ?? `rumpsdk/${id}/cmd`;
const statusTopic = param("mqtt.topic.status") ?? `rumpsdk/${id}/status`;
let intervalMs = Number(param("mqtt.interval_ms") ?? "1000");

const sensor: Sensor = boardSensors()[0];
let seq = 0;
let timer = -1;

const client = new MqttClient({
  host, port, clientId: id, keepAlive: 30,
  will: { topic: statusTopic, payload: "offline", qos: 1, retain: true },
});

function publishReading(): void {
  if (!client.connected) return; // readings taken while offline are not queued
  seq++;
  let message: string;
  try {
    const v = sensor.read().values[0];
    message = JSON.stringify({ seq, value: v.value, unit: v.unit, uptime_ms: Math.round(uptime()) });
  } catch (e) {
    message = JSON.stringify({ seq, error: `${(e as Error).name}: ${(e as Error).message}`, uptime_ms: Math.round(uptime()) });
  }
  client.publish(readingTopic, message);
}

function schedule(ms: number): void {
  if (timer >= 0) clearInterval(timer);
  intervalMs = ms;
  timer = setInterval(publishReading, ms);
}

function command(text: string): void {
  const words = text.trim().split(" ").filter((w) => w.length > 0);
  const verb = words.length > 0 ? words[0] : "";
  if (verb === "ping") {
    client.publish(statusTopic, "pong");
  } else if (verb === "interval" && words.length === 2 && Number(words[1]) >= 10) {
    schedule(Number(words[1]));
    client.publish(statusTopic, `interval ${intervalMs}`);
    console.log(`sensor-mqtt: interval now ${intervalMs} ms`);
  } else if (verb === "exit") {
    console.log(`sensor-mqtt: exit after ${seq} readings`);
    client.publish(statusTopic, "offline", { qos: 1, retain: true }, () => {
      client.end();
      exit(0);
    });
  } else {
    client.publish(statusTopic, `unknown command: ${text}`);
  }
}

client
  .onConnect(() => {
    console.log(`sensor-mqtt: connected to ${host}:${port} as ${id}`);
    client.publish(statusTopic, "online", { qos: 1, retain: true });
  })
  .onMessage((topic, payload) => {
    if (topic === cmdTopic) command(utf8Decode(payload));
  })
  .onClose(() => console.log("sensor-mqtt: connection lost, reconnecting"))
  .onError((e) => console.log(`sensor-mqtt: ${e.message} (retry in ${client.backoffMs} ms)`))
  .connect();
client.subscribe(cmdTopic, 1); // sent once connected, renewed by the client after a reconnect

schedule(intervalMs);
console.log(`sensor-mqtt: publishing to ${readingTopic} every ${intervalMs} ms, commands on ${cmdTopic}`);
