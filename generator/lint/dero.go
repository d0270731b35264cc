package lint

import (
	"strings"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/site"
)

// The rules of German and Romanian law that read a contract's language
// and its statutory texts.

// anlage1 and anlage2 are sentences of the statutory model texts (Anlage 1
// and 2 to Art. 246a § 1 EGBGB) that no filled-in version leaves out. The
// library's wording is pinned in full against the official text by
// clauses_test (see testdata/statutory); lint only needs to see that the
// texts are there.
var (
	anlage1 = []string{
		"Sie haben das Recht, binnen vierzehn Tagen ohne Angabe von Gründen diesen Vertrag zu widerrufen.",
		"Die Widerrufsfrist beträgt vierzehn Tage ab dem Tag des Vertragsabschlusses.",
		"mittels einer eindeutigen Erklärung (z. B. ein mit der Post versandter Brief oder eine E-Mail) über Ihren Entschluss, diesen Vertrag zu widerrufen, informieren.",
		"Zur Wahrung der Widerrufsfrist reicht es aus, dass Sie die Mitteilung über die Ausübung des Widerrufsrechts vor Ablauf der Widerrufsfrist absenden.",
		"Folgen des Widerrufs",
		"in keinem Fall werden Ihnen wegen dieser Rückzahlung Entgelte berechnet.",
	}
	anlage2 = []string{
		"Muster-Widerrufsformular",
		"(Wenn Sie den Vertrag widerrufen wollen, dann füllen Sie bitte dieses Formular aus und senden Sie es zurück.)",
		"Hiermit widerrufe(n) ich/wir (*) den von mir/uns (*) abgeschlossenen Vertrag über den Kauf der folgenden Waren (*)/die Erbringung der folgenden Dienstleistung (*)",
		"Unterschrift des/der Verbraucher(s) (nur bei Mitteilung auf Papier)",
		"(*) Unzutreffendes streichen.",
	}
)

// plainText is a contract's Markdown as a reader sees it: without
// emphasis marks and backslash escapes, with runs of white space as one
// space.
func plainText(k *contract.Contract) string {
	var b strings.Builder
	for _, cl := range k.Clauses {
		b.WriteString(cl.Markdown)
		b.WriteString("\n")
	}
	s := strings.NewReplacer("**", "", `\*`, "*", `\(`, "(", `\)`, ")", `\[`, "[", `\]`, "]", `\_`, "_", `\-`, "-", `\.`, ".").Replace(b.String())
	return strings.Join(strings.Fields(s), " ")
}

// missing returns the first sentence of want that text lacks, or "".
func missing(text string, want []string) string {
	for _, w := range want {
		if !strings.Contains(text, strings.Join(strings.Fields(w), " ")) {
			return w
		}
	}
	return ""
}

// hasLanguageVersion reports whether the site has a course with the slug
// in the language.
func hasLanguageVersion(s *site.Site, slug, lang string) bool {
	for _, c := range s.Courses {
		if c.Slug == slug && c.Language == lang {
			return true
		}
	}
	return false
}

// StatutoryText: a de contract without the statutory model texts.
var StatutoryText = &Rule{
	Name:            "de/statutory-text",
	DefaultSeverity: Error,
	Jurisdictions:   []string{"de"},
	Doc: `A German contract lacks the statutory Widerrufsbelehrung (Anlage 1 to Art. 246a § 1 Abs. 2 EGBGB) or the Muster-Widerrufsformular (Anlage 2), as the law words them, or the seller's phone number that Anlage 1 requires in them; or a course under de has no German contract at all.

Why: the trader informs the consumer of the right of withdrawal with the statutory model text; only the model, used as the law words it and filled in as its Gestaltungshinweise say (name, address, phone number and e-mail address of the trader), is deemed to meet the information duty (Art. 246a § 1 Abs. 2 Satz 2 EGBGB). Defective information extends the withdrawal period to twelve months and fourteen days (§ 356 Abs. 3 BGB), and a consumer who withdraws from a started service then owes nothing for it (§ 357a Abs. 2 BGB). The model texts exist in German; a course sold only in another language has no statutory text to rely on.

Fires: a site clause that replaces the Widerrufsbelehrung with a paraphrase of its own; a de site without seller.phone.

Silent: the library's Widerrufsbelehrung and Muster-Widerrufsformular, filled in with the seller's name, address, e-mail and phone.

Fix: keep the library's clauses refund.ground.withdrawal-de and refund.process.model-form-de (a site clause replacing them must keep the statutory wording), set seller.phone, and publish each course under de in German (languages = ["de", …] with a German course file).`,
	Run: func(p *Pass) error {
		for _, k := range p.Contracts {
			c := k.Course
			if k.Lang != "de" {
				if !hasLanguageVersion(p.Site, c.Slug, "de") {
					p.Report(c.KeyPos("language"), c.Slug, "the course is sold under German law but has no German contract: the statutory Widerrufsbelehrung and Muster-Widerrufsformular (Anlagen 1 and 2 EGBGB) exist only in German; add a German version of the course")
				}
				continue
			}
			text := plainText(k)
			if m := missing(text, anlage1); m != "" {
				p.Report(refundPos(c, "grounds"), c.Slug, "the contract lacks the statutory Widerrufsbelehrung of Anlage 1 EGBGB as the law words it: %q is missing", m)
			}
			if m := missing(text, anlage2); m != "" {
				p.Report(refundPos(c, "grounds"), c.Slug, "the contract lacks the Muster-Widerrufsformular of Anlage 2 EGBGB as the law words it: %q is missing", m)
			}
			if strings.TrimSpace(p.Site.Config.Seller.Phone) == "" {
				p.Report(p.Site.Config.KeyPos("seller"), c.Slug, "seller.phone is not set: the Widerrufsbelehrung of Anlage 1 EGBGB names the trader's phone number (Gestaltungshinweis 2)")
			}
		}
		return nil
	},
}

