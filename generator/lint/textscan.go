package lint

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/BurntSushi/toml"
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
		md, err := toml.Decode(string(data), &pf)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		if und := md.Undecoded(); len(und) > 0 {
			return nil, fmt.Errorf("%s: unknown key %s", f, und[0])
		}
		lang := strings.TrimSuffix(path.Base(f), ".toml")
		set := &phraseSet{lang: lang, phrases: pf.Phrase}
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
			rest := strings.TrimLeft(text[i+1:], " \t")
			if strings.HasPrefix(rest, "\n") || strings.HasPrefix(rest, "- ") || strings.HasPrefix(rest, "* ") || strings.HasPrefix(rest, "+ ") || listNumber(rest) {
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
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
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

// scanText finds every phrase of set in text.
func scanText(set *phraseSet, text string) []textMatch {
	ss := splitSentences(text)
	var out []textMatch
	for i := range ss {
		s := &ss[i]
	phrases:
		for _, p := range set.phrases {
			if len(p.Need) > 0 {
				found := false
				for _, n := range p.Need {
					if strings.Contains(s.norm, n) {
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
				loc := re.FindStringIndex(s.norm)
				if loc == nil {
					continue phrases
				}
				if first == nil {
					first = loc
				}
			}
			for _, re := range p.unless {
				if re.MatchString(s.norm) || (p.UnlessNext && i+1 < len(ss) && re.MatchString(ss[i+1].norm)) {
					continue phrases
				}
			}
			text := strings.TrimSpace(s.norm[first[0]:first[1]])
			out = append(out, textMatch{p: p, line: s.lineAt(first[0] + leadingSpaces(s.norm[first[0]:])), text: text, num: numberPattern.FindString(text)})
		}
	}
	return out
}

func leadingSpaces(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// textCache keeps the matches of each text scanned, so that a clause
// text many contracts share (the contract memo makes it one string) is
// scanned once. It is shared by the passes of one Check.
type textCache struct {
	mu sync.Mutex
	m  map[textKey][]textMatch
}

// textKey names a text by where its bytes are: the contract package gives
// every contract that prints the same clause text the same string, so
// this is a cheap, exact key. The cache keeps the strings alive, so an
// address is not reused for another text while it is a key.
type textKey struct {
	p    *byte
	n    int
	lang string
}

func newTextCache() *textCache { return &textCache{m: map[textKey][]textMatch{}} }

// matches returns the phrases of lang found in text.
func (c *textCache) matches(lang, text string) []textMatch {
	if text == "" {
		return nil
	}
	sets, err := phrasesByLang()
	if err != nil || sets[lang] == nil {
		return nil
	}
	if c == nil {
		return scanText(sets[lang], text)
	}
	key := textKey{p: unsafe.StringData(text), n: len(text), lang: lang}
	c.mu.Lock()
	ms, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return ms
	}
	ms = scanText(sets[lang], text)
	c.mu.Lock()
	c.m[key] = ms
	c.mu.Unlock()
	return ms
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
