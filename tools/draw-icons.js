#!/usr/bin/env node
/**
 * Draws the add-in's icon (a ledger sheet with a rising bar chart) at the sizes the manifest names
 * and writes assets/icons/icon-<size>.png. Plain Node (zlib + a small PNG encoder), no dependencies,
 * so the icons can be regenerated anywhere: node tools/draw-icons.js
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80];
const OUT_DIR = path.join(__dirname, '..', 'assets', 'icons');

// Fluent brand blue for the outline and header band, Excel-like green for the bars.
const PAPER = [255, 255, 255, 255];
const INK = [15, 108, 189, 255];
const BARS = [16, 124, 65, 255];

/**
 * The mark in unit coordinates (0..1 across the icon), painted in order; later shapes cover earlier ones.
 * Line widths have a floor in pixels so the outline survives at 16 px.
 */
function shapesFor(size) {
  const outline = Math.max(1 / size, 0.06);
  const sheet = { left: 0.12, top: 0.05, right: 0.88, bottom: 0.95 };
  return [
    { ...sheet, color: INK },
    {
      left: sheet.left + outline,
      top: sheet.top + outline,
      right: sheet.right - outline,
      bottom: sheet.bottom - outline,
      color: PAPER,
    },
    // Header band of the ledger.
    { left: sheet.left, top: sheet.top, right: sheet.right, bottom: 0.27, color: INK },
    // Three rising bars standing on the bottom rule.
    { left: 0.24, top: 0.6, right: 0.38, bottom: 0.84, color: BARS },
    { left: 0.43, top: 0.47, right: 0.57, bottom: 0.84, color: BARS },
    { left: 0.62, top: 0.34, right: 0.76, bottom: 0.84, color: BARS },
  ];
}

function colorAt(shapes, x, y) {
  let color = null;
  for (const shape of shapes) {
    if (x >= shape.left && x < shape.right && y >= shape.top && y < shape.bottom) color = shape.color;
  }
  return color;
}

/** RGBA pixels, 4x4 supersampled so edges that fall between pixels blend instead of jumping. */
function drawIcon(size) {
  const samples = 4;
  const shapes = shapesFor(size);
  const pixels = Buffer.alloc(size * size * 4);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let alpha = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const color = colorAt(shapes, (col + (sx + 0.5) / samples) / size, (row + (sy + 0.5) / samples) / size);
          if (color === null) continue;
          red += color[0];
          green += color[1];
          blue += color[2];
          alpha += 255;
        }
      }
      const offset = (row * size + col) * 4;
      const covered = alpha / 255;
      if (covered > 0) {
        pixels[offset] = Math.round(red / covered);
        pixels[offset + 1] = Math.round(green / covered);
        pixels[offset + 2] = Math.round(blue / covered);
        pixels[offset + 3] = Math.round(alpha / (samples * samples));
      }
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** PNG with 8-bit RGBA pixels (colour type 6), no interlace, filter 0 on every row. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  header[10] = 0; // deflate
  header[11] = 0; // adaptive filtering
  header[12] = 0; // no interlace
  const rowBytes = width * 4;
  const raw = Buffer.alloc((rowBytes + 1) * height);
  for (let row = 0; row < height; row++) {
    raw[row * (rowBytes + 1)] = 0;
    rgba.copy(raw, row * (rowBytes + 1) + 1, row * rowBytes, (row + 1) * rowBytes);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, drawIcon(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}x${size})`);
  }
}

if (require.main === module) main();

module.exports = { drawIcon, encodePng, crc32 };
