// Kernel "movavg": a sensor filter over 10^7 pseudo-random samples: a 64-sample moving average
// (running sum over a Float64Array ring), an exponential average, and threshold crossings of the
// moving average with hysteresis. Prints one line.
const SAMPLES = 10_000_000;
const WINDOW = 64; // a power of two: the ring index is i & (WINDOW - 1)

function run(): string {
  const ring = new Float64Array(WINDOW);
  let x = 88172645;
  let sum = 0;
  let ema = 25;
  let acc = 0;
  let crossings = 0;
  let high = false;
  for (let i = 0; i < SAMPLES; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const sample = 20 + ((x >>> 8) / 16777216) * 10; // [20, 30), exact in 24 bits
    const j = i & (WINDOW - 1);
    sum += sample - ring[j];
    ring[j] = sample;
    const avg = sum / WINDOW;
    ema += (sample - ema) * 0.125;
    acc += avg;
    if (high ? avg < 24.9 : avg > 25.1) {
      high = !high;
      crossings++;
    }
  }
  return `movavg: ${SAMPLES} samples: acc ${Math.floor(acc * 1000)} ema ${Math.floor(ema * 1e6)} crossings ${crossings}`;
}

console.log(run());
