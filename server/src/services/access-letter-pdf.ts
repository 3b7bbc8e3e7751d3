import type { Letter } from './access-letter.ts';
import { drawTable, openA4 } from './dpia-pdf.ts';

// The access letter drawn with pdfkit, with the fact sheet's table layout.

export async function letterToPdf(letter: Letter): Promise<Buffer> {
  const { doc, done } = await openA4(letter.title);
  const left = doc.page.margins.left;
  doc.font('Helvetica-Bold').fontSize(16).text(letter.title, left).moveDown(0.5);
  for (const section of letter.sections) {
    doc.moveDown(0.5).font('Helvetica-Bold').fontSize(13).text(section.heading, left).moveDown(0.3);
    for (const p of section.paragraphs) doc.font('Helvetica').fontSize(10).text(p, left).moveDown(0.3);
    if (section.table) drawTable(doc, [section.table.head, ...section.table.rows]);
  }
  doc.end();
  return done;
}
