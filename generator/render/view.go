package render

import "html/template"

// Page is what every theme layout receives. Strings are plain text (the
// templates escape them); fields of type template.HTML are already-sanitised
// HTML produced by the Markdown renderer.
type Page struct {
	Kind  string // "index", "contract", "faq", "refund", "widget", …
	Lang  string // language of the page: "ru", "en"
	Root  string // relative path from this page to the site root: "" or "../../"
	Path  string // this page's path from the site root, e.g. "smm/oferta/"
	Title string // text for <title>
	// Canonical is the absolute URL of the page when the site sets base_url.
	Canonical string
	Draft     bool // lint errors were ignored with --draft: mark the page
	Site      *SiteView
	Course    *CourseView   // nil on the index page
	Courses   []*CourseView // index page only
	// Cards are the index page's entries, one per course, each made by the
	// layout's "card" template (see Card), one after the other; index
	// page only. They come joined: a list of 10,000 courses printed entry
	// by entry would cost the template a call per course.
	Cards     template.HTML
	Contract  *ContractView // contract page only
	FAQ       *FAQView      // faq page only
	Statement *StatementView
	Calc      *CalcView // calc page only (oferta calc --format html)
	// ChangesHref is the course's redline page (from the site root), ""
	// when the course has no earlier edition.
	ChangesHref string
	Changes     *ChangesView  // changes page only
	Withdraw    *WithdrawView // withdraw page only (eu, de, ro)
	// Alternates are the same page in the site's other languages.
	Alternates []Alternate
}

// Alternate links to the same page in another language.
type Alternate struct {
	Lang string
	Href string // relative to the current page
}

// SiteView is the site-wide data every page may show.
type SiteView struct {
	Title        string
	BaseURL      string
	Jurisdiction string // ru | eu | de | ro
	Languages    []string
	Edition      string // edition date, formatted for the page's language
	EditionISO   string // 2026-11-01
	Seller       SellerView
	// WithdrawHref is the site-wide withdrawal function page of the
	// page's language from the site root (eu, de, ro), "" elsewhere.
	WithdrawHref string
}

// SellerView is who offers the contract.
type SellerView struct {
	Name     string
	Kind     string // ip | ooo | self-employed | company
	INN      string
	OGRN     string
	VATID    string
	Register string
	Address  string
	Email    string
	Phone    string
}

// CourseView is one course as pages show it. Hrefs are paths from the site
// root, so templates write {{ $.Root }}{{ .ContractHref }}.
type CourseView struct {
	Slug         string
	Title        string
	Format       string // recorded | group | personal
	FormatLabel  string // in words, in the page's language
	Price        string // formatted money: "80 000,00 ₽"
	PriceShort   string // on a course card: "80 000 ₽" (a fraction stays)
	PricePlain   string // "80000.00"
	Currency     string // ISO 4217
	Duration     string // "8 недель"
	Start        string // formatted date, or ""
	Includes     []string
	ForWhom      string
	Results      string
	ZFU          string
	ContractHref string // "smm/oferta/"
	// EditionHref is the permanent address of the edition in force
	// ("smm/oferta/2026-11-01/"), or ContractHref while no edition of
	// the course is frozen. Pages that state the edition link here.
	EditionHref string
	FAQHref     string // "smm/faq/"
	RefundHref  string // "smm/refund/"
	// RefundSummary is one plain sentence on how refunds work for this course.
	RefundSummary string
	ReviewDays    string // "10 дней"
	PayoutDays    string // "10 дней"
	Channel       string // how a statement is sent, in words, with the contact
}

