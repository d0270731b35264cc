package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/oferta-dev/oferta/generator/chrometest"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

// embedSrc finds the frames of an embed.md: every iframe's src.
var embedSrc = regexp.MustCompile(`<iframe id="([^"]+)" src="([^"]+)"`)

// Every course of the example school, the EU school and the German and
// Romanian examples gets embed.md in the kit: the contract, the
// calculator widget and, on eu, de and ro sites only, the withdrawal
// function, each at its absolute address under base_url, each a page the
// build writes, and each script taking heights only from the site's
// origin.
func TestKitEmbed(t *testing.T) {
	for _, c := range []struct {
		dir, base string
		eu        bool
		courses   []string
		words     string // from the instructions, in the course's language
	}{
		{repoRoot, "https://school.example/", false, []string{"smm-mentoring", "group-copywriting", "recorded-excel", "en/english-speaking-club"}, "T123"},
		{filepath.Join("testdata", "eu-school"), "https://school.example/", true, []string{"smm-mentoring", "group-copywriting", "recorded-excel"}, "Custom HTML"},
		{filepath.Join(repoRoot, "examples", "de"), "https://sprachschule.example/", true, []string{"deutsch-b1", "aussprache"}, "Individuelles HTML"},
		{filepath.Join(repoRoot, "examples", "ro"), "https://scoala-tei.example/", true, []string{"engleza-b1", "pronuntie"}, "HTML personalizat"},
	} {
		var dir string
		if c.dir == repoRoot {
			dir = sitetest.ExampleSite(t)
		} else {
			dir = sitetest.Copy(t, c.dir)
		}
		pub := mustBuild(t, dir)
		dest := filepath.Join(t.TempDir(), "kit")
		if code, _, stderr := run(t, "kit", "-s", dir, "-d", dest); code != 0 {
			t.Fatalf("kit -s %s: exit %d: %s", c.dir, code, stderr)
		}
		kit := sitetest.ReadTree(t, dest)
		origin := strings.TrimSuffix(c.base, "/")
		ids := map[string]string{}
		for _, course := range c.courses {
			md, ok := kit[course+"/embed.md"]
			if !ok {
				t.Errorf("%s: kit lacks %s/embed.md", c.dir, course)
				continue
			}
			want := map[string]bool{
				c.base + course + "/oferta/":   true,
				c.base + course + "/widget/":   true,
				c.base + course + "/withdraw/": c.eu,
			}
			var srcs []string
			for _, m := range embedSrc.FindAllStringSubmatch(md, -1) {
				srcs = append(srcs, m[2])
				if other, dup := ids[m[1]]; dup {
					t.Errorf("%s: frame id %s in %s and %s", c.dir, m[1], other, course)
				}
				ids[m[1]] = course
				page := strings.TrimPrefix(m[2], c.base) + "index.html"
				if _, ok := pub[page]; !ok {
					t.Errorf("%s/%s: the snippet embeds %s, which the build does not write", c.dir, course, m[2])
				}
			}
			for u, in := range want {
				if got := strings.Contains(strings.Join(srcs, " "), u); got != in {
					t.Errorf("%s/%s: embeds %s: %v, want %v; frames %v", c.dir, course, u, got, in, srcs)
				}
			}
			if n := strings.Count(md, `event.origin !== "`+origin+`"`); n != len(srcs) || n < 2 {
				t.Errorf("%s/%s: %d scripts check the origin %s, for %d frames", c.dir, course, n, origin, len(srcs))
			}
			for _, w := range []string{"Tilda", "WordPress", "GetCourse", c.words} {
				if !strings.Contains(md, w) {
					t.Errorf("%s/%s: embed.md lacks %q", c.dir, course, w)
				}
			}
			if !strings.Contains(kit["index.html"], "embed-") || !strings.Contains(kit["index.html"], "&lt;iframe id=&#34;oferta-") {
				t.Errorf("%s: index.html has no embed snippets to copy", c.dir)
			}
		}
	}
}

// kitSnippet runs oferta kit on dir and returns the snippet of course
// whose frame id ends with kind ("calculator", "withdraw").
func kitSnippet(t *testing.T, dir, course, kind string) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "kit")
	if code, _, stderr := run(t, "kit", "-s", dir, "-d", dest); code != 0 {
		t.Fatalf("kit: exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(dest, course, "embed.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, block := range strings.Split(string(data), "```html\n")[1:] {
		code, _, _ := strings.Cut(block, "\n```")
		if strings.Contains(code, `-`+kind+`" src=`) {
			return code
		}
	}
	t.Fatalf("embed.md of %s has no %s snippet:\n%s", course, kind, data)
	return ""
}

// schoolAt serves dir's public/ and points dir's base_url at the server,
// so that the kit's snippets name the server's origin.
func schoolAt(t *testing.T, dir string) *httptest.Server {
	t.Helper()
	school := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(dir, "public"))))
	t.Cleanup(school.Close)
	toml := filepath.Join(dir, "oferta.toml")
	data, err := os.ReadFile(toml)
	if err != nil {
		t.Fatal(err)
	}
	cfg := regexp.MustCompile(`(?m)^base_url = ".*"$`).ReplaceAllString(string(data), `base_url = "`+school.URL+`/"`)
	if cfg == string(data) {
		t.Fatal("oferta.toml has no base_url line")
	}
	sitetest.WriteFile(t, toml, cfg)
	mustBuild(t, dir)
	return school
}

