// Checks stringify/parse round trips of a config-like document and doubles that must survive exactly.
interface Config {
  name: string;
  version: number[];
  options: { verbose: boolean; level: number; tags: string[] };
  ratios: number[];
}
const cfg: Config = {
  name: "device \"alpha\"",
  version: [1, 2, 3],
  options: { verbose: false, level: -7, tags: ["a", "b c", ""] },
  ratios: [0.1, 1 / 3, 2 ** -1074, 1.7976931348623157e308, 123456789.123456789, -1e-7],
};
const text = JSON.stringify(cfg);
console.log(text);
const back = JSON.parse(text) as Config;
console.log(back.ratios.every((r, i) => r === cfg.ratios[i]), back.options.tags.length, back.name);
console.log(JSON.stringify(back) === text, text.length);
const pretty = JSON.stringify(back, null, 1);
console.log(pretty.split("\n").length, JSON.stringify(JSON.parse(pretty)) === text);
