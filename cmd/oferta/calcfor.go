package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/oferta-dev/oferta/generator/render"
)

// calcForFlags adds --client, --order and --date to the calc command's
// flags. The returned function reads them after parsing: the client's
// name, the order number and the day the request arrived. The printable
// document (html) always carries a date, today's when --date is not
// given; the text and JSON formats carry only what was given, so that
// their output does not change from one day to the next.
func calcForFlags(fs *flag.FlagSet) func(document bool) (render.CalcFor, error) {
	client := fs.String("client", "", "the client's `name`, printed on the calculation")
	order := fs.String("order", "", "the order or payment `number`")
	date := fs.String("date", "", "the `day` the client's request arrived, YYYY-MM-DD (html default: today)")
	return func(document bool) (render.CalcFor, error) {
		who := render.CalcFor{Client: strings.TrimSpace(*client), Order: strings.TrimSpace(*order)}
		switch {
		case *date != "":
			d, err := time.Parse(time.DateOnly, *date)
			if err != nil {
				return who, fmt.Errorf("--date %q is not a date; write YYYY-MM-DD, e.g. 2026-12-01", *date)
			}
			who.Date = d
		case document:
			d, err := today()
			if err != nil {
				return who, err
			}
			who.Date = d
		}
		return who, nil
	}
}

// today is the current date, or OFERTA_TODAY (YYYY-MM-DD) when it is set,
// for reproducible output.
func today() (time.Time, error) {
	if s := os.Getenv("OFERTA_TODAY"); s != "" {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return time.Time{}, fmt.Errorf("OFERTA_TODAY=%q is not a date; write YYYY-MM-DD", s)
		}
		return d, nil
	}
	y, m, d := time.Now().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
}
