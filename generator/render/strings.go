package render

// String returns the theme's UI string key in language l, for documents
// made outside the pages (the Word contract of `oferta export`): their
// labels are the pages' own.
func (r *Renderer) String(l, key string) (string, error) {
	s, ok := r.strings[l][key]
	if !ok {
		return "", noString(l, key)
	}
	return s, nil
}
