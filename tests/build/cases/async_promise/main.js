// async/await lowered by the build (regenerator) runs on Petrel's Promise (#18):
// the output, its order against nextTick and timers included, is node's.
const sleep = (ms, v) => new Promise((resolve) => setTimeout(() => resolve(v), ms));
const order = [];

async function fails(msg) {
  await null;
  throw new TypeError(msg);
}

async function* counter(n) {
  for (let i = 0; i < n; i++) yield await sleep(1, i);
}

async function main() {
  console.log('start');
  await sleep(1);
  console.log('after sleep');
  try {
    await fails('bad input');
  } catch (e) {
    console.log(`caught ${e.name}: ${e.message}`);
  }
  const values = await Promise.all([sleep(3, 'a'), sleep(1, 'b'), 'c']);
  console.log('all', values.join(','));
  const settled = await Promise.allSettled([fails('x'), sleep(1, 'y')]);
  console.log('allSettled', settled.map((s) => s.status).join(','));
  console.log('race', await Promise.race([sleep(5, 'slow'), sleep(1, 'fast')]));
  let sum = 0;
  for await (const i of counter(3)) sum += i;
  console.log('for await', sum);
  const results = [];
  for (const ms of [3, 1, 2]) results.push(await sleep(ms, ms));
  console.log('sequential', results.join(','));
  // Where an await resumes: after the ticks, among the microtasks.
  process.nextTick(() => order.push('tick'));
  setTimeout(() => order.push('timeout'), 0);
  Promise.resolve().then(() => order.push('then'));
  order.push('sync');
  await null;
  order.push('resumed');
  await sleep(5);
  console.log('order', order.join(','));
  return 'done';
}

main().then((v) => console.log('main', v), (e) => console.log('main failed', e));
console.log('main returned a promise:', main instanceof Function);
