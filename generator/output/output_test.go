package output

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta/generator/render"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

func TestWriteReplacesTheFolder(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := Write(dest, []render.File{{Path: "index.html", Data: []byte("one")}, {Path: "a/b/index.html", Data: []byte("two")}}); err != nil {
		t.Fatal(err)
	}
	if err := Write(dest, []render.File{{Path: "index.html", Data: []byte("three")}}); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(data) != "three" {
		t.Errorf("index.html = %q, want the new build", data)
	}
	if _, err := os.Stat(filepath.Join(dest, "a")); err == nil {
		t.Error("a file of the previous build survived: the folder was not replaced")
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("temporary folders left beside the output: %v", names)
	}
}

func TestWriteRefusesPathsOutsideTheFolder(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := Write(dest, []render.File{{Path: "index.html", Data: []byte("old")}}); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"../escape.html", "/etc/x", "a/../../x", "", "a//b"} {
		err := Write(dest, []render.File{{Path: "ok.html", Data: []byte("new")}, {Path: bad, Data: []byte("x")}})
		if err == nil || !strings.Contains(err.Error(), "refusing") {
			t.Errorf("path %q: got %v, want a refusal", bad, err)
		}
		if data, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(data) != "old" {
			t.Fatalf("path %q: the previous output changed", bad)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dest), "escape.html")); err == nil {
		t.Error("a file was written outside the output folder")
	}
}

func TestCreateRefusesAForeignFolder(t *testing.T) {
	home := t.TempDir()
	sitetest.WriteFile(t, filepath.Join(home, ".ssh", "id_ed25519"), "secret")
	sitetest.WriteFile(t, filepath.Join(home, "notes.txt"), "mine")
	before := sitetest.ReadTree(t, home)
	err := Write(home, []render.File{{Path: "index.html", Data: []byte("site")}})
	var refused *RefusedError
	if !errors.As(err, &refused) {
		t.Fatalf("Write into a folder oferta did not create: got %v, want a RefusedError", err)
	}
	for _, want := range []string{"refusing to replace " + home, "not empty", Marker, "empty or a new folder"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q does not say %q", err, want)
		}
	}
	if after := sitetest.ReadTree(t, home); !maps.Equal(before, after) {
		t.Errorf("the folder changed:\nbefore %v\nafter  %v", before, after)
	}
	if left := siblings(t, home); len(left) != 0 {
		t.Errorf("left beside the folder: %v", left)
	}
}

func TestCreateAcceptsAbsentEmptyAndMarkedFolders(t *testing.T) {
	parent := t.TempDir()
	absent := filepath.Join(parent, "absent")
	empty := filepath.Join(parent, "empty")
	os.Mkdir(empty, 0o755)
	for _, dest := range []string{absent, empty} {
		if err := Write(dest, []render.File{{Path: "index.html", Data: []byte("one")}}); err != nil {
			t.Fatalf("%s: %v", dest, err)
		}
		data, err := os.ReadFile(filepath.Join(dest, Marker))
		if err != nil || string(data) != markerText {
			t.Fatalf("%s: marker = %q, %v; want the marker text", dest, data, err)
		}
		// Marked now: a second build replaces it.
		if err := Write(dest, []render.File{{Path: "index.html", Data: []byte("two")}}); err != nil {
			t.Fatalf("%s, second build: %v", dest, err)
		}
		if got := sitetest.ReadTree(t, dest); len(got) != 2 || got["index.html"] != "two" {
			t.Errorf("%s: %v, want the marker and the new index.html", dest, got)
		}
	}
	if left := siblings(t, absent); !slices.Equal(left, []string{"empty"}) {
		t.Errorf("left beside the output folders: %v", left)
	}
}

func TestCreateRefusesAFile(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	sitetest.WriteFile(t, dest, "a file")
	if err := Write(dest, nil); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Fatalf("got %v, want a refusal", err)
	}
	if data, _ := os.ReadFile(dest); string(data) != "a file" {
		t.Error("the file changed")
	}
}

func TestWriteRefusesTheMarkerName(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := Write(dest, []render.File{{Path: Marker, Data: []byte("x")}}); err == nil {
		t.Fatal("a page named like the marker was written")
	}
}

func TestCreateRemovesStaleTemporaryFolders(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	if err := Write(dest, []render.File{{Path: "index.html", Data: []byte("old")}}); err != nil {
		t.Fatal(err)
	}
	// Left by builds that were killed: named like ours, with the marker.
	for _, name := range []string{".public.new-123", ".public.old-456"} {
		sitetest.WriteFile(t, filepath.Join(parent, name, Marker), markerText)
		sitetest.WriteFile(t, filepath.Join(parent, name, "index.html"), "half")
	}
	// Not ours: no marker, or another name.
	sitetest.WriteFile(t, filepath.Join(parent, ".public.new-mine", "keep.txt"), "mine")
	sitetest.WriteFile(t, filepath.Join(parent, ".other.new-1", Marker), markerText)
	// A build writing right now holds its folder.
	running, err := Create(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer running.Abort()

	if err := Write(dest, []render.File{{Path: "index.html", Data: []byte("new")}}); err != nil {
		t.Fatal(err)
	}
	got := siblings(t, dest)
	want := []string{".other.new-1", ".public.new-mine", filepath.Base(running.tmp)}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("beside the output: %v, want %v", got, want)
	}
}

func TestExchangeSwapsFolders(t *testing.T) {
	parent := t.TempDir()
	a, b := filepath.Join(parent, "a"), filepath.Join(parent, "b")
	sitetest.WriteFile(t, filepath.Join(a, "f"), "a")
	sitetest.WriteFile(t, filepath.Join(b, "f"), "b")
	err := exchange(a, b)
	if errors.Is(err, errNoExchange) {
		t.Skip("no atomic exchange on this system")
	}
	if err != nil {
		t.Fatal(err)
	}
	if x, _ := os.ReadFile(filepath.Join(a, "f")); string(x) != "b" {
		t.Errorf("a/f = %q after the exchange, want b", x)
	}
}

// siblings lists what stands beside dir, dir itself left out.
func siblings(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.Name() != filepath.Base(dir) {
			out = append(out, e.Name())
		}
	}
	slices.Sort(out)
	return out
}

// TestSwapNeverLeavesTheDestinationMissing looks at the destination
// without pause while builds replace it: it must always be there, with
// an index.html of one build or the next.
func TestSwapNeverLeavesTheDestinationMissing(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := Write(dest, []render.File{{Path: "index.html", Data: []byte("0")}}); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	missing := make(chan string, 1)
	go func() {
		defer close(missing)
		for {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := os.Stat(filepath.Join(dest, "index.html")); err != nil {
				missing <- err.Error()
				return
			}
		}
	}()
	for i := range 200 {
		if err := Write(dest, []render.File{{Path: "index.html", Data: []byte(strconv.Itoa(i))}}); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	if err, ok := <-missing; ok {
		t.Fatalf("the destination was missing during a swap: %s", err)
	}
}
