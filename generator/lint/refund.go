package lint

import (
	"strings"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/refund"
	"github.com/oferta-dev/oferta/generator/site"
)

// Rules on a course's refund terms: that they are complete (grounds,
// deadlines, a way to apply) and lawful (no waiver, no withheld fees).

// refundPos is where a refund key of a course is set: the course file or,
// for a value it inherits, oferta.toml. A key set nowhere is reported at
// the course's [refund] table, or at the top of the course file.
func refundPos(c *site.Course, key string) site.Pos {
	if p, ok := c.Refund.KeyPos(key); ok {
		return p
	}
	return c.KeyPos("refund")
}

// hasKind reports whether the contract holds a clause of the kind.
func hasKind(k *contract.Contract, kind string) bool {
	for _, cl := range k.Clauses {
		if cl.Source.Kind == kind {
			return true
		}
	}
	return false
}

// GroundsMissing: a course's contract names no ground for a refund.
var GroundsMissing = &Rule{
	Name:            "refund/grounds-missing",
	DefaultSeverity: Error,
	Doc: `A course's contract has no clause of kind "refund-ground": it never says when the client may ask for the money back.

Why: a public offer must state all essential terms (Russian Civil Code art. 437(2)), and a client who cannot find the grounds for a refund in the offer is the first step of the "refund funnel" that ends in complaints and court. The law gives the grounds anyway (withdrawal at any time under Civil Code art. 782 and consumer law art. 32; the 14-day withdrawal right of Directive 2011/83/EU); an offer that leaves them out reads as if there were none.

Fires: refund.grounds = [] in a course.

Silent: no refund.grounds key, which includes every ground clause of the library.

Fix: remove refund.grounds from the course to include every ground clause of the library, or list at least one existing ground, e.g. grounds = ["withdrawal", "defect"].`,
	Run: func(p *Pass) error {
		for _, k := range p.Contracts {
			if !hasKind(k, "refund-ground") {
				p.Report(refundPos(k.Course, "grounds"), k.Course.Slug, "the contract has no refund ground (no clause of kind \"refund-ground\"): say when the client may ask for the money back")
			}
		}
		return nil
	},
}

// DeadlineMissing: no review or payout deadline.
var DeadlineMissing = &Rule{
	Name:            "refund/deadline-missing",
	DefaultSeverity: Error,
	Doc: `A course has no deadline for reviewing a refund request (refund.review_days) or for paying the money out (refund.payout_days), or its contract has no clause of kind "deadline" that states them.

Why: without a deadline the client cannot tell when the seller is late, and the seller cannot show that it kept its word. Russian consumer law sets 10 days for meeting a money demand (ЗоЗПП arts. 22, 31); EU law sets 14 days for the refund after a withdrawal (Directive 2011/83/EU art. 13, BGB § 357, OUG 34/2014). A deadline of 0 days is not a deadline.

Fires: refund.review_days = 0, or no refund.payout_days in the course or in [refund] of oferta.toml.

Silent: review_days = 10 and payout_days = 10 in [refund] of oferta.toml.

Fix: set review_days and payout_days in [refund] of oferta.toml (for every course) or of the course, e.g. review_days = 10 and payout_days = 10, and keep the library's deadline clauses (refund.deadline.review, refund.deadline.payout).`,
	Run: func(p *Pass) error {
		for _, k := range p.Contracts {
			c := k.Course
			if c.Refund.ReviewDays == 0 {
				p.Report(refundPos(c, "review_days"), c.Slug, "no deadline for reviewing a refund request: set refund.review_days to a number of days, e.g. 10")
			}
			if c.Refund.PayoutDays == 0 {
				p.Report(refundPos(c, "payout_days"), c.Slug, "no deadline for paying a refund out: set refund.payout_days to a number of days, e.g. 10")
			}
			if !hasKind(k, "deadline") {
				p.Report(c.KeyPos("refund"), c.Slug, "the contract has no clause of kind \"deadline\": the refund deadlines are not stated anywhere")
			}
		}
		return nil
	},
}

// channelContact is the seller key a statement channel needs.
var channelContact = map[string]string{"email": "email", "post": "address", "messenger": "phone"}

