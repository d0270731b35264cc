package render

// String returns the theme's UI string key in language l (see
// Theme.String).
func (r *Renderer) String(l, key string) (string, error) { return r.theme.String(l, key) }
