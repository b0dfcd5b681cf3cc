/** PNG checks shared by the chart tests: header size and pixel variance (a blank chart has none). */
import assert from 'node:assert/strict';
import { createCanvas, loadImage } from '@napi-rs/canvas';

/** Width and height from the IHDR chunk; asserts the PNG signature. */
export function pngSize(png: Buffer): { width: number; height: number } {
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(png.subarray(12, 16).toString('ascii'), 'IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The decoded RGBA pixels of a PNG. */
async function rgbaOf(png: Buffer): Promise<Uint8ClampedArray> {
  const img = await loadImage(png);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return ctx.getImageData(0, 0, img.width, img.height).data;
}

/** Variance of the grey level over every 7th pixel, and the share of non-white pixels. */
export async function pixelStats(png: Buffer): Promise<{ variance: number; inked: number; opaque: boolean }> {
  const data = await rgbaOf(png);
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  let inked = 0;
  let opaque = true;
  for (let i = 0; i < data.length; i += 4 * 7) {
    const grey = (data[i] + data[i + 1] + data[i + 2]) / 3;
    n++;
    sum += grey;
    sumSq += grey * grey;
    if (grey < 250) inked++;
    if (data[i + 3] !== 255) opaque = false;
  }
  const mean = sum / n;
  return { variance: sumSq / n - mean * mean, inked: inked / n, opaque };
}

/** Pixels within `tolerance` of a `#rrggbb` colour in each channel. */
export async function pixelsNear(png: Buffer, colour: string, tolerance = 20): Promise<number> {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
  const data = await rgbaOf(png);
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (Math.abs(data[i] - r) < tolerance && Math.abs(data[i + 1] - g) < tolerance && Math.abs(data[i + 2] - b) < tolerance) n++;
  }
  return n;
}

/** Asserts a chart PNG is 2400×1200, opaque, and has real content. */
export async function assertRealChart(png: Buffer, label: string): Promise<void> {
  assert.deepEqual(pngSize(png), { width: 2400, height: 1200 }, `${label}: size`);
  const s = await pixelStats(png);
  assert.ok(s.opaque, `${label}: opaque background`);
  assert.ok(s.variance > 50, `${label}: not one colour (variance ${s.variance})`);
  assert.ok(s.inked > 0.01, `${label}: some ink (${s.inked})`);
}
