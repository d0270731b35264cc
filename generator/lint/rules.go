package lint

// Rules is every lint rule, in the order they run. A test checks the list:
// unique names, documentation present, a default severity.
var Rules = []*Rule{
	TemplateInvalid,
	TemplateUndefined,
	ClauseUnknown,
	FormulaInvalid,
}
