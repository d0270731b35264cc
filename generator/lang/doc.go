// Package lang holds the facts about each language that pages and clause
// templates need: plural forms (through golang.org/x/text's CLDR rules),
// dates, percentages, and the words for course units and days.
//
// Russian, English, German and Romanian are complete, each with a
// built-in clause library and the default theme's UI strings (a test
// keeps Supported and those in step). German deadlines take the dative
// ("innerhalb von 14 Tagen"); Romanian puts "de" before the noun from 20
// on ("20 de zile", "101 zile").
package lang
