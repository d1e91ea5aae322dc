// Checks the shortest round-trip printing of doubles (Number::toString), incl. exponent thresholds.
console.log(0.1 + 0.2, 0.1 + 0.7, 0.3 - 0.1);
console.log(1e21, 1e20, 123456789012345680000, 999999999999999900000);
console.log(1e-7, 1e-6, 0.000001, 0.0000001234);
console.log(1.5e300, 2e-300, 5e-324);
console.log(100, 1e2, 12.5e1, 0.5, .25);
console.log(1 / 3, 2 / 3, 10 / 3, 100 / 7);
console.log(123.456, -0.001, 1234567.125);
console.log(4.35, 0.000035, 1.7976931348623157e308);
console.log(2 ** 70, 2 ** -20, 3 ** 40);
console.log(0xff, 0o17, 0b1011, 1_000_000);
console.log(String(1e21), String(1e-7), "" + 1.25e-5);
console.log(9.95, 1.1 * 1.1, 3 * 1.1);
console.log(1e16, 12345678901234567, 1e15 + 0.3);
console.log(-1e-7, -1e21, -123e-20);
