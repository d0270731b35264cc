package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
)

// terminalKey marks a context whose command was started by a person at a
// terminal, who can answer a question. Only main sets it, and only when
// standard input is a terminal: commands run by tests, scripts and CI
// never ask anything.
type terminalKey struct{}

// interactive returns ctx marked as interactive when in is a terminal.
func interactive(ctx context.Context, in *os.File) context.Context {
	if !isTerminal(in) {
		return ctx
	}
	return withTerminal(ctx, in)
}

// withTerminal marks ctx as interactive, with answers read from in.
func withTerminal(ctx context.Context, in io.Reader) context.Context {
	return context.WithValue(ctx, terminalKey{}, bufio.NewReader(in))
}

// terminal returns where a question's answer is read from, if anyone is
// there to answer.
func terminal(ctx context.Context) (*bufio.Reader, bool) {
	r, ok := ctx.Value(terminalKey{}).(*bufio.Reader)
	return r, ok
}

// checkBaseURL returns the site address as oferta.toml wants it: an
// absolute http(s) URL with a host, ending in "/".
func checkBaseURL(s string) (string, error) {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("%q is not a site address; write it in full, like https://school.example/", s)
	}
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return s, nil
}

// askBaseURL asks for the site's address until it gets a usable one or an
// empty answer ("" then: the scaffold writes the placeholder).
func askBaseURL(in *bufio.Reader, out io.Writer) string {
	for range 3 {
		fmt.Fprint(out, "The address where you will publish the pages (base_url), e.g. https://school.example/\n(Enter to fill it in later): ")
		line, err := in.ReadString('\n')
		line = strings.TrimSpace(line)
		if line == "" {
			return ""
		}
		u, cerr := checkBaseURL(line)
		if cerr == nil {
			return u
		}
		fmt.Fprintln(out, cerr)
		if err != nil {
			return ""
		}
	}
	return ""
}
