// sensor-http: a networked sensor serving its readings over HTTP.
//   GET /metrics  JSON: uptime, a reading of the (simulated) sensor, memory in use
//   GET /         a small HTML status page
//   GET /debug/mem  JSON: the GC heap just after a collection forced by this request, and its peak
import { createServer } from "rumpsdk/http";
import { SimulatedSensor, type Sensor } from "rumpsdk/sensors";
import { gc, memory, uptime } from "rumpsdk/sys";

const PORT = 80;
const sensor: Sensor = new SimulatedSensor();

function metrics() {
  const m = memory();
  return {
    uptime_ms: Math.round(uptime()),
    sensor: { name: sensor.name, value: sensor.read(), unit: sensor.units },
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
<tr><td>${m.sensor.name}</td><td>${m.sensor.value.toFixed(2)} ${m.sensor.unit}</td></tr>
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
