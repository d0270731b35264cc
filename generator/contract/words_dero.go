package contract

import (
	"fmt"
	"strings"

	"github.com/oferta-dev/oferta/generator/lang"
	"github.com/oferta-dev/oferta/generator/money"
	"github.com/oferta-dev/oferta/generator/refund"
	"github.com/oferta-dev/oferta/generator/site"
)

// German and Romanian phrases of the refund rule in words and of the
// statement channel. They sit in tables (not in the ru/en if-chains of
// terms.go and funcs.go) so that they can move to the library's message
// files together with the Russian and English ones (issue 15, "prose out
// of Go").
type describeWords struct {
	fee, retention, deductions     string // each takes the percentage where it has %s
	lessIntro                      string
	prorata, flat, none, custom    string
	prorataDed                     string // prorata with deductions: units, deductions, the rest of lessText
	example                        string // paid, used, total, refund
	channelForm, channelPost       string
	channelMessenger, channelEmail string
}

var describeTable = map[string]describeWords{
	"de": {
		fee:              "die Zahlungsgebühr von %s des gezahlten Betrags",
		retention:        "ein Einbehalt von %s des gezahlten Betrags",
		deductions:       "die in diesem Vertrag aufgeführten, belegten Kosten, soweit sie tatsächlich angefallen sind",
		lessIntro:        "; davon werden abgezogen: ",
		prorata:          "Der Kurs umfasst %s. Sie erhalten den Anteil des gezahlten Betrags zurück, der dem Anteil des noch nicht erbrachten Kurses entspricht%s. Der Erstattungsbetrag ist nie kleiner als null.",
		prorataDed:       "Der Kurs umfasst %s. Vom gezahlten Betrag wird zuerst abgezogen: %s; vom Rest erhalten Sie den Anteil zurück, der dem Anteil des noch nicht erbrachten Kurses entspricht%s. Der Erstattungsbetrag ist nie kleiner als null.",
		flat:             "Sie erhalten den gesamten gezahlten Betrag zurück, gleich wie viel des Kurses bereits erbracht wurde%s. Der Erstattungsbetrag ist nie kleiner als null.",
		none:             "Dieser Vertrag legt keine eigene Erstattungsformel fest.",
		custom:           "Der Erstattungsbetrag wird nach der Formel %s berechnet; dabei ist paid der gezahlte Betrag, used die erbrachten Einheiten des Kurses und total %s.",
		example:          "Haben Sie %s gezahlt und beenden den Vertrag nach %s von %d, erhalten Sie %s zurück.",
		channelForm:      "über das Formular auf der Website %s",
		channelPost:      "per Post an: %s",
		channelMessenger: "per Messenger an %s",
		channelEmail:     "per E-Mail an %s",
	},
	"ro": {
		fee:              "comisionul de plată de %s din suma plătită",
		retention:        "o reținere de %s din suma plătită",
		deductions:       "costurile documentate enumerate în acest contract, dacă au fost efectiv suportate",
		lessIntro:        "; din aceasta se scad: ",
		prorata:          "Cursul durează %s. Vi se restituie partea din suma plătită egală cu partea din curs care nu a fost încă prestată%s. Suma restituită nu este niciodată mai mică decât zero.",
		prorataDed:       "Cursul durează %s. Din suma plătită se scad mai întâi %s; din rest vi se restituie partea egală cu partea din curs care nu a fost încă prestată%s. Suma restituită nu este niciodată mai mică decât zero.",
		flat:             "Vi se restituie întreaga sumă plătită, oricât din curs ar fi fost deja prestat%s. Suma restituită nu este niciodată mai mică decât zero.",
		none:             "Prezentul contract nu stabilește o formulă proprie de restituire.",
		custom:           "Suma restituită se calculează după formula %s, unde paid este suma plătită, used unitățile de curs prestate, iar total este %s.",
		example:          "Dacă ați plătit %s și încetați contractul după %s din %d, vi se restituie %s.",
		channelForm:      "prin formularul de pe site-ul %s",
		channelPost:      "prin poștă, la adresa: %s",
		channelMessenger: "prin mesaj pe %s",
		channelEmail:     "prin e-mail la adresa %s",
	},
}

// describeIn is describe for a language of describeTable.
func describeIn(k *Contract, w describeWords) Wording {
	var formulaText, example string
	t := k.Terms
	c := k.Course
	l := c.Language
	unitsTotal, _ := lang.Units(l, t.Total, c.Duration.Unit)
	var less []string
	if c.Refund.BankFeePercent.Sign() > 0 {
		less = append(less, fmt.Sprintf(w.fee, lang.Percent(l, c.Refund.BankFeePercent)))
	}
	if c.Refund.RetentionPercent.Sign() > 0 {
		less = append(less, fmt.Sprintf(w.retention, lang.Percent(l, c.Refund.RetentionPercent)))
	}
	if len(c.Refund.Deductions) > 0 {
		less = append(less, w.deductions)
	}
	lessText := ""
	if len(less) > 0 {
		lessText = w.lessIntro + strings.Join(less, "; ")
	}
	switch t.PolicyID {
	case refund.PolicyProrata:
		// (paid - deductions) * (total - used) / total - paid * (bank_fee + retention):
		// the deductions come off the amount paid before it is shared out.
		if len(c.Refund.Deductions) > 0 {
			fees := less[:len(less)-1]
			feeText := ""
			if len(fees) > 0 {
				feeText = w.lessIntro + strings.Join(fees, "; ")
			}
			formulaText = fmt.Sprintf(w.prorataDed, unitsTotal, w.deductions, feeText)
			break
		}
		formulaText = fmt.Sprintf(w.prorata, unitsTotal, lessText)
	case refund.PolicyFlat:
		formulaText = fmt.Sprintf(w.flat, lessText)
	case refund.PolicyNone:
		formulaText = w.none
	default:
		formulaText = fmt.Sprintf(w.custom, t.Policy.String(), unitsTotal)
	}
	used := ExampleUsed(t.Total)
	res, err := refund.Compute(t, refund.Request{Used: used})
	flatText := fmt.Sprintf(w.flat, lessText)
	if err != nil {
		return Wording{Formula: formulaText, Flat: flatText}
	}
	usedText, _ := lang.UnitsGenitive(l, used, c.Duration.Unit)
	example = fmt.Sprintf(w.example, money.FormatRat(t.Price, t.Currency, l), usedText, t.Total, money.Format(res.Amount, l))
	return Wording{Formula: formulaText, Flat: flatText, Example: example}
}

// channelIn is ChannelText for a language of describeTable.
func channelIn(seller site.Seller, channel, baseURL string, w describeWords) string {
	switch channel {
	case "form":
		return strings.TrimSpace(fmt.Sprintf(w.channelForm, baseURL))
	case "post":
		return fmt.Sprintf(w.channelPost, seller.Address)
	case "messenger":
		return fmt.Sprintf(w.channelMessenger, seller.Phone)
	}
	return fmt.Sprintf(w.channelEmail, seller.Email)
}
