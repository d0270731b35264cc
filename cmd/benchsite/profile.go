package main

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"runtime/pprof"
	"slices"
	"strings"
	"time"
)

// A CPU profile of a measured operation, read back in-process and told as
// the stages of the pipeline the time went to.
//
// runtime/pprof writes profiles in pprof's protocol-buffer format, and
// the parser that reads them (github.com/google/pprof/profile) is not in
// this module's graph; the few fields needed here (samples, their values
// and stacks, locations, functions, the string table) are decoded by
// readProfile below instead of adding a dependency.
//
// A sample's stage comes from its stack, not from labels set in the
// pipeline: the first stage package entered from the pipeline, looking
// from the goroutine's root towards the leaf, is the stage (site or
// edition: reading input; contract: assembling contracts; lint; render:
// the layouts; output: writing files). So money arithmetic that render
// calls counts to rendering, and the TOML decoder that site calls to
// reading. Garbage collection, background or assisting an allocation,
// is a stage of its own wherever it happens. This needs no change in the
// packages measured and reads any profile, the binary's included.

// profile is the samples of one or more profiles: each stack (function
// names, the leaf first) with the CPU time it was seen with.
type profile struct {
	samples []sample
	total   time.Duration
}

type sample struct {
	stack []string
	cpu   time.Duration
}

// add merges q's samples into p.
func (p *profile) add(q *profile) {
	if q == nil {
		return
	}
	p.samples = append(p.samples, q.samples...)
	p.total += q.total
}

// profiler records a CPU profile over several spells (StartCPUProfile …
// StopCPUProfile each) and keeps the samples of all of them.
type profiler struct {
	buf  bytes.Buffer
	prof profile
	on   bool
	err  error
}

// start starts a spell; a profile already running elsewhere in the
// process makes it a no-op, and the error is kept for the report.
func (pr *profiler) start() {
	pr.buf.Reset()
	if err := pprof.StartCPUProfile(&pr.buf); err != nil {
		pr.err = err
		return
	}
	pr.on = true
}

// stop ends the spell and adds its samples.
func (pr *profiler) stop() {
	if !pr.on {
		return
	}
	pprof.StopCPUProfile()
	pr.on = false
	p, err := readProfile(pr.buf.Bytes())
	if err != nil {
		pr.err = err
		return
	}
	pr.prof.add(p)
}

// result returns the samples of every spell; nil when none was recorded.
func (pr *profiler) result() *profile {
	if len(pr.prof.samples) == 0 {
		return nil
	}
	p := pr.prof
	return &p
}

