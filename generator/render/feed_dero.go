package render

import "github.com/oferta-dev/oferta/generator/edition"

// feedDeRo are the Atom feed's words in German and Romanian (see
// words_dero.go for why they are tables).
var feedDeRo = map[string]feedText{
	"de": {
		feedTitle: "%s: Fassungen der Verträge",
		subtitle:  "Jede neue Fassung der Vertragsbedingungen jedes Kurses, mit den Änderungen.",
		title:     "%s: Vertragsfassung vom %s",
		first:     "Erste Fassung des Vertrags.",
		changed:   "Änderungen gegenüber der Fassung vom %s (Klauseln: %d):",
		coming:    "Tritt am %s in Kraft; bis zu diesem Tag gilt die bisherige Fassung.",
		kinds:     map[string]string{edition.Added: "Neue Klausel", edition.Removed: "Gestrichene Klausel", edition.Moved: "Verschobene Klausel", edition.Changed: "Geänderte Klausel"},
	},
	"ro": {
		feedTitle: "%s: versiunile contractelor",
		subtitle:  "Fiecare nouă versiune a condițiilor contractuale ale fiecărui curs, cu modificările.",
		title:     "%s: versiunea contractului din %s",
		first:     "Prima versiune a contractului.",
		changed:   "Modificări față de versiunea din %s (clauze: %d):",
		coming:    "Intră în vigoare la %s; până în acea zi se aplică versiunea anterioară.",
		kinds:     map[string]string{edition.Added: "Clauză nouă", edition.Removed: "Clauză eliminată", edition.Moved: "Clauză mutată", edition.Changed: "Clauză modificată"},
	},
}
