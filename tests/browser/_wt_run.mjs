import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/lib/chromium/chromium' });
const page = await browser.newPage();
let done;
const finished = new Promise(r => done = r);
page.on('console', m => { console.log(m.text()); if (m.text().includes('worst median')) done(); });
await page.goto('http://127.0.0.1:8766/' + process.argv[2]);
await Promise.race([finished, new Promise(r => setTimeout(r, 120000))]);
await browser.close();
