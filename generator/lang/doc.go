// Package lang holds the facts about each language that pages and clause
// templates need: plural forms (through golang.org/x/text's CLDR rules),
// dates, percentages, and the words for course units and days.
//
// Russian and English are complete; German and Romanian have the same
// tables so that sites in those languages build, to be reviewed by native
// speakers.
package lang
