import PDFDocument from 'pdfkit';

// The fact sheet's Markdown drawn as a PDF with pdfkit (no browser, no binary download):
// headings, paragraphs and tables, from the same lines as the Markdown.

const cells = (line: string) =>
  line
    .slice(1, -1)
    .split('|')
    .map((c) => c.trim());
const isRule = (line: string) => /^\|(-+\|)+$/.test(line);

function drawTable(doc: PDFKit.PDFDocument, rows: string[][]): void {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const columns = rows[0]?.length ?? 1;
  const colWidth = width / columns;
  rows.forEach((row, i) => {
    doc.font(i === 0 ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    const height = Math.max(...row.map((c) => doc.heightOfString(c, { width: colWidth - 4 }))) + 4;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    for (const [j, c] of row.entries()) doc.text(c, doc.page.margins.left + j * colWidth, y + 2, { width: colWidth - 4 });
    doc.x = doc.page.margins.left;
    doc.y = y + height;
  });
  doc.moveDown(0.5);
}

export function markdownToPdf(markdown: string, title: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title, Creator: 'Vroegsignaal' }, lang: 'nl-NL' });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const left = doc.page.margins.left;
    if (line.startsWith('|')) {
      const rows: string[][] = [];
      for (; i < lines.length && lines[i]!.startsWith('|'); i++) if (!isRule(lines[i]!)) rows.push(cells(lines[i]!));
      i--;
      drawTable(doc, rows);
    } else if (line.startsWith('# ')) doc.font('Helvetica-Bold').fontSize(16).text(line.slice(2), left).moveDown(0.5);
    else if (line.startsWith('## ')) doc.moveDown(0.5).font('Helvetica-Bold').fontSize(13).text(line.slice(3), left).moveDown(0.3);
    else if (line.startsWith('### ')) doc.font('Helvetica-Bold').fontSize(11).text(line.slice(4), left).moveDown(0.2);
    else if (line.trim() !== '') doc.font('Helvetica').fontSize(10).text(line, left).moveDown(0.3);
  }
  doc.end();
  return done;
}
