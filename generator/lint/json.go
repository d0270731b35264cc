package lint

import (
	"encoding/json"
	"io"
)

// jsonReport is the JSON output: {"findings":[…],"errors":N,"warnings":M}.
type jsonReport struct {
	Findings []jsonFinding `json:"findings"`
	Errors   int           `json:"errors"`
	Warnings int           `json:"warnings"`
}

type jsonFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Course   string `json:"course"`
}

// WriteJSON prints findings as one JSON object. findings is always an
// array, empty when there are none; line and column are 0 when unknown,
// course is "" for a site-wide finding.
func WriteJSON(w io.Writer, fs []Finding) error {
	r := jsonReport{Findings: make([]jsonFinding, 0, len(fs))}
	for _, f := range fs {
		r.Findings = append(r.Findings, jsonFinding{
			Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message,
			File: f.File, Line: f.Line, Column: f.Col, Course: f.Course,
		})
	}
	r.Errors, r.Warnings = Count(fs)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
