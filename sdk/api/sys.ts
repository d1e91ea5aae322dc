// rumpsdk/sys: the system API of the SDK (time, memory, exit, parameters).
//   import { uptime, exit, memory, sleep, param } from "rumpsdk/sys";

/** @native rt_api_uptime */
declare function nativeUptime(): number;
/** @native rt_api_monotonic_ns */
declare function nativeMonotonicNs(): number;
/** @native rt_api_exit */
declare function nativeExit(code: number): never;
/** @native rt_api_param */
declare function nativeParam(name: string): string | undefined;
/** @native rt_api_memory */
declare function nativeMemory(): MemoryStats;
/** @native rt_api_gc */
declare function nativeGc(): void;

export interface MemoryStats {
  /** bytes in the GC heap (RT_HEAP_SIZE) */
  heapSize: number;
  /** bytes in use after the last allocation */
  heapUsed: number;
  /** the largest heapUsed seen */
  heapPeak: number;
  /** garbage collections so far */
  collections: number;
  /** median and 99th percentile of the recent collection pauses, in milliseconds */
  gcPauseP50Ms: number;
  gcPauseP99Ms: number;
}

/** Milliseconds since the machine started: kernel entry on a board, the process start on the host board (monotonic, fractional). */
export function uptime(): number {
  return nativeUptime();
}

/** Nanoseconds of the monotonic clock (since the machine started). */
export function monotonicNs(): number {
  return nativeMonotonicNs();
}

/** Memory statistics of the garbage-collected heap. */
export function memory(): MemoryStats {
  return nativeMemory();
}

/**
 * Runs a garbage collection now; memory().heapUsed just after it is the live data (plus whatever the
 * conservative stack scan keeps). For diagnostics: the collector runs by itself when the heap is full.
 */
export function gc(): void {
  nativeGc();
}

/**
 * A run-time parameter: the application's rumpsdk.json "params" over the board's own (on the host
 * board: the environment variable of that name), or undefined when nobody answers it.
 *   const broker = param("mqtt.host") ?? "10.0.2.2";
 */
export function param(name: string): string | undefined {
  return nativeParam(name);
}

/** Ends the program with an exit code (flushes the console first). */
export function exit(code: number): never {
  return nativeExit(code);
}

/** A promise that resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    setTimeout(() => resolve(), ms);
  });
}
