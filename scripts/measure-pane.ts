import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * How fast the pane opens for a signed-in member: the product as `npm start` runs it (the add-in must be built,
 * `npm run build:addin`), a fresh data folder, headless Chromium. Prints, for the browser app and the Outlook task
 * pane page, the JavaScript and CSS fetched before the first screen (gzip size of each file, and the bytes that
 * crossed the wire), the time to the first screen and the time to interactive. Ports: MEASURE_PORT (3402) and
 * MEASURE_DEVTENANT_PORT (3403); MEASURE_RUNS (5) cold opens per page, medians reported.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.MEASURE_PORT ?? 3402);
const tenantPort = Number(process.env.MEASURE_DEVTENANT_PORT ?? 3403);
const runs = Number(process.env.MEASURE_RUNS ?? 5);
const baseUrl = `https://localhost:${port}`;
const password = process.env.DEVTENANT_PASSWORD ?? 'LocalDev!2026';
const admin = 'admin@contoso.onmicrosoft.com';
const assetsDir = join(root, 'addin', 'dist', 'assets');

/** One cold open: what was fetched before each moment, and when the moments came (ms from navigation start). */
interface Sample {
  /** gzip bytes of the scripts fetched before the first render (the app's first frame, its loading screen). */
  renderJs: number;
  /** gzip bytes of the scripts and styles fetched before the member's screen was there, and their files. */
  screenJs: number;
  screenCss: number;
  screenFiles: number;
  /** Bytes of those scripts and styles that crossed the wire (brotli where the browser accepts it). */
  screenWire: number;
  firstRenderMs: number;
  firstScreenMs: number;
  interactiveMs: number;
}

async function startProduct(): Promise<() => void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-measure-'));
  const child = spawn('npx', ['tsx', 'scripts/start-local.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DEVTENANT_PORT: String(tenantPort), LOCAL_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  let output = '';
  await new Promise<void>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('is running locally')) done();
    });
    child.once('exit', (code) => fail(new Error(`the product stopped while starting (exit ${code})`)));
  });
  return () => process.kill(-child.pid!, 'SIGTERM');
}

/** The Contoso administrator installs and accepts the terms once, so later opens are a member's. */
async function makeMember(browser: Browser): Promise<Awaited<ReturnType<BrowserContext['storageState']>>> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  await signInThroughPopup(page, /^Sign in$/);
  const consent = page.waitForEvent('popup');
  await page.getByRole('button', { name: /^Install for contoso/ }).click();
  const popup = await consent;
  await popup.getByRole('button', { name: 'Accept' }).click();
  await popup.getByRole('heading', { level: 1 }).waitFor();
  await popup.close();
  await page.getByRole('checkbox', { name: 'I accept the terms and conditions' }).check({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Welcome, Contoso Admin' }).waitFor();
  const state = await context.storageState();
  await context.close();
  return state;
}

async function signInThroughPopup(page: Page, label: RegExp): Promise<void> {
  const popupPromise = page.waitForEvent('popup');
  await page.getByRole('button', { name: label }).click();
  const popup = await popupPromise;
  await popup.getByRole('button', { name: admin }).click();
  await popup.getByLabel('Password').fill(password);
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Sign in', exact: true }).click();
  await closed;
}

/** Makes the context look like Outlook to the pane, as e2e/outlookHost.ts does (Office.js stubbed, read mode). */
async function actAsOutlook(context: BrowserContext): Promise<void> {
  await context.route('**/office-js/**', (route) =>
    route.fulfill({ status: 200, contentType: 'application/javascript', body: '' }),
  );
  await context.addInitScript(() => {
    const party = { displayName: 'Katja Bauer', emailAddress: 'katja.bauer@fabrikam.example' };
    (globalThis as unknown as { Office: unknown }).Office = {
      HostType: { Outlook: 'Outlook' },
      PlatformType: { OfficeOnline: 'OfficeOnline' },
      EventType: { ItemChanged: 'olkItemSelectedChanged', OfficeThemeChanged: 'officeThemeChanged' },
      onReady: () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }),
      context: {
        displayLanguage: 'en-US',
        officeTheme: { bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#242424' },
        requirements: { isSetSupported: () => false },
        mailbox: {
          item: { itemType: 'message', subject: 'Angebot', from: party, sender: party, to: [], cc: [] },
          addHandlerAsync: (_type: string, _handler: () => void, callback?: (r: { status: string }) => void) =>
            callback?.({ status: 'succeeded' }),
          removeHandlerAsync: () => undefined,
        },
      },
    };
  });
}

/**
 * Records, inside the page, the first frame with anything rendered in #root, the first frame with the member's
 * screen (its tabs shown and no spinner left), and the end of the last long task; "interactive" is the later of
 * the member's screen and that end, once the network is idle. Plain text, not a function: tsx would wrap named
 * inner functions in a helper the page does not have.
 */
