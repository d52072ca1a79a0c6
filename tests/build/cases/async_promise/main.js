// async/await builds (regenerator), but Petrel has no Promise yet (issue #18):
// the call fails with a ReferenceError naming Promise. Once Promise exists this
// case prints what node prints.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function main() {
  console.log('start');
  await sleep(1);
  console.log('after sleep');
}
main();
