package lint_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta/generator/lint"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

// sarifFindings are the findings of a fixture, plus findings in places a
// fixture does not reach: a built-in clause, a file name with non-ASCII
// letters, a finding without a line.
func sarifFindings(t *testing.T) []lint.Finding {
	t.Helper()
	dir, _ := sitetest.Txtar(t, filepath.Join("testdata", "lint-unknown-rule", "fires.txtar"), "want")
	checked, err := pipeline.Check(dir, builtin())
	if err != nil {
		t.Fatal(err)
	}
	fs := append([]lint.Finding(nil), checked.Findings...)
	fs = append(fs,
		lint.Finding{Rule: "template/invalid", Severity: lint.Error, Message: "the template does not parse", File: "builtin:clauses/ru/refund/grounds/withdrawal.md", Line: 14, Col: 3},
		lint.Finding{Rule: "refund/bank-fee", Severity: lint.Warning, Message: "a fee, 3 %", File: "content/курсы/smm mentoring.toml", Line: 4, Col: 1, Course: "smm"},
		lint.Finding{Rule: "clause/duplicate", Severity: lint.Error, Message: "no line", File: "clauses/ru/sections.toml"},
	)
	lint.Sort(fs)
	return fs
}

func TestSARIFShape(t *testing.T) {
	fs := sarifFindings(t)
	var a, b bytes.Buffer
	if err := lint.WriteSARIF(&a, fs, "1.2.3"); err != nil {
		t.Fatal(err)
	}
	if err := lint.WriteSARIF(&b, fs, "1.2.3"); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("the same findings give different SARIF bytes")
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			ColumnKind string `json:"columnKind"`
			Tool       struct {
				Driver struct {
					Name, Version, InformationURI string
					Rules                         []struct {
						ID                   string `json:"id"`
						DefaultConfiguration struct{ Level string }
						Help                 struct{ Text string }
					}
				}
			}
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						}
						Region *struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(a.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("version %q, %d runs", log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	// oferta's columns count runes: SARIF must be told, or a viewer
	// counts UTF-16 code units.
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind = %q, want \"unicodeCodePoints\"", run.ColumnKind)
	}
	d := run.Tool.Driver
	if d.Name != "oferta" || d.Version != "1.2.3" || d.InformationURI == "" || len(d.Rules) != len(lint.Rules) {
		t.Errorf("driver: %q %q %q, %d rules", d.Name, d.Version, d.InformationURI, len(d.Rules))
	}
	if len(run.Results) != len(fs) {
		t.Fatalf("%d results for %d findings", len(run.Results), len(fs))
	}
	uris := map[string]string{}
	for i, r := range run.Results {
		f := fs[i]
		if r.RuleID != f.Rule || d.Rules[r.RuleIndex].ID != f.Rule || r.Level != f.Severity.String() || r.Message.Text != f.Message {
			t.Errorf("result %d = %+v, finding %+v", i, r, f)
		}
		loc := r.Locations[0].PhysicalLocation
		uris[f.File] = loc.ArtifactLocation.URIBaseID + "|" + loc.ArtifactLocation.URI
		if f.Line > 0 && (loc.Region == nil || loc.Region.StartLine != f.Line || loc.Region.StartColumn != f.Col) {
			t.Errorf("result %d: region %+v, finding at %d:%d", i, loc.Region, f.Line, f.Col)
		}
		if f.Line == 0 && loc.Region != nil {
			t.Errorf("result %d: a region for a finding without a line", i)
		}
	}
	for file, want := range map[string]string{
		"oferta.toml": "|oferta.toml",
		"builtin:clauses/ru/refund/grounds/withdrawal.md": "BUILTIN|clauses/ru/refund/grounds/withdrawal.md",
		"content/курсы/smm mentoring.toml":                "|content/%D0%BA%D1%83%D1%80%D1%81%D1%8B/smm%20mentoring.toml",
	} {
		if uris[file] != want {
			t.Errorf("uri of %s = %q, want %q", file, uris[file], want)
		}
	}
}

// TestSARIFValidates runs the SARIF Multitool's validator over the output.
// OFERTA_SARIF_MULTITOOL is the path of its executable: after
// "npm install @microsoft/sarif-multitool-linux" in a folder, it is
// node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool there.
func TestSARIFValidates(t *testing.T) {
	tool := os.Getenv("OFERTA_SARIF_MULTITOOL")
	if tool == "" {
		msg := "SARIF NOT VALIDATED: set OFERTA_SARIF_MULTITOOL to the SARIF Multitool executable (npm install @microsoft/sarif-multitool-linux; node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool)"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "oferta.sarif")
	out := filepath.Join(dir, "validation.sarif")
	var buf bytes.Buffer
	if err := lint.WriteSARIF(&buf, sarifFindings(t), "1.2.3"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(tool, "validate", "--output", out, in)
	console, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s validate: %v\n%s", tool, err, console)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("no validation log: %v\n%s", err, console)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID  string `json:"ruleId"`
				Level   string `json:"level"`
				Message struct {
					Text string `json:"text"`
				} `json:"message"`
			} `json:"results"`
			Invocations []struct {
				ExecutionSuccessful        bool `json:"executionSuccessful"`
				ToolExecutionNotifications []struct {
					Level   string `json:"level"`
					Message struct {
						Text string `json:"text"`
					} `json:"message"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	readable := false
	for _, run := range log.Runs {
		for _, inv := range run.Invocations {
			if !inv.ExecutionSuccessful {
				t.Errorf("the validator did not run successfully:\n%s", console)
			}
			for _, n := range inv.ToolExecutionNotifications {
				if n.Level == "error" {
					t.Errorf("validator: %s", n.Message.Text)
				}
			}
		}
		for _, r := range run.Results {
			// A result without a level is a warning. The validator's own
			// warnings are advice; they are shown, not failed.
			if r.Level == "error" {
				t.Errorf("the validator reports error %s", r.RuleID)
			}
			if r.RuleID == "SARIF2017" {
				readable = true
			}
		}
	}
	// The validator says nothing at all about a file it cannot
	// deserialize (an unknown enum value, say). The finding without a line
	// always draws warning SARIF2017 (no region): seeing it proves the
	// file was read.
	if !readable {
		t.Errorf("the validator did not read the file (no SARIF2017 for the finding without a line)")
	}
	if t.Failed() || strings.Contains(string(console), "warning") {
		t.Logf("validator output:\n%s", console)
	}
}