const watchFirstScreen = `
  const marks = { firstRender: 0, firstScreen: 0, lastLongTaskEnd: 0 };
  globalThis.__marks = marks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      marks.lastLongTaskEnd = Math.max(marks.lastLongTaskEnd, entry.startTime + entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    const root = document.getElementById('root');
    if (!marks.firstRender && root && root.childElementCount > 0) marks.firstRender = performance.now();
    const tabs = document.querySelector('[role="tablist"]');
    const spinning = [...document.querySelectorAll('[role="progressbar"]')].some((e) => e.checkVisibility());
    if (tabs && !spinning) marks.firstScreen = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
`;

interface Marks {
  firstRender: number;
  firstScreen: number;
  lastLongTaskEnd: number;
}

/** A modest office line, so that what the first render waits for shows in the times (localhost hides it). */
const THROTTLED = { offline: false, latency: 40, downloadThroughput: 10_000_000 / 8, uploadThroughput: 5_000_000 / 8 };

async function openOnce(
  browser: Browser,
  state: unknown,
  url: string,
  outlook: boolean,
  throttled: boolean,
): Promise<Sample> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'en-US', storageState: state as never });
  if (outlook) await actAsOutlook(context);
  await context.addInitScript({ content: watchFirstScreen });
  const page = await context.newPage();
  if (throttled) await (await context.newCDPSession(page)).send('Network.emulateNetworkConditions', THROTTLED);
  await page.goto(url);
  await page.waitForFunction(() => (globalThis as unknown as { __marks: Marks }).__marks.firstScreen, undefined, {
    timeout: 30_000,
  });
  await page.waitForLoadState('networkidle');
  const { marks, assets } = await page.evaluate(() => ({
    marks: (globalThis as unknown as { __marks: Marks }).__marks,
    assets: performance
      .getEntriesByType('resource')
      .map((entry) => entry as unknown as { name: string; responseEnd: number; transferSize: number })
      .filter((entry) => new URL(entry.name).pathname.startsWith('/assets/'))
      .map((entry) => ({ path: new URL(entry.name).pathname, end: entry.responseEnd, wire: entry.transferSize })),
  }));
  const gzipOf = (path: string): number => {
    const file = join(assetsDir, path.replace(/^\/assets\//, '') + '.gz');
    return existsSync(file) ? statSync(file).size : 0;
  };
  const sum = (items: { path: string }[]): number => items.reduce((total, item) => total + gzipOf(item.path), 0);
  const scripts = assets.filter((asset) => asset.path.endsWith('.js'));
  const styles = assets.filter((asset) => asset.path.endsWith('.css'));
  const beforeScreen = assets.filter((asset) => asset.end <= marks.firstScreen);
  const sample: Sample = {
    renderJs: sum(scripts.filter((asset) => asset.end <= marks.firstRender)),
    screenJs: sum(scripts.filter((asset) => asset.end <= marks.firstScreen)),
    screenCss: sum(styles.filter((asset) => asset.end <= marks.firstScreen)),
    screenFiles: beforeScreen.length,
    screenWire: beforeScreen.reduce((total, asset) => total + asset.wire, 0),
    firstRenderMs: marks.firstRender,
    firstScreenMs: marks.firstScreen,
    interactiveMs: Math.max(marks.firstScreen, marks.lastLongTaskEnd),
  };
  await context.close();
  return sample;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

const stop = await startProduct();
try {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const state = await makeMember(browser);
  const rows: string[] = [];
  for (const [name, path, outlook, throttled] of [
    ['browser app, localhost', '/', false, false],
    ['Outlook pane, localhost', '/taskpane.html?host=outlook', true, false],
    ['browser app, 10 Mbit/s 40 ms', '/', false, true],
    ['Outlook pane, 10 Mbit/s 40 ms', '/taskpane.html?host=outlook', true, true],
  ] as const) {
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i++)
      samples.push(await openOnce(browser, state, `${baseUrl}${path}`, outlook, throttled));
    const m = (pick: (s: Sample) => number): number => median(samples.map(pick));
    rows.push(
      `| ${name} | ${kb(m((s) => s.renderJs))} | ${Math.round(m((s) => s.firstRenderMs))} ms | ` +
        `${m((s) => s.screenFiles)} | ${kb(m((s) => s.screenJs))} | ${kb(m((s) => s.screenCss))} | ` +
        `${kb(m((s) => s.screenWire))} | ${Math.round(m((s) => s.firstScreenMs))} ms | ` +
        `${Math.round(m((s) => s.interactiveMs))} ms |`,
    );
  }
  await browser.close();
  console.log(`Signed-in member, cold cache, medians of ${runs} opens (headless Chromium, localhost):\n`);
  console.log(
    '| page | JS gzip before first render | first render | files before member screen | JS gzip | CSS gzip | ' +
      'JS+CSS on the wire | member screen | interactive |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
} finally {
  stop();
}