// ContractView is the numbered public offer of one course.
type ContractView struct {
	Sections []SectionView
	// Edition and EditionISO are the date of the edition this page shows:
	// the edition in force, or an earlier one.
	Edition    string
	EditionISO string
	// Superseded marks an earlier frozen edition (<slug>/oferta/<date>/),
	// no longer in force since SupersededSince; the page links to the
	// contract in force (Course.ContractHref).
	Superseded         bool
	SupersededSince    string
	SupersededSinceISO string
	// Editions are the course's frozen editions, newest first: the
	// scheduled ones, the one in force and the earlier ones.
	Editions []EditionLink
	// InForce marks the page of the edition in force at its permanent
	// address (<slug>/oferta/<date>/).
	InForce bool
	// Coming marks a scheduled edition: frozen, in force from its date,
	// which is after the build date.
	Coming bool
	// PermanentHref is this edition's permanent address from the site
	// root; "" for a text no edition froze yet.
	PermanentHref string
	// PermanentURL is PermanentHref with the site's base_url.
	PermanentURL string
	// SHA256 is the fingerprint of the frozen edition file, "" for a
	// text no edition froze yet.
	SHA256 string
	// Next is the scheduled edition that will replace this one, if any.
	Next *EditionLink
}

// EditionLink points to one frozen edition of a course's contract.
type EditionLink struct {
	Date    string // formatted for the page's language
	DateISO string // 2026-11-01
	Href    string // from the site root: "smm/oferta/2026-11-01/"
	// State is "in-force", "coming" (scheduled) or "earlier".
	State string
	// SHA256 is the fingerprint of the edition file.
	SHA256 string
}

// SectionView is one numbered section of the contract.
type SectionView struct {
	Number  string // "1"
	Title   string
	Anchor  string // "s-refund"
	Clauses []ClauseView
}

// ClauseView is one numbered clause.
type ClauseView struct {
	Number string // "7.3"
	ID     string // "refund.deadline.payout"
	Anchor string // "c-refund-deadline-payout"
	Title  string
	Body   template.HTML
	// Block and Entry are the clause in the body and in the table of
	// contents, made by the contract layout's "clause" and "toc-clause"
	// templates when it defines them (see README, "Themes").
	Block, Entry template.HTML
}

// FAQView is the refund FAQ of one course.
type FAQView struct {
	Items []FAQItem
	// JSONLD is the schema.org FAQPage object, already serialised; put it
	// inside <script type="application/ld+json">.
	JSONLD template.JS
	// Table is the refund for every `used` from 0 to total; nil when the
	// course has no computable formula.
	Table *RefundTable
	// Example is one worked example in a sentence; may be empty.
	Example string
	// Calculator is the data for the in-browser calculator; nil when none.
	Calculator *CalculatorView
	// Edition and EditionISO are the edition the table and the calculator
	// compute under: the one in force.
	Edition    string
	EditionISO string
	// Coming is the scheduled edition, when one is frozen; the answers
	// above the table already read as it.
	Coming *EditionLink
}

// FAQItem is one question with its answer.
type FAQItem struct {
	Anchor   string
	Question string
	Answer   template.HTML
	// Proration marks the answer on the refund for a part of the course,
	// which the page follows with a pointer to its calculator (on screen
	// only: print hides the calculator).
	Proration bool
}

// RefundTable lists the refund for every number of units used.
type RefundTable struct {
	UnitHeader string // column header, e.g. "Пройдено недель"
	Price      string // the price the table assumes paid, formatted
	Rows       []RefundRow
	// Constant reports that the refund is the same whatever was used (a
	// flat policy): the table's introduction must not say it depends on it.
	Constant bool
	// GuaranteeNote explains the guarantee period when the course has one.
	GuaranteeNote string
}

// RefundRow is one line of the refund table.
type RefundRow struct {
	Used        int
	UsedLabel   string // "3 из 8"
	Amount      string // formatted: "47 600,00 ₽"
	AmountPlain string // "47600.00"
}

