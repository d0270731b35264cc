package site

import (
	"strings"
	"testing"
)

// learning_control defaults to true unless the course is recorded, is
// read strictly, and the ZFU number's form is checked.
func TestLearningControl(t *testing.T) {
	cfg := &Config{Languages: []string{"de"}, Currency: "EUR", Jurisdiction: "de"}
	base := "title = \"K\"\nprice = 100\n[duration]\nunit = \"week\"\ncount = 4\n"
	tests := []struct {
		head string
		want bool
		err  string
	}{
		{`format = "group"`, true, ""},
		{`format = "personal"`, true, ""},
		{`format = "recorded"`, false, ""},
		{"format = \"recorded\"\nlearning_control = true", true, ""},
		{"format = \"group\"\nlearning_control = false", false, ""},
		{"format = \"group\"\nlearning_control = \"yes\"", false, "learning_control"},
	}
	for _, tt := range tests {
		c, err := decodeCourse("content/k.toml", tt.head+"\n"+base, cfg)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%q: error %v, want one naming %s", tt.head, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%q: %v", tt.head, err)
		}
		if c.LearningControl != tt.want {
			t.Errorf("%q: LearningControl = %v, want %v", tt.head, c.LearningControl, tt.want)
		}
	}
	for zfu, ok := range map[string]bool{"7312345": true, "7312345c": true, "123456": true, "": false, "ZFU 7312345": false, "12345": false, "73123456": false, "7312345C": false} {
		if ValidZFU(zfu) != ok {
			t.Errorf("ValidZFU(%q) = %v, want %v", zfu, !ok, ok)
		}
	}
}