// RoLanguage: a course sold under ro with no Romanian text.
var RoLanguage = &Rule{
	Name:            "ro/language",
	DefaultSeverity: Error,
	Jurisdictions:   []string{"ro"},
	Doc: `A course sold under Romanian law has no Romanian text: neither the course itself nor a course with the same slug is in Romanian (language = "ro").

Why: the information a consumer gets before and at the conclusion of the contract, the instructions on withdrawal and the formular tip de retragere of Annex 1 included, must be given in Romanian (OUG 34/2014 arts. 6 and 8; Law 296/2004, the Consumer Code, on information in Romanian). A contract only in another language leaves the consumer without the information the law requires, and the withdrawal period runs twelve months longer (OUG 34/2014 art. 10).

Fires: languages = ["en"] under jurisdiction "ro", with a course in English only.

Silent: languages = ["ro", "en"] and a Romanian course with the same slug as the English one.

Fix: add "ro" to languages in oferta.toml and a Romanian version of the course (a course file with language = "ro" and the same slug), or set the course's language to "ro".`,
	Run: func(p *Pass) error {
		for _, k := range p.Contracts {
			c := k.Course
			if k.Lang == "ro" || hasLanguageVersion(p.Site, c.Slug, "ro") {
				continue
			}
			p.Report(c.KeyPos("language"), c.Slug, "the course is sold under Romanian law but has no Romanian text (OUG 34/2014): add a Romanian version of the course")
		}
		return nil
	},
}

// DistanceLearning: a de course with learning control and no valid ZFU
// number.
var DistanceLearning = &Rule{
	Name:            "de/distance-learning",
	DefaultSeverity: Error,
	Jurisdictions:   []string{"de"},
	Doc: `A course under de controls learning success (learning_control, true by default unless format = "recorded") and has no zfu key, or its zfu is not in the form of a ZFU approval number (seven digits, sometimes followed by one lower-case letter; older approvals have six).

Why: under the Distance Learning Protection Act (FernUSG §§ 1, 7, 12) paid teaching given mostly at a distance with any control of learning success — homework review, feedback, even the chance to ask a teacher questions — needs the approval of the Staatliche Zentralstelle für Fernunterricht (ZFU); without it the contract is void and all money must be repaid. The Federal Court of Justice held in 2025 (BGH III ZR 109/24) that online mentoring is covered, for business clients too; a recorded course with any feedback is the core case. Purely live teaching is contested (OLG Celle 13 U 20/24 counts it), so live courses count as controlling learning unless the course says otherwise. The rule checks the number's form only; whether it was issued for this course is for the ZFU's register to say.

Fires: a personal course (learning_control by default) without zfu; zfu = "ZFU-Nr. 123".

Silent: zfu = "7312345" in a personal course; a recorded course with learning_control = false and no zfu.

Fix: set zfu = "…" to the course's approval number; or, if the course really has no learning control at all (no feedback, no homework review, no questions answered), set learning_control = false.`,
	Run: func(p *Pass) error {
		for _, k := range p.Contracts {
			c := k.Course
			if !c.LearningControl || site.ValidZFU(c.ZFU) {
				continue
			}
			if strings.TrimSpace(c.ZFU) == "" {
				// Without the key (line 1 is the file's fallback) point at
				// the format that makes learning_control default to true.
				pos := c.KeyPos("learning_control")
				if pos.Line <= 1 {
					pos = c.KeyPos("format")
				}
				p.Report(pos, c.Slug, "the course controls learning success (learning_control) and needs ZFU approval under FernUSG: set zfu to the approval number, or learning_control = false if there is no feedback at all")
				continue
			}
			p.Report(c.KeyPos("zfu"), c.Slug, "zfu = %q is not the form of a ZFU approval number (seven digits, sometimes followed by one lower-case letter, e.g. \"7312345\")", c.ZFU)
		}
		return nil
	},
}
