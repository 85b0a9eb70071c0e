/**
 * Zip archives for the loader's tests: one part built byte by byte, its directory stating
 * whatever size the test wants; a 1 MB archive of a 1 GB part made in milliseconds; and small
 * .xlsx files of whatever XML a test writes (fflate).
 */
import { strToU8, zipSync } from "fflate";
import { deflateRawSync, constants as zlib } from "node:zlib";

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A zip archive of one stored or deflated part, with the sizes its directory should state. */
export function zipOf(
  name: string,
  data: Uint8Array,
  options: { declaredSize?: number; deflated?: Uint8Array; crc?: number; zip64?: boolean } = {}
): Uint8Array {
  const nameBytes = utf8(name);
  const body = options.deflated ?? data;
  const method = options.deflated ? 8 : 0;
  const size = options.declaredSize ?? data.length;
  // The loader refuses these archives before any checksum would be checked.
  const crc = options.crc ?? 0;
  const local = new DataView(new ArrayBuffer(30));
  local.setUint32(0, 0x04034b50, true);
  local.setUint16(4, 20, true);
  local.setUint16(8, method, true);
  local.setUint32(14, crc, true);
  local.setUint32(18, body.length, true);
  local.setUint32(22, Math.min(size, 0xffffffff), true);
  local.setUint16(26, nameBytes.length, true);
  // Zip64: the directory's size field says "see the extra field", which holds 8 bytes.
  const extra = new DataView(new ArrayBuffer(options.zip64 ? 12 : 0));
  if (options.zip64) {
    extra.setUint16(0, 0x0001, true);
    extra.setUint16(2, 8, true);
    extra.setBigUint64(4, BigInt(size), true);
  }
  const central = new DataView(new ArrayBuffer(46));
  central.setUint32(0, 0x02014b50, true);
  central.setUint16(4, 20, true);
  central.setUint16(6, 20, true);
  central.setUint16(10, method, true);
  central.setUint32(16, crc, true);
  central.setUint32(20, body.length, true);
  central.setUint32(24, options.zip64 ? 0xffffffff : size, true);
  central.setUint16(28, nameBytes.length, true);
  central.setUint16(30, extra.byteLength, true);
  const centralAt = 30 + nameBytes.length + body.length;
  const centralSize = 46 + nameBytes.length + extra.byteLength;
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, 1, true);
  end.setUint16(10, 1, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, centralAt, true);
  const parts = [
    new Uint8Array(local.buffer),
    nameBytes,
    body,
    new Uint8Array(central.buffer),
    nameBytes,
    new Uint8Array(extra.buffer),
    new Uint8Array(end.buffer),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * An .xlsx-shaped archive of about 1 MB whose one worksheet part unpacks to 1 GB of zeros: raw
 * deflate of 1 MB, sync-flushed so blocks can follow each other, repeated 1 024 times.
 */
export function gigabyteBomb(): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: zlib.Z_SYNC_FLUSH });
  const last = deflateRawSync(Buffer.alloc(0));
  const stream = new Uint8Array(block.length * 1024 + last.length);
  for (let i = 0; i < 1024; i++) stream.set(block, i * block.length);
  stream.set(last, 1024 * block.length);
  return zipOf("xl/worksheets/sheet1.xml", new Uint8Array(0), {
    declaredSize: 1 << 30,
    deflated: stream,
    crc: 0,
  });
}

/**
 * A minimal .xlsx (what exceljs needs: content types, relationships, a workbook of one sheet
 * «Ark1»), built with fflate: `sheet` is the inside of the worksheet's <worksheet> element,
 * `sharedStrings` of <sst>, `workbook` what follows <sheets> in the workbook; `parts` are added
 * as they are.
 */
export function xlsxOf(content: {
  sheet: string | Uint8Array;
  sharedStrings?: string;
  workbook?: string;
  parts?: Record<string, Uint8Array>;
}): Uint8Array {
  const main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const pkg = "http://schemas.openxmlformats.org/package/2006";
  const type = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  const xml = (body: string) => strToU8(`<?xml version="1.0" encoding="UTF-8"?>${body}`);
  const sheet =
    typeof content.sheet === "string"
      ? xml(`<worksheet ${main}>${content.sheet}</worksheet>`)
      : content.sheet;
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": xml(
      `<Types xmlns="${pkg}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${type}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${type}.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${type}.sharedStrings+xml"/></Types>`
    ),
    "_rels/.rels": xml(
      `<Relationships xmlns="${pkg}/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
    ),
    "xl/workbook.xml": xml(
      `<workbook ${main} xmlns:r="${rel}"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets>${content.workbook ?? ""}</workbook>`
    ),
    "xl/_rels/workbook.xml.rels": xml(
      `<Relationships xmlns="${pkg}/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
    ),
    "xl/worksheets/sheet1.xml": sheet,
    "xl/sharedStrings.xml": xml(`<sst ${main}>${content.sharedStrings ?? ""}</sst>`),
    ...content.parts,
  };
  return zipSync(files);
}
