import { launchChromium } from '/work/main/build/site';
import { readFileSync, writeFileSync } from 'node:fs';
const url = readFileSync('/tmp/newcomer/url.txt','utf8').trim();
const [w,h,tag] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4]];
const b = await launchChromium();
const ctx = await b.newContext({ viewport: { width: w, height: h }, colorScheme: 'light' });
const p = await ctx.newPage();
p.on('console', m => { if (m.type()==='error' || m.type()==='warning') console.log('CONSOLE', m.type(), m.text()); });
p.on('pageerror', e => console.log('PAGEERR', e.message));
await p.goto(url, { waitUntil: 'load' });
await p.waitForTimeout(6000);
let y = 0, i = 0;
// first pass scroll to trigger lazy loads
const H = await p.evaluate(() => document.documentElement.scrollHeight);
for (let yy=0; yy<H; yy+=h) { await p.evaluate(v=>window.scrollTo(0,v), yy); await p.waitForTimeout(700);} 
await p.evaluate(()=>window.scrollTo(0,0)); await p.waitForTimeout(3000);
while (true) {
  const total = await p.evaluate(() => document.documentElement.scrollHeight);
  await p.evaluate(v => window.scrollTo(0, v), y);
  await p.waitForTimeout(1800);
  try { await p.screenshot({ timeout: 120000, animations: "disabled", path: `/tmp/newcomer/${tag}-${String(i).padStart(2,"0")}.png` }); } catch (e) { console.log("SHOTFAIL", i, String(e).slice(0,200)); }
  i++;
  if (y + h >= total) break;
  y += Math.round(h * 0.9);
  if (i > 80) break;
}
const text = await p.evaluate(() => document.body.innerText);
writeFileSync(`/tmp/newcomer/${tag}-text.txt`, text);
const shadow = await p.evaluate(`(() => { const out = []; function walk(root, depth) { root.querySelectorAll('*').forEach(el => { if (el.shadowRoot) { out.push('--- <' + el.tagName.toLowerCase() + '> depth ' + depth + '\\n' + (el.shadowRoot.textContent || '').replace(/\\s+/g,' ').trim().slice(0,4000)); walk(el.shadowRoot, depth+1);} }); } walk(document, 0); return out.join('\\n'); })()`) as string;
writeFileSync(`/tmp/newcomer/${tag}-shadow.txt`, shadow);
// overflow check
const over = await p.evaluate(`(() => { const W = document.documentElement.clientWidth; const r = []; document.querySelectorAll('body *').forEach(el => { const b = el.getBoundingClientRect(); if (b.right > W + 1 && b.width > 0) r.push(el.tagName + '.' + el.className + ' right=' + Math.round(b.right)); }); return [document.documentElement.scrollWidth, W, r.slice(0,30)]; })()`);
console.log('OVERFLOW', JSON.stringify(over));
console.log('shots', i);
await b.close();
