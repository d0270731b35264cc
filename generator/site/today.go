package site

import (
	"fmt"
	"os"
	"time"
)

// TodayEnv names the environment variable that fixes the build date
// (YYYY-MM-DD) for reproducible builds and tests. Without it the date is
// the machine's local calendar date.
const TodayEnv = "OFERTA_TODAY"

// Today returns the build date: the value of OFERTA_TODAY when it is set,
// otherwise today's date on the machine's clock, in its time zone. An
// edition dated after it is scheduled, not in force. The result is a
// midnight in UTC, like the dates read from TOML.
func Today() (time.Time, error) {
	if v, ok := os.LookupEnv(TodayEnv); ok {
		d, err := time.Parse("2006-01-02", v)
		if err != nil {
			return time.Time{}, &Error{Err: fmt.Errorf("%s=%q is not a date like 2026-12-01 (YYYY-MM-DD); unset it to use today's date", TodayEnv, v)}
		}
		return d, nil
	}
	y, m, d := time.Now().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
}