// shopWith serves, from another origin, a sales page with snippet pasted
// into it, as Tilda, WordPress or GetCourse would.
func shopWith(t *testing.T, snippet string) *httptest.Server {
	t.Helper()
	shop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<!doctype html><html><body><h1>Shop</h1>"+snippet+"</body></html>")
	}))
	t.Cleanup(shop.Close)
	return shop
}

// waitHeight waits until the page's first frame is at least min pixels
// high and returns its height.
func waitHeight(ctx context.Context, min int) int {
	n := 0
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		h, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("iframe").style.height`))
		if n, _ = strconv.Atoi(strings.TrimSuffix(h, "px")); err == nil && n >= min {
			return n
		}
	}
	return n
}

// TestKitEmbedSnippetOnAnotherOrigin pastes the kit's own calculator
// snippet into a page served from another origin: the frame loads the
// widget from the school's origin and takes its height; a resize message
// from anywhere else changes nothing.
func TestKitEmbedSnippetOnAnotherOrigin(t *testing.T) {
	ctx := chrometest.New(t, 2*time.Minute)
	dir := sitetest.ExampleSite(t)
	school := schoolAt(t, dir)
	snippet := kitSnippet(t, dir, "smm-mentoring", "calculator")
	if !strings.Contains(snippet, `src="`+school.URL+`/smm-mentoring/widget/"`) {
		t.Fatalf("the snippet does not embed the school's widget:\n%s", snippet)
	}
	shop := shopWith(t, snippet)
	if shop.URL == school.URL {
		t.Fatal("one origin")
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(shop.URL)); err != nil {
		t.Fatal(err)
	}
	h := waitHeight(ctx, 200)
	if h < 200 || h == 480 {
		t.Fatalf("the frame did not take the widget's height (%dpx)", h)
	}
	// The shop's own page (another origin, not the frame) cannot set it.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.postMessage({oferta: "resize", height: 7}, "*"), true`)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if got := waitHeight(ctx, 0); got != h {
		t.Errorf("a message from the shop's page set the frame to %dpx (was %dpx)", got, h)
	}
	// The frame shows the widget: its calculator, from the school.
	frames, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.CSS("iframe")))
	if err != nil || len(frames) != 1 {
		t.Fatalf("frames: %v, %v", frames, err)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("#calculator"), chromedp.FromNode(frames[0]))); err != nil {
		t.Errorf("no calculator in the frame: %v", err)
	}
}

// TestWithdrawalFunctionInAFrame embeds a course's withdrawal function
// of the EU school, with the kit's own snippet, into a page from another
// origin: the frame takes the page's height and shows the button
// "Withdraw from contract here"; pressed, it shows the form.
func TestWithdrawalFunctionInAFrame(t *testing.T) {
	browser := chrometest.New(t, 2*time.Minute)
	ctx := tab(t, browser, false)
	dir := euSchool(t, "")
	school := schoolAt(t, dir)
	snippet := kitSnippet(t, dir, "smm-mentoring", "withdraw")
	if !strings.Contains(snippet, `src="`+school.URL+`/smm-mentoring/withdraw/"`) {
		t.Fatalf("the snippet does not embed the withdrawal function:\n%s", snippet)
	}
	shop := shopWith(t, snippet)
	if err := chromedp.Do(ctx, chromedp.Navigate(shop.URL)); err != nil {
		t.Fatal(err)
	}
	if h := waitHeight(ctx, 150); h < 150 || h == 640 {
		t.Errorf("the frame did not take the withdrawal page's height (%dpx)", h)
	}
	frames, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.CSS("iframe")))
	if err != nil || len(frames) != 1 {
		t.Fatalf("frames: %v, %v", frames, err)
	}
	in := chromedp.FromNode(frames[0])
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("#withdraw-start"), in)); err != nil {
		t.Fatalf("no withdrawal button in the frame: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#withdraw-start"), in), chromedp.WaitVisible(chromedp.CSS("#wd-name"), in), chromedp.WaitVisible(chromedp.CSS("#withdraw-confirm"), in)); err != nil {
		t.Errorf("in the frame the button does not open the form: %v", err)
	}
}

// Once an edition is frozen, the contract's snippet embeds that edition's
// permanent page, which the build writes and which loads frame.js like
// every page; the note no longer asks to freeze.
func TestKitEmbedFrozenEdition(t *testing.T) {
	t.Setenv("OFERTA_TODAY", "2026-12-05")
	dir := sitetest.Copy(t, filepath.Join("testdata", "eu-school"))
	freezeForKit(t, dir)
	pub := mustBuild(t, dir)
	dest := filepath.Join(t.TempDir(), "kit")
	if code, _, stderr := run(t, "kit", "-s", dir, "-d", dest); code != 0 {
		t.Fatalf("kit: exit %d: %s", code, stderr)
	}
	for _, course := range []string{"smm-mentoring", "group-copywriting", "recorded-excel"} {
		md := sitetest.ReadTree(t, dest)[course+"/embed.md"]
		want := `src="https://school.example/` + course + `/oferta/2026-11-01/"`
		if !strings.Contains(md, want) || strings.Contains(md, "oferta freeze") {
			t.Errorf("%s: embed.md does not embed the frozen edition (%s) or still asks to freeze:\n%s", course, want, md)
		}
		page := pub[course+"/oferta/2026-11-01/index.html"]
		if !strings.Contains(page, "frame.js") {
			t.Errorf("%s: the frozen edition's page is missing or loads no frame.js", course)
		}
	}
}
