/**
 * npx tsx scripts/export-glyphs.ts [--regular path.ttf] [--bold path.ttf] [--out src/viz/export/export-glyphs.json]
 * (then `npx biome format --write src/viz/export/export-glyphs.json`, which the lint checks)
 *
 * Extracts the outlines of the characters the figures write from DejaVu Sans (regular and bold),
 * as SVG path data in units of 1/1000 em, y down, with each glyph's advance width: downloaded
 * figures set their text as these outlines (src/viz/export/svg-text-outlines.ts), so a file looks the
 * same in any viewer, with or without the fonts. Reads TrueType `glyf` outlines (simple and
 * composite glyphs) with the `cmap` format 4 table; no kerning (the figures' labels are short).
 * DejaVu Sans is under the Bitstream Vera license, whose notice the JSON carries.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseFlags } from './cli';

const flags = parseFlags(process.argv.slice(2));
const REGULAR = flags['regular'] ?? '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const BOLD = flags['bold'] ?? '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
const OUT = flags['out'] ?? 'src/viz/export/export-glyphs.json';

/**
 * Every character a downloaded figure may write (tests/unit/viz/export/export-glyphs.test.ts checks
 * the figures' and article's strings against the table): printable ASCII, Latin-1 (÷, ×, ±, °, µ,
 * superscripts ¹²³, no-break space), Greek, superscript and subscript digits and letters, and the
 * punctuation, arrows and mathematical signs the words and numbers use.
 */
const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, k) => String.fromCodePoint(from + k));
const CHARACTERS = [
  ...range(0x20, 0x7e),
  ...range(0xa0, 0xff),
  ...range(0x391, 0x3a9).filter((c) => c !== '\u03a2'),
  ...range(0x3b1, 0x3c9),
  ...range(0x2070, 0x208e).filter((c) => c !== '\u2072' && c !== '\u2073'),
  ...'ₐₑₒₓᵢⱼᵀ',
  ...'\u2009\u202f‐‑–—‘’“”•…′″',
  ...'←↑→↓↩↗↘⇒',
  ...'−∓×÷±≤≥≈≠≲≳√∑∏∞∈∝∂∆Δ∇·∙⋅°',
  ...'▲▼◆●■□○',
].filter((c, k, all) => all.indexOf(c) === k);
const EM = 1000;

interface Glyph {
  advance: number;
  /** Contours, each a list of points in font units with on-curve flags. */
  contours: { x: number; y: number; on: boolean }[][];
}

class Font {
  private readonly tables = new Map<string, number>();
  readonly unitsPerEm: number;
  private readonly longLoca: boolean;
  private readonly numberOfHMetrics: number;
  private readonly cmap = new Map<number, number>();

  constructor(private readonly b: Buffer) {
    const count = b.readUInt16BE(4);
    for (let k = 0; k < count; k++) {
      const o = 12 + 16 * k;
      this.tables.set(b.toString('ascii', o, o + 4), b.readUInt32BE(o + 8));
    }
    const head = this.table('head');
    this.unitsPerEm = b.readUInt16BE(head + 18);
    this.longLoca = b.readInt16BE(head + 50) === 1;
    this.numberOfHMetrics = b.readUInt16BE(this.table('hhea') + 34);
    this.readCmap();
  }

  private table(tag: string): number {
    const offset = this.tables.get(tag);
    if (offset === undefined) throw new Error(`no ${tag} table`);
    return offset;
  }

