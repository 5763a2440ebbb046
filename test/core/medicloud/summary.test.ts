// imue2000s01 病人資訊 (摘要): the real `{ log2time, robject: [{ txt, img }] }` shape, HTML made
// safe for a terminal, the eGFR and its ROC sample date read from the CKD note, and bad rows
// as a typed error naming the field.
import test from 'ava';
import fc from 'fast-check';
import { MedicloudShapeError, mapSummary, plainText, queryOf, STANDARD_QUERY } from '../../../src/core/medicloud/index.ts';
import { MAX_NOTE_HTML } from '../../../src/core/medicloud/summary-text.ts';

const CKD_TXT =
  "此病人腎功能不佳，<span class='red-sign'>最近一筆eGFR值為[34]，採檢日期為[114/02/28]</span>，開立藥品時請注意劑量調整。";

test('the real shape: CKD, care-list, transplant, home-care and implant notes in the page order', (t) => {
  const notes = mapSummary({
    log2time: '2026-11-23T10:00:00',
    robject: [
      { txt: "此病人為<span class='red-sign'>管制用藥名單(關懷名單)</span>。", img: 'summary-icon-1.png' },
      { txt: CKD_TXT, img: 'summary-icon-3.png' },
      { txt: "此病人曾於<span class='red-sign'>境外接受器官移植</span>", img: 'summary-icon-4.png' },
      { txt: '此病人為居家醫療照護個案', img: '/imu/assets/images/summary-icon-5.png' },
      { txt: '此病人有<span class="red-sign">人工電子耳</span>植入紀錄', img: 'summary-icon-7.png', extra: 'ignored' },
    ],
  });
  t.deepEqual(notes.map((n) => [n.kind, n.icon]), [
    ['other', 'summary-icon-1.png'],
    ['ckd', 'summary-icon-3.png'],
    ['transplant-abroad', 'summary-icon-4.png'],
    ['home-care', 'summary-icon-5.png'],
    ['dental-implant', 'summary-icon-7.png'],
  ]);
  t.deepEqual(notes[1], {
    kind: 'ckd',
    text: '此病人腎功能不佳，最近一筆eGFR值為[34]，採檢日期為[114/02/28]，開立藥品時請注意劑量調整。',
    egfr: 34,
    egfrDate: '2025-02-28',
    icon: 'summary-icon-3.png',
  });
  t.is(notes[0]?.text, '此病人為管制用藥名單(關懷名單)。');
  t.false('egfr' in (notes[0] ?? {}), 'only the kidney note carries an eGFR');
});

test('rObject spelling, null robject and an empty list all read; a markup-only row is dropped', (t) => {
  t.is(mapSummary({ rObject: [{ txt: CKD_TXT, img: 'summary-icon-3.png' }] }).length, 1);
  t.deepEqual(mapSummary({ log2time: null, robject: null }), []);
  t.deepEqual(mapSummary({ robject: [] }), []);
  t.deepEqual(mapSummary({ robject: [{ txt: "<span class='red-sign'> </span>&nbsp;<br/>", img: 'summary-icon-1.png' }] }), []);
});

test('eGFR variants: decimals, full-width digits and brackets, no icon, no date', (t) => {
  const [a, b, c, d] = mapSummary({
    robject: [
      { txt: '最近一筆eGFR值為[27.5]，採檢日期為[113/12/01]', img: 'summary-icon-3.png' },
      { txt: '最近一筆eGFR值為［１４］，採檢日期為［１１４/０３/０９］', img: 'summary-icon-3.png' },
      { txt: '最近一筆eGFR值為[52]', img: null },
      { txt: '腎功能不佳，請注意劑量', img: 'summary-icon-3.png' },
    ],
  });
  t.like(a, { kind: 'ckd', egfr: 27.5, egfrDate: '2024-12-01' });
  t.like(b, { kind: 'ckd', egfr: 14, egfrDate: '2025-03-09' });
  t.like(c, { kind: 'ckd', egfr: 52, icon: null }, 'the eGFR text alone makes it the kidney note');
  t.false(c !== undefined && 'egfrDate' in c);
  t.like(d, { kind: 'ckd', text: '腎功能不佳，請注意劑量' });
  t.false(d !== undefined && 'egfr' in d, 'a CKD note without a number has no eGFR');
});

