package render

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// markCyrillic wraps every run of Russian text in the page html, whose
// language is not Russian, in <span lang="ru">: a seller's name, an
// address or bank details in Cyrillic on an English page are then read by
// a screen reader with a Russian voice and hyphenated as Russian. A run
// starts and ends with a Cyrillic letter or a digit, may hold spaces,
// digits and punctuation between them, and stops at a Latin letter, a
// character reference or a tag. Text inside tags (attributes), and in
// elements that hold no markup (script, style, title, textarea, option),
// is left alone. Pages without Cyrillic come back unchanged.
func markCyrillic(html []byte) []byte {
	if !hasCyrillic(html) {
		return html
	}
	var out bytes.Buffer
	out.Grow(len(html) + 256)
	i := 0
	for i < len(html) {
		if html[i] == '<' {
			end := tagEnd(html, i)
			tag := html[i:end]
			out.Write(tag)
			i = end
			if name := rawElement(tag); name != "" {
				// Copy the element's content as it is, up to its end tag.
				closing := []byte("</" + name)
				j := indexFold(html[i:], closing)
				if j < 0 {
					out.Write(html[i:])
					return out.Bytes()
				}
				out.Write(html[i : i+j])
				i += j
			}
			continue
		}
		j := bytes.IndexByte(html[i:], '<')
		if j < 0 {
			j = len(html) - i
		}
		markText(&out, html[i:i+j])
		i += j
	}
	return out.Bytes()
}

// hasCyrillic reports whether b holds a Cyrillic letter.
func hasCyrillic(b []byte) bool {
	// Cyrillic (U+0400–U+04FF) starts with the byte 0xD0–0xD3 in UTF-8.
	for k := 0; k < len(b); k++ {
		if c := b[k]; c >= 0xd0 && c <= 0xd3 {
			if r, _ := utf8.DecodeRune(b[k:]); unicode.Is(unicode.Cyrillic, r) {
				return true
			}
		}
	}
	return false
}

// tagEnd returns the index after the tag, comment or doctype at html[i].
func tagEnd(html []byte, i int) int {
	if bytes.HasPrefix(html[i:], []byte("<!--")) {
		if k := bytes.Index(html[i:], []byte("-->")); k >= 0 {
			return i + k + 3
		}
		return len(html)
	}
	quote := byte(0)
	for k := i + 1; k < len(html); k++ {
		c := html[k]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return k + 1
		}
	}
	return len(html)
}

// rawElement returns the name of an opening tag whose content must not
// get markup: script, style, title, textarea, option; else "".
func rawElement(tag []byte) string {
	if len(tag) < 2 || tag[1] == '/' || tag[1] == '!' {
		return ""
	}
	name := tag[1:]
	if k := bytes.IndexAny(name, " \t\n/>"); k >= 0 {
		name = name[:k]
	}
	switch n := strings.ToLower(string(name)); n {
	case "script", "style", "title", "textarea", "option":
		return n
	}
	return ""
}

// indexFold is bytes.Index ignoring ASCII case; sub starts with '<'. It
// allocates nothing: lowering the rest of a page for every script element
// cost a build 7 % of its time.
func indexFold(s, sub []byte) int {
	for off := 0; ; {
		j := bytes.IndexByte(s[off:], sub[0])
		if j < 0 {
			return -1
		}
		off += j
		if len(s)-off < len(sub) {
			return -1
		}
		if bytes.EqualFold(s[off:off+len(sub)], sub) {
			return off
		}
		off++
	}
}

// markText writes text, its Russian runs in <span lang="ru">.
func markText(out *bytes.Buffer, text []byte) {
	if !hasCyrillic(text) {
		out.Write(text)
		return
	}
	s := string(text)
	// Segments between boundaries (Latin letters, character references).
	start := 0
	flush := func(end int) {
		seg := s[start:end]
		first, last := -1, -1
		for k, r := range seg {
			if unicode.Is(unicode.Cyrillic, r) {
				if first < 0 {
					first = k
				}
				_, n := utf8.DecodeRuneInString(seg[k:])
				last = k + n
			}
		}
		if first < 0 {
			out.WriteString(seg)
			return
		}
		// Take in the digits and the opening quote right before the first
		// letter ("420111, Республика", "«возврат"), and the digits and
		// closing marks right after the last ("офис 3", "прихода»").
		for first > 0 {
			r, n := utf8.DecodeLastRuneInString(seg[:first])
			if unicode.IsDigit(r) || r == '«' || r == '№' || ((r == ' ' || r == ',' || r == '.' || r == '\u00a0') && digitBefore(seg[:first-n])) {
				first -= n
				continue
			}
			break
		}
		for last < len(seg) {
			r, n := utf8.DecodeRuneInString(seg[last:])
			if unicode.IsDigit(r) || r == '»' || ((r == ' ' || r == '.' || r == '\u00a0' || r == '№') && digitAfter(seg[last+n:])) {
				last += n
				continue
			}
			break
		}
		out.WriteString(seg[:first])
		out.WriteString(`<span lang="ru">`)
		out.WriteString(seg[first:last])
		out.WriteString(`</span>`)
		out.WriteString(seg[last:])
	}
	for k := 0; k < len(s); {
		r, n := utf8.DecodeRuneInString(s[k:])
		switch {
		case r == '&':
			flush(k)
			end := strings.IndexByte(s[k:], ';')
			if end < 0 {
				end = len(s) - k - 1
			}
			out.WriteString(s[k : k+end+1])
			k += end + 1
			start = k
			continue
		case r < utf8.RuneSelf && unicode.IsLetter(r) || unicode.In(r, unicode.Latin) && unicode.IsLetter(r):
			flush(k)
			// The Latin word goes out as it is.
			e := k
			for e < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[e:])
				if !(unicode.IsLetter(r2) && !unicode.Is(unicode.Cyrillic, r2)) {
					break
				}
				e += n2
			}
			out.WriteString(s[k:e])
			k = e
			start = k
			continue
		}
		k += n
	}
	flush(len(s))
}

// digitBefore reports whether s ends in a digit (spaces and commas aside).
func digitBefore(s string) bool {
	s = strings.TrimRight(s, " ,.\u00a0")
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsDigit(r)
}

// digitAfter reports whether s starts with a digit (spaces aside).
func digitAfter(s string) bool {
	s = strings.TrimLeft(s, " \u00a0")
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}
