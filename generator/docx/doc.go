// Package docx writes Word documents (Office Open XML, .docx) with the
// standard library alone: archive/zip for the package and encoding/xml
// for escaping. No Go library for writing DOCX is good enough to depend
// on, and the part oferta needs is small:
//
//   - headings with real Word numbering: one multilevel list (numbering.xml)
//     linked to the Heading1 and Heading2 styles (styles.xml), so sections
//     read "1." and clauses "1.1." and Word renumbers them when a lawyer
//     inserts or deletes one;
//   - paragraphs with bold, italic and struck-through runs, links, bulleted
//     and numbered lists, and tables, converted from clause Markdown through
//     goldmark's AST;
//   - tracked changes (w:ins, w:del) with an author and a date, which Word
//     and LibreOffice offer to accept or reject one by one.
//
// The bytes are deterministic: the zip entries are sorted and carry a fixed
// time, and nothing depends on the clock.
package docx
