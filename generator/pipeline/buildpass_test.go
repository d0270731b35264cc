package pipeline_test

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/oferta-dev/oferta/generator/lint"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/render"
	"github.com/oferta-dev/oferta/generator/sitetest"
	"github.com/oferta-dev/oferta/generator/synth"
)

// buildFiles runs Build on dir and returns what it wrote by path.
func buildFiles(t *testing.T, dir string, draft bool) (*pipeline.Checked, map[string][]byte, int, error) {
	t.Helper()
	write, got := collectFiles(t)
	c, n, err := pipeline.Build(context.Background(), dir, benchBuiltin(), draft, write, nil)
	return c, got, n, err
}

// collectFiles is a write function for the pipeline that keeps a copy of
// every file by its path, and fails the test on a path written twice.
func collectFiles(t *testing.T) (func(render.File) error, map[string][]byte) {
	var mu sync.Mutex
	got := map[string][]byte{}
	return func(f render.File) error {
		mu.Lock()
		defer mu.Unlock()
		if _, dup := got[f.Path]; dup {
			t.Errorf("%s written twice", f.Path)
		}
		got[f.Path] = bytes.Clone(f.Data)
		return nil
	}, got
}

// TestBuildMatchesCheckRender: the build that checks and renders in one
// pass (Build, what `oferta build` calls) writes Render's files byte for
// byte and reports Check's findings, and keeps no contract's texts. The
// example school has frozen editions and warnings-free courses in two
// languages; the synthetic site has many courses per language; the
// German, Romanian and EU schools have other jurisdictions.
func TestBuildMatchesCheckRender(t *testing.T) {
	s, err := synth.Write(t.TempDir(), benchBuiltin(), 40, 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{s.Dir, "../..", "../../examples/de", "../../examples/ro", "../../cmd/oferta/testdata/eu-school"} {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			for _, draft := range []bool{false, true} {
				c, err := pipeline.Check(dir, benchBuiltin())
				if err != nil {
					t.Fatal(err)
				}
				want, err := pipeline.Render(c, draft)
				if err != nil {
					t.Fatal(err)
				}
				b, got, n, err := buildFiles(t, dir, draft)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(b.Findings, c.Findings) {
					t.Errorf("draft=%v: Build found\n%v\nCheck finds\n%v", draft, b.Findings, c.Findings)
				}
				if n != len(want) || len(got) != len(want) {
					t.Errorf("draft=%v: Build wrote %d files (%d paths), Render returns %d", draft, n, len(got), len(want))
				}
				for _, f := range want {
					if !bytes.Equal(got[f.Path], f.Data) {
						t.Errorf("draft=%v: %s differs from Render's", draft, f.Path)
					}
				}
				if len(b.Contracts) != len(c.Contracts) {
					t.Fatalf("Build returned %d contracts, Check %d", len(b.Contracts), len(c.Contracts))
				}
				for i, k := range b.Contracts {
					if k.Course != b.Site.Courses[i] {
						t.Errorf("contract %d is not of course %d", i, i)
					}
					if k.Clauses != nil || k.Sections != nil || k.FAQ != nil {
						t.Fatalf("%s: the contract's texts were kept after its pages were written", k.Course.File)
					}
				}
			}
		})
	}
}

// TestBuildWithErrors: a site whose lint finds errors gives Check's
// findings and ErrFindings, and stops rendering once it knows (pages of
// the courses rendered before are the caller's to throw away); with
// draft it is built in full, as Render does.
func TestBuildWithErrors(t *testing.T) {
	s, err := synth.Write(t.TempDir(), benchBuiltin(), 60, 3)
	if err != nil {
		t.Fatal(err)
	}
	// A payout of 90 days and more in one course: an error
	// (refund/payout-too-slow).
	sitetest.Replace(t, filepath.Join(s.Dir, s.Courses[len(s.Courses)/2]), "payout_days = ", "payout_days = 9")
	c, err := pipeline.Check(s.Dir, benchBuiltin())
	if err != nil {
		t.Fatal(err)
	}
	if e, _ := lint.Count(c.Findings); e == 0 {
		t.Fatal("the edited site has no lint errors; the test needs one")
	}
	b, _, _, err := buildFiles(t, s.Dir, false)
	if !errors.Is(err, pipeline.ErrFindings) {
		t.Fatalf("Build of a site with errors: %v, want ErrFindings", err)
	}
	if !reflect.DeepEqual(b.Findings, c.Findings) {
		t.Errorf("Build found\n%v\nCheck finds\n%v", b.Findings, c.Findings)
	}
	want, err := pipeline.Render(c, true)
	if err != nil {
		t.Fatal(err)
	}
	b, got, n, err := buildFiles(t, s.Dir, true)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(b.Findings, c.Findings) {
		t.Errorf("draft: Build found\n%v\nCheck finds\n%v", b.Findings, c.Findings)
	}
	if n != len(want) {
		t.Errorf("draft: Build wrote %d files, Render returns %d", n, len(want))
	}
	for _, f := range want {
		if !bytes.Equal(got[f.Path], f.Data) {
			t.Errorf("draft: %s differs from Render's", f.Path)
		}
	}
}

// TestBuildStops: a write error stops rendering (Build returns it) but
// every course is still checked; a cancelled context stops everything.
func TestBuildStops(t *testing.T) {
	s, err := synth.Write(t.TempDir(), benchBuiltin(), 60, 3)
	if err != nil {
		t.Fatal(err)
	}
	c, err := pipeline.Check(s.Dir, benchBuiltin())
	if err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	calls := 0
	b, n, err := pipeline.Build(context.Background(), s.Dir, benchBuiltin(), false, func(f render.File) error {
		calls++
		if calls >= 3 {
			return boom
		}
		return nil
	}, nil)
	if !errors.Is(err, boom) {
		t.Fatalf("Build returned %v, want the write error", err)
	}
	if calls != 3 || n != 2 {
		t.Errorf("write called %d times, %d files counted; want 3 calls, 2 written", calls, n)
	}
	if b == nil || !reflect.DeepEqual(b.Findings, c.Findings) {
		t.Errorf("after a write error, Build's findings are not Check's")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b, n, err = pipeline.Build(ctx, s.Dir, benchBuiltin(), false, func(f render.File) error {
		cancel() // Ctrl-C as the first page is written
		return nil
	}, nil)
	if !errors.Is(err, context.Canceled) || b != nil {
		t.Fatalf("Build: %v, want context.Canceled and no result", err)
	}
	if n > 1 {
		t.Errorf("%d files written after the context was cancelled at the first", n-1)
	}
}
