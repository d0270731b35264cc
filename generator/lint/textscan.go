package lint

import (
	"embed"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"io/fs"
	"iter"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/oferta-dev/oferta/generator/expr"
	"github.com/oferta-dev/oferta/generator/pos"
	"github.com/oferta-dev/oferta/generator/site"
)

// The text rules read what a contract says: the rendered text of every
// clause and FAQ answer and the course's own texts. What they look for is
// data, one file per language in phrases/ (embedded, so a site cannot
// override it): adding a language is adding a file.
//
// A text is cut into sentences (at . ! ? ; followed by a space, at blank
// lines and list items), and each sentence is normalised: lower case, ё as
// е, Markdown and punctuation as spaces, one space between words, a space
// at both ends. A phrase's patterns are Go regular expressions over that
// form, so a literal space is a word boundary and word forms are written
// as stems (`возвра\w*`); `\w` means any letter or digit in any script.
// Every pattern of a phrase's `match` must occur in one sentence, and none
// of its `unless` in that sentence (or, for phrases that say so, in the
// next one), which is how a sentence that grants a right is told from one
// that takes it away.

//go:embed phrases/*.toml
var phraseFiles embed.FS

// phrase is one entry of a phrase file.
type phrase struct {
	Rule string `toml:"rule"`
	Name string `toml:"name"`
	// Need: at least one of these literals (in normalised form) must be
	// in the sentence before any pattern is tried; a cheap filter.
	Need   []string `toml:"need"`
	Match  []string `toml:"match"`
	Unless []string `toml:"unless"`
	// UnlessNext also looks for Unless in the next sentence.
	UnlessNext bool   `toml:"unless_next"`
	Law        string `toml:"law"`
	Fires      string `toml:"fires"`
	Silent     string `toml:"silent"`
	match      []*regexp.Regexp
	unless     []*regexp.Regexp
}

type phraseFile struct {
	Phrase []*phrase `toml:"phrase"`
}

// phraseSet is the phrases of one language.
type phraseSet struct {
	lang    string
	phrases []*phrase
	seed    byte // tells the languages' paragraph shapes apart (shapeHash)
}

// phrasesByLang holds the embedded phrase files, parsed once.
var phrasesByLang = sync.OnceValues(loadPhrases)

func loadPhrases() (map[string]*phraseSet, error) {
	out := map[string]*phraseSet{}
	files, err := fs.Glob(phraseFiles, "phrases/*.toml")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		data, err := phraseFiles.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var pf phraseFile
		if err := pos.DecodeTOML("generator/lint/"+f, string(data), 0, &pf); err != nil {
			return nil, err
		}
		lang := strings.TrimSuffix(path.Base(f), ".toml")
		set := &phraseSet{lang: lang, phrases: pf.Phrase, seed: byte(2 * len(out))}
		for _, p := range pf.Phrase {
			if p.Rule == "" || p.Name == "" || len(p.Match) == 0 || p.Law == "" {
				return nil, fmt.Errorf("%s: phrase %q needs rule, name, match and law", f, p.Name)
			}
			for _, m := range p.Match {
				re, err := compilePattern(m)
				if err != nil {
					return nil, fmt.Errorf("%s: phrase %q: %w", f, p.Name, err)
				}
				p.match = append(p.match, re)
			}
			for _, m := range p.Unless {
				re, err := compilePattern(m)
				if err != nil {
					return nil, fmt.Errorf("%s: phrase %q: %w", f, p.Name, err)
				}
				p.unless = append(p.unless, re)
			}
		}
		out[lang] = set
	}
	return out, nil
}

// compilePattern compiles a phrase pattern: `\w` stands for a letter or
// digit of any script (Go's own \w is ASCII only).
func compilePattern(s string) (*regexp.Regexp, error) {
	s = strings.ReplaceAll(s, `\w`, `[\p{L}\p{N}]`)
	return regexp.Compile(s)
}

// sentence is one normalised sentence of a text.
type sentence struct {
	norm string // " word word … "
	// line is the line, counted from 0 in the text, on which the sentence
	// starts; breaks holds, for each later line it reaches, the offset in
	// norm where that line starts.
	line   int
	breaks []int
}

// lineAt is the line (from 0 in the text) of offset i of s.norm.
func (s *sentence) lineAt(i int) int {
	n := sort.SearchInts(s.breaks, i+1)
	return s.line + n
}

