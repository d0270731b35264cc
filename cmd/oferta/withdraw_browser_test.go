package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/oferta-dev/oferta/generator/chrometest"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

// withdrawFields are the fields the withdrawal function sends, as README
// ("EU sellers") documents them for form services.
var withdrawFields = []string{"contract_url", "course", "email", "name", "order", "sent_at", "withdrawal"}

// euSchool copies the EU variant of the example school into a temporary
// folder, with extra appended to its oferta.toml.
func euSchool(t *testing.T, extra string) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join("testdata", "eu-school")
	sitetest.CopyFile(t, filepath.Join(src, "oferta.toml"), filepath.Join(dir, "oferta.toml"))
	sitetest.CopyTree(t, filepath.Join(src, "content"), filepath.Join(dir, "content"))
	if extra != "" {
		f, err := os.OpenFile(filepath.Join(dir, "oferta.toml"), os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.WriteString("\n" + extra); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	return dir
}

// fillWithdrawal opens the form with "Withdraw from contract here", fills
// it in as a consumer would and presses "Confirm withdrawal". course is
// typed into the course field, which a course's own page fills in
// already ("" leaves it so).
func fillWithdrawal(name, course, order, email string) chromedp.Action[chromedp.Void] {
	var typeCourse chromedp.Action[chromedp.Void] = chromedp.Steps()
	if course != "" {
		typeCourse = chromedp.SendKeys(chromedp.CSS("#wd-course"), course)
	}
	wantCourse := course
	return chromedp.Steps(
		chromedp.WaitVisible(chromedp.CSS("#withdraw-start")),
		chromedp.Click(chromedp.CSS("#withdraw-start")),
		chromedp.WaitVisible(chromedp.CSS("#wd-name")),
		chromedp.SendKeys(chromedp.CSS("#wd-name"), name),
		typeCourse,
		chromedp.SendKeys(chromedp.CSS("#wd-order"), order),
		chromedp.SendKeys(chromedp.CSS("#wd-email"), email),
		// A busy machine may hand the keystrokes to the page after the
		// typing returned: confirm only once every field holds its text.
		settled("#wd-name", name), settled("#wd-order", order), settled("#wd-email", email),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			if wantCourse == "" {
				return nil
			}
			_, err := settled("#wd-course", wantCourse)(ctx, t)
			return err
		}),
		chromedp.Click(chromedp.CSS("#withdraw-confirm")),
	)
}

// settled waits, up to 10 seconds, until the field sel holds text.
func settled(sel, text string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		deadline := time.Now().Add(10 * time.Second)
		for {
			v, err := chromedp.Value(chromedp.CSS(sel))(ctx, t)
			if err != nil {
				return err
			}
			if v == text || time.Now().After(deadline) {
				return nil
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
}

// tab opens a new tab of the test's browser; with noScript the page runs
// no JavaScript.
func tab(t *testing.T, browser context.Context, noScript bool) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	// Reduced motion turns off the theme's smooth scrolling: a click
	// computed while the page still glides to #withdraw-form would land
	// beside "Confirm withdrawal" and submit nothing.
	reduce := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}}}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, reduce); err != nil {
		t.Fatal(err)
	}
	if noScript {
		if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			t.Fatal(err)
		}
	}
	return ctx
}

