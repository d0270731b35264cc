package lint

// Rules is every lint rule, in the order they run, each with its scope:
// a SiteScope rule checks oferta.toml and the clause library, once per
// lint; a CourseScope rule checks one course's contract, once per course
// (so that a lint after an edit may re-run it for the changed courses
// alone); a rule of both does each part in its pass. Validate checks the
// list: unique names, a default severity, a scope, and documentation of
// what the rule checks, why, how to fix it, and an example that fires and
// one that does not.
var Rules = []*Rule{
	// Clause text and formulas, as found while assembling: problems in
	// the clause library once, problems of each contract per course.
	TemplateInvalid.in(SiteScope | CourseScope),
	TemplateUndefined.in(SiteScope | CourseScope),
	ClauseUnknown.in(SiteScope | CourseScope),
	ClauseDuplicate.in(SiteScope),
	FormulaInvalid.in(SiteScope | CourseScope),
	StatutoryOverride.in(CourseScope),
	// The refund a formula gives.
	OutOfBounds.in(CourseScope),
	NotMonotonic.in(CourseScope),
	BelowProrata.in(CourseScope),
	// Refund terms: complete.
	GroundsMissing.in(CourseScope),
	DeadlineMissing.in(CourseScope),
	ProcessMissing.in(CourseScope),
	ReviewAfterPayout.in(CourseScope),
	// Refund terms: lawful.
	PayoutTooSlow.in(CourseScope),
	Waiver.in(CourseScope),
	FixedRetention.in(CourseScope),
	BankFee.in(CourseScope),
	DeductionSuspicious.in(CourseScope),
	Conditions.in(CourseScope),
	WithdrawalInfo.in(CourseScope),
	WithdrawalPeriod.in(CourseScope),
	WithdrawalFunction.in(SiteScope),
	StartConsent.in(CourseScope),
	Phone.in(CourseScope),
	SellerCountry.in(SiteScope),
	DistanceLearning.in(CourseScope),
	StatutoryText.in(CourseScope),
	RoLanguage.in(CourseScope),
	RuLanguage.in(SiteScope | CourseScope),
	// What the text says.
	TextWaiver.in(CourseScope),
	TextAccessRendered.in(CourseScope),
	TextTimeLimit.in(CourseScope),
	TextRetention.in(CourseScope),
	TextContradiction.in(CourseScope),
	DeadlineMismatch.in(CourseScope),
	// The seller, the site and the refund statement.
	RequisitesMissing.in(SiteScope),
	TaxIDInvalid.in(SiteScope),
	NameForm.in(SiteScope),
	SellerSample.in(SiteScope | CourseScope),
	BaseURLMissing.in(SiteScope),
	StatementFieldMissing.in(SiteScope | CourseScope),
	// Editions.
	EditionStale.in(CourseScope),
	// The [lint] settings.
	UnjustifiedIgnore.in(CourseScope),
	UnjustifiedDisable.in(SiteScope),
	UnknownRule.in(SiteScope | CourseScope),
}