// CalculatorView is the data the browser calculator needs.
type CalculatorView struct {
	// Model is the JSON refund model (see generator/refund); put it inside
	// <script type="application/json" id="oferta-calc-model">.
	Model template.JS
	Total int
	Unit  string // unit word for the "used" input label
	Price string // plain decimal: "80000.00"
	// PriceTyped is the default of the "paid" input, with the page's
	// decimal mark: "80000,00" (ru, de, ro), "80000.00" (en).
	PriceTyped string
	// HintWhole and HintPart are the examples of the "paid" hint, from
	// the course's own price: the price in whole units ("9900") and about
	// half of it with a fraction, as typed on the page ("4950,50").
	HintWhole, HintPart string
	GuaranteeDays       int
	// Labels are the words of each line of the breakdown, as `oferta calc`
	// prints them (CalcLines), for calc.js's steps: JSON of
	// {"paid": "Оплачено", "delivered": ["Пройдено 0 недель из 8", …] (by
	// used), "deduction": ["Расход: …", …] (in the model's order), …}.
	Labels template.JS
}

// StatementView is the data that prefills the refund statement.
type StatementView struct {
	OfferURL string // link to the contract the client accepted
	Edition  string // formatted edition date
	// Editions are every edition a client may have paid under, newest
	// first, with absolute Hrefs when the site has a base_url; with more
	// than one, the form picks the edition by the date of payment.
	Editions     []EditionLink
	ReviewDays   string
	PayoutDays   string
	Channel      string // how to send the statement, in words
	Jurisdiction string
	// Grounds are the grounds the client may claim under (ru): the
	// statutory ones, each with the contract's clause where it has one.
	Grounds []GroundView
	// Currency and Digits let the page write the amount claimed in words.
	Currency string
	Digits   int
}

// GroundView is one ground of a refund claim on the statement.
type GroundView struct {
	Kind    string // withdrawal | defect | deadline: picks the theme's st_ru_ground_<kind> text
	Clause  string // the contract's clause number ("7.2"), "" when it has none
	Details bool   // the client says what went wrong (st_ru_ground_<kind>_details)
}

// CalcView is the printable refund calculation for one request.
type CalcView struct {
	Used        string // "3 из 8"
	Day         string // days since the start, "" when not given
	Paid        string
	Refund      string
	RefundPlain string
	RefundWords string // the refund in words; "" when the language has none
	// Client, Order and Date say whom the calculation is for; each may be
	// empty (the document then prints a blank to fill in by hand).
	Client, Order string
	Date, DateISO string // the day the request arrived
	Guarantee     bool
	FormulaText   string
	PolicyTitle   string
	PolicyRef     string // the policy clause's number in the contract, "6.7"
	Lines         []CalcLineView
	Deductions    []CalcLineView // the course's documented costs, with amounts
	// Notes are the sentences under the amounts (CalcNotes): the rule
	// applied on a course with a guarantee period, a late joiner, costs
	// not withheld.
	Notes []string
	// InlineCSS is the theme's stylesheet: the document is printed to
	// standard output and must stand alone.
	InlineCSS template.CSS
}

// CalcLineView is one line of the calculation.
type CalcLineView struct {
	Kind   string
	Label  string
	Amount string
	Total  bool // the final line
}

// ChangesView is the redline of a course's contract across its editions,
// newest first.
type ChangesView struct {
	Steps []ChangeStep
}

// ChangeStep is what changed from one edition to the next.
type ChangeStep struct {
	From, To       string // formatted dates; To is the edition in force or a draft
	FromISO, ToISO string
	FromHref       string
	ToHref         string
	Changes        []ChangeView
}

// ChangeView is one changed clause.
type ChangeView struct {
	Kind      string // added | removed | moved | changed
	Title     string
	OldNumber string
	NewNumber string
	// TitleWords is the redline of a changed title (nil when the title
	// stayed); Words is that of the text alone, so the title shows once.
	TitleWords []WordView
	Words      []WordView
}

// WordView is a piece of a redline: Op is "=", "+" or "-".
type WordView struct {
	Op   string
	Text string
	Gap  bool // a space goes before it: it follows the other kind of change directly
}
