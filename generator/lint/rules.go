package lint

// Rules is every lint rule, in the order they run. A test checks the list:
// unique names, documentation present, a default severity, and every rule
// the SPEC names.
var Rules = []*Rule{
	// Clause text and formulas, as found while assembling.
	TemplateInvalid,
	TemplateUndefined,
	ClauseUnknown,
	ClauseDuplicate,
	FormulaInvalid,
	StatutoryOverride,
	// The refund a formula gives.
	OutOfBounds,
	NotMonotonic,
	BelowProrata,
	// Refund terms: complete.
	GroundsMissing,
	DeadlineMissing,
	ProcessMissing,
	ReviewAfterPayout,
	// Refund terms: lawful.
	PayoutTooSlow,
	Waiver,
	FixedRetention,
	BankFee,
	DeductionSuspicious,
	Conditions,
	WithdrawalInfo,
	WithdrawalPeriod,
	WithdrawalFunction,
	StartConsent,
	Phone,
	SellerCountry,
	DistanceLearning,
	StatutoryText,
	RoLanguage,
	RuLanguage,
	// What the text says.
	TextWaiver,
	TextAccessRendered,
	TextTimeLimit,
	TextRetention,
	TextContradiction,
	DeadlineMismatch,
	// The seller, the site and the refund statement.
	RequisitesMissing,
	TaxIDInvalid,
	NameForm,
	SellerSample,
	BaseURLMissing,
	StatementFieldMissing,
	// Editions.
	EditionStale,
	// The [lint] settings.
	UnjustifiedIgnore,
	UnjustifiedDisable,
	UnknownRule,
}