test('an impossible sample date is left out rather than guessed', (t) => {
  const [note] = mapSummary({ robject: [{ txt: '最近一筆eGFR值為[34]，採檢日期為[114/02/30]', img: 'summary-icon-3.png' }] });
  t.is(note?.egfr, 34);
  t.false(note !== undefined && 'egfrDate' in note);
});

test('bad rows → MedicloudShapeError naming endpoint, row and field', (t) => {
  const missing = t.throws(() => mapSummary({ robject: [{ txt: CKD_TXT, img: 'summary-icon-3.png' }, { img: 'summary-icon-4.png' }] }), { instanceOf: MedicloudShapeError });
  t.like(missing?.details, { endpoint: 'imue2000s01', row: 1, field: 'txt', problem: 'missing' });
  const notText = t.throws(() => mapSummary({ robject: [{ txt: { html: '<b>x</b>' } }] }), { instanceOf: MedicloudShapeError });
  t.like(notText?.details, { endpoint: 'imue2000s01', field: 'txt', problem: 'not-text' });
  const badImg = t.throws(() => mapSummary({ robject: [{ txt: 'x', img: ['summary-icon-3.png'] }] }), { instanceOf: MedicloudShapeError });
  t.like(badImg?.details, { field: 'img', problem: 'not-text' });
  const notRows = t.throws(() => mapSummary({ robject: '查無資料' }), { instanceOf: MedicloudShapeError });
  t.is(notRows?.details.endpoint, 'imue2000s01');
  t.is(notRows?.messageIn('zh-TW').startsWith('imue2000s01 robject'), true);
});

test('an odd icon value never reaches the screen: only a plain file name is kept', (t) => {
  const [a, b] = mapSummary({ robject: [{ txt: 'x', img: 'summary-icon-4.png?v=2' }, { txt: 'y', img: '<img src=x onerror=alert(1)>' }] });
  t.is(a?.icon, 'summary-icon-4.png');
  t.like(b, { icon: null, kind: 'other' });
});

test('plainText: tags, comments, scripts and entities', (t) => {
  t.is(plainText("<span class='red-sign'>eGFR</span>&nbsp;&lt;&nbsp;30 &amp; 採檢"), 'eGFR < 30 & 採檢');
  t.is(plainText('第一行<br>第二行<p>第三段</p>'), '第一行 第二行 第三段');
  t.is(plainText('a<!-- hidden -->b<script>alert("x")</script>c<style>.x{}</style>'), 'ab c');
  t.is(plainText('&#34;&#x41;&quot;&unknown;&#0;&#xD800;&#1114112;'), '"A"&unknown;');
  t.is(plainText('&lt;b&gt;bold&lt;/b&gt; eGFR<30'), 'bold eGFR<30', 'decoded markup is stripped too; a bare < stays');
  t.is(plainText("未關閉的標籤 <span class='red-sign"), '未關閉的標籤');
  t.is(plainText('  多個\t\n空白\u3000\u00a0在此  '), '多個 空白 在此');
});

test('plainText: nothing a terminal acts on survives (ESC, C0/C1, bidi, zero-width, lone surrogates)', (t) => {
  t.is(plainText('\u001b[31m紅字\u001b[0m'), '[31m紅字[0m');
  t.is(plainText('&#27;[2J清畫面&#x9b;'), '[2J清畫面');
  t.is(plainText('a\u202Eb\u2066c\u200Bd\uFEFFe\u0007f\u0085g'), 'abcdefg');
  t.is(plainText('x\uD800y\uDC00z😀'), 'xyz😀');
});

test('an overlong note is cut at MAX_NOTE_HTML and marked with …; nested decoded tags inside the cut all go', (t) => {
  const long = plainText('腎'.repeat(MAX_NOTE_HTML + 500));
  t.is(long, `${'腎'.repeat(MAX_NOTE_HTML)}…`);
  t.is(plainText(`${'&lt;a'.repeat(400)}${'&gt;'.repeat(400)}x`), 'x');
  t.is(plainText('<script>'.repeat(20_000)), '', 'unclosed scripts leave nothing');
});

