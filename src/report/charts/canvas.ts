/**
 * Chart.js drawn on @napi-rs/canvas (Skia; its binary ships as an npm package), to PNG.
 * 1200×600 CSS pixels at device pixel ratio 2, opaque white background, DejaVu Sans from the
 * dejavu-fonts-ttf package so that text renders on machines without system fonts.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration, type Plugin } from 'chart.js';

export const WIDTH = 1200;
export const HEIGHT = 600;
export const PIXEL_RATIO = 2;
export const FONT_FAMILY = 'DejaVu Sans';

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
      // No font package: Skia falls back to whatever the system has.
    }
  }
  Chart.defaults.font.family = FONT_FAMILY;
  Chart.defaults.font.size = 15;
  Chart.defaults.color = '#222222';
}

/** Paints the whole canvas white before drawing, so the PNG reads in dark and light viewers. */
const background: Plugin = {
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

/** Renders one Chart.js configuration to PNG bytes. */
export function renderPng(config: ChartConfiguration, plugins: Plugin[] = []): Buffer {
  setUp();
  // Chart.js multiplies the canvas size by devicePixelRatio itself: 1200×600 CSS px → 2400×1200 pixels.
  const canvas = createCanvas(WIDTH, HEIGHT);
  const ctx = canvas.getContext('2d');
  const chart = new Chart(ctx as unknown as ConstructorParameters<typeof Chart>[0], {
    ...config,
    options: { ...config.options, responsive: false, animation: false, devicePixelRatio: PIXEL_RATIO, maintainAspectRatio: false },
    plugins: [background, ...(config.plugins ?? []), ...plugins],
  } as ChartConfiguration);
  try {
    return canvas.toBuffer('image/png');
  } finally {
    chart.destroy();
  }
}

/** Okabe–Ito colour-blind-safe palette. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'];

/** Title and axis options shared by every chart. */
export function titled(text: string, subtitle?: string) {
  return {
    title: { display: true, text, font: { size: 20, weight: 'bold' as const }, padding: { top: 10, bottom: subtitle ? 4 : 16 } },
    subtitle: { display: Boolean(subtitle), text: subtitle ?? '', font: { size: 14 }, padding: { bottom: 14 } },
    legend: { position: 'top' as const, labels: { boxWidth: 18 } },
  };
}

export function axis(title: string, extra: Record<string, unknown> = {}) {
  return { title: { display: true, text: title, font: { size: 15 } }, grid: { color: '#e5e5e5' }, ...extra };
}
