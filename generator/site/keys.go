package site

import (
	"fmt"
	"regexp"

	"github.com/oferta-dev/oferta/generator/money"
)

// The key tables below are the one description of what oferta.toml, a
// course file and a clause's front matter may hold: names, types, allowed
// values, ranges, required keys and a sentence for each. The strict decoder
// reads every key through them (an accessor looks its key up here, and
// Done rejects whatever a table does not list), and `oferta schema` turns
// the same tables into JSON Schemas for editors. A key added here is known
// to both at once; a key read by the decoder but missing here is a panic
// that every test decoding it reports.

// Kind is the TOML type of a key's value.
type Kind int

// The kinds of values.
const (
	KindString  Kind = iota + 1
	KindInt          // a whole number within [Min, Max]
	KindDecimal      // an exact number: TOML integer, decimal, or decimal string
	KindBool
	KindDate    // a TOML local date, or a string "2026-11-01"
	KindStrings // an array of strings; Enum and Pattern apply to each element
	KindTable   // a table with the keys in Keys
	KindTables  // an array of tables with the keys in Keys
	KindMap     // a table with free keys (Pattern); Elem describes each value
)

var kindNames = [...]string{KindString: "string", KindInt: "whole number", KindDecimal: "decimal", KindBool: "boolean",
	KindDate: "date", KindStrings: "array of strings", KindTable: "table", KindTables: "array of tables", KindMap: "table of free keys"}

