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
// of Go"). Like the Russian and English wording, every sentence follows
// from the formula's terms, in the third person (the contract and the FAQ
// both print it): the whole amount only when nothing is deducted, "at
// least" in the example when something may be withheld. A payment fee or
// a retention is never withheld on a withdrawal within the 14 days
// (Directive 2011/83/EU art. 13; BGB § 357; OUG 34/2014 art. 13), and the
// texts say so wherever they name one.
type describeWords struct {
	fee, retention                 string // each takes the percentage
	deductions                     string // takes the list of items with their prices
	item                           string // an item's name and its price
	flatWhole, flatLess            string // flatLess takes the list of what is deducted
	prorataDed, prorataPlain       string // prorataDed takes the items and the units; prorataPlain the units
	shares, floor                  string // shares takes the fee and retention list
	none, custom                   string
	example                        string // paid, used, total, "at least", refund
	atLeast                        string
	channelForm, channelPost       string
	channelMessenger, channelEmail string
}

var describeTable = map[string]describeWords{
	"de": {
		fee:              "die Gebühr, die der Zahlungsdienstleister für die Zahlung des Kunden tatsächlich einbehalten hat, höchstens %s des gezahlten Betrags (nicht bei einem Widerruf innerhalb der Widerrufsfrist und nicht bei einem Mangel oder einer Verspätung)",
		retention:        "die tatsächlich entstandenen und belegten Kosten des Anbieters, höchstens %s des gezahlten Betrags (nicht bei einem Widerruf innerhalb der Widerrufsfrist und nicht bei einem Mangel oder einer Verspätung)",
		deductions:       "der Preis der in diesem Vertrag genannten, gesondert bepreisten Leistungen, soweit sie erbracht wurden (%s)",
		item:             "„%s“ – %s",
		flatWhole:        "Der Anbieter erstattet den gesamten gezahlten Betrag, gleich wie viele Einheiten des Kurses bereits erbracht wurden.",
		flatLess:         "Der Anbieter erstattet den gezahlten Betrag, gleich wie viele Einheiten des Kurses bereits erbracht wurden; davon werden abgezogen: %s.",
		prorataDed:       "Vom gezahlten Betrag wird zuerst der Preis der in diesem Vertrag genannten, gesondert bepreisten Leistungen abgezogen, soweit sie erbracht wurden: %s. Der Rest wird durch die Zahl der Einheiten des Kurses (%s) geteilt, und der Kunde erhält den Teil zurück, der auf die Einheiten entfällt, die bis zum Eingang seiner Erklärung noch nicht erbracht wurden.",
		prorataPlain:     "Der gezahlte Betrag wird durch die Zahl der Einheiten des Kurses (%s) geteilt, und der Kunde erhält den Teil zurück, der auf die Einheiten entfällt, die bis zum Eingang seiner Erklärung noch nicht erbracht wurden.",
		shares:           " Von diesem Teil wird abgezogen: %s.",
		floor:            " Der Erstattungsbetrag ist nie kleiner als null.",
		none:             "Dieser Vertrag legt keine eigene Formel für die Erstattung fest.",
		custom:           "Der Erstattungsbetrag wird nach der Formel %s berechnet; dabei ist paid der gezahlte Betrag, used die bis zum Eingang der Erklärung erbrachten Einheiten des Kurses und total %s.",
		example:          "Hat der Kunde zum Beispiel %s gezahlt und beendet er den Vertrag nach %s von %d, erhält er %s%s zurück.",
		atLeast:          "mindestens ",
		channelForm:      "über das Formular auf der Website %s",
		channelPost:      "per Post an: %s",
		channelMessenger: "per Messenger an %s",
		channelEmail:     "per E-Mail an %s",
	},
	"ro": {
		fee:              "comisionul reținut efectiv de prestatorul serviciului de plată pentru plata consumatorului, cel mult %s din suma plătită (nu și la retragerea în termenul de 14 zile și nici în caz de neconformitate sau întârziere)",
		retention:        "costurile suportate efectiv de profesionist și dovedite cu documente, cel mult %s din suma plătită (nu și la retragerea în termenul de 14 zile și nici în caz de neconformitate sau întârziere)",
		deductions:       "prețul serviciilor cu preț separat menționate în acest contract, dacă au fost prestate (%s)",
		item:             "„%s” – %s",
		flatWhole:        "Profesionistul restituie întreaga sumă plătită, indiferent câte unități ale cursului au fost deja prestate.",
		flatLess:         "Profesionistul restituie suma plătită, indiferent câte unități ale cursului au fost deja prestate; din aceasta se scad: %s.",
		prorataDed:       "Din suma plătită se scade mai întâi prețul serviciilor cu preț separat menționate în acest contract, dacă au fost prestate: %s. Restul se împarte la numărul de unități ale cursului (%s), iar consumatorului i se restituie partea care revine unităților neprestate până la primirea declarației sale.",
		prorataPlain:     "Suma plătită se împarte la numărul de unități ale cursului (%s), iar consumatorului i se restituie partea care revine unităților neprestate până la primirea declarației sale.",
		shares:           " Din această parte se scad: %s.",
		floor:            " Suma restituită nu poate fi mai mică decât zero.",
		none:             "Prezentul contract nu stabilește o formulă proprie de calcul al sumei restituite.",
		custom:           "Suma restituită se calculează după formula %s, unde paid este suma plătită, used sunt unitățile cursului prestate până la primirea declarației, iar total este %s.",
		example:          "De exemplu, dacă consumatorul a plătit %s și încetează contractul după %s din %d, i se restituie %s%s.",
		atLeast:          "cel puțin ",
		channelForm:      "prin formularul de pe site-ul %s",
		channelPost:      "prin poștă, la adresa: %s",
		channelMessenger: "prin mesaj pe %s",
		channelEmail:     "prin e-mail la adresa %s",
	},
}

