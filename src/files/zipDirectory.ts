/**
 * An .xlsx file is a zip archive. Before anything is unpacked, its central directory (at the end
 * of the file) says what each part holds and how large it is unpacked; a file of too many parts,
 * or whose parts add up to more than the limit, is refused there, in the time it takes to read a
 * few kilobytes. Then each part is unpacked once as a stream, counting what comes out and keeping
 * none of it: a part that unpacks to more than the directory said (a crafted archive) is refused
 * the moment it does, and the XML parts are read as XML (xlsxParts.ts), so a sheet over the
 * limits, a text longer than a cell holds or a name over millions of cells is refused before the
 * parser builds it. Only then does exceljs read the file.
 *
 * The format: PKWARE's APPNOTE.TXT (end of central directory, central file headers, local file
 * headers, the Zip64 extensions for archives or parts over 4 GB).
 */
import { Inflate } from "fflate";
import { LOAD_LIMITS, LoadError, limitError } from "./loadedFile";
import { XmlPartScan, partKind } from "./xlsxParts";

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  localHeader: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

const damaged = () =>
  new LoadError(
    "Excel-filen er beskadiget eller ikke hentet helt ned: dens indholdsfortegnelse mangler eller passer ikke. Hent eller gem filen igen.",
    "The Excel file is damaged or not fully downloaded: its table of contents is missing or does not fit. Download or save the file again."
  );

/**
 * The archive's parts as its central directory lists them; a LoadError for a damaged archive
 * or one of more parts than the limit.
 */
export function readZipDirectory(data: Uint8Array): ZipEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  const inside = (at: number, length: number) => at >= 0 && at + length <= data.length;

  let eocd = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - MAX_COMMENT); at--) {
    if (u32(at) === EOCD && at + 22 + u16(at + 20) === data.length) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw damaged();
  let count = u16(eocd + 10);
  let size = u32(eocd + 12);
  let offset = u32(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (!inside(locator, 20) || u32(locator) !== ZIP64_LOCATOR) throw damaged();
    const record = u64(locator + 8);
    if (!inside(record, 56) || u32(record) !== ZIP64_EOCD) throw damaged();
    count = u64(record + 32);
    size = u64(record + 40);
    offset = u64(record + 48);
  }
  if (!inside(offset, size)) throw damaged();
  // Before a directory of many thousand entries is read: exceljs costs time for each.
  if (count > LOAD_LIMITS.zipEntries) throw limitError.zipEntries(count);

  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (!inside(at, 46) || u32(at) !== CENTRAL) throw damaged();
    const flags = u16(at + 8);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    if (!inside(at + 46, nameLength + extraLength + commentLength)) throw damaged();
    let compressedSize = u32(at + 20);
    let entrySize = u32(at + 24);
    let localHeader = u32(at + 42);
    // Zip64: the fields set to 0xFFFFFFFF are in the extra field 0x0001, in this order.
    for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength;) {
      const id = u16(e);
      const length = u16(e + 2);
      if (id === 0x0001) {
        let field = e + 4;
        if (entrySize === 0xffffffff) {
          entrySize = u64(field);
          field += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(field);
          field += 8;
        }
        if (localHeader === 0xffffffff) localHeader = u64(field);
      }
      e += 4 + length;
    }
    entries.push({
      name: decoder.decode(data.subarray(at + 46, at + 46 + nameLength)),
      method: u16(at + 10),
      encrypted: (flags & 1) === 1,
      compressedSize,
      size: entrySize,
      localHeader,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Refuses what exceljs should never be given: too large unpacked, encrypted, unknown packing. */
export function checkZipDirectory(entries: readonly ZipEntry[]): void {
  const total = entries.reduce((n, e) => n + e.size, 0);
  if (total > LOAD_LIMITS.unpackedBytes) throw limitError.unpackedBytes(total);
  if (entries.some((e) => e.encrypted))
    throw new LoadError(
      "Excel-filen er beskyttet med adgangskode. Gem en kopi uden adgangskode, og indlæs den.",
      "The Excel file is protected with a password. Save a copy without the password and load that."
    );
  if (entries.some((e) => e.method !== 0 && e.method !== 8))
    throw new LoadError(
      "Excel-filen er pakket på en måde, som Excel selv ikke bruger. Åbn den i Excel, og gem den som .xlsx igen.",
      "The Excel file is packed in a way Excel itself does not use. Open it in Excel and save it as .xlsx again."
    );
}

/** Compressed bytes per push: at most about a thousand times that comes out of one push. */
const PUSH_BYTES = 16_384;

/**
 * Unpacks every part as a stream and keeps nothing: refuses a part that grows beyond what the
 * directory said, and scans each XML part against the limits (a sheet's name is not known yet,
 * so its part's name stands in the message). `onProgress` gets the fraction of compressed bytes
 * done.
 */
export function verifyZip(
  data: Uint8Array,
  entries: readonly ZipEntry[],
  onProgress?: (fraction: number) => void
): void {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const totalCompressed = entries.reduce((n, e) => n + e.compressedSize, 0) || 1;
  let done = 0;
  for (const entry of entries) {
    const at = entry.localHeader;
    if (at + 30 > data.length || view.getUint32(at, true) !== LOCAL) throw damaged();
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > data.length) throw damaged();
    const kind = partKind(entry.name);
    const scan = kind && new XmlPartScan(entry.name, kind);
    let produced = 0;
    const take = (chunk: Uint8Array) => {
      produced += chunk.length;
      if (produced > entry.size)
        throw new LoadError(
          "Excel-filen er manipuleret eller beskadiget: en del af den fylder mere, når den pakkes ud, end filen selv oplyser. Den læses ikke.",
          "The Excel file is tampered with or damaged: a part of it unpacks to more than the file itself states. It is not read."
        );
      scan?.push(chunk);
    };
    if (entry.method === 0) take(data.subarray(start, end));
    else {
      const inflate = new Inflate((chunk) => take(chunk));
      for (let p = start; p < end; p += PUSH_BYTES) {
        const next = Math.min(end, p + PUSH_BYTES);
        try {
          inflate.push(data.subarray(p, next), next === end);
        } catch (error) {
          if (error instanceof LoadError) throw error;
          throw damaged();
        }
        onProgress?.((done + next - start) / totalCompressed);
      }
    }
    done += entry.compressedSize;
    if (produced !== entry.size) throw damaged();
  }
}
