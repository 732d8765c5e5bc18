// Draws the app icons (public/icons/*.png) from the shape of app/icon.svg:
// the brand-blue rounded square with three white bars. Run once when the
// icon changes: node scripts/make-icons.mjs. PNGs because install prompts
// and phone home screens want bitmaps at 192 and 512 pixels; the maskable
// one keeps the bars inside the middle 80 % that every mask shape shows.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const BLUE = [0x1d, 0x5f, 0xd1];
const WHITE = [0xff, 0xff, 0xff];

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** RGBA pixels, `size` square; `pixel(x, y)` in the 32-unit space of icon.svg gives a colour or null (transparent). */
function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const colour = pixel(((x + 0.5) * 32) / size, ((y + 0.5) * 32) / size);
      if (colour) row.set([...colour, 255], 1 + x * 4);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]);
}

/** Inside a bar from x1 to x2 at height y, 3 units thick with round ends. */
const onBar = (x, y, x1, x2, at) => {
  const cx = Math.min(Math.max(x, x1), x2);
  return Math.hypot(x - cx, y - at) <= 1.5;
};
/** On one of the three bars of icon.svg (M9 10h14, M9 16h10, M9 22h6), drawn `scale` times their size about the middle. */
const bars = (x, y, scale = 1) => {
  const [ux, uy] = [(x - 16) / scale + 16, (y - 16) / scale + 16];
  return [[9, 23, 10], [9, 19, 16], [9, 15, 22]].some(([x1, x2, at]) => onBar(ux, uy, x1, x2, at));
};
const insideRounded = (x, y, r = 7) => {
  const cx = Math.min(Math.max(x, r), 32 - r);
  const cy = Math.min(Math.max(y, r), 32 - r);
  return Math.hypot(x - cx, y - cy) <= r;
};

const plain = (x, y) => (insideRounded(x, y) ? (bars(x, y) ? WHITE : BLUE) : null);
// Full bleed, bars scaled into the safe zone.
const maskable = (x, y) => (bars(x, y, 0.75) ? WHITE : BLUE);

for (const size of [192, 512]) writeFileSync(`public/icons/icon-${size}.png`, png(size, plain));
writeFileSync("public/icons/maskable-512.png", png(512, maskable));
