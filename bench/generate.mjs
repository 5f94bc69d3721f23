// Valid reports with varied figures and text lengths, made from the bundled example, repeatably.
import { readFileSync } from 'node:fs';

const BASE = readFileSync(new URL('../examples/jingyuan-2023.yaml', import.meta.url), 'utf8');

/** A small seeded generator (mulberry32), so a run can be repeated exactly. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateReport(seed) {
  const r = random(seed);
  const int = (max) => Math.floor(r() * (max + 1));
  const sums = [0, 0, 0, 0, 0, 0];
  let text = BASE.replace(/^(\s+)(\S+):(\s+)\[0, 0, 0, 0, 0, 0\]/gm, (m, indent, key, gap) => {
    if (key === '上年结转' || key === '结转下年度') return m;
    const row = sums.map(() => int(r() < 0.3 ? 40 : 3));
    row.forEach((v, i) => (sums[i] += v));
    return `${indent}${key}:${gap}[${row.join(', ')}]`;
  });
  text = text.replace('    予以公开: [1, 0, 0, 0, 0, 0]', () => {
    sums[0] += 1;
    return '    予以公开: [1, 0, 0, 0, 0, 0]';
  });
  const carriedIn = sums.map(() => int(5));
  const carriedOut = sums.map(() => int(5));
  const received = sums.map((s, i) => s + carriedOut[i] - carriedIn[i]);
  for (let i = 0; i < 6; i++) if (received[i] < 0) [carriedIn[i], received[i]] = [carriedIn[i] + received[i], 0];
  text = text
    .replace('  本年新收: [1, 0, 0, 0, 0, 0]', `  本年新收: [${received.join(', ')}]`)
    .replace('  上年结转: [0, 0, 0, 0, 0, 0]', `  上年结转: [${carriedIn.join(', ')}]`)
    .replace('  结转下年度: [0, 0, 0, 0, 0, 0]', `  结转下年度: [${carriedOut.join(', ')}]`)
    .replace('收到政府信息公开申请1件', `收到政府信息公开申请${received.reduce((a, b) => a + b, 0)}件`)
    .replace(/  (行政许可|行政处罚|行政强制): 0 /g, (_m, key) => `  ${key}: ${int(5000)} `)
    .replace('  行政事业性收费: 0 ', `  行政事业性收费: ${int(99999)}.${int(99)} `)
    .replace(/  (行政复议|未经复议直接起诉|复议后起诉):(\s+)\[0, 0, 0, 0\]/g, (_m, k, gap) => `  ${k}:${gap}[${int(9)}, ${int(3)}, ${int(3)}, ${int(2)}]`);
  // text from a few lines to a few pages: repeat paragraphs
  const times = 1 + int(5);
  text = text.replace(/^( {4})(\S.*)$/gm, (m, indent, line) => (line.startsWith('[') || line.includes(': ') ? m : Array(times).fill(`${indent}${line}`).join('\n')));
  return text;
}
