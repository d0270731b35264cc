package render

// MarkdownBothWays converts src unit by unit (markdownUnits) and whole by
// goldmark, for the tests of package render_test.
func (r *Renderer) MarkdownBothWays(src string) (units string, ok bool, whole string, err error) {
	units, ok = r.markdownUnits(src)
	whole, err = r.goldmark(src)
	return units, ok, whole, err
}
