package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// fillSeller replaces the scaffold's sample site address and seller with
// other details, one key at a time, as a user editing oferta.toml does.
func fillSeller(t *testing.T, file string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for key, value := range map[string]string{
		"base_url": "https://kurse.lindenhof-akademie.de/",
		"name":     "Lindenhof Akademie UG (haftungsbeschränkt)",
		"vat_id":   "DE287654321",
		"register": "Amtsgericht Leipzig, HRB 39127",
		"address":  "Karl-Liebknecht-Straße 45, 04275 Leipzig",
		"email":    "kurse@lindenhof-akademie.de",
		"phone":    "+49 341 5550123",
	} {
		re := regexp.MustCompile(`(?m)^` + key + ` = "[^"]*"`)
		if !re.MatchString(s) {
			t.Fatalf("%s: no %s to fill in", file, key)
		}
		s = re.ReplaceAllString(s, key+` = "`+value+`"`)
	}
	if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestNewSiteDeRo scaffolds a German and a Romanian site, fills in the
// seller as a user would, adds a course to each and checks that they lint
// clean (not even a warning) and build, in their own language, with the
// statutory texts of their law.
func TestNewSiteDeRo(t *testing.T) {
	for _, tc := range []struct{ lang, statutory string }{
		{"de", "Muster-Widerrufsformular"},
		{"ro", "Model de formular de retragere"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "school")
			if code, _, stderr := run(t, "new", "site", dir, "--lang", tc.lang, "--jurisdiction", tc.lang); code != 0 {
				t.Fatalf("new site exited %d: %s", code, stderr)
			}
			fillSeller(t, filepath.Join(dir, "oferta.toml"))
			if code, _, stderr := run(t, "new", "course", "second", "-s", dir); code != 0 {
				t.Fatalf("new course exited %d: %s", code, stderr)
			}
			if code, out, _ := run(t, "lint", "--strict", "-s", dir); code != 0 {
				t.Fatalf("lint --strict exited %d:\n%s", code, out)
			}
			tree := mustBuild(t, dir)
			for _, p := range []string{"first-course/oferta/index.html", "second/oferta/index.html"} {
				page, ok := tree[p]
				if !ok {
					t.Fatalf("no %s", p)
				}
				if !strings.Contains(page, `<html lang="`+tc.lang+`"`) {
					t.Errorf("%s: not <html lang=%q>", p, tc.lang)
				}
				if !strings.Contains(page, tc.statutory) {
					t.Errorf("%s: no %q", p, tc.statutory)
				}
			}
		})
	}
	if code, _, _ := run(t, "new", "site", filepath.Join(t.TempDir(), "x"), "--lang", "de", "--jurisdiction", "ru"); code != 2 {
		t.Errorf("new site --lang de --jurisdiction ru: exit %d, want 2", code)
	}
}
