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
		"title":    "Lindenhof Akademie",
		"base_url": "https://kurse.lindenhof-akademie.de/",
		"name":     "Lindenhof Akademie UG (haftungsbeschränkt)",
		"vat_id":   "DE287654321",
		"register": "Amtsgericht Leipzig, HRB 39127",
		"address":  "Karl-Liebknecht-Straße 45, 04275 Leipzig",
		"email":    "kurse@lindenhof-akademie.de",
		"phone":    "+49 341 5550123",
		// Only the German sample (a GmbH) names a representative.
		"representative": "Anna Lindner (Geschäftsführerin)",
	} {
		re := regexp.MustCompile(`(?m)^` + key + ` = "[^"]*"`)
		if !re.MatchString(s) && key == "representative" {
			continue
		}
		if !re.MatchString(s) {
			t.Fatalf("%s: no %s to fill in", file, key)
		}
		s = re.ReplaceAllString(s, key+` = "`+value+`"`)
	}
	if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// fillCourses replaces the placeholder texts of every course the scaffold
// wrote, as seller/sample asks a user to.
func fillCourses(t *testing.T, dir string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "content", "*.toml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no courses in %s: %v", dir, err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		for key, value := range map[string]string{
			"for_whom": "Erwachsene mit Grundkenntnissen. / Adulți cu noțiuni de bază. / Adults with basic skills.",
			"results":  "Sicherer im Gespräch. / Mai multă siguranță în conversație. / More confidence in conversation.",
		} {
			re := regexp.MustCompile(`(?m)^` + key + ` = "[^"]*"`)
			if !re.MatchString(s) {
				t.Fatalf("%s: no %s to fill in", f, key)
			}
			s = re.ReplaceAllString(s, key+` = "`+value+`"`)
		}
		if err := os.WriteFile(f, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestNewSiteDeRo scaffolds a German and a Romanian site, fills in the
// seller as a user would, adds a course to each and checks that they lint
// clean (not even a warning) and build, in their own language, with the
// statutory texts of their law.
func TestNewSiteDeRo(t *testing.T) {
	for _, tc := range []struct{ lang, jurisdiction, statutory string }{
		{"de", "de", "Muster-Widerrufsformular"},
		{"ro", "ro", "Model de formular de retragere"},
		{"en", "eu", "Model withdrawal form"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "school")
			if code, _, stderr := run(t, "new", "site", dir, "--lang", tc.lang, "--jurisdiction", tc.jurisdiction); code != 0 {
				t.Fatalf("new site exited %d: %s", code, stderr)
			}
			fillSeller(t, filepath.Join(dir, "oferta.toml"))
			if code, _, stderr := run(t, "new", "course", "second", "-s", dir); code != 0 {
				t.Fatalf("new course exited %d: %s", code, stderr)
			}
			// Untouched, the scaffold's samples are findings.
			if code, out, _ := run(t, "lint", "-s", dir); code != 1 || !strings.Contains(out, "[seller/sample]") {
				t.Errorf("the untouched sample site: lint exit %d, want 1 with seller/sample:\n%s", code, out)
			}
			fillCourses(t, dir)
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
	for _, bad := range [][2]string{{"de", "ru"}, {"en", "ru"}} {
		if code, _, _ := run(t, "new", "site", filepath.Join(t.TempDir(), "x"), "--lang", bad[0], "--jurisdiction", bad[1]); code != 2 {
			t.Errorf("new site --lang %s --jurisdiction %s: exit %d, want 2", bad[0], bad[1], code)
		}
	}
}
