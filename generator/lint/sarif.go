package lint

import (
	"encoding/json"
	"io"
	"path"
	"strings"
)

// SARIF 2.1.0 (OASIS), the format code-scanning tools read. Only the
// properties oferta fills are modelled.

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// InformationURI is the project's home page, named in SARIF output.
	InformationURI = "https://github.com/oferta-dev/oferta"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
	// ColumnKind says how columns count: oferta's count Unicode code
	// points (runes), where SARIF's default is UTF-16 code units.
	ColumnKind string `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string        `json:"id"`
	ShortDescription     sarifText     `json:"shortDescription"`
	FullDescription      sarifText     `json:"fullDescription"`
	Help                 sarifText     `json:"help"`
	DefaultConfiguration sarifRuleConf `json:"defaultConfiguration"`
}

type sarifRuleConf struct {
	Level string `json:"level"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID     string          `json:"ruleId"`
	RuleIndex  int             `json:"ruleIndex"`
	Level      string          `json:"level"`
	Message    sarifText       `json:"message"`
	Locations  []sarifLocation `json:"locations"`
	Properties *sarifProps     `json:"properties,omitempty"`
}

type sarifProps struct {
	Course string `json:"course"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

// WriteSARIF prints findings as a SARIF 2.1.0 log with one run. Every rule
// of Rules is described in tool.driver.rules; file paths must be relative
// to the site and are written with forward slashes. A clause of the
// built-in library ("builtin:clauses/…") is given relative to the
// uriBaseId BUILTIN, since it is not a file of the site. version is the
// tool's version. The same findings give the same bytes.
func WriteSARIF(w io.Writer, fs []Finding, version string) error {
	if version == "" {
		version = "devel"
	}
	driver := sarifDriver{Name: "oferta", Version: version, InformationURI: InformationURI, Rules: []sarifRule{}}
	index := map[string]int{}
	for i, r := range Rules {
		index[r.Name] = i
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   r.Name,
			ShortDescription:     sarifText{Text: Summary(r)},
			FullDescription:      sarifText{Text: r.Doc},
			Help:                 sarifText{Text: r.Doc},
			DefaultConfiguration: sarifRuleConf{Level: r.DefaultSeverity.String()},
		})
	}
	results := make([]sarifResult, 0, len(fs))
	for _, f := range fs {
		i, ok := index[f.Rule]
		if !ok {
			// A finding of a rule outside the list (tests may add some):
			// describe it so that ruleIndex stays valid.
			i = len(driver.Rules)
			index[f.Rule] = i
			driver.Rules = append(driver.Rules, sarifRule{ID: f.Rule, ShortDescription: sarifText{Text: f.Rule}, FullDescription: sarifText{Text: f.Rule}, Help: sarifText{Text: f.Rule}, DefaultConfiguration: sarifRuleConf{Level: f.Severity.String()}})
		}
		res := sarifResult{
			RuleID:    f.Rule,
			RuleIndex: i,
			Level:     f.Severity.String(),
			Message:   sarifText{Text: f.Message},
			Locations: []sarifLocation{{PhysicalLocation: physical(f)}},
		}
		if f.Course != "" {
			res.Properties = &sarifProps{Course: f.Course}
		}
		results = append(results, res)
	}
	log := sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{{Tool: sarifTool{Driver: driver}, Results: results, ColumnKind: "unicodeCodePoints"}}}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

func physical(f Finding) sarifPhysical {
	file := strings.ReplaceAll(f.File, `\`, "/")
	art := sarifArtifact{URI: uriPath(file)}
	if rest, ok := strings.CutPrefix(file, "builtin:"); ok {
		art = sarifArtifact{URI: uriPath(rest), URIBaseID: "BUILTIN"}
	}
	p := sarifPhysical{ArtifactLocation: art}
	if f.Line > 0 {
		p.Region = &sarifRegion{StartLine: f.Line, StartColumn: f.Col}
	}
	return p
}

// uriPath escapes a relative slash-separated path as a URI reference.
func uriPath(p string) string {
	p = path.Clean(p)
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = escapeSegment(s)
	}
	return strings.Join(parts, "/")
}

// escapeSegment percent-encodes what RFC 3986 does not allow in a path
// segment (non-ASCII is encoded as UTF-8 bytes).
func escapeSegment(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '!', c == '$', c == '&', c == '\'',
			c == '(', c == ')', c == '*', c == '+', c == ',', c == ';', c == '=', c == '@':
			b.WriteByte(c)
		default:
			b.WriteString("%" + strings.ToUpper(hex2(c)))
		}
	}
	return b.String()
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}

// Summary is the first sentence of a rule's doc: what it checks.
func Summary(r *Rule) string {
	first, _, _ := strings.Cut(r.Doc, "\n")
	return strings.TrimSpace(first)
}
