// events.on(emitter, name[, options]) as a Node 20 user writes with it: for await over
// an emitter, events buffered before the loop asks, 'error' rejecting, an AbortSignal
// (shaped like one: Petrel has no AbortController), return() removing the listeners,
// the watermarks pausing and resuming a stream, options.close. Built by petrel-tool
// build; the output is compared with node's on this source.
'use strict';
const events = require('events');
const { on, EventEmitter } = events;
const { Readable } = require('stream');

// a signal shaped like an AbortSignal, an EventTarget with aborted and reason
function makeSignal() {
  const listeners = new Set();
  return {
    aborted: false,
    reason: undefined,
    addEventListener(name, fn) { if (name === 'abort') listeners.add(fn); },
    removeEventListener(name, fn) { listeners.delete(fn); },
    listenerCount() { return listeners.size; },
    abort(reason) { this.aborted = true; this.reason = reason; for (const fn of [...listeners]) fn(); },
  };
}

async function buffering() {
  const ee = new EventEmitter();
  const it = on(ee, 'tick');
  ee.emit('tick', 1);
  ee.emit('tick', 2, 'two');
  console.log('listeners while open', ee.listenerCount('tick'), ee.listenerCount('error'));
  const got = [];
  for await (const args of it) {
    got.push(args);
    if (got.length === 2) setImmediate(() => ee.emit('tick', 3));
    if (got.length === 3) break;
  }
  console.log('buffered', JSON.stringify(got));
  console.log('listeners after break', ee.listenerCount('tick'), ee.listenerCount('error'));
}

async function waitingNexts() {
  const ee = new EventEmitter();
  const it = on(ee, 'x');
  const a = it.next(), b = it.next(), c = it.next();
  ee.emit('x', 'a');
  ee.emit('x', 'b');
  console.log('first two', await a, await b);
  const r = await it.return();
  console.log('return', r, 'pending one', await c, 'after', await it.next());
  console.log('listeners', ee.listenerCount('x'), ee.listenerCount('error'));
  console.log(typeof it[Symbol.asyncIterator], it[Symbol.asyncIterator]() === it);
}

async function errors() {
  const ee = new EventEmitter();
  const seen = [];
  setImmediate(() => {
    ee.emit('data', 'x');
    ee.emit('error', new Error('boom'));
    ee.emit('data', 'late');
  });
  try {
    for await (const [d] of on(ee, 'data')) seen.push(d);
  } catch (e) {
    console.log('caught', e.message, seen, ee.listenerCount('data'), ee.listenerCount('error'));
  }
  // an error that comes while no next() waits rejects the next one, once
  const ee2 = new EventEmitter();
  const it = on(ee2, 'data');
  ee2.emit('data', 1);
  ee2.emit('error', new Error('later'));
  console.log(await it.next());
  await it.next().then(() => console.log('no'), (e) => console.log('rejected', e.message));
  console.log(await it.next());
  // 'error' itself can be iterated
  const ee3 = new EventEmitter();
  const it3 = on(ee3, 'error');
  ee3.emit('error', new Error('as data'));
  const { value } = await it3.next();
  console.log('error event', value[0].message, ee3.listenerCount('error'));
  await it3.return();
  console.log(ee3.listenerCount('error'));
  // throw(err)
  const ee4 = new EventEmitter();
  const it4 = on(ee4, 'x');
  const p = it4.next();
  console.log('throw returns', it4.throw(new Error('thrown')));
  await p.catch((e) => console.log('thrown into', e.message, ee4.listenerCount('x')));
  try { it4.throw('not an error'); } catch (e) { console.log(e.code, e.message); }
}

async function signals() {
  const ee = new EventEmitter();
  const signal = makeSignal();
  const seen = [];
  setImmediate(() => {
    ee.emit('foo', 'a');
    signal.abort('stop');
    ee.emit('foo', 'b');
  });
  try {
    for await (const [v] of on(ee, 'foo', { signal })) seen.push(v);
  } catch (e) {
    console.log(e.name, e.code, e.message, e.cause, seen, ee.listenerCount('foo'), signal.listenerCount('abort'));
  }
  try { on(ee, 'foo', { signal }); } catch (e) { console.log('already aborted:', e.name, e.code); }
  const fresh = makeSignal();
  const it = on(ee, 'foo', { signal: fresh });
  console.log('abort listener', fresh.listenerCount('abort'));
  await it.return();
  console.log('after return', fresh.listenerCount('abort'));
}

async function options() {
  const ee = new EventEmitter();
  for (const bad of [{ signal: 1 }, { highWaterMark: 0 }, { highWaterMark: 'x' }, { lowWaterMark: 1.5 }]) {
    try { on(ee, 'x', bad); } catch (e) { console.log(e.code, e.message); }
  }
  try { on({}, 'x'); } catch (e) { console.log(e.code, e.message); }
  try { on(ee, 'x', null); } catch (e) { console.log(e.name); }
  // options.close: those events end the iteration
  const src = new EventEmitter();
  setImmediate(() => { src.emit('line', 'one'); src.emit('line', 'two'); src.emit('end'); src.emit('line', 'three'); });
  const lines = [];
  for await (const [l] of on(src, 'line', { close: ['end'] })) lines.push(l);
  console.log('closed by end', lines, src.listenerCount('line'), src.listenerCount('end'));
}

async function watermarks() {
  // a paused-mode stream: past highWaterMark the emitter is paused, below lowWaterMark resumed
  const r = new Readable({ read() {} });
  const log = [];
  const pause = r.pause, resume = r.resume;
  r.pause = function () { log.push('pause'); return pause.call(this); };
  r.resume = function () { log.push('resume'); return resume.call(this); };
  const it = on(r, 'data', { highWaterMark: 2, lowWaterMark: 1 });
  r.push('a'); r.push('b'); r.push('c');
  await new Promise((res) => setImmediate(res));
  const got = [];
  for (let i = 0; i < 3; i++) got.push(String((await it.next()).value[0]));
  await it.return();
  console.log('watermarks', got, log);
}

(async () => {
  await buffering();
  await waitingNexts();
  await errors();
  await signals();
  await options();
  await watermarks();
  console.log('same function', events.on === EventEmitter.on, typeof on, on.name, on.length);
})();
