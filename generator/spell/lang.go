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
	// one; 2–4, 22–24 → few; 0, 5–20, 25 → many), "romanian" (1 → one;
	// 0, 2–19 and numbers ending in 01–19 → few; 20 and up ending in 00 or
	// 20–99 → the form with «de»: «douăzeci de lei») or "one-other" (1 →
	// one; everything else → other).
	Plural string `json:"plural"`
	Zero   string `json:"zero"`
	// Units are 0..19 in the masculine form; Units[0] is unused.
	Units [20]string `json:"units"`
	// Gendered are the forms of 1 and 2 (and any other number) that
	// differ by gender: Gendered["f"]["1"] = "одна".
	Gendered map[string]map[string]string `json:"gendered,omitempty"`
	// One is the form of a lone 1 directly before a noun, by the noun's
	// gender: German «ein Euro», «eine Million»; Romanian «un leu», «o
	// mie». Languages whose 1 is the counted word leave it out.
	One map[string]string `json:"one,omitempty"`
	// Tens are 20, 30, …, 90 at index 2..9.
	Tens [10]string `json:"tens"`
	// TensJoin joins a ten and a unit: " " gives «двадцать один», "-"
	// gives "twenty-one", " și " «douăzeci și unu», "und" (with
	// UnitsFirst) «einundzwanzig».
	TensJoin string `json:"tens_join"`
	// UnitsFirst puts the unit before the ten (German).
	UnitsFirst bool `json:"units_first,omitempty"`
	// TensUnits are the forms of units inside a ten, where they differ
	// (German «ein» in «einundzwanzig»); they come before Gendered.
	TensUnits map[string]string `json:"tens_units,omitempty"`
	// Hundreds are 100, 200, …, 900 at index 1..9.
	Hundreds [10]string `json:"hundreds"`
	// Join joins the hundreds and the rest of a triad: " " in most
	// languages, "" in German («einhunderteins»).
	Join string `json:"join"`
	// Scales are the words for 10^3, 10^6 and 10^9.
	Scales [3]Noun `json:"scales"`
	// ScaleJoin joins a triad with its scale word and the scale word
	// with what follows: German writes numbers below a million as one
	// word («einundzwanzigtausendfünfhunderteins») and millions apart
	// («zwei Millionen dreihunderttausend»).
	ScaleJoin [3]string `json:"scale_join"`
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
var langs = map[string]*Lang{"ru": &ru, "en": &en, "de": &de, "ro": &ro}

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
	Tens:      [10]string{"", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто"},
	TensJoin:  " ",
	Join:      " ",
	ScaleJoin: [3]string{" ", " ", " "},
	Hundreds:  [10]string{"", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот"},
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
	Tens:      [10]string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"},
	TensJoin:  "-",
	Join:      " ",
	ScaleJoin: [3]string{" ", " ", " "},
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

// de writes numbers below a million as one word, the unit before the ten
// («einundzwanzig»), «eins» at the end of a number and «ein»/«eine»
// before a noun («ein Euro», «eintausend», «eine Million»), as amounts in
// words are written on German cheques and invoices.
var de = Lang{
	Plural: "one-other",
	Zero:   "null",
	Units: [20]string{"", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
		"zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn",
		"sechzehn", "siebzehn", "achtzehn", "neunzehn"},
	// Before «tausend» and «Millionen» a final 1 is «ein»
	// («einhunderteintausend»); before a currency it stays «eins»
	// («einhunderteins Euro»).
	Gendered:   map[string]map[string]string{Neuter: {"1": "ein"}, Feminine: {"1": "ein"}},
	One:        map[string]string{Masculine: "ein", Neuter: "ein", Feminine: "eine"},
	Tens:       [10]string{"", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"},
	TensJoin:   "und",
	UnitsFirst: true,
	TensUnits:  map[string]string{"1": "ein"},
	Hundreds: [10]string{"", "einhundert", "zweihundert", "dreihundert", "vierhundert", "fünfhundert",
		"sechshundert", "siebenhundert", "achthundert", "neunhundert"},
	Join: "",
	Scales: [3]Noun{
		{Forms: []string{"tausend", "tausend"}, Gender: Neuter},
		{Forms: []string{"Million", "Millionen"}, Gender: Feminine},
		{Forms: []string{"Milliarde", "Milliarden"}, Gender: Feminine},
	},
	ScaleJoin:        [3]string{"", " ", " "},
	Pattern:          "{major} {major_unit} und {minor} {minor_unit}",
	PatternWhole:     "{major} {major_unit}",
	PatternCode:      "{major} {code} und {minor}/{base}",
	PatternCodeWhole: "{major} {code}",
	Currencies: map[string]Currency{
		"EUR": {Major: Noun{[]string{"Euro", "Euro"}, Masculine}, Minor: Noun{[]string{"Cent", "Cent"}, Masculine}},
		"RUB": {Major: Noun{[]string{"Rubel", "Rubel"}, Masculine}, Minor: Noun{[]string{"Kopeke", "Kopeken"}, Feminine}},
		"USD": {Major: Noun{[]string{"US-Dollar", "US-Dollar"}, Masculine}, Minor: Noun{[]string{"Cent", "Cent"}, Masculine}},
		"GBP": {Major: Noun{[]string{"Pfund Sterling", "Pfund Sterling"}, Neuter}, Minor: Noun{[]string{"Penny", "Pence"}, Masculine}},
		"RON": {Major: Noun{[]string{"Leu", "Lei"}, Masculine}, Minor: Noun{[]string{"Ban", "Bani"}, Masculine}},
		"CHF": {Major: Noun{[]string{"Schweizer Franken", "Schweizer Franken"}, Masculine}, Minor: Noun{[]string{"Rappen", "Rappen"}, Masculine}},
	},
}

// ro puts «de» between a number ending in 00 or 20–99 and its noun
// («douăzeci de lei», «o mie de lei», but «o sută unu lei»), agrees 1 and
// 2 with the noun («douăzeci și una de mii», «două milioane») and writes a
// lone 1 as «un»/«o» («un leu», «o mie», «un milion»).
var ro = Lang{
	Plural: "romanian",
	Zero:   "zero",
	Units: [20]string{"", "unu", "doi", "trei", "patru", "cinci", "șase", "șapte", "opt", "nouă",
		"zece", "unsprezece", "doisprezece", "treisprezece", "paisprezece", "cincisprezece",
		"șaisprezece", "șaptesprezece", "optsprezece", "nouăsprezece"},
	Gendered: map[string]map[string]string{
		Feminine: {"1": "una", "2": "două", "12": "douăsprezece"},
		Neuter:   {"2": "două", "12": "douăsprezece"},
	},
	One:      map[string]string{Masculine: "un", Neuter: "un", Feminine: "o"},
	Tens:     [10]string{"", "", "douăzeci", "treizeci", "patruzeci", "cincizeci", "șaizeci", "șaptezeci", "optzeci", "nouăzeci"},
	TensJoin: " și ",
	Hundreds: [10]string{"", "o sută", "două sute", "trei sute", "patru sute", "cinci sute",
		"șase sute", "șapte sute", "opt sute", "nouă sute"},
	Join: " ",
	Scales: [3]Noun{
		{Forms: []string{"mie", "mii", "de mii"}, Gender: Feminine},
		{Forms: []string{"milion", "milioane", "de milioane"}, Gender: Neuter},
		{Forms: []string{"miliard", "miliarde", "de miliarde"}, Gender: Neuter},
	},
	ScaleJoin:        [3]string{" ", " ", " "},
	Pattern:          "{major} {major_unit} și {minor} {minor_unit}",
	PatternWhole:     "{major} {major_unit}",
	PatternCode:      "{major} {code} și {minor}/{base}",
	PatternCodeWhole: "{major} {code}",
	Currencies: map[string]Currency{
		"RON": {Major: Noun{[]string{"leu", "lei", "de lei"}, Masculine}, Minor: Noun{[]string{"ban", "bani", "de bani"}, Masculine}},
		"EUR": {Major: Noun{[]string{"euro", "euro", "de euro"}, Masculine}, Minor: Noun{[]string{"cent", "cenți", "de cenți"}, Masculine}},
		"USD": {Major: Noun{[]string{"dolar american", "dolari americani", "de dolari americani"}, Masculine}, Minor: Noun{[]string{"cent", "cenți", "de cenți"}, Masculine}},
		"GBP": {Major: Noun{[]string{"liră sterlină", "lire sterline", "de lire sterline"}, Feminine}, Minor: Noun{[]string{"penny", "pence", "de pence"}, Masculine}},
		"RUB": {Major: Noun{[]string{"rublă", "ruble", "de ruble"}, Feminine}, Minor: Noun{[]string{"copeică", "copeici", "de copeici"}, Feminine}},
	},
}
