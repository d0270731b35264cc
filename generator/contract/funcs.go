package contract

import (
	"fmt"
	"math/big"
	"strings"
	"text/template"
	"time"

	"github.com/oferta-dev/oferta/generator/lang"
	"github.com/oferta-dev/oferta/generator/money"
	"github.com/oferta-dev/oferta/generator/site"
	"github.com/oferta-dev/oferta/generator/spell"
)

// funcNames are the helpers every clause template may call. The parser
// needs the names before any course is known; the functions themselves
// are bound per course by funcs.
var funcNames = []string{"money", "words", "days", "percent", "date", "units", "plural", "ref", "channel"}

func parseFuncs() template.FuncMap {
	m := template.FuncMap{}
	for _, n := range funcNames {
		m[n] = func(...any) (string, error) { return "", nil }
	}
	return m
}

// funcs binds the helpers to one course: its language, currency, seller
// and the numbers of the clauses in its contract.
func funcs(h *helpers) template.FuncMap {
	return template.FuncMap{
		"money":   h.money,
		"words":   h.words,
		"days":    h.days,
		"percent": h.percent,
		"date":    h.date,
		"units":   h.units,
		"plural":  h.plural,
		"ref":     h.ref,
		"channel": h.channel,
	}
}

// helpers are the template functions of one course. The memo calls them
// directly for the values it patches into a clause's text (see hole).
type helpers struct {
	l      string // the course's language
	cur    money.Currency
	clause func(id string) (*Clause, bool) // the contract's, for ref
	// channelText words the refund channel, once per contract.
	channelText func() string
}

func (h *helpers) money(v any) (string, error) {
	r, err := toRat(v)
	if err != nil {
		return "", fmt.Errorf("money: %w", err)
	}
	return money.FormatRat(r, h.cur, h.l), nil
}

func (h *helpers) words(v any) (string, error) {
	r, err := toRat(v)
	if err != nil {
		return "", fmt.Errorf("words: %w", err)
	}
	return spell.Amount(money.Round(r, h.cur), h.l)
}

func (h *helpers) days(v any) (string, error) {
	n, err := toInt(v)
	if err != nil {
		return "", fmt.Errorf("days: %w", err)
	}
	return lang.Days(h.l, n), nil
}

func (h *helpers) percent(v any) (string, error) {
	r, err := toRat(v)
	if err != nil {
		return "", fmt.Errorf("percent: %w", err)
	}
	return lang.Percent(h.l, r), nil
}

func (h *helpers) date(v any) (string, error) {
	d, ok := v.(time.Time)
	if !ok {
		return "", fmt.Errorf("date: %v is not a date (guard optional dates with {{ if … }})", v)
	}
	return lang.Date(h.l, d), nil
}

func (h *helpers) units(v any, unit string) (string, error) {
	n, err := toInt(v)
	if err != nil {
		return "", fmt.Errorf("units: %w", err)
	}
	return lang.Units(h.l, n, unit)
}

func (h *helpers) plural(v any, forms ...string) (string, error) {
	n, err := toInt(v)
	if err != nil {
		return "", fmt.Errorf("plural: %w", err)
	}
	return lang.Plural(h.l, n, forms...)
}

func (h *helpers) ref(id string) (string, error) {
	t, ok := h.clause(id)
	if !ok {
		return "", fmt.Errorf("ref: clause %q is not in this contract", id)
	}
	return "[" + t.Number + "](#" + t.Anchor + ")", nil
}

func (h *helpers) channel() string { return h.channelText() }

// ChannelText says in words how a refund statement is sent, with the
// seller's contact: "by e-mail to school@example.org", from the phrases
// of the course's library ([channel]).
func ChannelText(p *site.Phrases, seller site.Seller, channel, baseURL string) string {
	switch channel {
	case "form":
		return strings.TrimSpace(p.Text("channel.form", "url", baseURL))
	case "post":
		return p.Text("channel.post", "address", seller.Address)
	case "messenger":
		return p.Text("channel.messenger", "phone", seller.Phone)
	}
	return p.Text("channel.email", "email", seller.Email)
}

func toRat(v any) (*big.Rat, error) {
	switch x := v.(type) {
	case *big.Rat:
		if x == nil {
			return new(big.Rat), nil
		}
		return x, nil
	case int:
		return new(big.Rat).SetInt64(int64(x)), nil
	case int64:
		return new(big.Rat).SetInt64(x), nil
	case string:
		return money.ParseDecimal(x)
	}
	return nil, fmt.Errorf("%v is not a number", v)
}

func toInt(v any) (int, error) {
	switch x := v.(type) {
	case int:
		return x, nil
	case int64:
		return int(x), nil
	case *big.Rat:
		if x != nil && x.IsInt() && x.Num().IsInt64() {
			return int(x.Num().Int64()), nil
		}
	}
	return 0, fmt.Errorf("%v is not a whole number", v)
}
