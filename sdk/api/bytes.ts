// rumpsdk/bytes: text <-> bytes and small byte-string helpers (natives in sdk/runtime/bytes.c).
//   import { utf8Encode, utf8Decode, indexOfBytes, concatBytes } from "rumpsdk/bytes";

/** @native rt_bytes_utf8_encode */
declare function nativeEncode(s: string): Uint8Array;
/** @native rt_bytes_utf8_decode */
declare function nativeDecode(b: Uint8Array, start: number, end: number): string;
/** @native rt_bytes_utf8_length */
declare function nativeLength(s: string): number;
/** @native rt_bytes_index_of */
declare function nativeIndexOf(b: Uint8Array, needle: string, from: number): number;
/** @native rt_bytes_concat */
declare function nativeConcat(a: Uint8Array, b: Uint8Array): Uint8Array;

/** The UTF-8 bytes of a string (lone surrogates become U+FFFD, as TextEncoder does). */
export function utf8Encode(s: string): Uint8Array {
  return nativeEncode(s);
}

/** The string of UTF-8 bytes b[start, end) (invalid sequences become U+FFFD, as TextDecoder does). */
export function utf8Decode(b: Uint8Array, start: number = 0, end: number = b.length): string {
  return nativeDecode(b, start, end);
}

/** The number of bytes utf8Encode(s) would produce. */
export function utf8Length(s: string): number {
  return nativeLength(s);
}

/** The index of the first occurrence of the ASCII string `needle` in b at or after `from`, or -1. */
export function indexOfBytes(b: Uint8Array, needle: string, from: number = 0): number {
  return nativeIndexOf(b, needle, from);
}

/** A new array holding a's bytes followed by b's. */
export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  return nativeConcat(a, b);
}
