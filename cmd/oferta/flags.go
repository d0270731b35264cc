package main

import (
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/oferta-dev/oferta/generator/site"
)

// unsetInt is an int flag whose "not given" value is -1 without saying so
// in -h: "(default -1)" would read as a value to type.
type unsetInt struct{ p *int }

func (v unsetInt) String() string {
	if v.p == nil || *v.p < 0 {
		return ""
	}
	return strconv.Itoa(*v.p)
}

func (v unsetInt) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil {
		return fmt.Errorf("%q is not a whole number", s)
	}
	*v.p = n
	return nil
}

// intUnset defines an int flag that is -1 until given. Unless usage
// quotes a name for the value in backquotes, its first word names it
// ("-used units", not "-used value").
func intUnset(fs *flag.FlagSet, name, usage string) *int {
	n := -1
	if !strings.Contains(usage, "`") {
		if word, rest, ok := strings.Cut(usage, " "); ok {
			usage = "`" + word + "` " + rest
		}
	}
	fs.Var(unsetInt{&n}, name, usage)
	return &n
}

// suggestRules returns the rules a mistyped name probably meant: the
// closest full name ("refund/bank-fe" → "refund/bank-fee"), else every
// rule whose part after the slash matches or is close to the name's
// ("bank-fee" → "refund/bank-fee"; "waiver" → "refund/waiver",
// "text/waiver").
func suggestRules(name string, names []string) []string {
	if s := site.Suggest(name, names); s != "" {
		return []string{s}
	}
	short := name[strings.LastIndex(name, "/")+1:]
	tail := func(n string) string { return n[strings.LastIndex(n, "/")+1:] }
	var exact, tails []string
	for _, n := range names {
		if tail(n) == short {
			exact = append(exact, n)
		}
		tails = append(tails, tail(n))
	}
	if len(exact) > 0 {
		return exact
	}
	best := site.Suggest(short, tails)
	if best == "" {
		return nil
	}
	var out []string
	for _, n := range names {
		if tail(n) == best {
			out = append(out, n)
		}
	}
	return slices.Compact(out)
}

// orList quotes names and joins them with "or".
func orList(names []string) string {
	q := quoteAll(names)
	if len(q) <= 1 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

func quoteAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = strconv.Quote(s)
	}
	return out
}