test('property: plainText output never holds a tag, a control or a bidi character, and is trimmed', (t) => {
  const pieces = fc.constantFrom('<span>', '</span>', '<br/>', '&lt;', '&gt;', '&amp;', '&#27;', '&#x202e;', '&#0;', '\u001b', '\u009b', '\u202e', '\u200b', '\uD800', ' ', '\n', 'eGFR', '腎', '[34]', '<', '>', '&', '<!--', '-->', '<script>', '</script>');
  fc.assert(
    fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 30 }), (parts) => {
      const out = plainText(parts.join(''));
      return (
        !/<[a-zA-Z/!?][^<>]*>/.test(out) &&
        !/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/.test(out) &&
        !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(out) &&
        out === out.trim() &&
        !/\s{2}/.test(out)
      );
    }),
    { numRuns: 2000, seed: 20261123 },
  );
  t.pass();
});

test('query: the summary is called exactly as the page calls it; the rest keep the standard query', (t) => {
  t.deepEqual(queryOf('imue2000s01'), {
    params: { drug_phet: 'false', drug_hemo: 'false', ctmri_assay: 'false', ctmri_dent: 'true' },
    cliDatetime: true,
    insertLog: false,
  });
  t.deepEqual(queryOf('imue0008s02'), STANDARD_QUERY);
  t.deepEqual(queryOf('imue0009s03'), { params: {}, cliDatetime: false, insertLog: false });
});

test('a national or resident ID in a note is masked; a drug code of the same shape stays as written', (t) => {
  const [note] = mapSummary({ robject: [{ txt: '家屬 A123456789 代領，居留證 AC12345679；請注意 AC45856100 與 A046571100', img: null }] });
  t.is(note?.text, '家屬 A12****789 代領，居留證 AC1****679；請注意 AC45856100 與 A046571100');
  // One digit off is no ID (its check digit fails): nothing is hidden from the pharmacist.
  t.is(mapSummary({ robject: [{ txt: '編號 A123456788', img: null }] })[0]?.text, '編號 A123456788');
});

// The metamorphic tester's case: a note listed twice was shown, and warned of, twice.
test('a summary note listed twice is read once', (t) => {
  const ckd = { txt: CKD_TXT, img: 'summary-icon-3.png' };
  t.is(mapSummary({ robject: [ckd, ckd, { ...ckd }] }).length, 1);
});

test('an eGFR that is not a whole 1–3 digit number is not read at all, rather than cut short', (t) => {
  const egfrOf = (value: string) => mapSummary({ robject: [{ txt: `最近一筆eGFR值為[${value}]，採檢日期為[114/09/15]`, img: 'summary-icon-3.png' }] })[0]?.egfr;
  t.is(egfrOf('34'), 34);
  t.is(egfrOf('34.5'), 34.5);
  t.is(egfrOf('1234'), undefined);
  t.is(egfrOf('34.5.6'), undefined);
  for (const garbled of ['1,234', '12 3', '34e2', '34/45']) t.is(egfrOf(garbled), undefined, garbled);
  t.is(egfrOf(' 34 '), 34);
});

test('an eGFR written without brackets is read whole, and not when it runs on', (t) => {
  const egfrOf = (text: string) => mapSummary({ robject: [{ txt: text, img: 'summary-icon-3.png' }] })[0]?.egfr;
  t.is(egfrOf('最近一筆eGFR值為34，採檢日期為114/09/15'), 34);
  t.is(egfrOf('eGFR: 34.5 ml/min'), 34.5);
  t.is(egfrOf('eGFR 1,234'), undefined);
});

test('an eGFR above 200 is no eGFR, and a note without the kidney icon is the kidney note only below 60', (t) => {
  const note = (txt: string, img = 'summary-icon-3.png') => mapSummary({ robject: [{ txt, img }] })[0];
  t.is(note('最近一筆eGFR值為[999]，採檢日期為[114/09/15]')?.egfr, undefined);
  t.like(note('最近一筆eGFR值為[95]，採檢日期為[114/09/15]', 'other.png'), { kind: 'other', egfr: 95 });
  t.like(note('最近一筆eGFR值為[34]，採檢日期為[114/09/15]', 'other.png'), { kind: 'ckd', egfr: 34 });
});
