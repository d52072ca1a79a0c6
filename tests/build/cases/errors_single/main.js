// One file: the bundle keeps the source's line numbers, so the board's own report
// (no line table, no petrel-tool) names the right lines (tests/build/run.sh).
class Sensor {
  constructor(name) { this.name = name; }
  read({ scale = 1 } = {}) {
    const raw = [...'12'].map(Number);
    if (raw.length > 1) {
      throw new TypeError(`${this.name}: bad reading ${raw.join('')}`);
    }
    return raw[0] * scale;
  }
}
console.log('reading');
const value = new Sensor('t1').read();
console.log(value);
