package main

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

var hugoTotal = regexp.MustCompile(`Total in (\d+) ms`)

// hugoIncremental measures Hugo's own incremental rebuild: `hugo server`
// (pages in memory, like oferta's preview) is started on the exported
// site, a page file is edited, and the time Hugo reports for the rebuild
// ("Total in N ms") is read from its output; then the single layout,
// which every page uses, is edited the same way. Fast Render Mode is
// switched off: it re-renders only the pages a browser has open, and
// none is open here, so with it Hugo would skip most of the work that
// oferta does (update every page the edit changes).
func hugoIncremental(ctx context.Context, cfg benchConfig, hugo, dir string, n int) (page, layout time.Duration, err error) {
	port, err := freePort()
	if err != nil {
		return 0, 0, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cmd := exec.CommandContext(ctx, hugo, "server", "-s", dir, "--bind", "127.0.0.1", "--port", strconv.Itoa(port),
		"--disableLiveReload", "--disableFastRender")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return 0, 0, err
	}
	cmd.Stderr = cmd.Stdout // the same pipe: errors show up in wait's loop
	if err := cmd.Start(); err != nil {
		return 0, 0, err
	}
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	}()
	lines := make(chan string, 64)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	// wait reads Hugo's output until a line matches, and returns it.
	wait := func(match func(string) bool) (string, error) {
		timeout := time.After(10 * time.Minute)
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					return "", fmt.Errorf("hugo server stopped")
				}
				if match(l) {
					return l, nil
				}
			case <-timeout:
				return "", fmt.Errorf("hugo server: no answer in 10 minutes")
			}
		}
	}
	if _, err := wait(func(l string) bool { return strings.Contains(l, "Web Server is available") }); err != nil {
		return 0, 0, err
	}
	edit := func(file, text string) (time.Duration, error) {
		time.Sleep(300 * time.Millisecond) // let the watcher settle between edits
		f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			return 0, err
		}
		if _, err := f.WriteString(text); err != nil {
			f.Close()
			return 0, err
		}
		if err := f.Close(); err != nil {
			return 0, err
		}
		l, err := wait(hugoTotal.MatchString)
		if err != nil {
			return 0, err
		}
		ms, _ := strconv.Atoi(hugoTotal.FindStringSubmatch(l)[1])
		return time.Duration(ms) * time.Millisecond, nil
	}
	pagesFiles, err := filepath.Glob(filepath.Join(dir, "content", "*-oferta.md"))
	if err != nil || len(pagesFiles) == 0 {
		return 0, 0, fmt.Errorf("no contract pages in %s", dir)
	}
	sort.Strings(pagesFiles)
	one := pagesFiles[len(pagesFiles)/2]
	var pages, layouts []time.Duration
	for i := 1; i <= cfg.runs; i++ {
		t, err := edit(one, fmt.Sprintf("\nEdit %d.\n", i))
		if err != nil {
			return 0, 0, err
		}
		pages = append(pages, t)
	}
	single := filepath.Join(dir, "layouts", "_default", "single.html")
	for i := 1; i <= cfg.runs; i++ {
		t, err := edit(single, fmt.Sprintf("<!-- edit %d -->\n", i))
		if err != nil {
			return 0, 0, err
		}
		layouts = append(layouts, t)
	}
	return median(pages), median(layouts), nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