// textMatch is a phrase found in a text.
type textMatch struct {
	p    *phrase
	line int    // from 0 in the text
	text string // the normalised words matched, trimmed
	num  string // the first number in the match, "" when none
}

// splitSentences cuts text into normalised sentences.
func splitSentences(text string) []sentence {
	var out []sentence
	var b strings.Builder
	var cur sentence
	line := 0
	space := true // the last rune written was a space
	flush := func() {
		s := b.String()
		if strings.TrimSpace(s) != "" {
			if !space {
				s += " "
			}
			cur.norm = " " + s
			for i := range cur.breaks {
				cur.breaks[i]++
			}
			out = append(out, cur)
		}
		b.Reset()
		cur = sentence{line: line}
		space = true
	}
	cur.line = 0
	writeSpace := func() {
		if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	lineStart := true
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		next := func(k int) rune {
			if i+size+k > len(text) {
				return 0
			}
			r, _ := utf8.DecodeRuneInString(text[i+size:])
			return r
		}
		switch {
		case r == '\n':
			line++
			// A blank line or a list item ends the sentence.
			if breaksParagraph(text[i+1:]) {
				flush()
				cur.line = line
			} else {
				writeSpace()
				if b.Len() > 0 {
					cur.breaks = append(cur.breaks, b.Len())
				} else {
					cur.line = line
				}
			}
			lineStart = true
			i += size
			continue
		case r == '.' || r == '!' || r == '?' || r == '…':
			nx := next(0)
			if r == '.' && unicode.IsDigit(lastRune(b.String())) && unicode.IsDigit(nx) {
				b.WriteByte('.') // 2.5, 07.02.1992
				space = false
				break
			}
			if (nx == ' ' || nx == '\n' || nx == 0) && !(r == '.' && abbreviation(b.String())) {
				writeSpace()
				flush()
				cur.line = line
				break
			}
			writeSpace()
		case r == ',' && unicode.IsDigit(lastRune(b.String())) && unicode.IsDigit(next(0)):
			b.WriteByte(',')
			space = false
		case r == '%':
			writeSpace()
			b.WriteString("% ")
			space = true
		case r == 'ё' || r == 'Ё':
			b.WriteString("е")
			space = false
		case isWordRune(r):
			if r < utf8.RuneSelf {
				b.WriteByte(byte(lowerRune(r)))
			} else {
				b.WriteRune(lowerRune(r))
			}
			space = false
		case r == '\u00ad': // a soft hyphen hides nothing
		case r == '-' && !space && (unicode.IsLetter(next(0)) || unicode.IsDigit(next(0))):
			b.WriteByte('-') // words such as «из-за», «онлайн-курс»
		default:
			if lineStart && (r == '#' || r == '>') {
				break
			}
			writeSpace()
		}
		if r != ' ' && r != '\t' {
			lineStart = false
		}
		i += size
	}
	flush()
	return out
}

// smallRunes answers unicode.IsLetter, unicode.IsDigit and
// unicode.ToLower from a table for the runes of the Latin and Cyrillic
// blocks, which are nearly every rune the texts hold; it is made from
// the unicode package itself, so the answers are the same.
var smallRunes = func() (t [0x530]struct {
	word  bool // a letter or a digit
	lower uint16
}) {
	for r := range t {
		t[r].word = unicode.IsLetter(rune(r)) || unicode.IsDigit(rune(r))
		t[r].lower = uint16(unicode.ToLower(rune(r)))
	}
	return t
}()

