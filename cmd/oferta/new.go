package main

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/oferta-dev/oferta/generator/site"
)

//go:embed scaffold
var scaffold embed.FS

var slugRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

func runNew(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(e.stderr, "Usage: oferta new site DIR | oferta new course SLUG [-s DIR]")
		return exitBadInput
	}
	switch args[0] {
	case "site":
		return newSite(ctx, e, args[1:])
	case "course":
		return newCourse(e, args[1:])
	}
	fmt.Fprintf(e.stderr, "oferta new: unknown kind %q; use \"site\" or \"course\"\n", args[0])
	return exitBadInput
}

func newSite(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "new site", "new site DIR [--base-url URL] [--lang ru|en|de|ro] [--jurisdiction ru|eu|de|ro]")
	baseURL := fs.String("base-url", "", "the `address` where the pages will be published, e.g. https://school.example/ (asked for at a terminal; a placeholder to replace otherwise)")
	lang := fs.String("lang", "ru", "the site's `language`: ru, en, de or ro")
	jurisdiction := fs.String("jurisdiction", "", "the `law` lint applies: ru, eu, de or ro (default: ru for ru, eu for en, de for de, ro for ro)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return usageError(e, fs, err)
	}
	if len(pos) != 1 {
		fs.Usage()
		return exitBadInput
	}
	if *baseURL != "" {
		u, err := checkBaseURL(*baseURL)
		if err != nil {
			fmt.Fprintf(e.stderr, "oferta new site: --base-url: %v\n", err)
			return exitBadInput
		}
		*baseURL = u
	}
	dir := pos[0]
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		fmt.Fprintf(e.stderr, "oferta new site: %s already exists and is not empty; choose a new folder\n", dir)
		return exitBadInput
	} else if err != nil && !errors.Is(err, errNotExist) {
		fmt.Fprintf(e.stderr, "oferta new site: %v\n", err)
		return exitBadInput
	}
	sample, ok := scaffoldFor(*lang, *jurisdiction)
	if !ok {
		fmt.Fprintf(e.stderr, "oferta new site: no sample site for --lang %s --jurisdiction %s; use ru/ru, en/eu, de/de or ro/ro and change oferta.toml afterwards\n", *lang, *jurisdiction)
		return exitBadInput
	}
	if *baseURL == "" {
		if in, ok := terminal(ctx); ok {
			*baseURL = askBaseURL(in, e.stdout)
		}
	}
	note := "Set by oferta new site."
	if *baseURL == "" {
		*baseURL = site.SampleBaseURL
		note = "REPLACE the placeholder below with your site's address before publishing: lint reports it until you do."
	}
	cfg, _ := scaffold.ReadFile(sample.config)
	cfgText := strings.NewReplacer("{{EDITION}}", time.Now().Format("2006-01-02"), "{{BASE_URL}}", *baseURL, "{{BASE_URL_NOTE}}", note).Replace(string(cfg))
	course := courseText(sample.course, sample.title)
	files := map[string]string{
		"oferta.toml":               schemaDirective("oferta.toml") + cfgText,
		"content/first-course.toml": schemaDirective("content/first-course.toml") + course,
		".gitignore":                "/public/\n",
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			fmt.Fprintf(e.stderr, "oferta new site: %v\n", err)
			return exitBadInput
		}
		if err := os.WriteFile(full, []byte(files[name]), 0o644); err != nil {
			fmt.Fprintf(e.stderr, "oferta new site: %v\n", err)
			return exitBadInput
		}
	}
	if _, err := writeSchemas(filepath.Join(dir, schemaDir)); err != nil {
		fmt.Fprintf(e.stderr, "oferta new site: %v\n", err)
		return exitBadInput
	}
	fmt.Fprintf(e.stdout, "created a site in %s\n", dir)
	if *baseURL == site.SampleBaseURL {
		fmt.Fprintf(e.stdout, "base_url is a placeholder (%s): replace it with your site's address in oferta.toml\n", site.SampleBaseURL)
	}
	fmt.Fprintf(e.stdout, "\nNext:\n  1. put your own details into %s ([seller])\n  2. describe your courses in %s\n  3. oferta build -s %s   (pages go to %s)\n",
		filepath.Join(dir, "oferta.toml"), filepath.Join(dir, "content"), dir, filepath.Join(dir, "public"))
	return exitOK
}