// TestWithdrawalFunctionEndpoint walks the withdrawal function of the EU
// school with a form service: the service receives exactly the documented
// fields, with JavaScript and without it, and with JavaScript the page
// then shows the withdrawal's text with its date and time.
func TestWithdrawalFunctionEndpoint(t *testing.T) {
	browser := chrometest.New(t, 3*time.Minute)
	got := make(chan url.Values, 4)
	service := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			http.Error(w, "POST only", http.StatusMethodNotAllowed)
			return
		}
		if err := r.ParseForm(); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		got <- r.PostForm
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("<!doctype html><title>Received</title><p>Received."))
	}))
	defer service.Close()
	dir := euSchool(t, "[withdrawal]\nendpoint = \""+service.URL+"/withdraw\"\n")
	mustBuild(t, dir)
	site := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(dir, "public"))))
	defer site.Close()

	for _, noScript := range []bool{false, true} {
		ctx := tab(t, browser, noScript)
		if err := chromedp.Do(ctx, chromedp.Navigate(site.URL+"/smm-mentoring/withdraw/"), fillWithdrawal("Jana Novak", "", "A-1042", "jana@example.org")); err != nil {
			t.Fatalf("noScript=%v: %v", noScript, err)
		}
		var form url.Values
		select {
		case form = <-got:
		case <-time.After(20 * time.Second):
			t.Fatalf("noScript=%v: the form service received nothing", noScript)
		}
		var keys []string
		for k := range form {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if !slices.Equal(keys, withdrawFields) {
			t.Errorf("noScript=%v: the service received fields %v, want exactly %v", noScript, keys, withdrawFields)
		}
		want := map[string]string{
			"name":         "Jana Novak",
			"order":        "A-1042",
			"email":        "jana@example.org",
			"course":       "SMM mentoring: 8 weeks",
			"contract_url": "https://school.example/smm-mentoring/oferta/",
			"withdrawal":   "I hereby give notice that I withdraw from my contract for the provision of the following service.",
		}
		for k, v := range want {
			if form.Get(k) != v {
				t.Errorf("noScript=%v: field %s = %q, want %q", noScript, k, form.Get(k), v)
			}
		}
		if noScript {
			if form.Get("sent_at") != "" {
				t.Errorf("without JavaScript sent_at = %q, want empty", form.Get("sent_at"))
			}
			continue
		}
		if _, err := time.Parse(time.RFC3339, form.Get("sent_at")); err != nil {
			t.Errorf("sent_at = %q is not a time: %v", form.Get("sent_at"), err)
		}
		text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#withdraw-text"), chromedp.NodeVisible))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{"Sokolova Learning OÜ", "I hereby give notice", "SMM mentoring: 8 weeks", "A-1042", "Jana Novak", "jana@example.org", "Date and time: ", "2026"} {
			if s == "2026" {
				s = time.Now().Format("2006")
			}
			if !strings.Contains(text, s) {
				t.Errorf("the withdrawal's text lacks %q:\n%s", s, text)
			}
		}
	}
}

// TestWithdrawalFunctionMail walks the withdrawal function of the EU
// school without a form service: "Confirm withdrawal" composes an e-mail
// to seller.email that carries the consumer's name, the contract and the
// e-mail address, with JavaScript and without it.
func TestWithdrawalFunctionMail(t *testing.T) {
	browser := chrometest.New(t, 3*time.Minute)
	dir := euSchool(t, "")
	mustBuild(t, dir)
	site := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(dir, "public"))))
	defer site.Close()

	isMail := func(ev page.EventFrameRequestedNavigation) bool { return strings.HasPrefix(ev.URL, "mailto:") }
	for _, noScript := range []bool{false, true} {
		ctx := tab(t, browser, noScript)
		if err := chromedp.Do(ctx, chromedp.Navigate(site.URL+"/withdraw/")); err != nil {
			t.Fatal(err)
		}
		fill := fillWithdrawal("Jana Novak", "Excel for analysts", "paid on 2 December 2026", "jana@example.org")
		var composed string
		if noScript {
			// The browser hands the form's fields to the e-mail
			// program (HTML's "mail as body"): catch the navigation.
			wctx, cancel := context.WithTimeout(ctx, 60*time.Second)
			ev, err := chromedp.Run(wctx, chromedp.WaitEvent(page.FrameRequestedNavigation, isMail, fill))
			cancel()
			if err != nil {
				t.Fatalf("without JavaScript no e-mail was composed: %v", err)
			}
			composed = ev.URL
		} else {
			if err := chromedp.Do(ctx, fill); err != nil {
				t.Fatal(err)
			}
			res, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("#withdraw-mailto"), "href", chromedp.NodeVisible))
			if err != nil {
				t.Fatal(err)
			}
			composed = res.Value
		}
		mail, err := url.Parse(composed)
		if err != nil {
			t.Fatal(err)
		}
		if mail.Scheme != "mailto" || mail.Opaque != "hello@school.example" {
			t.Errorf("noScript=%v: the e-mail goes to %q", noScript, composed)
		}
		q := mail.Query()
		body := q.Get("body")
		if !strings.HasPrefix(q.Get("subject"), "Withdrawal from the contract") {
			t.Errorf("noScript=%v: subject %q", noScript, q.Get("subject"))
		}
		for _, s := range []string{"Jana Novak", "Excel for analysts", "paid on 2 December 2026", "jana@example.org", "I hereby give notice"} {
			if !strings.Contains(body, s) {
				t.Errorf("noScript=%v: the e-mail's body lacks %q:\n%s", noScript, s, body)
			}
		}
		if noScript {
			continue
		}
		// With JavaScript the page keeps the withdrawal's text and a
		// link that opens the same e-mail again.
		text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#withdraw-text")))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(text, "Date and time: ") || !strings.Contains(text, "Jana Novak") {
			t.Errorf("the withdrawal's text on the page:\n%s", text)
		}
	}
}
