/**
 * Bytes of an uploaded table → text. UTF-8 (with or without BOM) is tried first with a fatal
 * decoder; bytes that are not valid UTF-8 are decoded as GBK (GB 18030's two-byte subset, what
 * Excel on a Chinese Windows saves as "CSV"). UTF-16 is recognised by its BOM. TextDecoder is the
 * WHATWG Encoding Standard API, present in browsers, workers and Node (full ICU), so this file
 * runs unchanged in both. Excel workbooks are recognised by their signature and refused here
 * (./excel.ts reads .xlsx; its readTable picks the reader by the signature).
 */
import { InputError } from "../../rules/input-error.js";

/** Largest file accepted (bytes): 10 万 rows of a wide table are ~20 MB. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export type Encoding = "utf-8" | "gbk" | "utf-16le" | "utf-16be";

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** The file began with a byte-order mark (removed from text). */
  bom: boolean;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export function decodeTable(bytes: Uint8Array, field = "file"): Decoded {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new InputError(field, `too large (allowed: a table of at most ${mb(MAX_FILE_BYTES)}; split it or drop unused columns; got ${mb(bytes.length)})`);
  }
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0x50 && b1 === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new InputError(field, "an Excel workbook or other zip file, not CSV text (allowed: CSV text here; read .xlsx workbooks with readTable or readWorkbook, or save the sheet as “CSV UTF-8”)");
  }
  if (b0 === 0xd0 && b1 === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new InputError(field, "an old Excel (.xls) workbook, not a CSV (allowed: CSV text; in Excel use “另存为 / Save As” → “CSV UTF-8”)");
  }
  if (b0 === 0xff && b1 === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le", bom: true };
  if (b0 === 0xfe && b1 === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be", bom: true };
  const bom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8", bom };
  } catch {
    if (bom) throw new InputError(field, "marked as UTF-8 but holds bytes that are not UTF-8 (allowed: a CSV in UTF-8 or GBK; the file may be truncated or damaged)");
  }
  const text = new TextDecoder("gbk").decode(body);
  if (text.includes("\uFFFD")) {
    throw new InputError(field, "neither UTF-8 nor GBK text (allowed: a CSV in UTF-8 or GBK; the file may be binary, truncated or damaged)");
  }
  return { text, encoding: "gbk", bom: false };
}
