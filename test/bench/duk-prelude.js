// Prelude for the Duktape runner (ES5 + Duktape 2.7 built-ins): what the benchmark programs use
// from ES2015+ that Duktape lacks. Written for the benchmark, not a general polyfill: a Map for
// string and number keys in insertion order (the http parser's headers), and console.log on print.
var console = { log: function () { print(Array.prototype.join.call(arguments, " ")); } };
if (typeof Map === "undefined") {
  var Map = (function () {
    function key(k) { return (typeof k === "number" ? "n" : "s") + k; }
    function Map() { this._index = {}; this._keys = []; this._values = []; this._live = 0; }
    Map.prototype.set = function (k, v) {
      var slot = this._index[key(k)];
      if (slot === undefined) {
        this._index[key(k)] = this._keys.length;
        this._keys.push(k);
        this._values.push(v);
        this._live++;
      } else this._values[slot] = v;
      return this;
    };
    Map.prototype.get = function (k) {
      var slot = this._index[key(k)];
      return slot === undefined ? undefined : this._values[slot];
    };
    Map.prototype.has = function (k) { return this._index[key(k)] !== undefined; };
    Map.prototype["delete"] = function (k) {
      var slot = this._index[key(k)];
      if (slot === undefined) return false;
      delete this._index[key(k)];
      this._keys[slot] = undefined;
      this._values[slot] = undefined;
      this._keys[slot] = Map._hole;
      this._live--;
      return true;
    };
    Map.prototype.forEach = function (fn) {
      for (var i = 0; i < this._keys.length; i++) if (this._keys[i] !== Map._hole) fn(this._values[i], this._keys[i], this);
    };
    Object.defineProperty(Map.prototype, "size", { get: function () { return this._live; } });
    Map._hole = {};
    return Map;
  })();
}
