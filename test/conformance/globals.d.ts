// Host globals the conformance programs may use beyond the ES2022 library.
// They match Node's signatures, except that timer handles are typed as numbers
// (the SDK's runtime returns small integers; Node's Timeout objects are accepted
// back by clearTimeout/clearInterval, so programs behave the same on both).
// The SDK will ship the same declarations in sdk/api/globals.d.ts.

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
