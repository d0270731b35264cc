package main

import (
	"bytes"
	"runtime/pprof"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestStageOf checks how a sample's stack (the leaf first) is told as a
// stage: the first stage package from the root, garbage collection
// anywhere on the stack, oferta code outside the stages, and the rest.
func TestStageOf(t *testing.T) {
	g := module + "generator/"
	for _, c := range []struct {
		stack []string
		want  string
	}{
		// money arithmetic that render calls is rendering
		{[]string{"math/big.nat.mul", g + "money.Amount.Mul", g + "render.(*Renderer).faq", g + "pipeline.renderTo.func1", "runtime.goexit"}, stageRender},
		// the TOML decoder that site calls is reading
		{[]string{"github.com/pelletier/go-toml/v2/unstable.(*Parser).parseKey", g + "site.parseTOML", g + "site.Load", g + "pipeline.CheckContext"}, stageRead},
		{[]string{"text/template.(*state).walk", g + "contract.(*Contract).execute", g + "contract.(*Assembler).Assemble", g + "pipeline.finish"}, stageAssemble},
		// a contract helper that lint calls is linting
		{[]string{g + "contract.(*Contract).Text", g + "lint.findInSentence", g + "lint.Check", g + "pipeline.finish"}, stageLint},
		{[]string{g + "spell.Check", module + "internal/par.DoContext.func2"}, stageLint},
		{[]string{"internal/runtime/syscall/linux.Syscall6", "os.(*File).Write", g + "output.(*Writer).Write", "main.buildInProcess.func1", g + "pipeline.renderTo"}, stageWrite},
		{[]string{"runtime.memclrNoHeapPointers", "runtime.gcAssistAlloc", "runtime.mallocgc", g + "contract.(*texts).string"}, stageGC},
		{[]string{"runtime.scanobject", "runtime.gcDrain", "runtime.gcBgMarkWorker"}, stageGC},
		{[]string{"slices.Sort", g + "pipeline.(*keeper).diff", g + "serve.(*Server).rebuild"}, stagePipeline},
		{[]string{"runtime.futex", module + "internal/par.DoContext.func2"}, stagePipeline},
		{[]string{"net/http.(*conn).serve"}, stageOther},
		{nil, stageOther},
	} {
		if got := stageOf(c.stack); got != c.want {
			t.Errorf("stageOf(%q) = %q, want %q", c.stack, got, c.want)
		}
	}
}

func TestFuncPackage(t *testing.T) {
	for name, want := range map[string]string{
		"text/template.(*state).walk":                                 "text/template",
		module + "generator/render.(*Renderer).pageBuffer.func1":      module + "generator/render",
		"runtime.mallocgc":                                            "runtime",
		"github.com/pelletier/go-toml/v2/unstable.(*Parser).parseKey": "github.com/pelletier/go-toml/v2/unstable",
		"main.main": "main",
	} {
		if got := funcPackage(name); got != want {
			t.Errorf("funcPackage(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestByStage checks the grouping: stages the costliest first, their
// shares, the top functions by self time (a preempted function counts,
// not runtime.asyncPreempt) and by the innermost oferta function.
func TestByStage(t *testing.T) {
	g := module + "generator/"
	ms := time.Millisecond
	p := &profile{}
	add := func(d time.Duration, stack ...string) {
		p.samples = append(p.samples, sample{stack: stack, cpu: d})
		p.total += d
	}
	add(50*ms, "reflect.Value.call", "text/template.(*state).evalCall", g+"render.(*Renderer).pageBuffer", g+"pipeline.renderTo")
	add(20*ms, "runtime.asyncPreempt", "runtime.memmove", g+"render.(*Renderer).block", g+"pipeline.renderTo")
	add(10*ms, "runtime.memmove", g+"render.(*Renderer).pageBuffer", g+"pipeline.renderTo")
	add(15*ms, "runtime.gcDrain", "runtime.gcBgMarkWorker")
	add(5*ms, g+"site.parseTOML", g+"pipeline.CheckContext")
	got := byStage(p, 2)
	var names []string
	for _, s := range got {
		names = append(names, s.stage)
	}
	if want := []string{stageRender, stageGC, stageRead}; !slices.Equal(names, want) {
		t.Fatalf("stages %q, want %q", names, want)
	}
	r := got[0]
	if r.cpu != 80*ms {
		t.Errorf("render: %s, want 80ms", r.cpu)
	}
	if want := []funcCost{{"reflect.Value.call", 50 * ms}, {"runtime.memmove", 30 * ms}}; !slices.Equal(r.self, want) {
		t.Errorf("render's self: %v, want %v", r.self, want)
	}
	if want := []funcCost{{"render.(*Renderer).pageBuffer", 60 * ms}, {"render.(*Renderer).block", 20 * ms}}; !slices.Equal(r.ours, want) {
		t.Errorf("render's own: %v, want %v", r.ours, want)
	}
	table := stageTable(p)
	for _, want := range []string{
		"| render layouts | 80 ms | 80 % | `reflect.Value.call` 50 %, `runtime.memmove` 30 % | `render.(*Renderer).pageBuffer` 60 %, `render.(*Renderer).block` 20 % |\n",
		"| garbage collection | 15 ms | 15 % | `runtime.gcDrain` 15 % | – |\n",
		"| read input | 5.0 ms | 5 % | `site.parseTOML` 5 % | `site.parseTOML` 5 % |\n",
	} {
		if !strings.Contains(table, want) {
			t.Errorf("no %q in\n%s", want, table)
		}
	}
}

// burn spends CPU in a function of its own, for TestReadCPUProfile.
//
//go:noinline
func burn(d time.Duration) int {
	x := 0
	for start := selfCPU(); selfCPU()-start < d; {
		for i := range 100000 {
			x += i * i
		}
	}
	return x
}

// TestReadCPUProfile checks the decoder on a CPU profile runtime/pprof
// wrote: the time is there, and so is the function that spent it.
func TestReadCPUProfile(t *testing.T) {
	if selfCPU() == 0 {
		t.Skip("no CPU time on this system")
	}
	var pr profiler
	pr.start()
	if pr.err != nil {
		t.Skip(pr.err)
	}
	burn(300 * time.Millisecond)
	pr.stop()
	if pr.err != nil {
		t.Fatal(pr.err)
	}
	p := pr.result()
	if p == nil || p.total < 100*time.Millisecond {
		t.Fatalf("profile %+v: want at least 100 ms of CPU", p)
	}
	found := false
	for _, s := range p.samples {
		found = found || slices.Contains(s.stack, "github.com/oferta-dev/oferta/cmd/benchsite.burn") || slices.Contains(s.stack, "main.burn")
	}
	if !found {
		t.Errorf("no sample in burn among %d", len(p.samples))
	}
}

// TestReadHeapProfile checks the decoder on another kind of profile,
// whose values are not CPU time: it reads them all (the last value,
// in-use bytes), stacks included.
func TestReadHeapProfile(t *testing.T) {
	var buf bytes.Buffer
	if err := pprof.Lookup("heap").WriteTo(&buf, 0); err != nil {
		t.Fatal(err)
	}
	p, err := readProfile(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(p.samples) == 0 {
		t.Fatal("no samples")
	}
	for _, s := range p.samples {
		if len(s.stack) == 0 || s.stack[0] == "" {
			t.Fatalf("a sample without a stack: %+v", s)
		}
	}
}

// TestReadProfileUnpacked checks a hand-made profile whose repeated
// fields are not packed (as other writers than runtime/pprof may write
// them), with an inlined call: the innermost function first.
func TestReadProfileUnpacked(t *testing.T) {
	var b []byte
	field := func(n int, wire int) { b = appendVarint(b, uint64(n<<3|wire)) }
	msg := func(n int, body []byte) { field(n, 2); b = appendVarint(b, uint64(len(body))); b = append(b, body...) }
	var vt []byte
	vt = append(vt, 1<<3|0, 1, 2<<3|0, 2) // type "cpu", unit "nanoseconds"
	msg(1, vt)
	var smp []byte
	smp = append(smp, 1<<3|0, 7, 2<<3|0) // location 7; value:
	smp = appendVarint(smp, 20_000_000)
	msg(2, smp)
	var loc []byte
	loc = append(loc, 1<<3|0, 7)
	loc = append(loc, 4<<3|2, 2, 1<<3|0, 1) // line: function 1 (inlined)
	loc = append(loc, 4<<3|2, 2, 1<<3|0, 2) // line: function 2 (its caller)
	msg(4, loc)
	msg(5, []byte{1<<3 | 0, 1, 2<<3 | 0, 3})
	msg(5, []byte{1<<3 | 0, 2, 2<<3 | 0, 4})
	for _, s := range []string{"", "cpu", "nanoseconds", "inner", "outer"} {
		msg(6, []byte(s))
	}
	p, err := readProfile(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.samples) != 1 || p.total != 20*time.Millisecond || !slices.Equal(p.samples[0].stack, []string{"inner", "outer"}) {
		t.Errorf("got %+v", p)
	}
	if _, err := readProfile([]byte{0x0a, 0x05, 0x01}); err == nil {
		t.Error("a truncated profile was read without an error")
	}
}

func appendVarint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}
