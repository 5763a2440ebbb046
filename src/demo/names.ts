// Name material for the synthetic deck. Every character must encode in Big5 (CP950), the
// card's name encoding; RARE_NAME_CHARS are uncommon-but-valid Big5 characters that
// trip naive decoders (the reason the device tests use them).
import type { InstitutionKind } from './deck.ts';

export const FAMILY_NAMES = ['陳', '林', '黃', '張', '李', '王', '吳', '劉', '蔡', '楊', '許', '鄭', '謝', '郭', '洪', '曾', '邱', '廖', '賴', '周', '歐陽'] as const;

export const GIVEN_NAME_CHARS = ['志', '明', '淑', '芬', '美', '玲', '俊', '傑', '雅', '婷', '家', '豪', '怡', '君', '建', '宏', '佳', '蓉', '文', '彬', '秀', '英', '國', '華', '欣', '怡', '宗', '翰', '惠', '珍'] as const;

export const RARE_NAME_CHARS = ['堃', '喆', '犇', '淼', '焱', '垚', '鍚', '昇', '峯', '菓', '嫚', '祐'] as const;

export const INSTITUTION_NAMES: [string, InstitutionKind][] = [
  ['康寧藥局', 'pharmacy'],
  ['台大醫院', 'medical-center'],
  ['榮總', 'medical-center'],
  ['馬偕醫院', 'hospital'],
  ['仁愛醫院', 'hospital'],
  ['安捷幸福診所', 'clinic'],
  ['健安內科診所', 'clinic'],
  ['心安身心科診所', 'clinic'],
  ['和平家醫科診所', 'clinic'],
  ['明德耳鼻喉科診所', 'clinic'],
  ['光明眼科診所', 'clinic'],
  ['大安藥局', 'pharmacy'],
  ['長青藥局', 'pharmacy'],
  ['仁心藥局', 'pharmacy'],
];
