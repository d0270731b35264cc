package main

import (
	"strings"
	"testing"

	"github.com/oferta-dev/oferta/generator/sitetest"
)

// TestRefundTableIntroFollowsTheFormula: the FAQ table of a course whose
// refund does not depend on what was used (the flat group course) says
// so, and a prorata course's says that it does; and the statement's
// withdrawal ground asks for what the contract and the law give, not for
// "the money less costs", which would understate a flat course's refund.
func TestRefundTableIntroFollowsTheFormula(t *testing.T) {
	tree := mustBuild(t, sitetest.ExampleSite(t))
	flat := tree["group-copywriting/faq/index.html"]
	prorata := tree["smm-mentoring/faq/index.html"]
	if flat == "" || prorata == "" {
		t.Fatal("the example school has no group-copywriting or smm-mentoring FAQ")
	}
	if !strings.Contains(flat, "Сумма возврата не зависит от того, какая часть курса уже пройдена") || strings.Contains(flat, "Сумма возврата зависит от того") {
		t.Error("the flat course's FAQ table says its refund depends on what was used")
	}
	if !strings.Contains(prorata, "Сумма возврата зависит от того, какая часть курса уже пройдена") {
		t.Error("the prorata course's FAQ table does not say its refund depends on what was used")
	}
	for _, p := range []string{"group-copywriting/refund/index.html", "smm-mentoring/refund/index.html"} {
		if strings.Contains(tree[p], "за вычетом расходов") {
			t.Errorf("%s: the withdrawal ground asks for the money less costs", p)
		}
	}
}
