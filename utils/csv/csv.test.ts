import { describe, expect, it } from 'vitest';
import { CsvParseError, neutraliseFormula, parseCsv, toCsv } from './csv';

describe('neutraliseFormula', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['plain', 'plain'],
    ['', ''],
    ['a=b', 'a=b'],
    [' =x', ' =x'],
  ])('turns %j into %j', (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
  });
});

describe('toCsv', () => {
  it.each([
    { rows: [], csv: '' },
    { rows: [['a', 'b']], csv: 'a,b\r\n' },
    { rows: [['a'], ['b']], csv: 'a\r\nb\r\n' },
    { rows: [['a,b']], csv: '"a,b"\r\n' },
    { rows: [['say "hi"']], csv: '"say ""hi"""\r\n' },
    { rows: [['line\nbreak']], csv: '"line\nbreak"\r\n' },
    { rows: [['cr\rhere']], csv: '"cr\rhere"\r\n' },
    { rows: [['', '']], csv: ',\r\n' },
    { rows: [['ünïcødé', '日本']], csv: 'ünïcødé,日本\r\n' },
  ])('writes $rows as $csv', ({ rows, csv }) => {
    expect(toCsv(rows)).toBe(csv);
  });

  it('neutralises formulas by default and quotes what the prefix leaves needing quotes', () => {
    expect(toCsv([['=HYPERLINK("http://x","y")', '-2', 'ok']])).toBe(
      '"\'=HYPERLINK(""http://x"",""y"")",\'-2,ok\r\n',
    );
    expect(toCsv([['\rcmd']])).toBe('"\'\rcmd"\r\n');
  });

  it('writes cells verbatim when neutralising is off', () => {
    expect(toCsv([['=1+1', '-2']], { neutraliseFormulas: false })).toBe('=1+1,-2\r\n');
  });
});

describe('parseCsv', () => {
  it.each([
    { csv: '', rows: [] },
    { csv: 'a,b', rows: [['a', 'b']] },
    { csv: 'a,b\r\n', rows: [['a', 'b']] },
    {
      csv: 'a,b\nc,d\n',
      rows: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    },
    { csv: 'a,\r\n', rows: [['a', '']] },
    { csv: '\r\n', rows: [['']] },
    { csv: '""', rows: [['']] },
    { csv: '"a""b",c', rows: [['a"b', 'c']] },
    { csv: '"multi\r\nline",x\r\n', rows: [['multi\r\nline', 'x']] },
    { csv: '\uFEFFid,name\r\n', rows: [['id', 'name']] },
    { csv: 'say "hi",x', rows: [['say "hi"', 'x']] },
    { csv: 'a\r\n\r\nb', rows: [['a'], [''], ['b']] },
  ])('reads $csv', ({ csv, rows }) => {
    expect(parseCsv(csv)).toEqual(rows);
  });

  it.each([
    ['"never closed', /never closed/],
    ['a\r\n"b,c\r\n', /line 2 is never closed/],
    ['"closed"junk,x', /after a closing quote on line 1/],
  ])('rejects malformed input %j', (csv, message) => {
    expect(() => parseCsv(csv)).toThrow(CsvParseError);
    expect(() => parseCsv(csv)).toThrow(message);
  });
});

describe('round trips', () => {
  const hostile = [
    ["=cmd|' /C calc'!A0", '+SUM(1)', '-1', '@import', '\tTAB', '\rCR'],
    ['"quoted"', 'a,b', 'line\nfeed', 'crlf\r\ninside', '', '"'],
    ['<script>alert(1)</script>', "'already", '💥', ' leading space', 'trailing ', ',,,'],
  ];

  it('gives back every cell when neutralising is off', () => {
    expect(parseCsv(toCsv(hostile, { neutraliseFormulas: false }))).toEqual(hostile);
  });

  it('gives back every cell, neutralised, by default', () => {
    expect(parseCsv(toCsv(hostile))).toEqual(hostile.map((row) => row.map(neutraliseFormula)));
  });

  it('never writes a cell that starts with a formula trigger', () => {
    const parsed = parseCsv(toCsv(hostile)).flat();
    for (const cell of parsed) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('reads a large file in linear time', () => {
    const rows = Array.from({ length: 20_000 }, (_, index) => [
      `row ${index}`,
      'a "quoted" value',
      'x,y',
      '',
    ]);
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});
