/**
 * The ribbon icon at the sizes Microsoft lists for add-in commands besides the three it requires
 * (16, 32, 80): "20, 24, 40, 48, and 64 pixels" are supported
 * (https://learn.microsoft.com/javascript/api/manifest/icon), and Office picks the one that fits
 * the screen's scaling. The 16, 32, 64 and 80 px files were drawn before; this draws the others
 * from the same shapes (a white house on a blue rounded square, measured on icon-80.png) with
 * 8×8 samples a pixel, and writes them as plain RGBA PNGs. Run `npx tsx build/icons.ts` to write
 * assets/icon-{20,24,40,48}.png; test/manifest.test.ts checks that the files are what it draws.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";

export const DRAWN_SIZES = [20, 24, 40, 48];

const BLUE = [0, 94, 184];
const WHITE = [255, 255, 255];
const SAMPLES = 8;

/** The shapes in units of the icon's side (0..1), as icon-80.png has them. */
const CORNER = 1 / 6;
const ROOF = { apex: [0.5, 0.175], baseY: 0.5, left: 0.15, right: 0.85 };
const WALLS = { left: 0.26875, right: 0.73125, top: 0.5, bottom: 0.81875 };
const DOOR = { left: 0.44375, right: 0.55625, top: 0.61875 };

function inRoundedSquare(x: number, y: number): boolean {
  const dx = Math.max(CORNER - x, 0, x - (1 - CORNER));
  const dy = Math.max(CORNER - y, 0, y - (1 - CORNER));
  return dx * dx + dy * dy <= CORNER * CORNER;
}

function inHouse(x: number, y: number): boolean {
  const [ax, ay] = ROOF.apex;
  const inRoof =
    y >= ay &&
    y <= ROOF.baseY &&
    Math.abs(x - ax) <= ((y - ay) / (ROOF.baseY - ay)) * (ROOF.right - ax);
  const inWalls = x >= WALLS.left && x <= WALLS.right && y >= WALLS.top && y <= WALLS.bottom;
  const inDoor = x >= DOOR.left && x <= DOOR.right && y >= DOOR.top && y <= WALLS.bottom;
  return (inRoof || inWalls) && !inDoor;
}

/** The icon's rows as PNG scanlines: filter byte 0, then RGBA for each pixel. */
export function iconScanlines(size: number): Buffer {
  const rows = Buffer.alloc(size * (1 + 4 * size));
  for (let py = 0; py < size; py++) {
    const row = py * (1 + 4 * size);
    for (let px = 0; px < size; px++) {
      let square = 0;
      let white = 0;
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (!inRoundedSquare(x, y)) continue;
          square++;
          if (inHouse(x, y)) white++;
        }
      const share = square === 0 ? 0 : white / square;
      const at = row + 1 + 4 * px;
      for (let c = 0; c < 3; c++) rows[at + c] = Math.round(BLUE[c] + (WHITE[c] - BLUE[c]) * share);
      rows[at + 3] = Math.round((255 * square) / (SAMPLES * SAMPLES));
    }
  }
  return rows;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** The icon as a PNG file: 8-bit RGBA, not interlaced. */
export function iconPng(size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(iconScanlines(size), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  for (const size of DRAWN_SIZES) {
    const file = path.join(__dirname, "..", "assets", `icon-${size}.png`);
    writeFileSync(file, iconPng(size));
    console.log(file);
  }
}
