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
	// The refund a formula gives.
	OutOfBounds,
	NotMonotonic,
	// Refund terms: complete.
	GroundsMissing,
	DeadlineMissing,
	ProcessMissing,
	// Refund terms: lawful.
	PayoutTooSlow,
	Waiver,
	FixedRetention,
	BankFee,
	WithdrawalInfo,
	WithdrawalPeriod,
	WithdrawalFunction,
	StartConsent,
	Phone,
	SellerCountry,
	DistanceLearning,
	// The seller and the refund statement.
	RequisitesMissing,
	TaxIDInvalid,
	StatementFieldMissing,
	// Editions.
	EditionStale,
	// The [lint] settings.
	UnjustifiedIgnore,
	UnknownRule,
}
