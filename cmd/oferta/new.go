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
		return newSite(e, args[1:])
	case "course":
		return newCourse(e, args[1:])
	}
	fmt.Fprintf(e.stderr, "oferta new: unknown kind %q; use \"site\" or \"course\"\n", args[0])
	return exitBadInput
}

func newSite(e *env, args []string) int {
	fs := newFlags(e, "new site", "new site DIR")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return usageError(e, fs, err)
	}
	if len(pos) != 1 {
		fs.Usage()
		return exitBadInput
	}
	dir := pos[0]
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		fmt.Fprintf(e.stderr, "oferta new site: %s already exists and is not empty; choose a new folder\n", dir)
		return exitBadInput
	} else if err != nil && !errors.Is(err, errNotExist) {
		fmt.Fprintf(e.stderr, "oferta new site: %v\n", err)
		return exitBadInput
	}
	cfg, _ := scaffold.ReadFile("scaffold/site/oferta.toml")
	cfgText := strings.Replace(string(cfg), "{{EDITION}}", time.Now().Format("2006-01-02"), 1)
	course := courseText("My first course")
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
	fmt.Fprintf(e.stdout, "created a site in %s\n\nNext:\n  1. put your own details into %s ([seller])\n  2. describe your courses in %s\n  3. oferta build -s %s   (pages go to %s)\n",
		dir, filepath.Join(dir, "oferta.toml"), filepath.Join(dir, "content"), dir, filepath.Join(dir, "public"))
	return exitOK
}

var errNotExist = fs.ErrNotExist

func courseText(title string) string {
	src, _ := scaffold.ReadFile("scaffold/course.toml")
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
	if err := os.WriteFile(file, []byte(schemaDirective("content/"+slug+".toml")+courseText(title)), 0o644); err != nil {
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