// ProcessMissing: no way to send a refund statement.
var ProcessMissing = &Rule{
	Name:            "refund/process-missing",
	DefaultSeverity: Error,
	Doc: `A course has no refund.channel (how a refund statement is sent), or the seller contact that channel needs is missing: email needs seller.email, post needs seller.address, messenger needs seller.phone, and form needs base_url (the form's address in the contract).

Why: the client must know how to apply. A statement is what the seller needs before paying out (it proves at a tax audit that the payment was returned), and a contract that names no address to send it to leaves the client only the regulator and the court.

Fires: channel = "messenger" and no seller.phone; a course without refund.channel.

Silent: channel = "email" and seller.email set.

Fix: set channel in [refund] of oferta.toml (or of the course) to email, form, post or messenger, and fill in the matching contact in [seller].`,
	Run: func(p *Pass) error {
		cfg := p.Site.Config
		for _, k := range p.Contracts {
			c := k.Course
			ch := c.Refund.Channel
			if ch == "" {
				p.Report(refundPos(c, "channel"), c.Slug, "no refund.channel: say how a refund statement is sent (email, form, post or messenger)")
				continue
			}
			if ch == "form" {
				if cfg.BaseURL == "" {
					p.Report(refundPos(c, "channel"), c.Slug, "channel = \"form\" needs base_url in oferta.toml, so that the contract can say where the form is")
				}
				continue
			}
			key := channelContact[ch]
			if sellerField(cfg.Seller, key) == "" {
				p.Report(refundPos(c, "channel"), c.Slug, "channel = %q needs seller.%s in oferta.toml: the contract names no %s to send a statement to", ch, key, contactWord[key])
			}
		}
		return nil
	},
}

var contactWord = map[string]string{"email": "e-mail address", "address": "postal address", "phone": "phone number"}

// PayoutTooSlow: a payout deadline over the legal limit.
var PayoutTooSlow = &Rule{
	Name:            "refund/payout-too-slow",
	DefaultSeverity: Error,
	Doc: `refund.payout_days is longer than the law allows: more than 10 days under ru, more than 14 days under eu, de and ro.

Why: ru — a consumer's money demand must be met within 10 days (ЗоЗПП arts. 22 and 31; that art. 31 covers a plain withdrawal is debated, but 10 days is the safe ceiling courts apply). eu/de/ro — the trader must refund within 14 days of being told of the withdrawal (Directive 2011/83/EU art. 13; BGB § 357(1); OUG 34/2014 art. 13). The deadline is when the seller sends the money, not when it arrives, so card processing time does not count against it.

Fires: refund.payout_days = 11 under ru.

Silent: refund.payout_days = 10 under ru.

Fix: set payout_days to at most 10 (ru) or 14 (eu, de, ro).`,
	Run: func(p *Pass) error {
		limit := 14
		if p.Site.Config.Jurisdiction == "ru" {
			limit = 10
		}
		for _, k := range p.Contracts {
			c := k.Course
			if c.Refund.PayoutDays > limit {
				p.Report(refundPos(c, "payout_days"), c.Slug, "refund.payout_days = %d is over the legal limit of %d days under %s law", c.Refund.PayoutDays, limit, p.Site.Config.Jurisdiction)
			}
		}
		return nil
	},
}

// waiverWords mark a clause id that waives the right to a refund.
var waiverWords = []string{"waiver", "no-refund", "no-refunds", "non-refundable"}

// waiverClause reports whether a clause's kind or id marks it as a waiver
// of the right to a refund.
func waiverClause(c *site.Clause) bool {
	// Without allocating: every contract asks this of some fifty clauses.
	for id := c.ID; id != ""; {
		seg, rest, _ := strings.Cut(id, ".")
		for _, w := range waiverWords {
			if seg == w ||
				(len(seg) > len(w) && strings.HasPrefix(seg, w) && seg[len(w)] == '-') ||
				(len(seg) > len(w) && strings.HasSuffix(seg, w) && seg[len(seg)-len(w)-1] == '-') {
				return true
			}
		}
		id = rest
	}
	return false
}

