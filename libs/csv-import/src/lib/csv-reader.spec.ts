import { readCsv, readCsvHead, type CsvItem } from './csv-reader';

async function all(text: string): Promise<CsvItem[]> {
  const out: CsvItem[] = [];
  for await (const item of readCsv(text)) out.push(item);
  return out;
}

const rows = (items: CsvItem[]) =>
  items.map((i) =>
    i.type === 'row'
      ? { line: i.line, fields: i.fields }
      : { line: i.line, malformed: i.reason },
  );

describe('readCsv', () => {
  it('gives each record with the line it starts on, across a BOM, CRLF, blank lines and quoted line breaks', async () => {
    const text =
      '\ufeffa,b,c\r\n1,2,3\r\n\r\n4,"x\r\ny",6\r\n,,\r\n7,"8,9",10\r\n';
    expect(rows(await all(text))).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
      { line: 4, fields: ['4', 'x\ny', '6'] },
      // line 6 is a row of empty fields: skipped like a blank line
      { line: 7, fields: ['7', '8,9', '10'] },
    ]);
  });

  it('reads a stray quote literally and keeps going', async () => {
    expect(rows(await all('a,b\n1,2"x\n3,4'))).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2"x'] },
      { line: 3, fields: ['3', '4'] },
    ]);
  });

  it('reports a quote that is never closed as one malformed stretch, after the rows before it', async () => {
    const items = rows(await all('a,b\n1,2\n"3,4\n5,6\n'));
    expect(items.slice(0, 2)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
    expect(items[2]).toEqual({
      line: 3,
      malformed: expect.stringMatching(
        /quote opened on line 3 is never closed \(lines 3–\d\b/,
      ),
    });
    expect(items).toHaveLength(3);
  });

  it('keeps rows of differing width (the caller decides) and reports progress up to 1', async () => {
    const items = await all('a,b,c\n1,2\n3,4,5,6\n');
    expect(items.map((i) => (i.type === 'row' ? i.fields.length : -1))).toEqual(
      [3, 2, 4],
    );
    expect(items.at(-1)?.progress).toBe(1);
    const progress = items.map((i) => i.progress);
    expect([...progress].sort((x, y) => x - y)).toEqual(progress);
  });

  it('reads long texts chunk by chunk with the right line numbers', async () => {
    const lines = ['n,v'];
    for (let i = 1; i <= 20_000; i++) lines.push(`${i},"value ${i}"`);
    const items = await all(lines.join('\r\n'));
    expect(items).toHaveLength(20_001);
    expect(items[12_345]).toMatchObject({
      line: 12_346,
      fields: ['12345', 'value 12345'],
    });
  });
});

describe('readCsvHead', () => {
  it('gives the header and whether a row follows', async () => {
    await expect(readCsvHead('a,b\n\n')).resolves.toEqual({
      header: ['a', 'b'],
      malformed: null,
      hasRows: false,
    });
    await expect(readCsvHead('\ufeffa,b\r\n1,2\r\n')).resolves.toEqual({
      header: ['a', 'b'],
      malformed: null,
      hasRows: true,
    });
    await expect(readCsvHead('\n\n')).resolves.toEqual({
      header: null,
      malformed: null,
      hasRows: false,
    });
    const broken = await readCsvHead('"a,b\n1,2\n');
    expect(broken.header).toBeNull();
    expect(broken.malformed).toMatch(/never closed/);
  });
});
