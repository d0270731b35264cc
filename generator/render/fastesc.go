// The replacement tables, htmlReplacer, isSafeURL, urlProcessor and
// processURLOnto below are adapted from Go's html/template (html.go,
// url.go), Copyright 2011 The Go Authors, used under the BSD-style
// license of the Go distribution, whose text is in LICENSE-go next to
// this file.

package render

import (
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"unicode/utf8"
)

// The escapers html/template puts into the layouts' pipelines, for the
// fast executor (fast.go): the same functions as html/template's
// (go/src/html/template: html.go, url.go, content.go), for the values
// they are given here. Where html/template would do more than they do
// (stripping tags from HTML put into an attribute, marshalling a value
// as JavaScript, filtering CSS that is not template.CSS), they give up
// and the page is executed by html/template. TestEscapersMatch compares
// them with html/template on many strings.

// fastEscapers are by the name html/template gives them in a pipeline.
// Each takes the text of its argument and the kind of content it is (see
// valueString): what html/template's stringify makes of it.
var fastEscapers = map[string]func(s string, k contentKind) string{
	"_html_template_htmlescaper": func(s string, k contentKind) string {
		if k == contentHTML {
			return s
		}
		return htmlReplacer(s, htmlReplacementTable)
	},
	"_html_template_attrescaper": func(s string, k contentKind) string {
		if k == contentHTML {
			bail() // html/template strips the tags
		}
		return htmlReplacer(s, htmlReplacementTable)
	},
	"_html_template_rcdataescaper": func(s string, k contentKind) string {
		if k == contentHTML {
			return htmlReplacer(s, htmlNormReplacementTable)
		}
		return htmlReplacer(s, htmlReplacementTable)
	},
	"_html_template_urlfilter": func(s string, k contentKind) string {
		if k == contentURL {
			return s
		}
		if !isSafeURL(s) {
			return "#ZgotmplZ"
		}
		return s
	},
	"_html_template_urlnormalizer": func(s string, k contentKind) string { return urlProcessor(true, s, k) },
	"_html_template_urlescaper":    func(s string, k contentKind) string { return urlProcessor(false, s, k) },
	"_html_template_jsvalescaper": func(s string, k contentKind) string {
		if k != contentJS {
			bail() // JSON of a value: html/template
		}
		return s
	},
	"_html_template_cssvaluefilter": func(s string, k contentKind) string {
		if k != contentCSS {
			bail() // filtering CSS: html/template
		}
		return s
	},
}

type contentKind uint8

const (
	contentPlain contentKind = iota
	contentCSS
	contentHTML
	contentHTMLAttr
	contentJS
	contentJSStr
	contentURL
	contentSrcset
)

var contentKinds = map[reflect.Type]contentKind{
	reflect.TypeFor[string]():            contentPlain,
	reflect.TypeFor[template.CSS]():      contentCSS,
	reflect.TypeFor[template.HTML]():     contentHTML,
	reflect.TypeFor[template.HTMLAttr](): contentHTMLAttr,
	reflect.TypeFor[template.JS]():       contentJS,
	reflect.TypeFor[template.JSStr]():    contentJSStr,
	reflect.TypeFor[template.URL]():      contentURL,
	reflect.TypeFor[template.Srcset]():   contentSrcset,
}

// valueString is stringify of a value of a pipeline.
func valueString(v reflect.Value) (string, contentKind) {
	if v.Kind() == reflect.String {
		if v.Type() == stringType {
			return v.String(), contentPlain
		}
		if k, ok := contentKinds[v.Type()]; ok {
			return v.String(), k
		}
	}
	if !v.IsValid() {
		bail()
	}
	return stringify(v.Interface())
}

// stringify is html/template's for one argument that is not a pointer.
func stringify(a any) (string, contentKind) {
	switch s := a.(type) {
	case string:
		return s, contentPlain
	case template.CSS:
		return string(s), contentCSS
	case template.HTML:
		return string(s), contentHTML
	case template.HTMLAttr:
		return string(s), contentHTMLAttr
	case template.JS:
		return string(s), contentJS
	case template.JSStr:
		return string(s), contentJSStr
	case template.URL:
		return string(s), contentURL
	case template.Srcset:
		return string(s), contentSrcset
	case nil:
		bail()
	}
	// Numbers and booleans print as fmt prints them; a value with
	// methods (a Stringer, an error) or a pointer is html/template's.
	t := reflect.TypeOf(a)
	if t.NumMethod() != 0 {
		bail()
	}
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return fmt.Sprint(a), contentPlain
	}
	bail()
	return "", contentPlain
}

var htmlReplacementTable = []string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

var htmlNormReplacementTable = []string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// htmlReplacer is html/template's with badRunes: every rune not in the
// table passes.
func htmlReplacer(s string, table []string) string {
	// Nothing to replace is the common case: look before building.
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; int(c) < len(table) && table[c] != "" {
			break
		}
	}
	if i == len(s) {
		return s
	}
	written, b := 0, new(strings.Builder)
	r, w := rune(0), 0
	for i := 0; i < len(s); i += w {
		r, w = utf8.DecodeRuneInString(s[i:])
		if int(r) < len(table) {
			if repl := table[r]; len(repl) != 0 {
				if written == 0 {
					b.Grow(len(s))
				}
				b.WriteString(s[written:i])
				b.WriteString(repl)
				written = i + w
			}
		}
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

func isSafeURL(s string) bool {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		if !strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
			return false
		}
	}
	return true
}

func urlProcessor(norm bool, s string, t contentKind) string {
	if t == contentURL {
		norm = true
	}
	var b strings.Builder
	if processURLOnto(s, norm, &b) {
		return b.String()
	}
	return s
}

func processURLOnto(s string, norm bool, b *strings.Builder) bool {
	written := 0
	for i, n := 0, len(s); i < n; i++ {
		c := s[i]
		switch c {
		case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
			if norm {
				continue
			}
		case '-', '.', '_', '~':
			continue
		case '%':
			if norm && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2]) {
				continue
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				continue
			}
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		fmt.Fprintf(b, "%%%02x", c)
		written = i + 1
	}
	if written == 0 {
		return false
	}
	b.WriteString(s[written:])
	return true
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