// isWordRune reports whether r is a letter or a digit.
func isWordRune(r rune) bool {
	if r >= 0 && int(r) < len(smallRunes) {
		return smallRunes[r].word
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// lowerRune is unicode.ToLower.
func lowerRune(r rune) rune {
	if r >= 0 && int(r) < len(smallRunes) {
		return rune(smallRunes[r].lower)
	}
	return unicode.ToLower(r)
}

// breaksParagraph reports whether the line rest (after a line break)
// starts a new paragraph: it is blank or a list item. No sentence runs
// across such a break.
func breaksParagraph(rest string) bool {
	rest = strings.TrimLeft(rest, " \t")
	return strings.HasPrefix(rest, "\n") || strings.HasPrefix(rest, "- ") || strings.HasPrefix(rest, "* ") || strings.HasPrefix(rest, "+ ") || listNumber(rest)
}

// paragraph is a part of a text no sentence crosses, and the line (from 0)
// on which it starts.
type paragraph struct {
	text string
	line int
}

// paragraphs cuts text where breaksParagraph says.
func paragraphs(text string) iter.Seq[paragraph] {
	return func(yield func(paragraph) bool) {
		start, startLine, line := 0, 0, 0
		for {
			i := strings.IndexByte(text[start:], '\n')
			for i >= 0 {
				i += start
				line++
				if breaksParagraph(text[i+1:]) {
					break
				}
				j := strings.IndexByte(text[i+1:], '\n')
				if j < 0 {
					i = -1
					break
				}
				i = i + 1 + j - start
			}
			if i < 0 {
				yield(paragraph{text[start:], startLine})
				return
			}
			if !yield(paragraph{text[start:i], startLine}) {
				return
			}
			start, startLine = i+1, line
		}
	}
}

// shapeHash hashes a paragraph with every run of digits as one "0": two
// paragraphs that differ only in numbers (a price, an amount, a count)
// have the same shape, and no phrase tells them apart by shape alone. A
// percentage keeps its digits («100 %» is a phrase of its own). Only the
// lack of a phrase is remembered by shape, so a collision could at worst
// hide one paragraph's phrase, with odds of 2^-64 per pair.
func shapeHash(seed maphash.Seed, lang byte, text string) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	h.WriteByte(lang)
	start := 0
	for i := 0; i < len(text); i++ {
		// Most of a text is words: skip eight bytes at a time while none
		// is a digit.
		for i+8 <= len(text) && !hasDigit(load64(text, i)) {
			i += 8
		}
		if i >= len(text) {
			break
		}
		if c := text[i]; c < '0' || c > '9' {
			continue
		}
		j := i
		for j < len(text) && (text[j] >= '0' && text[j] <= '9' || text[j] == '.' || text[j] == ',') {
			j++
		}
		if beforePercent(text[j:]) {
			i = j - 1
			continue
		}
		h.WriteString(text[start:i])
		h.WriteByte('0')
		start, i = j, j-1
	}
	h.WriteString(text[start:])
	return h.Sum64()
}

// hasDigit reports whether one of the eight bytes of w is an ASCII digit:
// XOR with '0' turns exactly the digits into bytes below 10, and the sum
// below sets the top bit of a byte below 10 (a borrow may set it in a
// later byte too, but only after such a byte, so zero stays exact).
func hasDigit(w uint64) bool {
	x := w ^ 0x3030303030303030
	return (x-0x0a0a0a0a0a0a0a0a)&^x&0x8080808080808080 != 0
}

// load64 returns the eight bytes of s from i, little-endian, in one load.
func load64(s string, i int) uint64 {
	return binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(s[i:]), 8))
}

// beforePercent reports whether s starts with a per cent sign, after
// spaces.
func beforePercent(s string) bool {
	for {
		switch {
		case strings.HasPrefix(s, " "):
			s = s[1:]
		case strings.HasPrefix(s, "\u00a0"):
			s = s[len("\u00a0"):]
		default:
			return strings.HasPrefix(s, "%")
		}
	}
}

