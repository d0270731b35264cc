package spell

// Gender of the word a number counts; it decides the form of 1 and 2 in
// Russian (один рубль, одна тысяча). Languages without such forms ignore
// it.
const (
	Masculine = "m"
	Feminine  = "f"
	Neuter    = "n"
)

// Noun is a counted word: its plural forms in the order of the language's
// plural rule and its gender.
type Noun struct {
	Forms  []string `json:"forms"`
	Gender string   `json:"gender"`
}

// Currency names a currency's major and minor unit in one language.
type Currency struct {
	Major Noun `json:"major"`
	Minor Noun `json:"minor"`
}

// Lang is how one language writes numbers and amounts. It is plain data:
// the browser receives it as JSON (see Script).
type Lang struct {
	// Plural names the plural rule: "slavic" (one, few, many: 1, 21 →
	// one; 2–4, 22–24 → few; 0, 5–20, 25 → many) or "one-other" (1 →
	// one; everything else → other).
	Plural string `json:"plural"`
	Zero   string `json:"zero"`
	// Units are 0..19 in the masculine form; Units[0] is unused.
	Units [20]string `json:"units"`
	// Gendered are the forms of 1 and 2 (and any other number) that
	// differ by gender: Gendered["f"]["1"] = "одна".
	Gendered map[string]map[string]string `json:"gendered,omitempty"`
	// Tens are 20, 30, …, 90 at index 2..9.
	Tens [10]string `json:"tens"`
	// TensJoin joins a ten and a unit: " " gives «двадцать один», "-"
	// gives "twenty-one".
	TensJoin string `json:"tens_join"`
	// Hundreds are 100, 200, …, 900 at index 1..9.
	Hundreds [10]string `json:"hundreds"`
	// Scales are the words for 10^3, 10^6 and 10^9.
	Scales [3]Noun `json:"scales"`
	// Pattern joins the parts of an amount: {major} the whole part in
	// words, {major_unit} its unit, {minor} the minor part in digits,
	// {minor_unit} its unit. PatternWhole is for currencies without a
	// minor unit.
	Pattern      string `json:"pattern"`
	PatternWhole string `json:"pattern_whole"`
	// PatternCode is for a currency this language does not name: {code}
	// is its ISO code and {minor}/{base} the minor part as a fraction.
	PatternCode      string `json:"pattern_code"`
	PatternCodeWhole string `json:"pattern_code_whole"`
	// Currencies by ISO 4217 code.
	Currencies map[string]Currency `json:"currencies"`
}

// langs holds every language with tables. Adding one is adding a value
// here (and, if it builds numbers differently, a rule in Amount and
// words.js).
var langs = map[string]*Lang{"ru": &ru, "en": &en}

var ru = Lang{
	Plural: "slavic",
	Zero:   "ноль",
	Units: [20]string{"", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять",
		"десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать",
		"шестнадцать", "семнадцать", "восемнадцать", "девятнадцать"},
	Gendered: map[string]map[string]string{
		Feminine: {"1": "одна", "2": "две"},
		Neuter:   {"1": "одно"},
	},
	Tens:     [10]string{"", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто"},
	TensJoin: " ",
	Hundreds: [10]string{"", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот"},
	Scales: [3]Noun{
		{Forms: []string{"тысяча", "тысячи", "тысяч"}, Gender: Feminine},
		{Forms: []string{"миллион", "миллиона", "миллионов"}, Gender: Masculine},
		{Forms: []string{"миллиард", "миллиарда", "миллиардов"}, Gender: Masculine},
	},
	Pattern:          "{major} {major_unit} {minor} {minor_unit}",
	PatternWhole:     "{major} {major_unit}",
	PatternCode:      "{major} {code} {minor}/{base}",
	PatternCodeWhole: "{major} {code}",
	Currencies: map[string]Currency{
		"RUB": {Major: Noun{[]string{"рубль", "рубля", "рублей"}, Masculine}, Minor: Noun{[]string{"копейка", "копейки", "копеек"}, Feminine}},
		"EUR": {Major: Noun{[]string{"евро", "евро", "евро"}, Masculine}, Minor: Noun{[]string{"цент", "цента", "центов"}, Masculine}},
		"USD": {Major: Noun{[]string{"доллар США", "доллара США", "долларов США"}, Masculine}, Minor: Noun{[]string{"цент", "цента", "центов"}, Masculine}},
		"GBP": {Major: Noun{[]string{"фунт стерлингов", "фунта стерлингов", "фунтов стерлингов"}, Masculine}, Minor: Noun{[]string{"пенс", "пенса", "пенсов"}, Masculine}},
		"RON": {Major: Noun{[]string{"румынский лей", "румынских лея", "румынских леев"}, Masculine}, Minor: Noun{[]string{"бан", "бана", "банов"}, Masculine}},
		"BYN": {Major: Noun{[]string{"белорусский рубль", "белорусских рубля", "белорусских рублей"}, Masculine}, Minor: Noun{[]string{"копейка", "копейки", "копеек"}, Feminine}},
		"KZT": {Major: Noun{[]string{"тенге", "тенге", "тенге"}, Masculine}, Minor: Noun{[]string{"тиын", "тиына", "тиынов"}, Masculine}},
	},
}

var en = Lang{
	Plural: "one-other",
	Zero:   "zero",
	Units: [20]string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
		"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
		"sixteen", "seventeen", "eighteen", "nineteen"},
	Tens:     [10]string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"},
	TensJoin: "-",
	Hundreds: [10]string{"", "one hundred", "two hundred", "three hundred", "four hundred", "five hundred",
		"six hundred", "seven hundred", "eight hundred", "nine hundred"},
	Scales: [3]Noun{
		{Forms: []string{"thousand", "thousand"}, Gender: Masculine},
		{Forms: []string{"million", "million"}, Gender: Masculine},
		{Forms: []string{"billion", "billion"}, Gender: Masculine},
	},
	Pattern:          "{major} {major_unit} and {minor} {minor_unit}",
	PatternWhole:     "{major} {major_unit}",
	PatternCode:      "{major} {code} and {minor}/{base}",
	PatternCodeWhole: "{major} {code}",
	Currencies: map[string]Currency{
		"RUB": {Major: Noun{[]string{"rouble", "roubles"}, Masculine}, Minor: Noun{[]string{"kopeck", "kopecks"}, Masculine}},
		"EUR": {Major: Noun{[]string{"euro", "euros"}, Masculine}, Minor: Noun{[]string{"cent", "cents"}, Masculine}},
		"USD": {Major: Noun{[]string{"US dollar", "US dollars"}, Masculine}, Minor: Noun{[]string{"cent", "cents"}, Masculine}},
		"GBP": {Major: Noun{[]string{"pound sterling", "pounds sterling"}, Masculine}, Minor: Noun{[]string{"penny", "pence"}, Masculine}},
		"RON": {Major: Noun{[]string{"Romanian leu", "Romanian lei"}, Masculine}, Minor: Noun{[]string{"ban", "bani"}, Masculine}},
	},
}
