package site

import (
	"math/big"
	"path"
	"regexp"
	"strings"
	"time"

	"github.com/oferta-dev/oferta/generator/money"
)

// Course is one content/<slug>.toml file.
type Course struct {
	File     string // path relative to the site, "content/smm-mentoring.toml"
	Slug     string
	Title    string
	Format   string // recorded | group | personal
	Price    *big.Rat
	Currency string
	Language string
	Start    time.Time // zero when not set
	Includes []string
	ForWhom  string
	Results  string
	ZFU      string
	// LearningControl: the course reviews homework, gives feedback or
	// answers questions (FernUSG). Default true unless format = "recorded".
	LearningControl bool
	Duration        Duration
	Refund          RefundSettings // merged over the site's defaults
	FAQ             []FAQEntry
	Ignore          []Ignore
	keys            keyPositions
}

// Duration is how long a course runs, in units the refund formula counts.
type Duration struct {
	Unit  string // week | lesson | day | month
	Count int
}

// FAQEntry is an extra question of a course.
type FAQEntry struct {
	Question string
	Answer   string
	Pos      Pos
}

// Ignore suppresses one lint rule for a course.
type Ignore struct {
	Rule   string
	Reason string
	Pos    Pos
}

// KeyPos returns the position of a key path in the course file, falling
// back to the nearest enclosing table.
func (c *Course) KeyPos(path string) Pos { return lookupPos(c.File, c.keys, 0, path) }

// Formats, Units: the allowed values of format and duration.unit.
var (
	Formats = []string{"recorded", "group", "personal"}
	Units   = []string{"week", "lesson", "day", "month"}
)

var slugPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

func lookupCurrency(code string) (money.Currency, bool) { return money.Lookup(code) }

func decodeCourse(file, src string, cfg *Config) (*Course, error) {
	if err := checkUTF8(file, src, 0); err != nil {
		return nil, err
	}
	return decodeUTF8Course(file, src, cfg)
}

// decodeUTF8Course is decodeCourse of a src known to be UTF-8 (readText
// checked it).
func decodeUTF8Course(file, src string, cfg *Config) (*Course, error) {
	d, root, err := parseUTF8TOML(file, src, 0, CourseKeys)
	if err != nil {
		return nil, err
	}
	c := &Course{File: file, keys: d.pos}
	c.Title = root.String("title")
	if root.Has("title") && strings.TrimSpace(c.Title) == "" {
		d.errorf(root.Pos("title"), "title must not be empty")
	}
	c.Slug = strings.TrimSuffix(path.Base(file), ".toml")
	if root.Has("slug") {
		c.Slug = root.String("slug")
		if !slugPattern.MatchString(c.Slug) {
			d.errorf(root.Pos("slug"), "slug %q may hold only lower-case latin letters, digits and dashes (it becomes a folder of the site)", c.Slug)
		}
	} else if !slugPattern.MatchString(c.Slug) {
		d.errorf(Pos{File: file, Line: 1, Col: 1}, "the file name %q is not a usable slug: rename the file using lower-case latin letters, digits and dashes, or set slug = \"…\"", path.Base(file))
	}
	c.Format = root.String("format")
	c.Price = root.Decimal("price")
	var own RefundSettings
	if rt := root.Table("refund"); rt != nil {
		own = decodeRefund(rt)
	}
	c.Currency = cfg.Currency
	if root.Has("currency") {
		c.Currency = root.String("currency")
	}
	if cur, ok := lookupCurrency(c.Currency); ok && c.Price != nil && !money.IsWhole(c.Price, cur) {
		d.errorf(root.ValuePos("price"), "price has more decimals than %s has minor units (%d)", cur.Code, cur.Digits)
	}
	if cur, ok := lookupCurrency(c.Currency); ok {
		for _, ded := range own.Deductions {
			if ded.Amount != nil && !money.IsWhole(ded.Amount, cur) {
				d.errorf(ded.Pos, "the amount of deduction %q has more decimals than %s has minor units (%d)", ded.Name, cur.Code, cur.Digits)
			}
		}
	}
	c.Language = cfg.DefaultLanguage()
	if root.Has("language") {
		c.Language = root.String("language")
		if !contains(cfg.Languages, c.Language) {
			d.errorf(root.Pos("language"), "language %q is not one of the site's languages %s (see languages in oferta.toml)", c.Language, strings.Join(quoteAll(cfg.Languages), ", "))
		}
	}
	c.Start = root.Date("start")
	c.Includes = root.Strings("includes")
	c.ForWhom = root.String("for_whom")
	c.Results = root.String("results")
	c.ZFU = root.String("zfu")
	c.LearningControl = c.Format != "recorded"
	if root.Has("learning_control") {
		c.LearningControl = root.Bool("learning_control")
	}
	if dt := root.Table("duration"); dt != nil {
		c.Duration.Unit = dt.String("unit")
		c.Duration.Count = dt.Int("count")
		dt.Done()
	}
	c.Refund = cfg.Refund.Merge(own)
	for _, ft := range root.Tables("faq") {
		c.FAQ = append(c.FAQ, FAQEntry{Question: ft.String("question"), Answer: ft.String("answer"), Pos: ft.Pos("question")})
		ft.Done()
	}
	if lt := root.Table("lint"); lt != nil {
		for _, it := range lt.Tables("ignore") {
			c.Ignore = append(c.Ignore, Ignore{Rule: it.String("rule"), Reason: it.String("reason"), Pos: it.Pos("rule")})
			it.Done()
		}
		lt.Done()
	}
	root.Done()
	return c, d.errs.Err()
}

// zfuPattern is the form of a ZFU approval number as the ZFU prints it:
// seven digits, sometimes with one lower-case letter after them
// ("7312345", "7312345c"); six-digit numbers are older approvals.
var zfuPattern = regexp.MustCompile(`^[0-9]{6,7}[a-z]?$`)

// ValidZFU reports whether s has the form of a ZFU approval number. It
// checks the form only: whether the number was issued for this course is
// for the ZFU's public register to say.
func ValidZFU(s string) bool { return zfuPattern.MatchString(s) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
