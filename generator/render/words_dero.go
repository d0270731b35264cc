package render

import (
	"fmt"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/lang"
	"github.com/oferta-dev/oferta/generator/refund"
)

// German and Romanian page words and calculation labels. They are tables
// rather than branches of the ru/en code so that all four languages can
// move to the theme's i18n files in one step (issue 15, "prose out of Go").

var deWords = pageWords{
	contractTitle:  "Vertragsbedingungen",
	faqTitle:       "Erstattung: Fragen und Antworten",
	statementTitle: "Erklärung zu Widerruf oder Kündigung",
	changesTitle:   "Änderungen des Vertrags",
	formats:        map[string]string{"personal": "Persönliches Mentoring", "group": "Gruppenkurs", "recorded": "Aufgezeichneter Kurs"},
	usedOf:         "%d von %d",
	unitsOf:        "%s von %d",
	unitHeader:     "Erbracht (%s)",
	guaranteeNote:  "Innerhalb von %s ab Kursbeginn gilt eine Garantie: Sie erhalten %s zurück, gleich wie viel des Kurses erbracht wurde.",
	summary: map[string]string{
		"refund.policy.prorata": "Erstattung anteilig für den noch nicht erbrachten Teil des Kurses.",
		"refund.policy.flat":    "Erstattung des gezahlten Betrags unabhängig vom erbrachten Teil des Kurses, abzüglich der im Vertrag genannten Posten, falls es welche gibt.",
		"refund.policy.none":    "Erstattung nach dem Gesetz.",
		"":                      "Der Vertrag beschreibt, wie erstattet wird.",
	},
}

var roWords = pageWords{
	contractTitle:  "Contract",
	faqTitle:       "Restituiri: întrebări și răspunsuri",
	statementTitle: "Cerere de retragere și restituire",
	changesTitle:   "Modificările contractului",
	formats:        map[string]string{"personal": "Mentorat individual", "group": "Curs de grup", "recorded": "Curs înregistrat"},
	usedOf:         "%d din %d",
	unitsOf:        "%s din %d",
	unitHeader:     "Prestat (%s)",
	guaranteeNote:  "În %s de la începutul cursului se aplică o garanție: vi se restituie %s, oricât din curs ar fi fost prestat.",
	summary: map[string]string{
		"refund.policy.prorata": "Restituire proporțională cu partea din curs care nu a fost încă prestată.",
		"refund.policy.flat":    "Restituirea sumei plătite indiferent de partea prestată a cursului, mai puțin sumele enumerate în contract, dacă există.",
		"refund.policy.none":    "Restituire potrivit legii.",
		"":                      "Contractul descrie cum se fac restituirile.",
	},
}

// calcWords are the labels of a refund calculation in one language.
type calcWords struct {
	title, guarantee                   string
	paid, delivered, bankFee, retained string // delivered takes units done and the total
	cost, withheld, floor, rounding    string
	formula, result                    string
	inWords                            string // before the refund in words in the text format
}

var calcTable = map[string]calcWords{
	"de": {
		title:     "Berechnung der Erstattung",
		guarantee: "Die Erklärung fällt in den Garantiezeitraum: Der erbrachte Teil des Kurses wird nicht angerechnet.",
		paid:      "Gezahlt", delivered: "Erbracht: %s von %d", bankFee: "Zahlungsgebühr, ", retained: "Einbehalt, ",
		cost: "Kosten: ", withheld: "Nach dem Vertrag einbehalten", floor: "Eine Erstattung ist nie kleiner als null",
		rounding: "Rundung", formula: "Nach der Formel des Vertrags", result: "Erstattung",
		inWords: "In Worten: ",
	},
	"ro": {
		title:     "Calculul restituirii",
		guarantee: "Cererea este făcută în perioada de garanție: partea de curs prestată nu se ia în calcul.",
		paid:      "Plătit", delivered: "Prestat: %s din %d", bankFee: "Comision de plată, ", retained: "Reținere, ",
		cost: "Cost: ", withheld: "Reținut potrivit contractului", floor: "Restituirea nu poate fi mai mică decât zero",
		rounding: "Rotunjire", formula: "După formula din contract", result: "De restituit",
		inWords: "În litere: ",
	},
}

// calcLinesIn is CalcLines for a language of calcTable.
func calcLinesIn(k *contract.Contract, req refund.Request, res refund.Result, w calcWords) []CalcLine {
	l := k.Lang
	c := k.Course
	out := make([]CalcLine, 0, len(res.Steps))
	for _, s := range res.Steps {
		var label string
		switch s.Kind {
		case refund.StepPaid:
			label = w.paid
		case refund.StepDelivered:
			done, _ := lang.Units(l, req.Used, c.Duration.Unit)
			label = fmt.Sprintf(w.delivered, done, k.Terms.Total)
		case refund.StepBankFee:
			label = w.bankFee + lang.Percent(l, c.Refund.BankFeePercent)
		case refund.StepRetention:
			label = w.retained + lang.Percent(l, c.Refund.RetentionPercent)
		case refund.StepDeduction:
			label = w.cost + s.Name
		case refund.StepWithheld:
			label = w.withheld
		case refund.StepFloor:
			label = w.floor
		case refund.StepRounding:
			label = w.rounding
		case refund.StepFormula:
			label = w.formula
		case refund.StepResult:
			label = w.result
		default:
			label = s.Kind
		}
		out = append(out, CalcLine{Kind: s.Kind, Label: label, Amount: s.Amount})
	}
	return out
}

// calcTitle returns the calculation's title and its guarantee note.
func calcTitle(l string) (title, guarantee string) {
	if w, ok := calcTable[l]; ok {
		return w.title, w.guarantee
	}
	ru := l == "ru"
	return pick(ru, "Расчёт возврата", "Refund calculation"),
		pick(ru, "Заявление подано в гарантийный период: пройденная часть курса не учитывается.", "The request falls inside the guarantee period: the part of the course delivered is not counted.")
}
