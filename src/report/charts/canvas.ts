/**
 * Chart.js drawn on @napi-rs/canvas (Skia; its binary ships as an npm package), to PNG.
 * 1200×600 CSS pixels at device pixel ratio 2 (2400×1200 pixels), an opaque white background so the
 * PNG reads in dark and light viewers, and DejaVu Sans from the dejavu-fonts-ttf package so that text
 * renders the same on machines without system fonts.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration, type Plugin } from 'chart.js';

/** Chart width in CSS pixels. */
export const WIDTH = 1200;
/** Chart height in CSS pixels. */
export const HEIGHT = 600;
/** Device pixel ratio: the PNG is WIDTH·2 × HEIGHT·2 pixels. */
export const PIXEL_RATIO = 2;
/** Font family of every chart (registered from dejavu-fonts-ttf). */
export const FONT_FAMILY = 'DejaVu Sans';

/** One rendered chart: its file name, a human title (alt text, Markdown link) and the PNG bytes. */
export interface ChartFile {
  name: string;
  title: string;
  png: Buffer;
}

let ready = false;

function setUp(): void {
  if (ready) return;
  ready = true;
  Chart.register(...registerables);
  if (!GlobalFonts.has(FONT_FAMILY)) {
    try {
      const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
      GlobalFonts.registerFromPath(join(dir, 'DejaVuSans.ttf'), FONT_FAMILY);
      GlobalFonts.registerFromPath(join(dir, 'DejaVuSans-Bold.ttf'), FONT_FAMILY);
    } catch {
      // No font package: Skia falls back to whatever fonts the system has.
    }
  }
  Chart.defaults.font.family = FONT_FAMILY;
  Chart.defaults.font.size = 15;
  Chart.defaults.color = '#222222';
}

/** Paints the whole canvas white behind the chart. */
const opaqueBackground: Plugin = {
  id: 'gasmBackground',
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

/** Renders one Chart.js configuration (plus extra inline plugins) to PNG bytes. */
export function renderPng(config: ChartConfiguration, plugins: Plugin[] = []): Buffer {
  setUp();
  // The canvas is created at CSS size: Chart.js multiplies it by devicePixelRatio itself (retinaScale),
  // so 1200×600 here becomes a 2400×1200 bitmap. Creating it at 2× would double the scale again.
  const canvas = createCanvas(WIDTH, HEIGHT);
  const ctx = canvas.getContext('2d');
  const chart = new Chart(ctx as unknown as ConstructorParameters<typeof Chart>[0], {
    ...config,
    options: { ...config.options, responsive: false, animation: false, devicePixelRatio: PIXEL_RATIO, maintainAspectRatio: false },
    plugins: [opaqueBackground, ...(config.plugins ?? []), ...plugins],
  } as ChartConfiguration);
  try {
    return canvas.toBuffer('image/png');
  } finally {
    chart.destroy();
  }
}