// Waiver: the contract takes away the right to a refund.
var Waiver = &Rule{
	Name:            "refund/waiver",
	DefaultSeverity: Error,
	Doc: `The course's refund policy is "none", its formula gives 0 whatever was used, or its contract includes a clause whose id marks a waiver of refunds (a part of the id "waiver", "no-refund" or "non-refundable", e.g. refund.waiver or refund.no-refund-after-start).

Why: ru — the client may withdraw at any time and pays only the seller's actual, documented costs (Civil Code art. 782(1); ЗоЗПП art. 32). The right cannot be removed by contract: such terms are void (ЗоЗПП art. 16) and including them is an administrative offence; courts strike down "no refunds" and "access granted = service rendered". eu/de/ro — the consumer may withdraw within 14 days and then owes at most the share of the price for what was delivered (Directive 2011/83/EU arts. 9, 14(3); BGB § 357a; OUG 34/2014 art. 25 forbids waiving the right).

Fires: refund.policy = "none"; a formula that gives 0 whatever was used; a site clause with id = "refund.waiver".

Silent: refund.policy = "prorata" and no clause whose id marks a waiver.

Fix: use policy "prorata" (refund the undelivered share) or "flat", list the actual costs as [[refund.deductions]], and remove the waiver clause.`,
	Run: func(p *Pass) error {
		for _, k := range p.Contracts {
			c := k.Course
			if k.Terms != nil {
				if k.Terms.PolicyID == refund.PolicyNone {
					p.Report(refundPos(c, "policy"), c.Slug, "refund.policy %q refunds nothing: the right to withdraw and get back the undelivered share cannot be waived", c.Refund.Policy)
				} else if a, ok, err := p.Analysis(k); ok && err == nil && a.Outside.Max.Sign() == 0 {
					p.Report(refundPos(c, "policy"), c.Slug, "the formula of %s refunds 0 whatever was used: the right to withdraw and get back the undelivered share cannot be waived", k.Terms.PolicyID)
				}
			}
			for _, cl := range k.Clauses {
				if p.texts.waiver(cl.Source) {
					p.Report(cl.Source.Pos(), c.Slug, "clause %s waives the right to a refund, and the contract of course %q includes it", cl.Source.ID, c.Slug)
				}
			}
		}
		return nil
	},
}

// FixedRetention: a flat share kept from every refund (ru).
var FixedRetention = &Rule{
	Name:            "refund/fixed-retention",
	DefaultSeverity: Warning,
	Doc: `refund.retention_percent is above 0: the seller keeps a fixed share of the price from every refund.

Why: ru — a client who withdraws pays only the costs the seller actually incurred for this contract, and they must be documented (Civil Code art. 782(1); ЗоЗПП art. 32). Courts strike down fixed retention percentages and "platform fees" as terms that infringe consumer rights (ЗоЗПП art. 16). eu/de/ro — a consumer who withdraws owes at most the share of the total price for what was delivered (Directive 2011/83/EU art. 14(3); BGB § 357a; OUG 34/2014), and after the withdrawal period a flat share must still match the trader's real loss. It is a warning, not an error, because a seller who can document that its costs always reach that share may still defend it; the percentage itself proves nothing. Above 10 % it is an error whatever [lint] severity says: courts strike down such fixed shares, and no documented cost of one client reaches a tenth of the price before the course has run (the 5 % some experts keep is about what a payment fee and a diagnostics session cost).

Fires: retention_percent = 20 (error); retention_percent = 3 (warning).

Silent: retention_percent = 0, with the real costs as [[refund.deductions]].

Fix: set retention_percent = 0 and list the real costs as [[refund.deductions]] (name and amount), withheld only when actually incurred. If you keep it, add an [lint] ignore with the reason.`,
	Run: func(p *Pass) error {
		for _, k := range p.Contracts {
			c := k.Course
			if r := c.Refund.RetentionPercent; r != nil && r.Sign() > 0 {
				if r.Cmp(maxRetentionPercent) > 0 {
					p.ReportError(refundPos(c, "retention_percent"), c.Slug, "refund.retention_percent = %s keeps a fixed share of every refund, over the %s %% no documented costs can justify; only actual, documented costs may be withheld", ratText(r), ratText(maxRetentionPercent))
					continue
				}
				p.Report(refundPos(c, "retention_percent"), c.Slug, "refund.retention_percent = %s keeps a fixed share of every refund; only actual, documented costs may be withheld", ratText(r))
			}
		}
		return nil
	},
}

// WithdrawalPeriod: under EU law the refund table and calculator ignore
// the 14-day withdrawal period.
var WithdrawalPeriod = &Rule{
	Name:            "eu/withdrawal-period",
	DefaultSeverity: Warning,
	Jurisdictions:   []string{"eu", "de", "ro"},
	Doc: `A course under eu, de or ro has no guarantee period of at least 14 days (refund.guarantee_days), so its refund table, calculator and oferta calc apply the policy formula from the first day.

Why: the consumer may withdraw within 14 days of the contract without giving a reason (Directive 2011/83/EU art. 9; BGB § 355; OUG 34/2014 art. 9). Unless the consumer expressly asked for the course to start within that period, they owe nothing for it (art. 14(4)); for recorded lessons the right ends only with prior express consent and acknowledgement (art. 16(m)). The contract's EU clauses say so, but the amounts the FAQ page and the calculator show would take a share for the days used. It is a warning because a seller who collects the express request at checkout may lawfully charge that share.

A course whose contract lacks the express-request texts gets the error eu/start-consent instead of this warning.

Fires: an eu course without refund.guarantee_days (or with 0).

Silent: refund.guarantee_days = 14.

Fix: set guarantee_days = 14 (or more) so that requests inside the withdrawal period are refunded as flat, or add a [lint] ignore with the reason (for example, that every client requests the early start at checkout and the confirmation is stored).`,
	Run: func(p *Pass) error {
		for _, k := range p.Contracts {
			c := k.Course
			if missing, _ := lacksStartConsent(k); missing {
				continue // eu/start-consent reports it, as an error
			}
			if c.Refund.GuaranteeDays < 14 {
				pos := refundPos(c, "guarantee_days")
				p.Report(pos, c.Slug, "refund.guarantee_days = %d: the refund table and calculator apply the policy inside the 14-day withdrawal period, when a consumer who did not ask for an early start owes nothing", c.Refund.GuaranteeDays)
			}
		}
		return nil
	},
}

