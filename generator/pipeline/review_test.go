package pipeline_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/site"
)

// TestConsumerLawReview pins what a consumer lawyer's reading of the
// example sites (December 2026) asked the clause library to change: each
// case names a site, a course, where to look (a clause id, "faq" for the
// FAQ answers, "" for the whole contract) and words that must or must
// not be there. The golden pages show the same texts in full.
func TestConsumerLawReview(t *testing.T) {
	root := filepath.Join("..", "..")
	sites := map[string]string{
		"ru": root,
		"eu": filepath.Join(root, "cmd", "oferta", "testdata", "eu-school"),
		"de": filepath.Join(root, "examples", "de"),
		"ro": filepath.Join(root, "examples", "ro"),
	}
	contracts := map[string]map[string]*contract.Contract{}
	for name, dir := range sites {
		checked, err := pipeline.Check(dir, site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()})
		if err != nil {
			t.Fatal(err)
		}
		contracts[name] = map[string]*contract.Contract{}
		for _, k := range checked.Contracts {
			contracts[name][k.Lang+"/"+k.Course.Slug] = k
		}
	}
	for _, c := range []struct {
		why, site, course, where string
		want, not                []string
	}{
		{"5: no unilateral rescheduling (Civil Code art. 310)", "ru", "ru/smm-mentoring", "service.changes",
			[]string{"меняется только по соглашению сторон", "Клиент вправе отказаться от договора"}, []string{"за 24 часа", "вправе перенести"}},
		{"5", "eu", "en/group-copywriting", "service.changes", []string{"only by agreement of the parties"}, []string{"at least 24 hours in advance"}},
		{"6: recordings only where the course lists them", "ru", "ru/english-speaking-club", "service.format.group",
			[]string{"Если в разделе «Предмет договора» указаны записи занятий"}, []string{"Запись каждого занятия размещается"}},
		{"6", "de", "de/deutsch-b1", "service.format.group", []string{"Nennt der Abschnitt „Gegenstand des Vertrags“ Aufzeichnungen"}, []string{"Eine Aufzeichnung jedes Termins steht im persönlichen Bereich bereit, damit"}},
		{"7: every channel for a statement", "ru", "ru/smm-mentoring", "refund.process.statement",
			[]string{"по электронной почте на адрес hello@school.example или почтой по адресу: 420111"}, nil},
		{"8: a recorded course's term", "ru", "ru/recorded-excel", "service.format.recorded", []string{"Срок оказания услуги — срок доступа: 12 месяцев"}, nil},
		{"8", "eu", "en/recorded-excel", "service.format.recorded", []string{"The term of the service is the access period: 12 months"}, nil},
		{"9: examples fit the format", "ru", "ru/recorded-excel", "refund.ground.defect", []string{"содержание уроков не соответствует описанию курса"}, []string{"живых занятий"}},
		{"9", "ru", "ru/recorded-excel", "refund.ground.missed-deadline", []string{"не открыл Клиенту доступ к урокам"}, []string{"по расписанию"}},
		{"10: no missed-session rule under a flat formula", "ru", "ru/group-copywriting", "", nil, []string{"пропустил", "781"}},
		{"11: FAQ answers speak to the client", "ru", "ru/english-speaking-club", "faq", []string{"вы ещё не получили"}, []string{"Клиент"}},
		{"11", "ru", "en/english-speaking-club", "faq", nil, []string{"the client"}},
		{"11", "de", "de/deutsch-b1", "faq", nil, []string{"der Kunde", "Der Anbieter"}},
		{"11", "ro", "ro/engleza-b1", "faq", nil, []string{"consumatorul", "Profesionistul"}},
		{"12: the EU price includes VAT, no acquiring bank", "eu", "en/smm-mentoring", "price.amount", []string{"It is the total price and includes VAT."}, nil},
		{"12", "eu", "en/smm-mentoring", "", nil, []string{"acquiring"}},
		{"13: the payout deadline is not met merely by sending", "eu", "en/smm-mentoring", "refund.deadline.payout",
			[]string{"a delay in the transfer is the seller's risk, not the client's"}, []string{"met when the seller has sent"}},
		{"13", "de", "de/deutsch-b1", "refund.deadline.payout", []string{"das Risiko einer Verzögerung trägt der Anbieter"}, []string{"darauf hat der Anbieter keinen Einfluss"}},
		{"14: an ADR statement", "eu", "en/smm-mentoring", "disputes.eu", []string{"neither willing nor obliged to take part in dispute resolution proceedings"}, nil},
		{"14", "ro", "ro/engleza-b1", "disputes.anpc-sal-ro", []string{"nu s-a angajat și nu este obligat să participe"}, nil},
		{"15: the Impressum names the representative", "de", "de/deutsch-b1", "requisites.seller-de", []string{"Vertreten durch: Erika Musterfrau (Geschäftsführerin)"}, nil},
		{"16: a guarantee that deducts is no money-back guarantee", "de", "de/deutsch-b1", "", nil, []string{"Geld-zurück"}},
		{"19: the waiting rule both ways", "ru", "ru/smm-mentoring", "service.format.personal",
			[]string{"если наставник опоздал более чем на 15 минут или не пришёл, встреча не считается проведённой"}, nil},
		{"2: a late joiner's units", "ru", "ru/english-speaking-club", "refund.process.late-start", []string{"вместо полного объёма курса (8 уроков) берётся число единиц Клиента"}, nil},
	} {
		k := contracts[c.site][c.course]
		if k == nil {
			t.Errorf("%s: no course %s on the %s site", c.why, c.course, c.site)
			continue
		}
		var text strings.Builder
		for _, x := range texts(k) {
			switch {
			case c.where == "faq" && !x.contract, c.where == "" && x.contract, c.where != "" && x.id == c.where && x.contract:
				text.WriteString(x.body + "\n")
			}
		}
		got := strings.NewReplacer("\\", "", "\u00a0", " ").Replace(text.String()) // Markdown escapes, no-break spaces
		if got == "" {
			t.Errorf("%s: %s has no %q", c.why, c.course, c.where)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %s %s lacks %q:\n%s", c.why, c.course, c.where, w, got)
			}
		}
		for _, w := range c.not {
			if strings.Contains(got, w) {
				t.Errorf("%s: %s %s still says %q", c.why, c.course, c.where, w)
			}
		}
	}
}
