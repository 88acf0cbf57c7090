import { buildAndServe } from '/work/main/build/site';
import { writeFileSync } from 'node:fs';
const s = await buildAndServe();
writeFileSync('/tmp/newcomer/url.txt', s.baseUrl);
console.log('SERVING', s.baseUrl);
await new Promise(() => {});
