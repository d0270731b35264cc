package main

import (
	"strings"
	"testing"
)

// TestPagesReadRight: the page texts a consumer lawyer read in December
// 2026 — the refund page says both deadlines run from the day the
// statement arrives (the answer comes within the payout period, the two do
// not add up), and no sentence ends in a doubled full stop after a Russian
// date («1 декабря 2026 г..»).
func TestPagesReadRight(t *testing.T) {
	tree := mustBuild(t, exampleSiteWithEditions(t))
	refund := norm(tree["smm-mentoring/refund/index.html"])
	for _, w := range []string{
		"Ответим с расчётом суммы, считая со дня получения заявления, в течение</dt><dd>10 дней",
		"Деньги поступят в ваш банк, считая тоже со дня получения заявления (срок ответа входит в этот срок), в течение</dt><dd>10 дней",
	} {
		if !strings.Contains(refund, w) {
			t.Errorf("the refund page lacks %q", w)
		}
	}
	for name, page := range tree {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		if i := strings.Index(page, "г.</time></a>."); i >= 0 {
			t.Errorf("%s: a doubled full stop after a date: …%s…", name, page[max(0, i-80):i+16])
		}
		if strings.Contains(norm(page), " г..") {
			t.Errorf("%s: a doubled full stop after a date", name)
		}
	}
	if faq := norm(tree["smm-mentoring/faq/index.html"]); !strings.Contains(faq, "2026 г.</time></a></p>") {
		t.Errorf("the FAQ's edition line does not end with the date's own full stop")
	}
}
