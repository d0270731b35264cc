package docx

import (
	"fmt"
	"strings"

	"github.com/oferta-dev/oferta/generator/lang"
)

// Numbering: w:numId 1 is the headings' multilevel list ("1." for
// sections, "1.1." for clauses), linked to the Heading1 and Heading2
// styles; lists in clause text get w:numId 2 and up, one each.
const (
	headingNum   = 1
	firstListNum = 2
	bulletAbs    = 1
	orderedAbs   = 2
)

// wordLang is the w:lang value of a language: its locale in
// generator/lang's tables.
func wordLang(l string) string { return lang.Locale(l) }

func styles(lang string) string {
	l := wordLang(lang)
	para := func(id, name, ppr, rpr string, extra string) string {
		return fmt.Sprintf(`<w:style w:type="paragraph" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="Normal"/>%s<w:qFormat/><w:pPr>%s</w:pPr><w:rPr>%s</w:rPr></w:style>`, id, name, extra, ppr, rpr)
	}
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:styles ` + docNS + `>`)
	fmt.Fprintf(&b, `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="%s"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>`, l)
	b.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>`)
	b.WriteString(para("Title", "Title", `<w:jc w:val="center"/><w:spacing w:after="60"/>`, `<w:b/><w:sz w:val="32"/><w:szCs w:val="32"/>`, ""))
	b.WriteString(para("Subtitle", "Subtitle", `<w:jc w:val="center"/><w:spacing w:after="240"/>`, `<w:sz w:val="26"/><w:szCs w:val="26"/>`, ""))
	b.WriteString(para("Meta", "Document details", `<w:jc w:val="left"/><w:spacing w:after="60"/>`, `<w:sz w:val="20"/><w:szCs w:val="20"/>`, ""))
	b.WriteString(para("Heading1", "heading 1", fmt.Sprintf(`<w:keepNext/><w:numPr><w:numId w:val="%d"/></w:numPr><w:spacing w:before="360" w:after="120"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/>`, headingNum), `<w:b/><w:sz w:val="28"/><w:szCs w:val="28"/>`, `<w:next w:val="Normal"/>`))
	b.WriteString(para("Heading2", "heading 2", fmt.Sprintf(`<w:keepNext/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="%d"/></w:numPr><w:spacing w:before="200" w:after="80"/><w:jc w:val="left"/><w:outlineLvl w:val="1"/>`, headingNum), `<w:b/><w:sz w:val="24"/><w:szCs w:val="24"/>`, `<w:next w:val="Normal"/>`))
	b.WriteString(para("Heading3", "heading 3", `<w:keepNext/><w:spacing w:before="160" w:after="60"/><w:jc w:val="left"/><w:outlineLvl w:val="2"/>`, `<w:b/><w:i/>`, `<w:next w:val="Normal"/>`))
	b.WriteString(para("CourseHeading", "Course heading", `<w:keepNext/><w:spacing w:before="240" w:after="120"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/>`, `<w:b/><w:sz w:val="28"/><w:szCs w:val="28"/>`, `<w:next w:val="Normal"/>`))
	b.WriteString(para("ClauseHeading", "Clause heading", `<w:keepNext/><w:spacing w:before="200" w:after="80"/><w:jc w:val="left"/><w:outlineLvl w:val="1"/>`, `<w:b/>`, `<w:next w:val="Normal"/>`))
	b.WriteString(para("ListParagraph", "List Paragraph", `<w:spacing w:after="60"/><w:contextualSpacing/>`, ``, ""))
	b.WriteString(para("TableText", "Table Text", `<w:spacing w:after="0"/><w:jc w:val="left"/>`, ``, ""))
	leader := func(pos int) string {
		return fmt.Sprintf(`<w:tab w:val="right" w:leader="underscore" w:pos="%d"/>`, pos)
	}
	b.WriteString(para("FormTo", "Form addressee", `<w:ind w:left="4680"/><w:spacing w:after="40"/><w:jc w:val="left"/>`, ``, ""))
	b.WriteString(para("FormLine", "Form line", `<w:tabs>`+leader(textWidth)+`</w:tabs><w:spacing w:before="120" w:after="0"/><w:jc w:val="left"/>`, ``, ""))
	b.WriteString(para("FormPair", "Form pair", `<w:tabs>`+leader(textWidth/2-200)+leader(textWidth)+`</w:tabs><w:spacing w:before="120" w:after="0"/><w:jc w:val="left"/>`, ``, ""))
	b.WriteString(para("FormBlank", "Form ruled line", `<w:tabs>`+leader(textWidth)+`</w:tabs><w:spacing w:before="160" w:after="0"/><w:jc w:val="left"/>`, ``, ""))
	b.WriteString(para("FormChoice", "Form choice", `<w:ind w:left="360" w:hanging="360"/><w:spacing w:before="80" w:after="0"/><w:jc w:val="left"/>`, ``, ""))
	b.WriteString(`<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="1A4FB4"/><w:u w:val="single"/></w:rPr></w:style>`)
	b.WriteString(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	b.WriteString(`<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/></w:tblBorders></w:tblPr></w:style>`)
	b.WriteString(`</w:styles>`)
	return b.String()
}

// numbering writes numbering.xml: the headings' multilevel list, a
// bulleted and a numbered list definition, and one w:num per list in the
// text (numbered ones restart at 1).
func (d *Document) numbering() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:numbering ` + docNS + `>`)
	// The headings: "1." at level 0 and "1.1." at level 1, each linked
	// to its heading style.
	b.WriteString(`<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>`)
	b.WriteString(`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading1"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl>`)
	b.WriteString(`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading2"/><w:lvlText w:val="%1.%2."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="709" w:hanging="709"/></w:pPr></w:lvl>`)
	b.WriteString(`</w:abstractNum>`)
	bullets := []string{"•", "◦", "▪"}
	fmt.Fprintf(&b, `<w:abstractNum w:abstractNumId="%d"><w:multiLevelType w:val="hybridMultilevel"/>`, bulletAbs)
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&b, `<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="%s"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="%d" w:hanging="360"/></w:pPr></w:lvl>`, i, bullets[i], 720+360*i)
	}
	b.WriteString(`</w:abstractNum>`)
	fmt.Fprintf(&b, `<w:abstractNum w:abstractNumId="%d"><w:multiLevelType w:val="hybridMultilevel"/>`, orderedAbs)
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&b, `<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%%d)"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="%d" w:hanging="360"/></w:pPr></w:lvl>`, i, i+1, 720+360*i)
	}
	b.WriteString(`</w:abstractNum>`)
	fmt.Fprintf(&b, `<w:num w:numId="%d"><w:abstractNumId w:val="0"/></w:num>`, headingNum)
	for i, l := range d.lists {
		if l.ordered {
			fmt.Fprintf(&b, `<w:num w:numId="%d"><w:abstractNumId w:val="%d"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`, firstListNum+i, orderedAbs)
		} else {
			fmt.Fprintf(&b, `<w:num w:numId="%d"><w:abstractNumId w:val="%d"/></w:num>`, firstListNum+i, bulletAbs)
		}
	}
	b.WriteString(`</w:numbering>`)
	return b.String()
}
