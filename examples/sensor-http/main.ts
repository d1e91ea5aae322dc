// sensor-http: a networked sensor serving its readings over HTTP.
//   GET /metrics  JSON: uptime, the readings of the board's sensors (the simulated one on boards without
//                 sensors), the first one's primary value as "sensor", memory in use
//   GET /         a small HTML status page
//   GET /debug/mem  JSON: the GC heap just after a collection forced by this request, and its peak
import { createServer } from "rumpsdk/http";
import { boardSensors } from "rumpsdk/board";
import type { Measurement, Sensor } from "rumpsdk/sensors";
import { gc, memory, uptime } from "rumpsdk/sys";

const PORT = 80;
const sensors: Sensor[] = boardSensors();

interface SensorReport {
  name: string;
  location: string;
  values?: Measurement[];
  error?: string; // a missing or failing chip: never a made-up value
}

function readSensor(s: Sensor): SensorReport {
  try {
    return { name: s.name, location: s.location, values: s.read().values };
  } catch (e) {
    return { name: s.name, location: s.location, error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

function metrics() {
  const m = memory();
  const all = sensors.map(readSensor);
  const first = all[0];
  return {
    uptime_ms: Math.round(uptime()),
    sensor: first.values ? { name: first.name, value: first.values[0].value, unit: first.values[0].unit } : { name: first.name, error: first.error },
    sensors: all,
    memory: { heap_used: m.heapUsed, heap_size: m.heapSize },
  };
}

const app = createServer({ maxHeaderBytes: 8192, maxBodyBytes: 65536 });

app.get("/metrics", (req, res) => {
  res.json(metrics());
});

// for the benchmarks: the live data in the GC heap (heapUsed right after a collection) and its peak
app.get("/debug/mem", (req, res) => {
  gc();
  const m = memory();
  res.json({ heap_live: m.heapUsed, heap_peak: m.heapPeak, heap_size: m.heapSize, collections: m.collections });
});

app.get("/", (req, res) => {
  const m = metrics();
  res.html(`<!doctype html>
<html><head><meta charset="utf-8"><title>sensor-http</title></head>
<body>
<h1>sensor-http</h1>
<table>
<tr><td>uptime</td><td>${(m.uptime_ms / 1000).toFixed(1)} s</td></tr>
${m.sensors.map((s) => s.values
    ? s.values.map((v) => `<tr><td>${s.name} ${v.quantity}</td><td>${v.value.toFixed(2)} ${v.unit}</td></tr>`).join("\n")
    : `<tr><td>${s.name}</td><td>${s.error}</td></tr>`).join("\n")}
<tr><td>heap in use</td><td>${m.memory.heap_used} of ${m.memory.heap_size} bytes</td></tr>
<tr><td>requests served</td><td>${app.requests}</td></tr>
<tr><td>open connections</td><td>${app.connections}</td></tr>
</table>
<p><a href="/metrics">/metrics</a> (JSON)</p>
</body></html>
`);
});

app.listen(PORT);
console.log(`sensor-http: listening on port ${PORT}`);
