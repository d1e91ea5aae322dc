// Globals of the rumpsdk runtime beyond the ES2022 library: console, timers, microtasks.
// Timer handles are small integers (numbers); Node's Timeout objects are accepted back by
// clearTimeout/clearInterval, so programs behave the same on both (the conformance suite is
// type-checked against this file).

interface Console {
  log(...data: unknown[]): void;
  error(...data: unknown[]): void;
}

declare var console: Console;

declare function setTimeout<TArgs extends unknown[]>(
  callback: (...args: TArgs) => void,
  ms?: number,
  ...args: TArgs
): number;

declare function setInterval<TArgs extends unknown[]>(
  callback: (...args: TArgs) => void,
  ms?: number,
  ...args: TArgs
): number;

declare function clearTimeout(id: number | undefined): void;

declare function clearInterval(id: number | undefined): void;

declare function queueMicrotask(callback: () => void): void;