// BankFee: the payment fee is withheld from a refund.
var BankFee = &Rule{
	Name:            "refund/bank-fee",
	DefaultSeverity: Error,
	SeverityIn:      map[string]Severity{"ru": Warning},
	Doc: `refund.bank_fee_percent is above 0: the payment-processing fee is withheld from a refund.

Why: eu/de/ro (error) — after a withdrawal the trader must refund all payments using the same means of payment, and the consumer must not incur any fees for it (Directive 2011/83/EU art. 13; BGB § 357; OUG 34/2014 art. 13). ru (warning) — whether the acquiring fee counts as a cost the seller "actually incurred" under Civil Code art. 782 and ЗоЗПП art. 32 is contested: some courts accept it with the bank's statement, others treat it as the seller's business expense. So it is flagged, not failed — up to a realistic fee. Above 4 % it is an error under ru whatever [lint] severity says: Russian internet acquiring and payment aggregators charge about 2.5–3.9 % for cards (the СБП at most 0.7 %), so a higher "fee" is not the fee actually withheld on the payment but a retention under another name.

Fires: bank_fee_percent = 15 under ru (error); bank_fee_percent = 3 under ru (warning); any fee under eu, de and ro (error).

Silent: bank_fee_percent = 0.

Fix: set bank_fee_percent = 0. Under ru you may keep it (and add a [lint] ignore with the reason) if you can show the fee the processor kept on this payment.`,
	Run: func(p *Pass) error {
		for _, k := range p.Contracts {
			c := k.Course
			if f := c.Refund.BankFeePercent; f != nil && f.Sign() > 0 {
				if p.Site.Config.Jurisdiction == "ru" && f.Cmp(maxBankFeePercent) > 0 {
					p.ReportError(refundPos(c, "bank_fee_percent"), c.Slug, "refund.bank_fee_percent = %s is above any real acquiring fee (at most %s %% for cards): it is a retention, not the fee actually withheld", ratText(f), ratText(maxBankFeePercent))
					continue
				}
				p.Report(refundPos(c, "bank_fee_percent"), c.Slug, "refund.bank_fee_percent = %s withholds the payment fee from a refund", ratText(f))
			}
		}
		return nil
	},
}

// WithdrawalInfo: the contract does not inform of the 14-day withdrawal
// right (eu, de, ro).
var WithdrawalInfo = &Rule{
	Name:            "eu/withdrawal-info",
	DefaultSeverity: Error,
	Jurisdictions:   []string{"eu", "de", "ro"},
	Doc: `The course's contract has no refund-ground clause whose id contains "withdrawal": it does not tell the consumer of the 14-day right of withdrawal.

Why: the trader must inform the consumer of the right to withdraw within 14 days without giving a reason (Directive 2011/83/EU arts. 6(1)(h), 9; BGB § 312g with Art. 246a EGBGB and its model text, Anlage 1; OUG 34/2014). Without that information the withdrawal period runs 12 months longer (art. 10), and a consumer who withdraws from a service already started owes nothing for it (art. 14(4)).

Fires: refund.grounds = ["defect"] in a course of an eu site.

Silent: no refund.grounds key, so the contract has every ground of the library, refund.ground.withdrawal-eu included.

Fix: keep the library's refund.ground.withdrawal-eu clause: remove refund.grounds from the course, or add "withdrawal-eu" to it.`,
	Run: func(p *Pass) error {
		for _, k := range p.Contracts {
			found := false
			for _, cl := range k.Clauses {
				if cl.Source.Kind == "refund-ground" && strings.Contains(cl.Source.ID, "withdrawal") {
					found = true
					break
				}
			}
			if !found {
				p.Report(refundPos(k.Course, "grounds"), k.Course.Slug, "the contract does not inform of the 14-day right of withdrawal (no refund-ground clause with \"withdrawal\" in its id)%s", languageHint(p.Site, k))
			}
		}
		return nil
	},
}
