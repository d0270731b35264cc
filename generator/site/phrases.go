package site

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/oferta-dev/oferta/generator/pos"
	"github.com/pelletier/go-toml/v2"
)

// PhrasesFile is the file of a language's library that holds the phrases
// Go composes with a course's numbers: the refund rule in words, the
// statement channel and the labels of a refund calculation.
const PhrasesFile = "phrases.toml"

// PhraseKey is one phrase a library must have, with the named arguments
// its text takes: {percent}, {items}. Every argument must appear in the
// text (a sentence of the refund rule that lost its amount would be
// wrong), and no other name may.
type PhraseKey struct {
	Name string
	Args []string
	Doc  string
}

// PhraseKeys are the phrases of every language's phrases.toml. A table
// [eu] may repeat any of them (as [eu.rule], [eu.calc]…): on an eu, de or
// ro site its texts replace the plain ones.
var PhraseKeys = []PhraseKey{
	// The refund rule in words (the contract's and the FAQ's).
	{"rule.fee", []string{"percent"}, "the acquirer's fee withheld, as an item of a list"},
	{"rule.retention", []string{"percent"}, "the documented costs withheld, as an item of a list"},
	{"rule.deductions", []string{"items"}, "the costs the contract lists, as an item of a list"},
	{"rule.item", []string{"name", "amount"}, "one cost with its amount"},
	{"rule.list_separator", nil, "between the items of a list"},
	{"rule.flat_whole", nil, "the flat rule when nothing is deducted"},
	{"rule.flat_less", []string{"list"}, "the flat rule, less the list"},
	{"rule.prorata_deductions", []string{"items", "units"}, "the prorata rule after costs"},
	{"rule.prorata_plain", []string{"units"}, "the prorata rule without costs"},
	{"rule.shares", []string{"list"}, "what is deducted from the prorata part"},
	{"rule.floor", nil, "the refund is never below zero"},
	{"rule.none", nil, "the contract sets no formula"},
	{"rule.custom", []string{"formula", "units"}, "a formula of the library's own"},
	{"rule.example", []string{"paid", "used", "total", "refund"}, "the worked example"},
	{"rule.example_at_least", []string{"paid", "used", "total", "refund"}, "the worked example when something may be withheld"},
	// How the statement is sent.
	{"channel.form", []string{"url"}, "through the site's form"},
	{"channel.post", []string{"address"}, "by post"},
	{"channel.messenger", []string{"phone"}, "by messenger"},
	{"channel.email", []string{"email"}, "by e-mail"},
	// A refund calculation (oferta calc, the calculation document).
	{"calc.title", nil, "the calculation's title"},
	{"calc.guarantee", nil, "the note of a request in the guarantee period"},
	{"calc.paid", nil, "step: the amount paid"},
	{"calc.delivered", []string{"done", "total"}, "step: the part delivered"},
	{"calc.bank_fee", []string{"percent"}, "step: the acquirer's fee"},
	{"calc.retention", []string{"percent"}, "step: the share retained"},
	{"calc.cost", []string{"name"}, "step: a cost the contract lists"},
	{"calc.withheld", nil, "step: withheld under the contract"},
	{"calc.floor", nil, "step: the refund is never below zero"},
	{"calc.rounding", nil, "step: rounding"},
	{"calc.formula", nil, "step: the formula's value"},
	{"calc.result", nil, "step: the refund"},
	{"calc.in_words", []string{"words"}, "the refund in words"},
	{"calc.client", []string{"name"}, "the client's line"},
	{"calc.order", []string{"order"}, "the order's line"},
	{"calc.date", []string{"date"}, "the day the request arrived"},
	{"calc.edition", []string{"date", "url"}, "the contract edition the calculation is made under"},
	{"calc.note_no_day", []string{"period"}, "note: a course with a guarantee period computed without the day of the request"},
	{"calc.note_after_guarantee", []string{"day", "period"}, "note: the request came after the guarantee period"},
	{"calc.note_late_joiner", []string{"before", "all", "rest"}, "note: a client who joined a group course after its start"},
	{"calc.note_not_withheld", []string{"name"}, "note: a cost of the contract not withheld from this client"},
}

// euPrefix starts the keys of the [eu] table.
const euPrefix = "eu."

// Phrases are the phrases of one language, the site's over the built-in
// library's, with the [eu] texts in place on an EU site.
type Phrases struct {
	text map[string]string
}

// NewPhrases returns phrases with the given texts, for tests and tools
// that make a contract without loading a site.
func NewPhrases(text map[string]string) *Phrases { return &Phrases{text: text} }

// Text returns phrase key with its arguments, given as name, value pairs:
// Text("calc.cost", "name", "Тестирование"). A phrase the library lacks
// (only possible for Phrases not checked by Load) gives "[key]".
func (p *Phrases) Text(key string, args ...string) string {
	var s string
	ok := false
	if p != nil {
		s, ok = p.text[key]
	}
	if !ok {
		return "[" + key + "]"
	}
	return Expand(s, args...)
}

