package pipeline_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/oferta-dev/oferta/generator/output"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/render"
	"github.com/oferta-dev/oferta/generator/synth"
)

// TestRenderToMatchesRender checks that streaming a site to disk page by
// page (what `oferta build` does) writes exactly the files Render
// returns, byte for byte, with nothing missing and nothing extra.
func TestRenderToMatchesRender(t *testing.T) {
	s, err := synth.Write(t.TempDir(), benchBuiltin(), 40, 3)
	if err != nil {
		t.Fatal(err)
	}
	c, err := pipeline.Check(s.Dir, benchBuiltin())
	if err != nil {
		t.Fatal(err)
	}
	want, err := pipeline.Render(c, false)
	if err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	w, err := output.Create(dest)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	calls := map[string]int{}
	n, err := pipeline.RenderTo(c, false, func(f render.File) error {
		mu.Lock()
		calls[f.Path]++
		mu.Unlock()
		return w.Write(f)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if n != len(want) {
		t.Errorf("RenderTo wrote %d files, Render returns %d", n, len(want))
	}
	for _, f := range want {
		if calls[f.Path] != 1 {
			t.Errorf("%s written %d times, want once", f.Path, calls[f.Path])
		}
		got, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Errorf("%s: %v", f.Path, err)
			continue
		}
		if !bytes.Equal(got, f.Data) {
			t.Errorf("%s differs from Render's", f.Path)
		}
	}
	if len(calls) != len(want) {
		t.Errorf("RenderTo wrote %d paths, Render returns %d", len(calls), len(want))
	}
}

// TestRenderToStopsAtAWriteError: the first error of write is returned
// and write is not called again.
func TestRenderToStopsAtAWriteError(t *testing.T) {
	c, err := pipeline.Check("../..", benchBuiltin())
	if err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	calls := 0
	n, err := pipeline.RenderTo(c, false, func(f render.File) error {
		calls++
		if calls >= 3 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("RenderTo returned %v, want the write error", err)
	}
	if calls != 3 || n != 2 {
		t.Errorf("write called %d times, %d files counted; want 3 calls, 2 written", calls, n)
	}
}

// TestContextStopsTheBuild: a cancelled context stops checking, and
// stops rendering and writing at once, with ctx's error.
func TestContextStopsTheBuild(t *testing.T) {
	s, err := synth.Write(t.TempDir(), benchBuiltin(), 200, 3)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := pipeline.CheckContext(ctx, s.Dir, benchBuiltin()); !errors.Is(err, context.Canceled) {
		t.Fatalf("CheckContext with a cancelled context: %v", err)
	}
	c, err := pipeline.Check(s.Dir, benchBuiltin())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	n, err := pipeline.RenderToContext(ctx, c, false, func(f render.File) error {
		cancel() // Ctrl-C as the first page is written
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("RenderToContext: %v, want context.Canceled", err)
	}
	if n > 1 {
		t.Errorf("%d files written after the context was cancelled at the first", n-1)
	}
}

// TestRenderToRaisesAWritePanic: a panic in write (a bug) reaches the
// caller's goroutine, where the command recovers it, instead of ending
// the process.
func TestRenderToRaisesAWritePanic(t *testing.T) {
	c, err := pipeline.Check("../..", benchBuiltin())
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if p := recover(); p != "injected" {
			t.Fatalf("recovered %v, want the write's panic", p)
		}
	}()
	pipeline.RenderTo(c, false, func(f render.File) error { panic("injected") })
	t.Fatal("RenderTo returned after write panicked")
}

// TestRenderToReleaseMatchesRender: the build that drops each contract's
// texts once its pages are written (RenderToRelease, what `oferta build`
// calls) writes Render's files byte for byte — the index pages, the feed
// and the sitemap, made after the courses, read nothing it dropped — and
// it does drop them. The example school has frozen editions, so its feed
// has entries; the synthetic site has many courses per language.
func TestRenderToReleaseMatchesRender(t *testing.T) {
	s, err := synth.Write(t.TempDir(), benchBuiltin(), 40, 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{s.Dir, "../.."} {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			c, err := pipeline.Check(dir, benchBuiltin())
			if err != nil {
				t.Fatal(err)
			}
			want, err := pipeline.Render(c, false)
			if err != nil {
				t.Fatal(err)
			}
			c, err = pipeline.Check(dir, benchBuiltin())
			if err != nil {
				t.Fatal(err)
			}
			write, got := collectFiles(t)
			n, err := pipeline.RenderToRelease(context.Background(), c, false, write, nil)
			if err != nil {
				t.Fatal(err)
			}
			if n != len(want) || len(got) != len(want) {
				t.Errorf("RenderToRelease wrote %d files (%d paths), Render returns %d", n, len(got), len(want))
			}
			for _, f := range want {
				if !bytes.Equal(got[f.Path], f.Data) {
					t.Errorf("%s differs from Render's", f.Path)
				}
			}
			for _, k := range c.Contracts {
				if k.Clauses != nil || k.Sections != nil || k.FAQ != nil {
					t.Fatalf("%s: the contract's texts were kept after its pages were written", k.Course.File)
				}
			}
		})
	}
}