// describeIn is describe for a language of describeTable: the same
// sentences as the Russian and English wording, from the same terms.
func describeIn(k *Contract, w describeWords) Wording {
	t := k.Terms
	c := k.Course
	l := c.Language
	unitsTotal, _ := lang.Units(l, t.Total, c.Duration.Unit)
	hasDed := len(c.Refund.Deductions) > 0

	var items []string
	for _, d := range c.Refund.Deductions {
		items = append(items, fmt.Sprintf(w.item, d.Name, money.FormatRat(d.Amount, t.Currency, l)))
	}
	itemList := strings.Join(items, "; ")

	// Shares of the amount paid withheld at most.
	var shares []string
	if c.Refund.BankFeePercent.Sign() > 0 {
		shares = append(shares, fmt.Sprintf(w.fee, lang.Percent(l, c.Refund.BankFeePercent)))
	}
	if c.Refund.RetentionPercent.Sign() > 0 {
		shares = append(shares, fmt.Sprintf(w.retention, lang.Percent(l, c.Refund.RetentionPercent)))
	}

	var out Wording
	// The flat rule: paid - paid * (bank_fee + retention) - deductions.
	var flatLess []string
	if hasDed {
		flatLess = append(flatLess, fmt.Sprintf(w.deductions, itemList))
	}
	flatLess = append(flatLess, shares...)
	if len(flatLess) == 0 {
		out.Flat = w.flatWhole
	} else {
		out.Flat = fmt.Sprintf(w.flatLess, strings.Join(flatLess, "; ")) + w.floor
	}

	switch t.PolicyID {
	case refund.PolicyProrata:
		// (paid - deductions) * (total - used) / total - paid * (bank_fee + retention)
		var b strings.Builder
		if hasDed {
			fmt.Fprintf(&b, w.prorataDed, itemList, unitsTotal)
		} else {
			fmt.Fprintf(&b, w.prorataPlain, unitsTotal)
		}
		if len(shares) > 0 {
			fmt.Fprintf(&b, w.shares, strings.Join(shares, "; "))
		}
		b.WriteString(w.floor)
		out.Formula = b.String()
	case refund.PolicyFlat:
		out.Formula = out.Flat
	case refund.PolicyNone:
		out.Formula = w.none
	default:
		out.Formula = fmt.Sprintf(w.custom, t.Policy.String(), unitsTotal)
	}

	used := ExampleUsed(t.Total)
	res, err := refund.Compute(t, refund.Request{Used: used})
	if err != nil {
		return out
	}
	usedText, _ := lang.UnitsGenitive(l, used, c.Duration.Unit)
	// A fee, a share or a cost is withheld at most as stated: if it was
	// less, or not incurred, the client gets more.
	q := ""
	if hasDed || len(shares) > 0 {
		q = w.atLeast
	}
	out.Example = fmt.Sprintf(w.example, money.FormatRat(t.Price, t.Currency, l), usedText, t.Total, q, money.Format(res.Amount, l))
	return out
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
