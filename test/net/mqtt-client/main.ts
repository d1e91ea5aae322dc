// MqttClient on a device against the scripted fake broker of test/net/mqtt.test.ts (reached at
// 10.0.2.2:"mqtt.port"): it prints each event for the spec to check; the broker drives the story
// (a lost PUBACK and a DUP retransmission, incoming QoS 1, a silent broker and the dead-connection
// timeout, malformed bytes, a refused CONNACK) and finally publishes "exit".
import { utf8Decode } from "rumpsdk/bytes";
import { MqttClient } from "rumpsdk/mqtt";
import { exit, param } from "rumpsdk/sys";

const port = Number(param("mqtt.port") ?? "1883");
const c = new MqttClient({
  host: "10.0.2.2", port, clientId: "fake-test", keepAlive: 1, pingTimeoutMs: 1500,
  backoffMinMs: 200, backoffMaxMs: 800, username: "user", password: "pw", will: { topic: "w", payload: "gone" },
});
let connects = 0;

c.onConnect((sessionPresent) => {
  connects++;
  console.log(`connect ${connects} session=${sessionPresent}`);
  if (connects === 1) c.publish("q1", "m1", { qos: 1 }, (err) => console.log(`puback m1 ${err === null ? "ok" : err.code}`));
})
  .onMessage((topic, payload, msg) => {
    const text = utf8Decode(payload);
    console.log(`message ${topic} ${text} qos=${msg.qos}`);
    if (text === "exit") {
      c.end();
      exit(0);
    }
  })
  .onClose(() => console.log("close"))
  .onError((e) => console.log(`error ${(e as Error & { code?: string }).code} ${e.message}`))
  .connect();
c.subscribe("in/#", 1, (err, granted) => console.log(`suback ${err === null ? granted.join(",") : err.code}`));