// readProfile decodes a (gzipped) profile.proto as runtime/pprof writes it
// and returns each sample's stack with its CPU time: the value whose type
// is "cpu" in nanoseconds, or for other profiles the last value.
func readProfile(data []byte) (*profile, error) {
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		if data, err = io.ReadAll(zr); err != nil {
			return nil, err
		}
	}
	type rawSample struct {
		locs   []uint64
		values []int64
	}
	var (
		strs     []string
		types    [][2]int64 // sample types: type and unit, as string indexes
		raws     []rawSample
		locFuncs = map[uint64][]uint64{} // location → function ids, the innermost first
		funcName = map[uint64]int64{}    // function → name's string index
	)
	err := protoFields(data, func(field int, wire int, v uint64, b []byte) error {
		switch field {
		case 1: // sample_type
			var t [2]int64
			err := protoFields(b, func(f, _ int, v uint64, _ []byte) error {
				if f == 1 || f == 2 {
					t[f-1] = int64(v)
				}
				return nil
			})
			types = append(types, t)
			return err
		case 2: // sample
			var s rawSample
			err := protoFields(b, func(f, w int, v uint64, b []byte) error {
				switch f {
				case 1:
					return protoVarints(w, v, b, func(x uint64) { s.locs = append(s.locs, x) })
				case 2:
					return protoVarints(w, v, b, func(x uint64) { s.values = append(s.values, int64(x)) })
				}
				return nil
			})
			raws = append(raws, s)
			return err
		case 4: // location
			var id uint64
			var fns []uint64
			err := protoFields(b, func(f, _ int, v uint64, b []byte) error {
				switch f {
				case 1:
					id = v
				case 4: // line
					return protoFields(b, func(f, _ int, v uint64, _ []byte) error {
						if f == 1 {
							fns = append(fns, v)
						}
						return nil
					})
				}
				return nil
			})
			locFuncs[id] = fns
			return err
		case 5: // function
			var id uint64
			var name int64
			err := protoFields(b, func(f, _ int, v uint64, _ []byte) error {
				switch f {
				case 1:
					id = v
				case 2:
					name = int64(v)
				}
				return nil
			})
			funcName[id] = name
			return err
		case 6: // string_table
			strs = append(strs, string(b))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading a profile: %w", err)
	}
	str := func(i int64) string {
		if i < 0 || int(i) >= len(strs) {
			return ""
		}
		return strs[i]
	}
	value := len(types) - 1
	for i, t := range types {
		if str(t[0]) == "cpu" {
			value = i
			if str(t[1]) != "nanoseconds" {
				return nil, fmt.Errorf("reading a profile: CPU time in %q", str(t[1]))
			}
		}
	}
	if value < 0 {
		return nil, errors.New("reading a profile: no sample types")
	}
	p := &profile{}
	for _, r := range raws {
		if value >= len(r.values) {
			continue
		}
		s := sample{cpu: time.Duration(r.values[value])}
		for _, l := range r.locs {
			for _, f := range locFuncs[l] {
				s.stack = append(s.stack, str(funcName[f]))
			}
		}
		p.samples = append(p.samples, s)
		p.total += s.cpu
	}
	return p, nil
}

// protoFields calls f with each field of a protocol-buffer message: its
// number, wire type, and the value (varint and fixed types) or the bytes
// (length-delimited).
func protoFields(data []byte, f func(field, wire int, v uint64, b []byte) error) error {
	for len(data) > 0 {
		key, n := uvarint(data)
		if n <= 0 {
			return errors.New("bad field key")
		}
		data = data[n:]
		field, wire := int(key>>3), int(key&7)
		var v uint64
		var b []byte
		switch wire {
		case 0:
			v, n = uvarint(data)
			if n <= 0 {
				return errors.New("bad varint")
			}
			data = data[n:]
		case 1:
			if len(data) < 8 {
				return errors.New("short fixed64")
			}
			data = data[8:]
		case 2:
			l, n := uvarint(data)
			if n <= 0 || uint64(len(data)-n) < l {
				return errors.New("bad length")
			}
			b, data = data[n:n+int(l)], data[n+int(l):]
		case 5:
			if len(data) < 4 {
				return errors.New("short fixed32")
			}
			data = data[4:]
		default:
			return fmt.Errorf("wire type %d", wire)
		}
		if err := f(field, wire, v, b); err != nil {
			return err
		}
	}
	return nil
}

// protoVarints reads a repeated varint field, packed (wire type 2) or not.
func protoVarints(wire int, v uint64, b []byte, f func(uint64)) error {
	if wire == 0 {
		f(v)
		return nil
	}
	for len(b) > 0 {
		x, n := uvarint(b)
		if n <= 0 {
			return errors.New("bad packed varint")
		}
		f(x)
		b = b[n:]
	}
	return nil
}

func uvarint(b []byte) (uint64, int) {
	var x uint64
	for i := 0; i < len(b) && i < 10; i++ {
		x |= uint64(b[i]&0x7f) << (7 * i)
		if b[i] < 0x80 {
			return x, i + 1
		}
	}
	return 0, 0
}

// The stages a sample is told as.
const (
	stageRead     = "read input"
	stageAssemble = "assemble contracts"
	stageLint     = "lint"
	stageRender   = "render layouts"
	stageWrite    = "write files"
	stageGC       = "garbage collection"
	stagePipeline = "pipeline, preview server, other oferta code"
	stageOther    = "other (runtime, HTTP, system)"
)

const module = "github.com/oferta-dev/oferta/"

// stagePackages are the packages that begin a stage, relative to module.
var stagePackages = map[string]string{
	"generator/site":     stageRead,
	"generator/edition":  stageRead,
	"generator/contract": stageAssemble,
	"generator/lint":     stageLint,
	"generator/spell":    stageLint,
	"generator/render":   stageRender,
	"generator/docx":     stageRender,
	"generator/pdf":      stageRender,
	"generator/output":   stageWrite,
}

// funcPackage is the import path of a function name as profiles give it,
// e.g. "text/template" for "text/template.(*state).walk".
func funcPackage(name string) string {
	slash := strings.LastIndexByte(name, '/') + 1
	if dot := strings.IndexByte(name[slash:], '.'); dot >= 0 {
		return name[:slash+dot]
	}
	return name
}

// isGC reports whether a runtime function is garbage collection: the
// background mark workers and sweeper, an allocation's assist, the
// collector's phases.
func isGC(fn string) bool {
	for _, p := range []string{"runtime.gc", "runtime.bgsweep", "runtime.bgscavenge", "runtime.sweepone", "runtime.markroot", "runtime.scanobject", "runtime.(*sweepLocked).sweep"} {
		if strings.HasPrefix(fn, p) {
			return true
		}
	}
	return false
}

// stageOf tells the stage of one stack (the leaf first).
func stageOf(stack []string) string {
	for _, fn := range stack {
		if isGC(fn) {
			return stageGC
		}
	}
	ours := false
	for i := len(stack) - 1; i >= 0; i-- {
		pkg := funcPackage(stack[i])
		rel, ok := strings.CutPrefix(pkg, module)
		if !ok {
			continue
		}
		if st, ok := stagePackages[rel]; ok {
			return st
		}
		ours = true
	}
	if ours {
		return stagePipeline
	}
	return stageOther
}

// short drops the module path from a function name.
func short(fn string) string {
	fn = strings.TrimPrefix(fn, module+"generator/")
	return strings.TrimPrefix(fn, module)
}

// stageCost is the CPU time of one stage and where inside it the time went.
type stageCost struct {
	stage string
	cpu   time.Duration
	// self are the functions the samples were in (the leaf), the most
	// first; ours are the innermost functions of this module on the
	// stacks, which say what the code was doing.
	self, ours []funcCost
}

type funcCost struct {
	fn  string
	cpu time.Duration
}

// byStage groups a profile's samples by stage, the costliest first, with
// the top n functions of each.
func byStage(p *profile, n int) []stageCost {
	type acc struct {
		cpu        time.Duration
		self, ours map[string]time.Duration
	}
	stages := map[string]*acc{}
	for _, s := range p.samples {
		st := stageOf(s.stack)
		a := stages[st]
		if a == nil {
			a = &acc{self: map[string]time.Duration{}, ours: map[string]time.Duration{}}
			stages[st] = a
		}
		a.cpu += s.cpu
		// A sample taken while a goroutine was being preempted counts
		// to the function it interrupted.
		leaf := s.stack
		for len(leaf) > 1 && leaf[0] == "runtime.asyncPreempt" {
			leaf = leaf[1:]
		}
		if len(leaf) > 0 {
			a.self[leaf[0]] += s.cpu
		}
		for _, fn := range s.stack {
			if strings.HasPrefix(fn, module) {
				a.ours[fn] += s.cpu
				break
			}
		}
	}
	top := func(m map[string]time.Duration) []funcCost {
		var out []funcCost
		for fn, d := range m {
			out = append(out, funcCost{short(fn), d})
		}
		slices.SortFunc(out, func(a, b funcCost) int {
			return cmp.Or(cmp.Compare(b.cpu, a.cpu), strings.Compare(a.fn, b.fn))
		})
		return out[:min(n, len(out))]
	}
	var out []stageCost
	for st, a := range stages {
		out = append(out, stageCost{stage: st, cpu: a.cpu, self: top(a.self), ours: top(a.ours)})
	}
	slices.SortFunc(out, func(a, b stageCost) int {
		return cmp.Or(cmp.Compare(b.cpu, a.cpu), strings.Compare(a.stage, b.stage))
	})
	return out
}

// stageTable prints a profile by stage as a Markdown table.
func stageTable(p *profile) string {
	var b strings.Builder
	b.WriteString("| stage | CPU | share | top functions (self) | top oferta functions (innermost on the stack) |\n|---|--:|--:|---|---|\n")
	for _, st := range byStage(p, 3) {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", st.stage, dur(st.cpu), pct(st.cpu, p.total), funcList(st.self, p.total), funcList(st.ours, p.total))
	}
	return b.String()
}

func funcList(fs []funcCost, total time.Duration) string {
	var parts []string
	for _, f := range fs {
		parts = append(parts, fmt.Sprintf("`%s` %s", f.fn, pct(f.cpu, total)))
	}
	if len(parts) == 0 {
		return "–"
	}
	return strings.Join(parts, ", ")
}

func pct(d, total time.Duration) string {
	if total == 0 {
		return "n/a"
	}
	p := 100 * float64(d) / float64(total)
	if p > 0 && p < 0.5 {
		return "<1 %"
	}
	return fmt.Sprintf("%.0f %%", p)
}
