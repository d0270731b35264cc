package lint_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/oferta-dev/oferta/generator/lint"
)

var sample = []lint.Finding{
	{Rule: "refund/bank-fee", Severity: lint.Warning, Message: "fee: 3 %, 100%\nnext", File: "a,b:c.toml", Line: 4, Col: 2, Course: "smm"},
	{Rule: "seller/requisites-missing", Severity: lint.Error, Message: "no ogrn", File: "oferta.toml", Line: 5, Col: 1},
}

func TestWriteText(t *testing.T) {
	var b bytes.Buffer
	if err := lint.WriteText(&b, sample[1:]); err != nil {
		t.Fatal(err)
	}
	if want := "oferta.toml:5:1: error: no ogrn [seller/requisites-missing]\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	if err := lint.WriteJSON(&b, nil); err != nil {
		t.Fatal(err)
	}
	var empty map[string]any
	if err := json.Unmarshal(b.Bytes(), &empty); err != nil {
		t.Fatal(err)
	}
	if fs, ok := empty["findings"].([]any); !ok || len(fs) != 0 || empty["errors"] != 0.0 || empty["warnings"] != 0.0 {
		t.Errorf("no findings: got %s", b.String())
	}
	b.Reset()
	if err := lint.WriteJSON(&b, sample); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Findings []map[string]any `json:"findings"`
		Errors   int              `json:"errors"`
		Warnings int              `json:"warnings"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Errors != 1 || got.Warnings != 1 || len(got.Findings) != 2 {
		t.Fatalf("got %s", b.String())
	}
	f := got.Findings[0]
	want := map[string]any{"rule": "refund/bank-fee", "severity": "warning", "message": "fee: 3 %, 100%\nnext", "file": "a,b:c.toml", "line": 4.0, "column": 2.0, "course": "smm"}
	for k, v := range want {
		if f[k] != v {
			t.Errorf("%s = %v, want %v", k, f[k], v)
		}
	}
	if len(f) != len(want) {
		t.Errorf("keys %v, want exactly %v", f, want)
	}
}

func TestWriteGitHub(t *testing.T) {
	var b bytes.Buffer
	if err := lint.WriteGitHub(&b, sample); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=a%2Cb%3Ac.toml,line=4,col=2,title=refund/bank-fee::fee: 3 %25, 100%25%0Anext\n" +
		"::error file=oferta.toml,line=5,col=1,title=seller/requisites-missing::no ogrn\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