// Expand replaces each {name} of s with its value from args, given as
// name, value pairs. A name without a value stays as it is.
func Expand(s string, args ...string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		name := s[i+1 : i+j]
		val, ok := "", false
		for k := 0; k+1 < len(args); k += 2 {
			if args[k] == name {
				val, ok = args[k+1], true
				break
			}
		}
		b.WriteString(s[:i])
		if ok {
			b.WriteString(val)
		} else {
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

// placeholders returns the {name}s of s, in order.
func placeholders(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return out
		}
		out = append(out, s[i+1:i+j])
		s = s[i+j+1:]
	}
}

// loadPhrases reads clauses/<lang>/phrases.toml of every language, the
// site's keys over the built-in library's, and checks them: every key
// known, every argument used and no other, none missing.
func loadPhrases(sf *siteFiles, builtin fs.FS, lib *Library, jurisdiction string) error {
	if lib == nil {
		return nil
	}
	known := map[string]PhraseKey{}
	var names []string
	for _, k := range PhraseKeys {
		known[k.Name] = k
		names = append(names, k.Name)
	}
	var errs ErrorList
	langs := make([]string, 0, len(lib.Langs))
	for l := range lib.Langs {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		ll := lib.Langs[l]
		text := map[string]string{}
		eu := map[string]string{}
		last := ""
		layers := []struct {
			fsys fs.FS
			path string
			file string
		}{
			{builtin, l + "/" + PhrasesFile, "builtin:clauses/" + l + "/" + PhrasesFile},
			{sf.root.FS(), "clauses/" + l + "/" + PhrasesFile, "clauses/" + l + "/" + PhrasesFile},
		}
		for i, layer := range layers {
			if layer.fsys == nil {
				continue
			}
			var src string
			if i == 0 {
				data, err := fs.ReadFile(layer.fsys, layer.path)
				if err != nil {
					continue
				}
				src = string(data)
			} else {
				if _, err := fs.Stat(layer.fsys, layer.path); err != nil {
					continue
				}
				s, err := sf.readText(layer.path)
				if err != nil {
					errs = append(errs, Errors(err)...)
					continue
				}
				src = s
			}
			last = layer.file
			errs = append(errs, decodePhrases(layer.file, src, known, names, text, eu)...)
		}
		if len(ll.Clauses) == 0 && last == "" {
			continue // no library at all: Load says so at the language
		}
		if EUJurisdiction(jurisdiction) {
			for k, v := range eu {
				text[k] = v
			}
		}
		if last == "" {
			last = "clauses/" + l + "/" + PhrasesFile
		}
		var missing []string
		for _, k := range PhraseKeys {
			if _, ok := text[k.Name]; !ok {
				missing = append(missing, k.Name)
			}
		}
		if len(missing) > 0 {
			errs = append(errs, &Error{File: last, Err: fmt.Errorf("missing phrases of %q: %s (every language's library needs each phrase of the built-in clauses/en/%s)", l, strings.Join(missing, ", "), PhrasesFile)})
		}
		ll.Phrases = &Phrases{text: text}
	}
	return errs.Err()
}

// decodePhrases adds the phrases of one file to text (and its [eu] ones
// to eu), reporting unknown keys and wrong arguments at their keys.
func decodePhrases(file, src string, known map[string]PhraseKey, names []string, text, eu map[string]string) ErrorList {
	if err := checkUTF8(file, src, 0); err != nil {
		return Errors(err)
	}
	var m map[string]any
	if err := toml.Unmarshal([]byte(src), &m); err != nil {
		return Errors(pos.TOMLError(file, src, 0, err))
	}
	keyPos := scanKeyPositions(file, src)
	at := func(path string) Pos {
		if p, ok := keyPos.get(path); ok {
			return p
		}
		return Pos{File: file, Line: 1, Col: 1}
	}
	var errs ErrorList
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			path := prefix + k
			switch v := m[k].(type) {
			case map[string]any:
				walk(path+".", v)
			case string:
				name, isEU := strings.CutPrefix(path, euPrefix)
				spec, ok := known[name]
				if !ok {
					msg := fmt.Sprintf("unknown phrase %q", path)
					if sug := Suggest(name, names); sug != "" {
						msg += fmt.Sprintf("; did you mean %q?", sug)
					}
					errs = append(errs, Errorf(at(path), "%s", msg))
					continue
				}
				if err := CheckPlaceholders(v, spec.Args); err != nil {
					errs = append(errs, Errorf(at(path), "phrase %q: %v", path, err))
					continue
				}
				if isEU {
					eu[name] = v
				} else {
					text[name] = v
				}
			default:
				errs = append(errs, Errorf(at(path), "phrase %q must be a string, not %s", path, tomlType(v)))
			}
		}
	}
	walk("", m)
	return errs
}

// CheckPlaceholders says what is wrong with the {names} of text, a phrase
// or a UI string that takes args: each must be used, and no other.
func CheckPlaceholders(text string, args []string) error {
	used := map[string]bool{}
	for _, name := range placeholders(text) {
		ok := false
		for _, a := range args {
			ok = ok || a == name
		}
		if !ok {
			if len(args) == 0 {
				return fmt.Errorf("{%s} is not an argument here: this text takes none", name)
			}
			return fmt.Errorf("{%s} is not an argument here; this text takes {%s}", name, strings.Join(args, "}, {"))
		}
		used[name] = true
	}
	for _, a := range args {
		if !used[a] {
			return fmt.Errorf("the text must use {%s}", a)
		}
	}
	return nil
}