func (k Kind) String() string {
	if k > 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Key describes one key of a TOML document.
type Key struct {
	Name     string
	Kind     Kind
	Required bool
	Doc      string
	Enum     []string       // the allowed values of a string, or of each element of a string array
	EnumHint string         // said instead of listing a long Enum in a message
	Pattern  *regexp.Regexp // a string (or each element, or a map's key) must match it
	// Min and Max bound a KindInt. A KindDecimal is bounded only where
	// Bounded is set; MinExclusive makes its lower bound strict (price > 0).
	Min, Max     int64
	Bounded      bool
	MinExclusive bool
	NoMax        bool
	Default      any    // shown to editors; the decoder applies defaults itself
	Keys         []*Key // KindTable, KindTables and the top-level document
	Elem         *Key   // KindMap: every value
}

// Field returns the sub-key called name, or nil.
func (k *Key) Field(name string) *Key {
	for _, f := range k.Keys {
		if f.Name == name {
			return f
		}
	}
	if k.Kind == KindMap && k.Elem != nil {
		e := *k.Elem
		e.Name = name
		return &e
	}
	return nil
}

// Names returns the names of the sub-keys, in order.
func (k *Key) Names() []string {
	out := make([]string, len(k.Keys))
	for i, f := range k.Keys {
		out[i] = f.Name
	}
	return out
}

// field is Field for the decoder: a key the decoder reads must be listed.
func (k *Key) field(name string) *Key {
	if f := k.Field(name); f != nil {
		return f
	}
	panic(fmt.Sprintf("site: key %q of %q is read by the decoder but missing from the key tables in keys.go", name, k.Name))
}

func str(name, doc string) *Key { return &Key{Name: name, Kind: KindString, Doc: doc} }

func (k *Key) required() *Key { k.Required = true; return k }

var (
	refundKeys = []*Key{
		{Name: "review_days", Kind: KindInt, Min: 0, Max: 365, Doc: "Days to review a refund request."},
		{Name: "payout_days", Kind: KindInt, Min: 0, Max: 365, Doc: "Days to pay the money out once a refund is due."},
		{Name: "bank_fee_percent", Kind: KindDecimal, Bounded: true, Min: 0, Max: 100, Doc: "Payment-processing fee withheld from a refund, in percent (at most the fee actually withheld)."},
		{Name: "channel", Kind: KindString, Enum: Channels, Doc: "How a client sends a refund statement."},
		{Name: "policy", Kind: KindString, Doc: "How a refund is computed: prorata, flat, none, or the id of a formula clause (kind = \"proration\")."},
		{Name: "guarantee_days", Kind: KindInt, Min: 0, Max: 3650, Doc: "Inside this many days of the start, the refund is computed as `flat`."},
		{Name: "retention_percent", Kind: KindDecimal, Bounded: true, Min: 0, Max: 100, Doc: "A flat share kept by the seller, in percent."},
		{Name: "grounds", Kind: KindStrings, Doc: "Ids of refund-ground clauses; default: every ground clause whose `when` holds."},
		{Name: "conditions", Kind: KindStrings, Doc: "Ids of eligibility clauses."},
		{Name: "alternatives", Kind: KindStrings, Doc: "Alternatives offered before a refund (freeze, transfer, extend-access)."},
		{Name: "params", Kind: KindMap, Pattern: identPattern, Doc: "Extra numbers for a custom formula, read as params.<name>.",
			Elem: &Key{Kind: KindDecimal, Doc: "A number for the formula."}},
		{Name: "deductions", Kind: KindTables, Doc: "Documented costs withheld when incurred.", Keys: []*Key{
			str("name", "What the cost is, e.g. \"Diagnostics session\".").required(),
			{Name: "amount", Kind: KindDecimal, Required: true, Bounded: true, Min: 0, NoMax: true, Doc: "The amount, in the course's currency."},
		}},
	}

	// ConfigKeys describes oferta.toml.
	ConfigKeys = &Key{Name: "oferta.toml", Kind: KindTable, Keys: []*Key{
		str("title", "The school's name.").required(),
		str("base_url", "Address the site is published at, e.g. \"https://example.org/\"; required to build for publishing."),
		{Name: "languages", Kind: KindStrings, Pattern: knownLanguage, Default: []any{"ru"}, Doc: "Languages of the site (ru | en | de | ro); the first is built at the root, the others under /<lang>/."},
		{Name: "jurisdiction", Kind: KindString, Required: true, Enum: Jurisdictions, Doc: "Whose law the lint rules apply."},
		{Name: "currency", Kind: KindString, Enum: currencyCodes(), EnumHint: currencyHint, Default: "RUB", Doc: "ISO 4217 currency code; a course may override it."},
		{Name: "edition", Kind: KindDate, Required: true, Doc: "Date of the contract edition in force, e.g. 2026-11-01."},
		{Name: "unsafe_html", Kind: KindBool, Default: false, Doc: "Keep raw HTML in clauses (dropped unless true)."},
		{Name: "theme", Kind: KindString, Pattern: slugPattern, Default: "default", Doc: "A folder under themes/; the built-in theme is \"default\"."},
		{Name: "seller", Kind: KindTable, Required: true, Doc: "Who offers the contract.", Keys: []*Key{
			str("name", "The seller's full name or company name.").required(),
			{Name: "kind", Kind: KindString, Required: true, Enum: SellerKinds, Doc: "Legal form of the seller."},
			str("inn", "ru: ИНН (10 or 12 digits), as a string."),
			str("ogrn", "ru: ОГРН (13 digits) or ОГРНИП (15 digits), as a string."),
			str("vat_id", "eu/de/ro: VAT number."),
			str("register", "eu/de/ro: trade register entry, if any."),
			str("country", "eu/de/ro: the country where the seller is established, in words."),
			str("address", "Postal address."),
			str("email", "E-mail address for statements and questions."),
			str("phone", "Phone number; printed wherever the seller is addressed."),
			str("registration", "ru: the record in ЕГРЮЛ/ЕГРИП with its date and the registering authority (ЗоЗПП art. 9)."),
			str("hours", "Working hours of support, with the time zone."),
			str("license", "ru: the education licence number, or the status the seller works under (273-ФЗ)."),
			str("bank", "Settlement account details, if given."),
			str("representative", "de: who may represent a company (GmbH, UG, AG …), e.g. \"Erika Muster (Geschäftsführerin)\" (§ 5 DDG: Vertretungsberechtigter); printed in the seller's details."),
		}},
		{Name: "refund", Kind: KindTable, Doc: "Refund defaults for every course; a course's [refund] overrides them.", Keys: refundKeys},
		{Name: "withdrawal", Kind: KindTable, Doc: "eu/de/ro: how the withdrawal function (art. 11a) reaches the seller.", Keys: []*Key{
			str("endpoint", "Where \"Confirm withdrawal\" POSTs the form (the seller's form service, https://…); without it the function composes an e-mail to seller.email."),
		}},
		{Name: "lint", Kind: KindTable, Doc: "Lint settings.", Keys: []*Key{
			{Name: "disable", Kind: KindTables, Doc: "Rules switched off for this site, each with a reason; statutory rules cannot be switched off.", Keys: []*Key{
				str("rule", "The rule id, e.g. \"refund/bank-fee\".").required(),
				str("reason", "Why the rule does not apply (required by lint/unjustified-disable)."),
			}},
			{Name: "severity", Kind: KindMap, Doc: "Severity per rule id, e.g. { \"refund/fixed-retention\" = \"error\" }.",
				Elem: &Key{Kind: KindString, Enum: []string{"error", "warning"}, Doc: "error or warning."}},
		}},
	}}

	// CourseKeys describes a course file, content/<slug>.toml.
	CourseKeys = &Key{Name: "course", Kind: KindTable, Keys: []*Key{
		str("title", "The course's name.").required(),
		{Name: "slug", Kind: KindString, Pattern: slugPattern, Doc: "The course's folder on the site; default: the file name without .toml."},
		{Name: "format", Kind: KindString, Required: true, Enum: Formats, Doc: "How the course is given."},
		{Name: "price", Kind: KindDecimal, Required: true, Bounded: true, Min: 0, MinExclusive: true, NoMax: true, Doc: "Price in the currency: a number or a decimal string, greater than 0."},
		{Name: "currency", Kind: KindString, Enum: currencyCodes(), EnumHint: currencyHint, Doc: "ISO 4217 currency code; default: the site's."},
		{Name: "language", Kind: KindString, Pattern: knownLanguage, Doc: "One of the site's languages; default: the site's first."},
		{Name: "start", Kind: KindDate, Doc: "Start date, e.g. 2026-12-01."},
		{Name: "includes", Kind: KindStrings, Doc: "What the client gets."},
		str("for_whom", "Who the course is for."),
		str("results", "What results can be expected (no promises)."),
		str("zfu", "de only: the distance-learning approval number (ZFU)."),
		{Name: "learning_control", Kind: KindBool, Doc: "de: the course reviews homework, gives feedback or answers questions (FernUSG); default true unless format = \"recorded\"."},
		{Name: "duration", Kind: KindTable, Required: true, Doc: "How long the course runs, in the units a refund formula counts.", Keys: []*Key{
			{Name: "unit", Kind: KindString, Required: true, Enum: Units, Doc: "The unit of the duration."},
			{Name: "count", Kind: KindInt, Required: true, Min: 1, Max: 1000, Doc: "How many units."},
		}},
		{Name: "refund", Kind: KindTable, Doc: "Refund terms of this course, over the site's [refund].", Keys: refundKeys},
		{Name: "faq", Kind: KindTables, Doc: "Extra questions for the FAQ page.", Keys: []*Key{
			str("question", "The question.").required(),
			str("answer", "The answer, in Markdown.").required(),
		}},
		{Name: "lint", Kind: KindTable, Doc: "Lint settings of this course.", Keys: []*Key{
			{Name: "ignore", Kind: KindTables, Doc: "Findings to suppress for this course; each needs a reason.", Keys: []*Key{
				str("rule", "The rule id, e.g. \"refund/fixed-retention\".").required(),
				str("reason", "Why the finding does not apply (required by lint/unjustified-ignore)."),
			}},
		}},
	}}

	// ClauseKeys describes the TOML front matter of a clause file.
	ClauseKeys = &Key{Name: "clause", Kind: KindTable, Keys: []*Key{
		{Name: "id", Kind: KindString, Required: true, Pattern: idPattern, Doc: "Unique within a language; dotted lower-case words, e.g. \"refund.ground.withdrawal\"."},
		{Name: "kind", Kind: KindString, Required: true, Enum: Kinds, Doc: "What the clause is; decides how a course picks it."},
		str("section", "The section of the contract it belongs to.").required(),
		str("title", "The clause's title.").required(),
		{Name: "weight", Kind: KindInt, Min: -1000000, Max: 1000000, Doc: "Order inside the section."},
		str("when", "An expression; the clause applies only when it holds, e.g. 'course.format != \"recorded\"'."),
		{Name: "jurisdictions", Kind: KindStrings, Enum: Jurisdictions, Doc: "Where the clause applies; default: everywhere."},
		str("formula", "kind \"proration\" only: the refund formula."),
		{Name: "faq", Kind: KindTable, Doc: "A question this clause also answers on the FAQ page.", Keys: []*Key{
			str("question", "The question.").required(),
			str("answer", "The answer, in Markdown with placeholders.").required(),
		}},
	}}

	// sectionsKeys describes a theme's sections.toml.
	sectionsKeys = &Key{Name: "sections.toml", Kind: KindTable, Keys: []*Key{
		{Name: "section", Kind: KindTables, Doc: "The sections of the contract, in order.", Keys: []*Key{
			str("id", "Section id, referred to by clauses.").required(),
			str("title", "The section's title.").required(),
		}},
	}}
)

const currencyHint = `an ISO 4217 code oferta knows, such as "RUB" or "EUR"`

func currencyCodes() []string { return money.Codes() }