// listNumber reports whether s starts with a numbered list item: "1. ".
func listNumber(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i < 4 && strings.HasPrefix(s[i:], ". ")
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// abbreviation reports whether the word before a full stop is a short
// abbreviation («ст.», «п.», «г.», «e.g.») rather than the end of a
// sentence.
func abbreviation(s string) bool {
	s = strings.TrimRight(s, " ")
	i := strings.LastIndexByte(s, ' ')
	w := s[i+1:]
	n := utf8.RuneCountInString(w)
	if n == 0 || n > 3 {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

var numberPattern = regexp.MustCompile(`[0-9]+(?:[.,][0-9]+)?`)

// namesRule is the rule whose phrases are read in deduction names only,
// and only there.
const namesRule = "refund/deduction-suspicious"

// scanText finds the phrases of set in text: with names, those of
// namesRule (text is a deduction's name); otherwise all the others.
func scanText(set *phraseSet, text string, names bool) []textMatch {
	return (*textCache)(nil).scanText(set, text, names)
}

// scanText is scanText with what each sentence holds kept in c (when c
// is not nil): the same sentence comes back in text after text.
func (c *textCache) scanText(set *phraseSet, text string, names bool) []textMatch {
	ss := splitSentences(text)
	var out []textMatch
	for i := range ss {
		s := &ss[i]
		for _, h := range c.sentenceHits(set, names, s.norm) {
			p := h.p
			if p.UnlessNext && i+1 < len(ss) && matchesAny(p.unless, ss[i+1].norm) {
				continue
			}
			text := strings.TrimSpace(s.norm[h.first[0]:h.first[1]])
			out = append(out, textMatch{p: p, line: s.lineAt(h.first[0] + leadingSpaces(s.norm[h.first[0]:])), text: text, num: numberPattern.FindString(text)})
		}
	}
	return out
}

// sentenceHit is a phrase found in one normalised sentence, before the
// next sentence is read (unless_next): first is where its first pattern
// matched.
type sentenceHit struct {
	p     *phrase
	first [2]int
}

// sentKey names a normalised sentence read for a language's phrases
// (names: those of namesRule).
type sentKey struct {
	lang  string
	names bool
	norm  string
}

// maxSentences bounds the sentences kept in textCache.sentences.
const maxSentences = 1 << 16

// sentenceHits returns the phrases of set found in the normalised
// sentence norm, remembered in c.
func (c *textCache) sentenceHits(set *phraseSet, names bool, norm string) []sentenceHit {
	if c == nil {
		return findInSentence(set, names, norm)
	}
	key := sentKey{set.lang, names, norm}
	c.sentMu.RLock()
	hs, ok := c.sentences[key]
	c.sentMu.RUnlock()
	if ok {
		return hs
	}
	// A sentence that differs from one known to hold no phrase only in
	// its numbers holds none either (see shapeHash).
	tag := 0x80 | set.seed
	if names {
		tag++
	}
	shape := shapeHash(c.seed, tag, norm)
	c.shapesMu.RLock()
	clean := c.shapes[shape]
	c.shapesMu.RUnlock()
	if !clean {
		hs = findInSentence(set, names, norm)
		if len(hs) == 0 {
			c.shapesMu.Lock()
			c.shapes[shape] = true
			c.shapesMu.Unlock()
		}
	}
	c.sentMu.Lock()
	if len(c.sentences) < maxSentences {
		c.sentences[key] = hs
	}
	c.sentMu.Unlock()
	return hs
}

// findInSentence returns the phrases of set found in the normalised
// sentence norm: every pattern of match and none of unless occur in it.
func findInSentence(set *phraseSet, names bool, norm string) []sentenceHit {
	var out []sentenceHit
phrases:
	for _, p := range set.phrases {
		if (p.Rule == namesRule) != names {
			continue
		}
		if len(p.Need) > 0 {
			found := false
			for _, n := range p.Need {
				if strings.Contains(norm, n) {
					found = true
					break
				}
			}
			if !found {
				continue
			}
		}
		first := []int(nil)
		for _, re := range p.match {
			loc := re.FindStringIndex(norm)
			if loc == nil {
				continue phrases
			}
			if first == nil {
				first = loc
			}
		}
		if matchesAny(p.unless, norm) {
			continue
		}
		out = append(out, sentenceHit{p: p, first: [2]int{first[0], first[1]}})
	}
	return out
}

func matchesAny(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

func leadingSpaces(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// textCache keeps what the phrases found in each text, so that a clause
// text many contracts print (the contract memo makes it one string) is
// scanned, and its matches placed in the clause file, once; and it knows
// the shapes of paragraphs that hold no phrase (see scanParagraphs). It is
// shared by the passes of one Check.
type textCache struct {
	// clauses holds an entry for every clause of the site's library,
	// made before the passes run: the map itself is then only read.
	clauses map[*site.Clause]*clauseTexts
	mu      sync.Mutex
	// days holds, per deadline clause, the numbers of days its source
	// writes as text (see DeadlineMismatch).
	days map[*site.Clause][]literalDay
	// shapes holds the shapes (see shapeHash) of paragraphs known to hold
	// no phrase; found holds, by its exact text, what the phrases found in
	// each paragraph that holds one (lines from the paragraph's start).
	shapesMu sync.RWMutex
	shapes   map[uint64]bool
	found    map[paraKey][]textMatch
	// sentences holds the phrases found in each normalised sentence read
	// so far (see sentenceHits).
	sentMu    sync.RWMutex
	sentences map[sentKey][]sentenceHit
	seed      maphash.Seed
	// formulas records which refund formulas are the SPEC's (atFloor).
	formulas map[*expr.Expr]bool
	// waivers says, for every clause of the library, whether its id marks
	// a waiver (refund/waiver); only read.
	waivers map[*site.Clause]bool
	// ruSlugs holds the slugs of the site's Russian courses (ru/language);
	// only read.
	ruSlugs map[string]bool
}

// clauseTexts are the texts of one clause scanned so far, body and FAQ
// answer, each named by where its bytes are: the contract package gives
// every contract that prints the same clause text the same string, so
// that is a cheap, exact key (the cache keeps the strings alive, so an
// address is not reused for another text while it is kept).
type clauseTexts struct {
	mu sync.Mutex
	// entries holds the texts by the address of their first byte (a
	// pointer key is the map's fast case), each with its length: texts
	// that start at the same byte differ in length or in being the
	// answer, not the body.
	entries map[*byte][]clauseText
	n       int // the texts held
	max     int // the texts it may hold; 0 is maxClauseTexts
}

// clauseText is a text of a clause with what the phrases found in it.
type clauseText struct {
	n       int
	answer  bool
	matches []textMatch
}

// get returns the matches remembered for the text at p of n bytes.
func (e *clauseTexts) get(p *byte, n int, answer bool) ([]textMatch, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, t := range e.entries[p] {
		if t.n == n && t.answer == answer {
			return t.matches, true
		}
	}
	return nil, false
}

// put remembers the matches of the text at p of n bytes.
func (e *clauseTexts) put(p *byte, n int, answer bool, ms []textMatch) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.n >= maxClauseTexts || e.max > 0 && e.n >= e.max {
		return
	}
	if e.entries == nil {
		e.entries = map[*byte][]clauseText{}
	}
	e.entries[p] = append(e.entries[p], clauseText{n: n, answer: answer, matches: ms})
	e.n++
}

// paraKey names a paragraph of a language's text (see scanParagraphs).
type paraKey struct {
	lang byte
	text string
}

// maxFound bounds the paragraphs kept in textCache.found: a paragraph
// that names the course is new for every course.
const maxFound = 1 << 14

// maxClauseTexts bounds the texts kept per clause. A clause that names
// the course gives a new text for every course, but the contracts hold
// those texts anyway while they are linted, and a text shared by a few
// courses (the same price, the same duration) is then read once: the
// bound only keeps a pathological site from growing the table without
// end.
const maxClauseTexts = 1 << 16

func newTextCache(s *site.Site) *textCache {
	c := &textCache{clauses: map[*site.Clause]*clauseTexts{}, days: map[*site.Clause][]literalDay{}, shapes: make(map[uint64]bool, 1024), found: map[paraKey][]textMatch{}, sentences: map[sentKey][]sentenceHit{}, seed: maphash.MakeSeed(), waivers: map[*site.Clause]bool{}}
	if s != nil {
		c.ruSlugs = map[string]bool{}
		for _, k := range s.Courses {
			if k.Language == "ru" {
				c.ruSlugs[k.Slug] = true
			}
		}
	}
	if s != nil && s.Library != nil {
		for _, lang := range s.Config.Languages {
			for _, cl := range s.Library.Lang(lang).Clauses {
				c.clauses[cl] = &clauseTexts{}
				c.waivers[cl] = waiverClause(cl)
			}
		}
	}
	return c
}

// clauseMatches returns the phrases of lang found in text, the rendered
// body (or, with answer, FAQ answer) of clause src, each with its line in
// the clause file. A match that came from data a placeholder inserted is
// left out: it is reported where that data is written.
func (c *textCache) clauseMatches(lang string, src *site.Clause, answer bool, text string) []textMatch {
	set := phraseSetFor(lang)
	if set == nil || text == "" {
		return nil
	}
	e := c.clauses[src]
	p := unsafe.StringData(text)
	if e != nil {
		if ms, ok := e.get(p, len(text), answer); ok {
			return ms
		}
	}
	// A text that differs from one known to hold no phrase only in its
	// numbers holds none either (see shapeHash): the texts that name the
	// course's price or duration are then read in one pass.
	shape := shapeHash(c.seed, set.seed, text)
	c.shapesMu.RLock()
	clean := c.shapes[shape]
	c.shapesMu.RUnlock()
	var ms []textMatch
	if !clean {
		ms = c.scanParagraphs(set, text, false)
		if len(ms) == 0 {
			c.shapesMu.Lock()
			c.shapes[shape] = true
			c.shapesMu.Unlock()
		}
	}
	if len(ms) > 0 {
		source, first := src.Body, src.BodyLine
		if answer {
			source, first = src.FAQ.Answer, answerLine(src)
		}
		kept := ms[:0]
		for _, m := range ms {
			if line, ok := sourceLine(source, first, m.text); ok {
				m.line = line
				kept = append(kept, m)
			}
		}
		ms = kept
	}
	if e != nil {
		e.put(p, len(text), answer, ms)
	}
	return ms
}

// plainMatches returns the phrases of lang found in a course's own text;
// with names, the text is a deduction's name.
func (c *textCache) plainMatches(lang, text string, names bool) []textMatch {
	set := phraseSetFor(lang)
	if set == nil || strings.TrimSpace(text) == "" {
		return nil
	}
	return c.scanParagraphs(set, text, names)
}

// phraseSetFor returns the phrases of a language, or nil when there are
// none (the text rules then read nothing in it).
func phraseSetFor(lang string) *phraseSet {
	sets, err := phrasesByLang()
	if err != nil {
		return nil
	}
	return sets[lang]
}

// answerLine is the line of a clause file on which its FAQ answer starts.
func answerLine(s *site.Clause) int {
	v, k := s.ValuePos("faq.answer"), s.KeyPos("faq.answer")
	if v == k {
		return k.Line + 1 // a multi-line string starts on the next line
	}
	return v.Line
}

// scanParagraphs is scanText, paragraph by paragraph, skipping the
// paragraphs whose shape (see shapeHash) is known to hold no phrase: the
// texts that differ from course to course mostly differ in numbers, and
// most paragraphs hold no phrase at all.
func (c *textCache) scanParagraphs(set *phraseSet, text string, names bool) []textMatch {
	if c == nil {
		return scanText(set, text, names)
	}
	lang := set.seed
	if names {
		lang++
	}
	var out []textMatch
	for p := range paragraphs(text) {
		// First the paragraph exactly (a fast hash, or the paragraphs
		// known to hold a phrase), then its shape.
		raw := maphash.String(c.seed, p.text) + uint64(lang)
		c.shapesMu.RLock()
		clean := c.shapes[raw]
		var ms []textMatch
		known := false
		if !clean {
			ms, known = c.found[paraKey{lang, p.text}]
		}
		c.shapesMu.RUnlock()
		if clean {
			continue
		}
		if !known {
			shape := shapeHash(c.seed, lang, p.text)
			c.shapesMu.RLock()
			clean = c.shapes[shape]
			c.shapesMu.RUnlock()
			if !clean {
				ms = c.scanText(set, p.text, names)
			}
			c.shapesMu.Lock()
			if len(ms) == 0 {
				c.shapes[raw], c.shapes[shape] = true, true
			} else if len(c.found) < maxFound {
				c.found[paraKey{lang, p.text}] = ms
			}
			c.shapesMu.Unlock()
		}
		for _, m := range ms {
			m.line += p.line
			out = append(out, m)
		}
	}
	return out
}

// sourceLine finds, in the source src of a rendered text (first is its
// line in the file), the line where the matched words are written. ok is
// false when they are not in the source at all: the phrase then came
// from data a placeholder inserted (a course's title or includes, a
// deduction's name), and is reported where that data is written.
func sourceLine(src string, first int, words string) (line int, ok bool) {
	probe := words
	if f := strings.Fields(words); len(f) > 2 {
		probe = strings.Join(f[:2], " ")
	}
	probe = " " + probe + " "
	for _, s := range splitSentences(src) {
		if i := strings.Index(s.norm, probe); i >= 0 {
			return first + s.lineAt(i+1), true
		}
	}
	return 0, false
}

// waiver is waiverClause, answered from the table made for the site's
// library before the passes run.
func (c *textCache) waiver(cl *site.Clause) bool {
	if c != nil {
		if w, ok := c.waivers[cl]; ok {
			return w
		}
	}
	return waiverClause(cl)
}