  /** The Unicode BMP format 4 subtable (platform 3 encoding 1, or platform 0). */
  private readCmap(): void {
    const b = this.b;
    const cmap = this.table('cmap');
    const count = b.readUInt16BE(cmap + 2);
    for (let k = 0; k < count; k++) {
      const o = cmap + 4 + 8 * k;
      const [platform, encoding] = [b.readUInt16BE(o), b.readUInt16BE(o + 2)];
      const table = cmap + b.readUInt32BE(o + 4);
      if (b.readUInt16BE(table) !== 4 || !(platform === 0 || (platform === 3 && encoding === 1))) continue;
      const segments = b.readUInt16BE(table + 6) / 2;
      const ends = table + 14;
      const starts = ends + 2 * segments + 2;
      const deltas = starts + 2 * segments;
      const ranges = deltas + 2 * segments;
      for (let s = 0; s < segments; s++) {
        const [end, start] = [b.readUInt16BE(ends + 2 * s), b.readUInt16BE(starts + 2 * s)];
        const delta = b.readInt16BE(deltas + 2 * s);
        const range = b.readUInt16BE(ranges + 2 * s);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          let glyph: number;
          if (range === 0) glyph = (c + delta) & 0xffff;
          else {
            const at = ranges + 2 * s + range + 2 * (c - start);
            glyph = b.readUInt16BE(at);
            if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
          }
          if (glyph !== 0) this.cmap.set(c, glyph);
        }
      }
      return;
    }
    throw new Error('no Unicode cmap');
  }

  glyphIndex(char: string): number | undefined {
    return this.cmap.get(char.codePointAt(0)!);
  }

  private advance(index: number): number {
    const hmtx = this.table('hmtx');
    return this.b.readUInt16BE(hmtx + 4 * Math.min(index, this.numberOfHMetrics - 1));
  }

  private glyphRange(index: number): [number, number] {
    const loca = this.table('loca');
    const b = this.b;
    const at = (k: number): number => (this.longLoca ? b.readUInt32BE(loca + 4 * k) : b.readUInt16BE(loca + 2 * k) * 2);
    const glyf = this.table('glyf');
    return [glyf + at(index), glyf + at(index + 1)];
  }

  glyph(index: number): Glyph {
    return { advance: this.advance(index), contours: this.contours(index) };
  }

  private contours(index: number): Glyph['contours'] {
    const b = this.b;
    const [start, end] = this.glyphRange(index);
    if (end <= start) return [];
    const count = b.readInt16BE(start);
    return count >= 0 ? this.simple(start, count) : this.composite(start);
  }

  private simple(start: number, count: number): Glyph['contours'] {
    const b = this.b;
    let p = start + 10;
    const endPoints: number[] = [];
    for (let k = 0; k < count; k++, p += 2) endPoints.push(b.readUInt16BE(p));
    const points = (endPoints.at(-1) ?? -1) + 1;
    p += 2 + b.readUInt16BE(p);
    const flags: number[] = [];
    while (flags.length < points) {
      const flag = b.readUInt8(p++);
      flags.push(flag);
      if (flag & 8) {
        const repeat = b.readUInt8(p++);
        for (let r = 0; r < repeat; r++) flags.push(flag);
      }
    }
    const coordinates = (short: number, same: number): number[] => {
      const values: number[] = [];
      let v = 0;
      for (const flag of flags) {
        if (flag & short) {
          const d = b.readUInt8(p++);
          v += flag & same ? d : -d;
        } else if (!(flag & same)) {
          v += b.readInt16BE(p);
          p += 2;
        }
        values.push(v);
      }
      return values;
    };
    const xs = coordinates(2, 16);
    const ys = coordinates(4, 32);
    const contours: Glyph['contours'] = [];
    let first = 0;
    for (const last of endPoints) {
      const contour = [];
      for (let k = first; k <= last; k++) contour.push({ x: xs[k]!, y: ys[k]!, on: (flags[k]! & 1) === 1 });
      contours.push(contour);
      first = last + 1;
    }
    return contours;
  }

  /** Composite glyphs: components placed by offsets (DejaVu's accented and symbol glyphs need only offsets and scales). */
  private composite(start: number): Glyph['contours'] {
    const b = this.b;
    let p = start + 10;
    const contours: Glyph['contours'] = [];
    for (;;) {
      const flags = b.readUInt16BE(p);
      const index = b.readUInt16BE(p + 2);
      p += 4;
      let dx: number;
      let dy: number;
      if (flags & 1) {
        dx = b.readInt16BE(p);
        dy = b.readInt16BE(p + 2);
        p += 4;
      } else {
        dx = b.readInt8(p);
        dy = b.readInt8(p + 1);
        p += 2;
      }
      if (!(flags & 2)) throw new Error('composite glyphs placed by point matching are not supported');
      let [a, bb, c, d] = [1, 0, 0, 1];
      const f2dot14 = (o: number): number => b.readInt16BE(o) / 16384;
      if (flags & 8) {
        a = d = f2dot14(p);
        p += 2;
      } else if (flags & 0x40) {
        a = f2dot14(p);
        d = f2dot14(p + 2);
        p += 4;
      } else if (flags & 0x80) {
        [a, bb, c, d] = [f2dot14(p), f2dot14(p + 2), f2dot14(p + 4), f2dot14(p + 6)];
        p += 8;
      }
      for (const contour of this.contours(index)) {
        contours.push(contour.map((q) => ({ x: a * q.x + c * q.y + dx, y: bb * q.x + d * q.y + dy, on: q.on })));
      }
      if (!(flags & 0x20)) break;
    }
    return contours;
  }
}

