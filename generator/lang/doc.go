// Package lang holds the facts about each language that pages and clause
// templates need: plural forms (through golang.org/x/text's CLDR rules),
// dates, percentages, and the words for course units and days.
//
// The facts are data, one file per language in data/<lang>.toml, embedded
// in the binary:
//
//	plural      the language's CLDR plural categories, in the order every
//	            list of plural forms follows: ["one", "few", "many"]
//	date        a date, from {day}, {month} and {year}
//	months      the twelve month names as a date writes them
//	percent     a percentage, from {n}; decimal is its decimal mark
//	locale      the language tag of Word documents: "ru-RU"
//	days_after  deadlines take the forms of units_after (German: "innerhalb
//	            von 14 Tagen")
//	[units]     day, week, lesson and month, one form per plural category
//	[units_after] the forms after "after" and "of" (Russian genitive "из 8
//	            недель", German dative "nach 3 Tagen"); without it, [units]
//
// A language without a file is written with the English tables. Supported
// lists the languages with a file; a test keeps it equal to the languages
// of the built-in clause library and of the default theme.
package lang
