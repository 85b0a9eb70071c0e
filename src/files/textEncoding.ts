/**
 * The text of a CSV file as Danish systems and Danish Excel write it: a byte-order mark says
 * UTF-8 or UTF-16 (Excel's "Unicode-tekst" is UTF-16 LE with a mark); without one, text that is
 * valid UTF-8 is UTF-8, and anything else is Windows-1252 (Excel's "CSV (semikolonsepareret)" on
 * a Danish Windows, where ø is the single byte F8). Decoding never puts U+FFFD in silently: a
 * file that claims UTF-8 or UTF-16 and breaks it is refused, and a U+FFFD already in the text
 * (lost before the file came here) is reported with where it is. The note names the encoding
 * read, whichever it is.
 */
import { LoadError, type LoadNote } from "./loadedFile";

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  notes: LoadNote[];
}

const NAMES: Record<TextEncodingName, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 (Unicode-tekst)",
  "utf-16be": "UTF-16 big-endian",
  "windows-1252": "Windows-1252 (ANSI, som Excels «CSV (semikolonsepareret)»)",
};

const NAMES_EN: Record<TextEncodingName, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 (Unicode text)",
  "utf-16be": "UTF-16 big-endian",
  "windows-1252": "Windows-1252 (ANSI, as Excel's “CSV (semicolon delimited)”)",
};

function bom(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return undefined;
}

/** Decodes or throws a LoadError that says which encoding the file claimed and broke. */
function strict(bytes: Uint8Array, encoding: TextEncodingName): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new LoadError(
      `Filen er markeret som ${NAMES[encoding]}, men indeholder bytes, der ikke er gyldige i den kodning. Gem den igen fra det program, den kom fra.`,
      `The file is marked as ${encoding.toUpperCase()} but holds bytes that are not valid in that encoding. Save it again from the program it came from.`
    );
  }
}

/** The file's text, its encoding, and a note on what the reader should know about it. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const marked = bom(bytes);
  let text: string;
  let encoding: TextEncodingName;
  if (marked) {
    encoding = marked.encoding;
    text = strict(bytes.subarray(marked.length), encoding);
  } else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      encoding = "utf-8";
    } catch {
      // Every byte is a character in Windows-1252 (the five unassigned ones are C1 controls),
      // so this decoding cannot fail or invent U+FFFD.
      text = new TextDecoder("windows-1252").decode(bytes);
      encoding = "windows-1252";
    }
  }
  // The encoding is always named, UTF-8 too: a user who sees «Ã¸» for «ø» knows why.
  const notes: LoadNote[] = [
    {
      da: `Filen er læst som ${NAMES[encoding]}${marked ? ", som dens byte-order mark siger" : ""}.`,
      en: `The file was read as ${NAMES_EN[encoding]}${marked ? ", as its byte-order mark says" : ""}.`,
    },
  ];
  const lost = text.indexOf("\uFFFD");
  if (lost >= 0) {
    const line = text.slice(0, lost).split(/\r\n|\r|\n/).length;
    notes.push({
      da: `Filen indeholder allerede erstatningstegnet «\uFFFD» (første gang i linje ${line}): tegn er gået tabt, før filen kom hertil. Ret navnene i kilden, så to borgere ikke bliver til én.`,
      en: `The file already holds the replacement character «\uFFFD» (first on line ${line}): characters were lost before the file came here. Correct the names at the source, so two citizens do not become one.`,
      warning: true,
    });
  }
  return { text, encoding, notes };
}