var errNotExist = fs.ErrNotExist

// siteSample is the scaffold of a site in one language under one law.
type siteSample struct {
	config, course, title string
}

// scaffoldFor returns the sample site for a language and a jurisdiction
// ("" is the language's own).
func scaffoldFor(lang, jurisdiction string) (siteSample, bool) {
	samples := map[string]siteSample{
		"ru": {"scaffold/site/oferta.toml", "scaffold/course.toml", "My first course"},
		"en": {"scaffold/site/oferta.en.toml", "scaffold/course.en.toml", "My first course"},
		"de": {"scaffold/site/oferta.de.toml", "scaffold/course.de.toml", "Mein erster Kurs"},
		"ro": {"scaffold/site/oferta.ro.toml", "scaffold/course.ro.toml", "Primul meu curs"},
	}
	// An English site is for EU law: under Russian law a course must
	// also be published in Russian (ЗоЗПП art. 8), which an English
	// sample cannot be.
	own := map[string]string{"ru": "ru", "en": "eu", "de": "de", "ro": "ro"}
	if jurisdiction == "" {
		jurisdiction = own[lang]
	}
	s, ok := samples[lang]
	return s, ok && jurisdiction == own[lang]
}

// courseFileFor returns the course scaffold in the first language of the
// site in dir: a German site gets a German sample course.
func courseFileFor(dir string) string {
	src, err := os.ReadFile(filepath.Join(dir, "oferta.toml"))
	if err == nil {
		if m := firstLangRE.FindSubmatch(src); m != nil {
			if s, ok := scaffoldFor(string(m[1]), ""); ok {
				return s.course
			}
		}
	}
	return "scaffold/course.toml"
}

var firstLangRE = regexp.MustCompile(`(?m)^languages\s*=\s*\[\s*"([a-z]{2})"`)

func courseText(file, title string) string {
	src, _ := scaffold.ReadFile(file)
	q := strconv.Quote(title)
	return strings.Replace(string(src), `"{{TITLE}}"`, q, 1)
}

func newCourse(e *env, args []string) int {
	fs := newFlags(e, "new course", "new course SLUG [-s DIR]")
	dir := fs.String("s", ".", "the site `folder`")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return usageError(e, fs, err)
	}
	if len(pos) != 1 {
		fs.Usage()
		return exitBadInput
	}
	slug := pos[0]
	if !slugRE.MatchString(slug) {
		fmt.Fprintf(e.stderr, "oferta new course: %q is not a usable slug: use lower-case latin letters, digits and dashes, like \"smm-mentoring\"\n", slug)
		return exitBadInput
	}
	if _, err := os.Stat(filepath.Join(*dir, "oferta.toml")); err != nil {
		fmt.Fprintf(e.stderr, "oferta new course: no oferta.toml in %s: run it inside a site or give -s DIR\n", *dir)
		return exitBadInput
	}
	file := filepath.Join(*dir, "content", slug+".toml")
	if _, err := os.Stat(file); err == nil {
		fmt.Fprintf(e.stderr, "oferta new course: %s already exists\n", file)
		return exitBadInput
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		fmt.Fprintf(e.stderr, "oferta new course: %v\n", err)
		return exitBadInput
	}
	title := strings.ToUpper(slug[:1]) + strings.ReplaceAll(slug[1:], "-", " ")
	if err := os.WriteFile(file, []byte(schemaDirective("content/"+slug+".toml")+courseText(courseFileFor(*dir), title)), 0o644); err != nil {
		fmt.Fprintf(e.stderr, "oferta new course: %v\n", err)
		return exitBadInput
	}
	if err := ensureSchemas(e, *dir); err != nil {
		fmt.Fprintf(e.stderr, "oferta new course: %v\n", err)
		return exitBadInput
	}
	fmt.Fprintf(e.stdout, "created %s\n", file)
	return exitOK
}
