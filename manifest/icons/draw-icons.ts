/**
 * Draws the app's icons as PNGs: the Teams/M365 package icons (color.png 192×192, outline.png 32×32 white on
 * transparent) and the Outlook ribbon icons (icon-16/32/80.png, served by the service under /assets/icons/).
 * Run `npx tsx manifest/icons/draw-icons.ts` to redraw them into this folder.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createImage, encodePng, type RgbaImage } from './png.js';

/** The accent colour; the manifest's accentColor must be the same value (a test checks). */
export const ACCENT_COLOR = '#0F6CBD';

type Rgba = readonly [number, number, number, number];
/** A shape in unit coordinates (0..1 across the icon, y pointing down): true where (x, y) is inside. */
type Shape = (x: number, y: number) => boolean;
interface Layer {
  shape: Shape;
  color: Rgba;
}

const WHITE: Rgba = [255, 255, 255, 255];

function hexToRgba(hex: string): Rgba {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff, 255];
}

function roundedRect(cx: number, cy: number, hx: number, hy: number, r: number): (x: number, y: number) => number {
  // Signed distance to a rounded rectangle: negative inside.
  return (x, y) => {
    const qx = Math.abs(x - cx) - (hx - r);
    const qy = Math.abs(y - cy) - (hy - r);
    const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
    return outside + Math.min(Math.max(qx, qy), 0) - r;
  };
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The contact card's inner marks (a person and two text lines), laid out relative to the card box.
 * `compact` drops the second line: at 16 px it would merge with the first.
 */
function cardMarks(card: Box, compact = false): Shape[] {
  const w = card.x1 - card.x0;
  const h = card.y1 - card.y0;
  const at = (u: number, v: number): [number, number] => [card.x0 + u * w, card.y0 + v * h];
  const [headX, headY] = at(0.27, 0.37);
  const headR = 0.15 * h;
  const [, shouldersY] = at(0, 0.87);
  const shouldersR = 0.27 * h;
  const lineH = 0.055 * h;
  const line = (u0: number, u1: number, v: number): Shape => {
    const [lx0, ly] = at(u0, v);
    const [lx1] = at(u1, v);
    const sdf = roundedRect((lx0 + lx1) / 2, ly, (lx1 - lx0) / 2, lineH, lineH);
    return (x, y) => sdf(x, y) <= 0;
  };
  return [
    (x, y) => Math.hypot(x - headX, y - headY) <= headR,
    (x, y) => y <= shouldersY && Math.hypot(x - headX, y - shouldersY) <= shouldersR,
    ...(compact ? [line(0.55, 0.86, 0.5)] : [line(0.53, 0.86, 0.42), line(0.53, 0.76, 0.64)]),
  ];
}

function paint(size: number, layers: Layer[], samplesPerAxis = 5): RgbaImage {
  const image = createImage(size, size);
  const n = samplesPerAxis;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Premultiplied "over" compositing of each layer's coverage, supersampled for anti-aliasing.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const layer of layers) {
        let hits = 0;
        for (let sy = 0; sy < n; sy++) {
          for (let sx = 0; sx < n; sx++) {
            if (layer.shape((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size)) hits++;
          }
        }
        const coverage = (hits / (n * n)) * (layer.color[3] / 255);
        r = layer.color[0] * coverage + r * (1 - coverage);
        g = layer.color[1] * coverage + g * (1 - coverage);
        b = layer.color[2] * coverage + b * (1 - coverage);
        a = coverage + a * (1 - coverage);
      }
      const i = (py * size + px) * 4;
      image.data[i] = a > 0 ? Math.round(r / a) : 0;
      image.data[i + 1] = a > 0 ? Math.round(g / a) : 0;
      image.data[i + 2] = a > 0 ? Math.round(b / a) : 0;
      image.data[i + 3] = Math.round(a * 255);
    }
  }
  return image;
}

/**
 * Full-colour icon: a white contact card on a rounded square in the accent colour.
 * Below 24 px the card fills more of the square and carries fewer marks, so it still reads as a card.
 */
export function drawColorIcon(size: number): RgbaImage {
  const accent = hexToRgba(ACCENT_COLOR);
  const compact = size < 24;
  const background = roundedRect(0.5, 0.5, 0.5, 0.5, compact ? 0.15 : 0.2);
  const half = compact ? { x: 0.38, y: 0.28 } : { x: 0.31, y: 0.23 };
  const card: Box = { x0: 0.5 - half.x, y0: 0.5 - half.y, x1: 0.5 + half.x, y1: 0.5 + half.y };
  const cardSdf = roundedRect(0.5, 0.5, half.x, half.y, compact ? 0.05 : 0.06);
  return paint(size, [
    { shape: (x, y) => background(x, y) <= 0, color: accent },
    { shape: (x, y) => cardSdf(x, y) <= 0, color: WHITE },
    ...cardMarks(card, compact).map((shape) => ({ shape, color: accent })),
  ]);
}

/** Outline icon: the same card drawn in white strokes on a transparent background (Teams outline rules). */
export function drawOutlineIcon(size: number): RgbaImage {
  const stroke = 2 / 32;
  const card: Box = { x0: 0.06, y0: 0.17, x1: 0.94, y1: 0.83 };
  const cardSdf = roundedRect(0.5, 0.5, 0.44, 0.33, 0.1);
  const inner: Box = { x0: card.x0 + stroke, y0: card.y0 + stroke, x1: card.x1 - stroke, y1: card.y1 - stroke };
  return paint(size, [
    { shape: (x, y) => cardSdf(x, y) <= 0 && cardSdf(x, y) > -stroke, color: WHITE },
    ...cardMarks(inner).map((shape) => ({ shape, color: WHITE })),
  ]);
}

/** Every icon file this project ships, by file name. */
export function drawAllIcons(): Record<string, Buffer> {
  return {
    'color.png': encodePng(drawColorIcon(192)),
    'outline.png': encodePng(drawOutlineIcon(32)),
    'icon-16.png': encodePng(drawColorIcon(16)),
    'icon-32.png': encodePng(drawColorIcon(32)),
    'icon-80.png': encodePng(drawColorIcon(80)),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const folder = dirname(fileURLToPath(import.meta.url));
  for (const [name, png] of Object.entries(drawAllIcons())) {
    writeFileSync(join(folder, name), png);
    console.log(`wrote ${join(folder, name)} (${png.length} bytes)`);
  }
}