/** A contour of quadratic B-spline points as SVG path data, scaled by `s` and flipped to y down. */
function contourPath(contour: Glyph['contours'][number], s: number): string {
  const n = contour.length;
  if (n === 0) return '';
  const at = (k: number) => contour[((k % n) + n) % n]!;
  const xy = (q: { x: number; y: number }): string => `${Math.round(q.x * s)} ${Math.round(-q.y * s)}`;
  const mid = (p: { x: number; y: number }, q: { x: number; y: number }) => ({ x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 });
  // Start on an on-curve point, or between two off-curve ones.
  let startIndex = contour.findIndex((q) => q.on);
  const start = startIndex >= 0 ? at(startIndex) : mid(at(0), at(1));
  if (startIndex < 0) startIndex = 0;
  const parts = [`M${xy(start)}`];
  for (let k = 1; k <= n; k++) {
    const q = at(startIndex + k);
    if (q.on) {
      parts.push(`L${xy(q)}`);
      continue;
    }
    const next = at(startIndex + k + 1);
    const end = next.on ? next : mid(q, next);
    parts.push(`Q${xy(q)} ${xy(end)}`);
    if (next.on) k++;
  }
  return `${parts.join('')}Z`;
}

function glyphTable(font: Font): Record<string, [number, string]> {
  const s = EM / font.unitsPerEm;
  const table: Record<string, [number, string]> = {};
  for (const char of CHARACTERS) {
    const index = font.glyphIndex(char);
    if (index === undefined) {
      process.stderr.write(`no glyph for ${JSON.stringify(char)}\n`);
      continue;
    }
    const glyph = font.glyph(index);
    table[char] = [Math.round(glyph.advance * s), glyph.contours.map((c) => contourPath(c, s)).join('')];
  }
  return table;
}

const regular = new Font(readFileSync(REGULAR));
const bold = new Font(readFileSync(BOLD));
const out = {
  source:
    'Outlines of DejaVu Sans and DejaVu Sans Bold (https://dejavu-fonts.github.io/), extracted by scripts/export-glyphs.ts. ' +
    'Copyright (c) 2003 by Bitstream, Inc. All Rights Reserved. Bitstream Vera is a trademark of Bitstream, Inc. DejaVu changes are in public domain. ' +
    'Used under the Bitstream Vera license (see docs/figures.md).',
  unitsPerEm: EM,
  regular: glyphTable(regular),
  bold: glyphTable(bold),
};
writeFileSync(OUT, `${JSON.stringify(out)}\n`);
process.stderr.write(`${OUT}: ${Object.keys(out.regular).length} + ${Object.keys(out.bold).length} glyphs\n`);
